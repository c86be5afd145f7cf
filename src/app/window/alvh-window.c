/* alvh-window.c — the main window: header bar, view switcher, pages */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-evaluator.h"

#include "alvh-charts-page.h"
#include "alvh-journal-item.h"
#include "alvh-journal-page.h"
#include "alvh-session.h"
#include "alvh-window.h"
#include "alvh-window-private.h"
#include "alvh-window-follow.h"

G_DEFINE_FINAL_TYPE (AlvhWindow, alvh_window, ADW_TYPE_APPLICATION_WINDOW)

static void
update_main_stack (AlvhWindow *self)
{
  gtk_stack_set_visible_child_name (self->main_stack,
                                    alvh_session_has_market (self->session) ? "content" : "welcome");
}

static void
session_market_changed_cb (AlvhWindow  *self,
                           AlvhSession *session)
{
  alvh_charts_page_set_market (ALVH_CHARTS_PAGE (self->charts_page),
                               alvh_session_get_series (session, "SPX"),
                               alvh_session_get_series (session, "VIX"),
                               alvh_session_get_series (session, "VX"));
  update_main_stack (self);
}

static AdwViewStackPage *
add_page (AlvhWindow *self,
          GtkWidget  *child,
          const char *name,
          const char *title,
          const char *icon_name)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->view_stack, child, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
  alvh_a11y_set_label (child, title);
  return page;
}

static void
save_window_state (AlvhWindow *self)
{
  GSettings *settings = alvh_application_get_settings (ALVH_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
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

/* ---- a demo book (screenshots and tests: ALVH_DEMO_BOOK=1) ------------- */

/* Books an iron condor opened 20 bars before the last bar and the first hedge
 * leg that the evaluator proposes for it (with its signals), through the
 * session into its data directory.  Does nothing when a condor is open. */
void
_alvh_window_book_demo_position (AlvhWindow *self)
{
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhEvaluator) ev = NULL;
  g_autoptr(AlvhCondor) jc = NULL;
  g_autoptr(GError) error = NULL;
  AlvhProfile *profile = alvh_session_get_profile (self->session);
  GPtrArray *open = alvh_session_get_condors (self->session);
  AlvhMarketState m;
  AlvhCondor c = { 0 };
  gsize i0;
  gint64 condor_id;
  gboolean booked = FALSE;

  if (open != NULL && open->len > 0)
    return;
  frame = alvh_market_frame_new_join (alvh_session_get_series (self->session, "SPX"),
                                      alvh_session_get_series (self->session, "VIX"),
                                      alvh_session_get_series (self->session, "VX"),
                                      alvh_session_get_series (self->session, "VVIX"),
                                      alvh_session_get_series (self->session, "BREADTH"),
                                      G_MININT64, G_MAXINT64);
  if (frame == NULL || frame->n < 100)
    return;
  ev = alvh_evaluator_new (frame, profile, NULL);
  i0 = frame->n - 21;
  alvh_evaluator_market_state (ev, i0, &m);

  c.short_put = floor (m.spx * 0.95 / 5.0) * 5.0;
  c.short_call = ceil (m.spx * 1.04 / 5.0) * 5.0;
  c.long_put = c.short_put - 50.0;
  c.long_call = c.short_call + 50.0;
  c.expiry = alvh_friday_on_or_after (frame->time[i0], 45);
  c.units = 2;
  c.opened = frame->time[i0] + 15 * 3600;
  c.credit = round (alvh_condor_value (&c, m.spx, (double) (c.expiry - frame->time[i0]) / 86400.0 / 365.0,
                                       m.iv, m.rate, m.div_yield) * 20.0) / 20.0;
  c.account_id = alvh_session_get_account_id (self->session);
  c.close_price = NAN;
  jc = alvh_condor_copy (&c);
  condor_id = alvh_session_add_condor (self->session, jc, &error);
  if (condor_id <= 0)
    {
      g_warning ("Cannot book the demo condor: %s", error->message);
      return;
    }

  /* the first ADD of the rules after the open, booked with its signals */
  for (gsize i = i0 + 1; i < frame->n && !booked; i++)
    {
      AlvhBook *book = alvh_session_get_book (self->session);
      AlvhDecision d;

      alvh_evaluator_evaluate (ev, i, book, &d);
      if (d.action == ALVH_ACTION_ADD && d.has_leg)
        {
          gint64 leg_id = alvh_session_add_leg_from_decision (self->session, &d, d.leg.premium, d.size,
                                                              _("Demo: the rules proposed this layer"),
                                                              NULL, &error);
          g_autoptr(AlvhLeg) leg = NULL;

          if (leg_id <= 0)
            break;
          leg = alvh_journal_store_get_leg (alvh_session_get_store (self->session), leg_id, NULL);
          if (leg != NULL)
            {
              leg->opened = frame->time[i] + 15 * 3600;
              alvh_session_update_leg (self->session, leg, NULL);
            }
          booked = TRUE;
        }
    }
  if (!booked)
    {
      /* no ADD in the window: a manual first layer 10 bars before the end */
      g_autoptr(AlvhLeg) leg = alvh_leg_new ();
      gsize i = frame->n - 11;

      g_clear_error (&error);
      leg->condor_id = condor_id;
      leg->kind = ALVH_LEG_VIX_CALL_SPREAD;
      leg->long_strike = ceil (frame->vix[i] * 1.10);
      leg->short_strike = leg->long_strike + 5.0;
      leg->expiry = alvh_vix_expiry_first_after (frame->time[i], 30);
      leg->quantity = 2;
      leg->premium = 1.20;
      leg->layer = 1;
      leg->opened = frame->time[i] + 15 * 3600;
      leg->manual = TRUE;
      if (alvh_session_add_leg (self->session, leg, &error) <= 0)
        g_warning ("Cannot book the demo hedge leg: %s", error->message);
    }
}

static gboolean
select_demo_entry_cb (gpointer data)
{
  AlvhJournalPage *journal = data;
  GListModel *entries = G_LIST_MODEL (alvh_journal_page_get_model (journal));

  if (g_list_model_get_n_items (entries) > 0)
    {
      g_autoptr(AlvhJournalItem) item = g_list_model_get_item (entries, 0);
      alvh_journal_page_select_entry (journal, alvh_journal_item_get_id (item));
    }
  return G_SOURCE_REMOVE;
}

/* Runs once the window belongs to its application (the "application"
 * property is set after constructed()). */
static void
restore_state (AlvhWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = app ? alvh_application_get_settings (ALVH_APPLICATION (app)) : NULL;

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

  _alvh_window_load_stored_market (self);
  if (!alvh_session_has_market (self->session) && app != NULL &&
      alvh_application_get_demo_if_empty (ALVH_APPLICATION (app)))
    alvh_window_load_demo (self);
  update_main_stack (self);
  if (g_strcmp0 (g_getenv ("ALVH_DEMO_BOOK"), "1") == 0 && alvh_session_has_market (self->session))
    {
      _alvh_window_book_demo_position (self);
      /* show the leg's journal entry once the page has listed it */
      g_timeout_add_full (G_PRIORITY_DEFAULT, 800, select_demo_entry_cb,
                          g_object_ref (alvh_window_get_page (self, "journal")), g_object_unref);
    }

  /* for screenshots and tests */
  if (g_getenv ("ALVH_INITIAL_PAGE") != NULL && *g_getenv ("ALVH_INITIAL_PAGE") != '\0')
    alvh_window_show_page (self, g_getenv ("ALVH_INITIAL_PAGE"));
  if (g_getenv ("ALVH_WINDOW_SIZE") != NULL)
    {
      int w = 0, h = 0;

      if (sscanf (g_getenv ("ALVH_WINDOW_SIZE"), "%dx%d", &w, &h) == 2 && w > 0 && h > 0)
        gtk_window_set_default_size (GTK_WINDOW (self), w, h);
    }
  if (g_getenv ("ALVH_CHART_RANGE") != NULL)
    alvh_charts_page_set_range (ALVH_CHARTS_PAGE (self->charts_page), g_getenv ("ALVH_CHART_RANGE"));
  if (g_strcmp0 (g_getenv ("ALVH_RUN_REPLAY"), "1") == 0 && alvh_window_get_page (self, "replay") != NULL)
    gtk_widget_activate_action (alvh_window_get_page (self, "replay"), "replay.run", NULL);
  if (g_getenv ("ALVH_CHART_VIEW") != NULL)
    alvh_charts_page_set_view (ALVH_CHARTS_PAGE (self->charts_page), g_getenv ("ALVH_CHART_VIEW"));

  _alvh_window_resume_follow (self);
}

static void
alvh_window_dispose (GObject *object)
{
  AlvhWindow *self = ALVH_WINDOW (object);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->charts_feed != NULL)
    alvh_charts_feed_shutdown (self->charts_feed);
  g_clear_object (&self->charts_feed);
  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_WINDOW);
  G_OBJECT_CLASS (alvh_window_parent_class)->dispose (object);
}

static void
alvh_window_finalize (GObject *object)
{
  AlvhWindow *self = ALVH_WINDOW (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (alvh_window_parent_class)->finalize (object);
}

static void
alvh_window_class_init (AlvhWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = alvh_window_dispose;
  object_class->finalize = alvh_window_finalize;
  window_class->close_request = alvh_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/window/alvh-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AlvhWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhWindow, switcher_title);

  _alvh_window_class_actions_init (klass);
}

static void
alvh_window_init (AlvhWindow *self)
{
  g_autofree char *data_dir = g_build_filename (g_get_user_data_dir (), "alvh-desk", NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->session = alvh_session_new (data_dir);

  self->charts_page = alvh_charts_page_new ();
  add_page (self, self->charts_page, "charts", _("Charts"), "alvh-charts-symbolic");
  _alvh_window_add_other_pages (self, add_page);

  _alvh_window_setup_drop (self);

  g_signal_connect_object (self->session, "market-changed",
                           G_CALLBACK (session_market_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* after the handler above: the page has the new market when the feed runs */
  self->charts_feed = alvh_charts_feed_new (self->session, ALVH_CHARTS_PAGE (self->charts_page));
}

AlvhWindow *
alvh_window_new (AlvhApplication *app)
{
  AlvhWindow *self = g_object_new (ALVH_TYPE_WINDOW, "application", app, NULL);

  restore_state (self);
  return self;
}

gboolean
alvh_window_has_market_data (AlvhWindow *self)
{
  g_return_val_if_fail (ALVH_IS_WINDOW (self), FALSE);
  return alvh_session_has_market (self->session);
}

void
alvh_window_show_page (AlvhWindow *self,
                       const char *name)
{
  g_return_if_fail (ALVH_IS_WINDOW (self));
  if (alvh_session_has_market (self->session))
    adw_view_stack_set_visible_child_name (self->view_stack, name);
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
