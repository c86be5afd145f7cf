/* alvh-application.c — the application: actions, accelerators, windows */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-application.h"
#include "alvh-window.h"

struct _AlvhApplication
{
  AdwApplication  parent_instance;
  GSettings      *settings;
  gboolean        demo_if_empty;
};

G_DEFINE_FINAL_TYPE (AlvhApplication, alvh_application, ADW_TYPE_APPLICATION)

static void
alvh_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (alvh_window_new (ALVH_APPLICATION (app)));
  gtk_window_present (window);
}

static void
alvh_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  AlvhWindow *window;

  alvh_application_activate (app);
  window = ALVH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  alvh_window_import_files (window, files, n_files);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = { "The ALVH Desk developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("ALVH Desk"),
                         "application-icon", APP_ID,
                         "developer-name", _("The ALVH Desk developers"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Protect SPX iron condors with layered VIX hedges: charts, the ALVH evaluator, pricing, replays and a journal."),
                         "website", "https://github.com/alvhdesk/alvh-desk",
                         "issue-url", "https://github.com/alvhdesk/alvh-desk/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* Translators: your name and e-mail */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* The app's one GSettings: the installed schema (an uninstalled build finds
 * its compiled schema through GSETTINGS_SCHEMA_DIR, set by `meson devenv`,
 * tools/dev.sh run and the tests), else NULL: the app then runs with its
 * defaults and remembers nothing, rather than aborting. */
static GSettings *
new_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_warning ("The settings schema %s is not installed: settings will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static void
update_color_scheme (AlvhApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = self->settings ? g_settings_get_string (self->settings, "color-scheme") : NULL;

  if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
color_scheme_changed_cb (GSettings       *settings,
                         const char      *key,
                         AlvhApplication *self)
{
  update_color_scheme (self);
}

static void
alvh_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", quit_activated_cb },
    { "about", about_activated_cb },
  };
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.update-data", { "F5", NULL } },
    { "win.export-report", { "<Control>e", NULL } },
    { "win.add-condor", { "<Control>n", NULL } },
    { "win.preferences", { "<Control>comma", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "win.page('charts')", { "<Alt>1", NULL } },
    { "win.page('positions')", { "<Alt>2", NULL } },
    { "win.page('evaluator')", { "<Alt>3", NULL } },
    { "win.page('journal')", { "<Alt>4", NULL } },
    { "win.page('replay')", { "<Alt>5", NULL } },
    { "window.close", { "<Control>w", NULL } },
  };

  G_APPLICATION_CLASS (alvh_application_parent_class)->startup (app);

  /* here rather than in init: --help and --version need no schema */
  ALVH_APPLICATION (app)->settings = new_settings ();

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  update_color_scheme (ALVH_APPLICATION (app));
  if (ALVH_APPLICATION (app)->settings != NULL)
    g_signal_connect_object (ALVH_APPLICATION (app)->settings, "changed::color-scheme",
                             G_CALLBACK (color_scheme_changed_cb), app, 0);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static int
alvh_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  AlvhApplication *self = ALVH_APPLICATION (app);

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("alvh-desk %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "demo-if-empty"))
    self->demo_if_empty = TRUE;
  return -1;
}

static void
alvh_application_dispose (GObject *object)
{
  AlvhApplication *self = ALVH_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (alvh_application_parent_class)->dispose (object);
}

static void
alvh_application_class_init (AlvhApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = alvh_application_dispose;
  app_class->activate = alvh_application_activate;
  app_class->open = alvh_application_open;
  app_class->startup = alvh_application_startup;
  app_class->handle_local_options = alvh_application_handle_local_options;
}

static void
alvh_application_init (AlvhApplication *self)
{
  static const GOptionEntry options[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
    { "demo-if-empty", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Load the bundled demo data set when there is no market data yet"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("ALVH Desk: protect SPX iron condors with layered VIX hedges.\nFILE: CSV market data files to import."));
}

AlvhApplication *
alvh_application_new (void)
{
  return g_object_new (ALVH_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/alvhdesk/AlvhDesk",
                       NULL);
}

gboolean
alvh_application_get_demo_if_empty (AlvhApplication *self)
{
  g_return_val_if_fail (ALVH_IS_APPLICATION (self), FALSE);
  return self->demo_if_empty;
}

/**
 * alvh_application_get_settings:
 * @self: the application
 *
 * The application's one GSettings; everything else borrows it.  It exists
 * once the application has started up.
 *
 * Returns: (transfer none) (nullable): the settings, or NULL before startup
 *   or when the schema is not installed
 */
GSettings *
alvh_application_get_settings (AlvhApplication *self)
{
  g_return_val_if_fail (ALVH_IS_APPLICATION (self), NULL);
  return self->settings;
}
