/* main.c — ALVH Desk */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "alvh-application.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(AlvhApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("ALVH_LOCALEDIR") ? g_getenv ("ALVH_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("ALVH Desk"));

  app = alvh_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
