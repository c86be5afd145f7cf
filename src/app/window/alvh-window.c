/* alvh-window.c — the main window: header bar, view switcher, pages */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-a11y.h"

#include "alvh-charts-page.h"
#include "alvh-evaluator-page.h"
#include "alvh-journal-page.h"
#include "alvh-positions-page.h"
#include "alvh-replay-page.h"
#include "alvh-context.h"
#include "alvh-window.h"
#include "alvh-window-private.h"
#include "alvh-window-follow.h"

G_DEFINE_FINAL_TYPE (AlvhWindow, alvh_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_main_stack (AlvhWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack,
                                    alvh_market_service_has_market (alvh_context_get_market (self->context)) ? "content" : "welcome");
}

static void
market_changed_cb (AlvhWindow        *self,
                   AlvhMarketService *market)
{
  update_main_stack (self);
}

/* A book that cannot be read shows empty: say why, each time it is reloaded */
static void
book_changed_cb (AlvhWindow      *self,
                 AlvhBookService *book)
{
  const GError *error = alvh_book_service_get_error (book);

  if (error != NULL)
    alvh_window_add_toast (self, error->message);
}

/* What could not be opened or read when the app started */
static void
report_startup_errors (AlvhWindow *self)
{
  const GError *errors[] = {
    alvh_context_get_store_error (self->context),
    alvh_book_service_get_error (alvh_context_get_book (self->context)),
    alvh_profile_service_get_error (alvh_context_get_profiles (self->context)),
  };

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (errors[i] != NULL)
      alvh_window_add_toast (self, errors[i]->message);
}

/* Screen readers name each page by its title */
static void
label_pages (AlvhWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->view_stack);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      alvh_a11y_set_label (adw_view_stack_page_get_child (page), adw_view_stack_page_get_title (page));
    }
}

static void
save_window_state (AlvhWindow *self)
{
  GSettings *settings = self->settings;
  int width, height;

  if (settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set (settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (settings, "last-page", adw_view_stack_get_visible_child_name (self->view_stack));
}

static gboolean
alvh_window_close_request (GtkWindow *window)
{
  save_window_state (ALVH_WINDOW (window));
  return GTK_WINDOW_CLASS (alvh_window_parent_class)->close_request (window);
}

/* Runs once the window belongs to its application (the "application"
 * property is set after constructed()). */
static void
restore_state (AlvhWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = self->settings;

  if (settings != NULL)
    {
      int width, height;
      g_autofree char *last_page = NULL;

      g_settings_get (settings, "window-size", "(ii)", &width, &height);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      last_page = g_settings_get_string (settings, "last-page");
      if (adw_view_stack_get_child_by_name (self->view_stack, last_page) != NULL)
        adw_view_stack_set_visible_child_name (self->view_stack, last_page);
    }

  report_startup_errors (self);
  _alvh_window_load_stored_market (self);
  if (!alvh_market_service_has_market (alvh_context_get_market (self->context)) && app != NULL &&
      alvh_application_get_demo_if_empty (ALVH_APPLICATION (app)))
    alvh_window_load_demo (self);
  update_main_stack (self);
  _alvh_window_resume_follow (self);
}

static void
alvh_window_dispose (GObject *object)
{
  AlvhWindow *self = ALVH_WINDOW (object);

  if (self->context != NULL)
    g_signal_handlers_disconnect_by_data (alvh_context_get_market (self->context), self);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_WINDOW);
  G_OBJECT_CLASS (alvh_window_parent_class)->dispose (object);
}

static void
alvh_window_finalize (GObject *object)
{
  AlvhWindow *self = ALVH_WINDOW (object);

  g_clear_object (&self->context);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (alvh_window_parent_class)->finalize (object);
}

static void
alvh_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  AlvhWindow *self = ALVH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
alvh_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AlvhWindow *self = ALVH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The context and the pages need the settings (a construct property) */
static void
alvh_window_constructed (GObject *object)
{
  AlvhWindow *self = ALVH_WINDOW (object);

  G_OBJECT_CLASS (alvh_window_parent_class)->constructed (object);

  self->context = alvh_context_new (NULL, self->settings);
  /* the template binds it to the pages: they set themselves up now */
  g_object_notify_by_pspec (object, properties[PROP_CONTEXT]);
  label_pages (self);

  _alvh_window_setup_drop (self);

  g_signal_connect_object (alvh_context_get_market (self->context), "changed",
                           G_CALLBACK (market_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (alvh_context_get_book (self->context), "changed",
                           G_CALLBACK (book_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
alvh_window_class_init (AlvhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = alvh_window_constructed;
  object_class->dispose = alvh_window_dispose;
  object_class->finalize = alvh_window_finalize;
  object_class->set_property = alvh_window_set_property;
  object_class->get_property = alvh_window_get_property;
  window_class->close_request = alvh_window_close_request;

  /**
   * AlvhWindow:settings: (nullable)
   *
   * The application's settings (NULL without an application or its schema):
   * the window's size and page, the active account and profile, the followed
   * file and the download addresses.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /**
   * AlvhWindow:context:
   *
   * What the pages share; the template binds it to every page's context.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ALVH_TYPE_CONTEXT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (ALVH_TYPE_CHARTS_PAGE);
  g_type_ensure (ALVH_TYPE_POSITIONS_PAGE);
  g_type_ensure (ALVH_TYPE_EVALUATOR_PAGE);
  g_type_ensure (ALVH_TYPE_JOURNAL_PAGE);
  g_type_ensure (ALVH_TYPE_REPLAY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/window/alvh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AlvhWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AlvhWindow, charts_page);

  _alvh_window_class_actions_init (klass);
}

static void
alvh_window_init (AlvhWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* screen readers read "Load Demo Data", not "Load _Demo Data Load Demo Data" */
  alvh_a11y_label_mnemonic_buttons (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

AlvhWindow *
alvh_window_new (AlvhApplication *app)
{
  AlvhWindow *self = g_object_new (ALVH_TYPE_WINDOW,
                                   "application", app,
                                   "settings", app ? alvh_application_get_settings (app) : NULL,
                                   NULL);

  restore_state (self);
  return self;
}

gboolean
alvh_window_has_market_data (AlvhWindow *self)
{
  g_return_val_if_fail (ALVH_IS_WINDOW (self), FALSE);
  return alvh_market_service_has_market (alvh_context_get_market (self->context));
}

void
alvh_window_show_page (AlvhWindow *self,
                       const char *name)
{
  g_return_if_fail (ALVH_IS_WINDOW (self));
  if (alvh_market_service_has_market (alvh_context_get_market (self->context)))
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * alvh_window_get_context:
 * @self: the window
 *
 * Returns: (transfer none): the context the window's pages share
 */
AlvhContext *
alvh_window_get_context (AlvhWindow *self)
{
  g_return_val_if_fail (ALVH_IS_WINDOW (self), NULL);
  return self->context;
}

GtkWidget *
alvh_window_get_page (AlvhWindow *self,
                      const char *name)
{
  g_return_val_if_fail (ALVH_IS_WINDOW (self), NULL);
  return adw_view_stack_get_child_by_name (self->view_stack, name);
}

void
alvh_window_add_toast (AlvhWindow *self,
                       const char *message)
{
  AdwToast *toast;

  g_return_if_fail (ALVH_IS_WINDOW (self));
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * alvh_window_add_file_toast:
 * @self: the window
 * @message: what was saved
 * @path: the file, opened by the toast's Open button
 *
 * Returns: (transfer none): the toast
 */
AdwToast *
alvh_window_add_file_toast (AlvhWindow *self,
                            const char *message,
                            const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  g_return_val_if_fail (ALVH_IS_WINDOW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target (toast, "s", uri);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return toast;
}
