/* main.c — ALVH Desk */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "alvh-application.h"
#include "alvh-format.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AlvhApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* ALVH_LOCALEDIR, else the build tree's catalogues when run from it */
  alvh_format_bind_textdomain ();

  g_set_application_name (_("ALVH Desk"));

  app = alvh_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
