/* alvh-replay-page.c — the Replay page: run the rules over history (issue 7)
 *
 * A run joins the context's series over the chosen period, builds an
 * evaluator with the chosen profile and the macro events, and walks the bars
 * in a GTask thread.  The thread reports progress into a shared counter that
 * the page polls; Cancel cancels the GCancellable.  The same thread gathers
 * the run's hedges for the Attribution view.
 *
 * The research views (issue 20) share the period and the profile above
 * them, each in its own file: Compare (alvh-replay-compare.c), Sweep
 * (alvh-replay-sweep.c), Walk Forward (alvh-replay-walk-forward.c) and
 * Attribution (alvh-replay-attribution.c).
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-equity-view.h"
#include "alvh-form.h"
#include "alvh-replay-attribution.h"
#include "alvh-replay-compare.h"
#include "alvh-label-cells.h"
#include "alvh-replay-page.h"
#include "alvh-replay-sweep.h"
#include "alvh-replay-trade-item.h"
#include "alvh-replay-walk-forward.h"

typedef struct
{
  AlvhMarketFrame *frame;
  AlvhProfile     *profile;
  GPtrArray       *events;     /* AlvhEvent */
  gint64           from;       /* the period booked and reported */
  gint64           to;
  gint             permille;   /* progress, atomic */
  GArray          *hedges;     /* AlvhAttributionHedge, set by the thread */
} RunData;

struct _AlvhReplayPage
{
  AlvhPage           parent_instance;

  AdwToastOverlay   *toast_overlay;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkDropDown       *profile_dropdown;
  GtkProgressBar    *progress_bar;
  GtkStack          *result_stack;
  AlvhEquityView    *equity_view;
  GtkColumnView     *trade_view;
  GtkGrid           *summary_grid;
  GtkStack          *view_stack;
  AlvhReplayCompare *compare_view;
  AlvhReplaySweep   *sweep_view;
  AlvhReplayWalkForward *walk_forward_view;
  AlvhReplayAttribution *attribution_view;

  GtkStringList     *profiles;
  GListStore        *trades;
  GtkSortListModel  *sorted;
  AlvhReplayResult  *result;
  AlvhProfile       *result_profile; /* the profile the result ran with */
  GCancellable      *cancellable;
  RunData           *run;          /* rc box while running */
  guint              progress_source;
  gboolean           recording;    /* "Record in Journal" runs in a thread */
};

G_DEFINE_FINAL_TYPE (AlvhReplayPage, alvh_replay_page, ALVH_TYPE_PAGE)

static void alvh_replay_page_context_set (AlvhPage    *page,
                                          AlvhContext *context);

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
run_data_clear (gpointer data)
{
  RunData *run = data;

  g_clear_pointer (&run->frame, alvh_market_frame_unref);
  g_clear_pointer (&run->profile, alvh_profile_unref);
  g_clear_pointer (&run->events, g_ptr_array_unref);
  g_clear_pointer (&run->hedges, g_array_unref);
}

static void
run_data_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, run_data_clear);
}

/* ---- helpers ---- */

static void
toast (AlvhReplayPage *self,
       const char     *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static void
update_actions (AlvhReplayPage *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "replay.run", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "replay.cancel", running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "replay.record",
                                 !running && !self->recording && self->result != NULL);
}

static void
reload_profiles (AlvhReplayPage *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = alvh_profile_service_dup_profile_names (alvh_context_get_profiles (ALVH_PAGE_CONTEXT (self)), &error);
  AlvhProfile *active = alvh_profile_service_get_profile (alvh_context_get_profiles (ALVH_PAGE_CONTEXT (self)));
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  guint select = 0;

  if (names == NULL)
    {
      const char * const only_default[] = { "Default", NULL };

      toast (self, error->message);
      names = g_strdupv ((char **) only_default);
    }
  gtk_string_list_splice (self->profiles, 0, n_old, (const char * const *) names);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (active != NULL && g_strcmp0 (names[i], alvh_profile_get_name (active)) == 0)
      select = i;
  gtk_drop_down_set_selected (self->profile_dropdown, select);
  alvh_replay_compare_reload_profiles (self->compare_view);
}

static gboolean
parse_date (GtkEntry *entry,
            gint64   *out,
            gint64    unbounded)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  if (*text == '\0')
    {
      *out = unbounded;
      return TRUE;
    }
  if (!alvh_time_parse_date (text, strlen (text), out))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return FALSE;
    }
  return TRUE;
}

/* ---- trade table ---- */

/* a trade's cell: its P&L coloured by its sign (a hedge without layers not) */
static char *
trade_text_cb (gpointer    item,
               const char *key,
               int        *sign)
{
  AlvhReplayTradeItem *trade = item;

  if (g_str_equal (key, "condor") || g_str_equal (key, "total") ||
      (g_str_equal (key, "hedge") && alvh_replay_trade_item_get_trade (trade)->n_layers > 0))
    *sign = alvh_replay_trade_item_get_value (trade, key) >= 0 ? 1 : -1;
  return alvh_replay_trade_item_dup_text (trade, key);
}

static int
trade_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const char *key = user_data;
  double va = alvh_replay_trade_item_get_value ((AlvhReplayTradeItem *) a, key);
  double vb = alvh_replay_trade_item_get_value ((AlvhReplayTradeItem *) b, key);

  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
add_trade_column (AlvhReplayPage *self,
                  const char     *key,
                  const char     *title,
                  gboolean        expand)
{
  gboolean numeric = !g_str_equal (key, "open") && !g_str_equal (key, "close") && !g_str_equal (key, "strikes");
  AlvhLabelCellLook look = { numeric ? 1.0f : 0.0f, TRUE, 0 };
  GtkListItemFactory *factory = alvh_label_cell_factory_new (key, &look, trade_text_cb);
  GtkColumnViewColumn *column;
  GtkSorter *sorter;

  column = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (trade_compare_cb, (gpointer) key, NULL));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->trade_view, column);
  g_object_unref (column);
}

static void
trade_activate_cb (AlvhReplayPage *self,
                   guint           position)
{
  alvh_replay_page_go_to_trade (self, position);
}

/* ---- summary ---- */

static void
summary_row (AlvhReplayPage *self,
             int             row,
             const char     *title,
             const char     *hedged,
             const char     *unhedged)
{
  GtkWidget *t = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (t), 0);
  gtk_grid_attach (self->summary_grid, t, 0, row, 1, 1);
  if (hedged != NULL)
    {
      GtkWidget *h = gtk_label_new (hedged);
      gtk_label_set_xalign (GTK_LABEL (h), 1);
      gtk_widget_add_css_class (h, "numeric");
      gtk_label_set_selectable (GTK_LABEL (h), TRUE);
      gtk_grid_attach (self->summary_grid, h, 1, row, unhedged ? 1 : 2, 1);
    }
  if (unhedged != NULL)
    {
      GtkWidget *u = gtk_label_new (unhedged);
      gtk_label_set_xalign (GTK_LABEL (u), 1);
      gtk_widget_add_css_class (u, "numeric");
      gtk_label_set_selectable (GTK_LABEL (u), TRUE);
      gtk_grid_attach (self->summary_grid, u, 2, row, 1, 1);
    }
  if (hedged == NULL && unhedged == NULL)
    gtk_widget_add_css_class (t, "heading");
}

static void
fill_summary (AlvhReplayPage   *self,
              AlvhReplayResult *r)
{
  GtkWidget *child;
  int row = 0;
  g_autofree char *profile = NULL;
  g_autofree char *bars = NULL;
  g_autofree char *trades = NULL;
  g_autofree char *adds = NULL;
  g_autofree char *blocked = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_grid))) != NULL)
    gtk_grid_remove (self->summary_grid, child);

  {
    GtkWidget *h = gtk_label_new (_("Hedged"));
    GtkWidget *u = gtk_label_new (_("Unhedged"));

    gtk_widget_add_css_class (h, "heading");
    gtk_widget_add_css_class (u, "heading");
    gtk_label_set_xalign (GTK_LABEL (h), 1);
    gtk_label_set_xalign (GTK_LABEL (u), 1);
    gtk_grid_attach (self->summary_grid, h, 1, row, 1, 1);
    gtk_grid_attach (self->summary_grid, u, 2, row, 1, 1);
    row++;
  }
#define MONEY_ROW(title, field) \
  { g_autofree char *h = alvh_format_money (r->hedged.field, ALVH_MONEY_WHOLE); g_autofree char *u = alvh_format_money (r->unhedged.field, ALVH_MONEY_WHOLE); \
    summary_row (self, row++, title, h, u); }
  MONEY_ROW (_("Total P&L"), total_pnl);
  MONEY_ROW (_("Max drawdown"), max_drawdown);
  MONEY_ROW (_("Worst trade"), worst_trade);
  MONEY_ROW (_("Hedge cost"), hedge_cost);
#undef MONEY_ROW

  profile = g_strdup_printf ("%s v%d", r->profile_name ? r->profile_name : "?", r->profile_version);
  bars = alvh_format_number ((double) r->n_bars, 0, ALVH_FORMAT_SCREEN); /* "2,587" */
  trades = g_strdup_printf ("%u", r->trades ? r->trades->len : 0);
  adds = g_strdup_printf ("%u", r->n_add);
  blocked = g_strdup_printf ("%u", r->n_blocked);
  summary_row (self, row++, _("Profile"), profile, NULL);
  summary_row (self, row++, _("Bars"), bars, NULL);
  summary_row (self, row++, _("Trades"), trades, NULL);
  if (r->trades != NULL && r->trades->len > 0 && r->n_bars > 0)
    {
      const AlvhReplayTrade *t = &g_array_index (r->trades, AlvhReplayTrade, r->trades->len - 1);
      g_autofree char *day = alvh_time_format_ny_date (t->open_at_end ? r->time[r->n_bars - 1] : t->close_time);
      /* TRANSLATORS: the replay's last condor is in the totals at its mark on that date */
      g_autofree char *state = t->open_at_end ? g_strdup_printf (_("Open, marked on %s"), day)
                                              : g_strdup_printf (_("Closed on %s"), day);

      summary_row (self, row++, _("Last trade"), state, NULL);
    }
  summary_row (self, row++, _("Hedge legs added"), adds, NULL);
  summary_row (self, row++, _("Blocked (not accretive)"), blocked, NULL);
  summary_row (self, row++, _("Layers by Branch"), NULL, NULL);
  for (int b = 0; b < ALVH_N_BRANCHES; b++)
    if (r->adds_by_branch[b] > 0)
      {
        g_autofree char *n = g_strdup_printf ("%u", r->adds_by_branch[b]);
        summary_row (self, row++, alvh_format_key (alvh_branch_to_string ((AlvhBranch) b)), n, NULL);
      }
}

static void
show_result (AlvhReplayPage   *self,
             AlvhReplayResult *r)
{
  g_clear_pointer (&self->result, alvh_replay_result_unref);
  self->result = alvh_replay_result_ref (r);

  alvh_equity_view_set_money (self->equity_view, TRUE);
  alvh_equity_view_set_data (self->equity_view, r->time, r->n_bars,
                             r->equity_hedged, _("Hedged"),
                             r->equity_unhedged, _("Unhedged"));
  g_list_store_remove_all (self->trades);
  for (guint i = 0; r->trades != NULL && i < r->trades->len; i++)
    {
      g_autoptr(AlvhReplayTradeItem) item =
        alvh_replay_trade_item_new (&g_array_index (r->trades, AlvhReplayTrade, i), i);
      g_list_store_append (self->trades, item);
    }
  fill_summary (self, r);
  gtk_stack_set_visible_child_name (self->result_stack, "result");
}

/* ---- running ---- */

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  RunData *run = user_data;

  g_atomic_int_set (&run->permille, (gint) CLAMP (fraction * 1000.0, 0, 1000));
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  g_autoptr(AlvhEvaluator) evaluator = NULL;
  GError *error = NULL;
  AlvhReplayOptions options;
  AlvhReplayResult *result;

  evaluator = alvh_evaluator_new (run->frame, run->profile, run->events);
  /* the decisions are kept for "Record in Journal" */
  alvh_replay_options_init (&options);
  options.from = run->from;
  options.to = run->to;
  options.flags = ALVH_REPLAY_KEEP_DECISIONS;
  options.progress_func = progress_cb;
  options.progress_data = run;
  result = alvh_replay_run (evaluator, &options, cancellable, &error);
  /* the Attribution view's hedges, marked by this evaluator */
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  run->hedges = alvh_attribution_hedges_from_replay_marked (result, evaluator, &error);
  if (run->hedges == NULL)
    {
      alvh_replay_result_unref (result);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, (GDestroyNotify) alvh_replay_result_unref);
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  AlvhReplayPage *self = user_data;
  double fraction;
  g_autofree char *text = NULL;

  if (self->run == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }
  fraction = g_atomic_int_get (&self->run->permille) / 1000.0;
  gtk_progress_bar_set_fraction (self->progress_bar, fraction);
  text = g_strdup_printf ("%.0f %%", 100 * fraction);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  AlvhReplayPage *self = ALVH_REPLAY_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhReplayResult) result = g_task_propagate_pointer (G_TASK (res), &error);

  if (result != NULL && self->run != NULL && self->run->profile != NULL)
    {
      g_clear_pointer (&self->result_profile, alvh_profile_unref);
      self->result_profile = alvh_profile_ref (self->run->profile);
      alvh_replay_attribution_set_hedges (self->attribution_view, self->run->hedges);
    }
  g_clear_pointer (&self->run, run_data_unref);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  update_actions (self);

  if (result == NULL)
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, cancelled ? _("Cancelled") : _("Failed"));
      if (!cancelled && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
        toast (self, error->message);
    }
  else
    {
      gtk_progress_bar_set_fraction (self->progress_bar, 1);
      gtk_progress_bar_set_text (self->progress_bar, _("Done"));
      show_result (self, result);
    }
  update_actions (self);
  g_signal_emit (self, signals[FINISHED], 0, result != NULL);
}

static void
run_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  alvh_replay_page_run (ALVH_REPLAY_PAGE (widget));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  alvh_replay_page_cancel (ALVH_REPLAY_PAGE (widget));
}

static void
record_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  alvh_replay_page_record_async (ALVH_REPLAY_PAGE (widget));
}

/* ---- GObject ---- */

static void
alvh_replay_page_dispose (GObject *object)
{
  AlvhReplayPage *self = ALVH_REPLAY_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->trade_view != NULL)
    gtk_column_view_set_model (self->trade_view, NULL);
  alvh_page_dispose_template (ALVH_PAGE (self), ALVH_TYPE_REPLAY_PAGE);
  G_OBJECT_CLASS (alvh_replay_page_parent_class)->dispose (object);
}

static void
alvh_replay_page_finalize (GObject *object)
{
  AlvhReplayPage *self = ALVH_REPLAY_PAGE (object);

  g_clear_pointer (&self->result, alvh_replay_result_unref);
  g_clear_pointer (&self->result_profile, alvh_profile_unref);
  g_clear_pointer (&self->run, run_data_unref);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->trades);
  g_clear_object (&self->sorted);
  g_clear_object (&self->profiles);
  G_OBJECT_CLASS (alvh_replay_page_parent_class)->finalize (object);
}

static void
alvh_replay_page_class_init (AlvhReplayPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_replay_page_dispose;
  ALVH_PAGE_CLASS (klass)->context_set = alvh_replay_page_context_set;
  object_class->finalize = alvh_replay_page_finalize;

  /**
   * AlvhReplayPage::finished:
   * @ok: TRUE when the run produced a result
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  g_type_ensure (ALVH_TYPE_EQUITY_VIEW);
  g_type_ensure (ALVH_TYPE_REPLAY_COMPARE);
  g_type_ensure (ALVH_TYPE_REPLAY_SWEEP);
  g_type_ensure (ALVH_TYPE_REPLAY_WALK_FORWARD);
  g_type_ensure (ALVH_TYPE_REPLAY_ATTRIBUTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/replay/alvh-replay-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, profile_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, result_stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, equity_view);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, trade_view);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, summary_grid);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, compare_view);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, sweep_view);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, walk_forward_view);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayPage, attribution_view);

  gtk_widget_class_install_action (widget_class, "replay.run", NULL, run_action_cb);
  gtk_widget_class_install_action (widget_class, "replay.cancel", NULL, cancel_action_cb);
  gtk_widget_class_install_action (widget_class, "replay.record", NULL, record_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "replay.cancel", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "replaypage");
}

static void
alvh_replay_page_init (AlvhReplayPage *self)
{
  g_autoptr(GtkSingleSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->profiles = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->profile_dropdown, G_LIST_MODEL (self->profiles));
  alvh_form_set_ellipsizing_factory (self->profile_dropdown, 12);

  self->trades = g_list_store_new (ALVH_TYPE_REPLAY_TRADE_ITEM);
  add_trade_column (self, "open", _("Open"), FALSE);
  add_trade_column (self, "close", _("Close"), FALSE);
  add_trade_column (self, "strikes", _("Strikes"), TRUE);
  add_trade_column (self, "condor", _("Condor P&L"), FALSE);
  add_trade_column (self, "hedge", _("Hedge P&L"), FALSE);
  add_trade_column (self, "total", _("Total"), FALSE);
  add_trade_column (self, "cost", _("Hedge Cost"), FALSE);
  add_trade_column (self, "layers", _("Layers"), FALSE);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->trades)),
                                          g_object_ref (gtk_column_view_get_sorter (self->trade_view)));
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_column_view_set_model (self->trade_view, GTK_SELECTION_MODEL (selection));
  gtk_column_view_set_single_click_activate (self->trade_view, FALSE);
  g_signal_connect_swapped (self->trade_view, "activate", G_CALLBACK (trade_activate_cb), self);

  gtk_progress_bar_set_text (self->progress_bar, _("Ready"));
  update_actions (self);
}

/* ---- the context arrives ---- */

static void
alvh_replay_page_context_set (AlvhPage    *page,
                              AlvhContext *context)
{
  AlvhReplayPage *self = ALVH_REPLAY_PAGE (page);

  reload_profiles (self);
  alvh_context_connect (context, "profile", G_CALLBACK (reload_profiles), self);
  alvh_replay_sweep_reset_ranges (self->sweep_view);
}

/* ---- public API ---- */

GtkWidget *
alvh_replay_page_new (AlvhContext *context)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (context), NULL);
  return g_object_new (ALVH_TYPE_REPLAY_PAGE, "context", context, NULL);
}

void
alvh_replay_page_set_period (AlvhReplayPage *self,
                             const char     *from,
                             const char     *to)
{
  g_return_if_fail (ALVH_IS_REPLAY_PAGE (self));
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from ? from : "");
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to ? to : "");
}

void
alvh_replay_inputs_free (AlvhReplayInputs *inputs)
{
  if (inputs == NULL)
    return;
  g_clear_pointer (&inputs->frame, alvh_market_frame_unref);
  g_clear_pointer (&inputs->profile, alvh_profile_unref);
  g_clear_pointer (&inputs->events, g_ptr_array_unref);
  g_free (inputs);
}

/* The period from the entries, the whole last day included; FALSE with @error. */
static gboolean
read_period (AlvhReplayPage  *self,
             gint64          *from,
             gint64          *to,
             GError         **error)
{
  if (!parse_date (self->from_entry, from, G_MININT64) ||
      !parse_date (self->to_entry, to, G_MAXINT64))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Dates are written YYYY-MM-DD"));
      return FALSE;
    }
  if (*from != G_MININT64 && *to != G_MAXINT64 && *to < *from)
    {
      /* both fields marked, and said in words */
      gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The period ends before it starts: “From” must be on or before “To”"));
      return FALSE;
    }
  if (*to != G_MAXINT64)
    *to = alvh_time_from_ny_day (alvh_time_ny_day (*to) + 1) - 1;   /* the whole day */
  return TRUE;
}

/* The profile chosen in the drop-down, else the active one, else the
 * spec's; NULL with @error when the chosen one cannot be read (a replay
 * never runs silently with another profile than the one shown). */
static AlvhProfile *
chosen_profile (AlvhReplayPage  *self,
                GError         **error)
{
  AlvhProfileService *profiles = alvh_context_get_profiles (ALVH_PAGE_CONTEXT (self));
  GObject *selected = gtk_drop_down_get_selected_item (self->profile_dropdown);
  AlvhProfile *profile = NULL;

  if (selected != NULL)
    {
      profile = alvh_profile_service_load_profile (profiles,
                                                   gtk_string_object_get_string (GTK_STRING_OBJECT (selected)),
                                                   error);
      if (profile == NULL)
        return NULL;
    }
  if (profile == NULL && alvh_profile_service_get_profile (profiles) != NULL)
    profile = alvh_profile_ref (alvh_profile_service_get_profile (profiles));
  return profile != NULL ? profile : alvh_profile_new ();
}

AlvhReplayInputs *
alvh_replay_page_dup_inputs (AlvhReplayPage  *self,
                             GError         **error)
{
  AlvhMarketService *market;
  g_autoptr(AlvhReplayInputs) in = g_new0 (AlvhReplayInputs, 1);
  g_autoptr(GPtrArray) stored_events = NULL;

  g_return_val_if_fail (ALVH_IS_REPLAY_PAGE (self), NULL);
  if (!read_period (self, &in->from, &in->to, error))
    return NULL;
  market = alvh_context_get_market (ALVH_PAGE_CONTEXT (self));
  if (!alvh_market_service_has_market (market))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("A replay needs SPX and VIX history: import it or load the demo data"));
      return NULL;
    }
  stored_events = alvh_profile_service_list_events (alvh_context_get_profiles (ALVH_PAGE_CONTEXT (self)), error);
  if (stored_events == NULL)
    return NULL;
  in->events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
  for (guint i = 0; i < stored_events->len; i++)
    g_ptr_array_add (in->events, alvh_event_copy (g_ptr_array_index (stored_events, i)));
  in->profile = chosen_profile (self, error);
  if (in->profile == NULL)
    return NULL;
  /* the period limits what is booked, never what is known (ALVH-SPEC.md section 5) */
  in->frame = alvh_market_frame_new_join (alvh_market_service_get_series (market, "SPX"),
                                          alvh_market_service_get_series (market, "VIX"),
                                          alvh_market_service_get_series (market, "VX"),
                                          alvh_market_service_get_series (market, "VVIX"),
                                          alvh_market_service_get_series (market, "BREADTH"),
                                          G_MININT64, G_MAXINT64);
  if (in->frame == NULL || in->frame->n == 0 || alvh_market_frame_find_le (in->frame, in->to) < 0 ||
      in->frame->time[in->frame->n - 1] < in->from)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No bars in that period"));
      return NULL;
    }
  return g_steal_pointer (&in);
}

static AlvhReplayPage *
page_of (GtkWidget *view)
{
  GtkWidget *page = gtk_widget_get_ancestor (view, ALVH_TYPE_REPLAY_PAGE);

  return page != NULL ? ALVH_REPLAY_PAGE (page) : NULL;
}

AlvhReplayInputs *
alvh_replay_page_dup_inputs_for (GtkWidget  *view,
                                 GError    **error)
{
  AlvhReplayPage *self = page_of (view);

  if (self == NULL || ALVH_PAGE_CONTEXT (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The Replay page is not ready"));
      return NULL;
    }
  return alvh_replay_page_dup_inputs (self, error);
}

guint
alvh_replay_page_get_sweep_axes_for (GtkWidget     *view,
                                     AlvhSweepAxis *axes,
                                     GError       **error)
{
  AlvhReplayPage *self = page_of (view);

  if (self == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The Replay page is not ready"));
      return 0;
    }
  return alvh_replay_sweep_get_axes (self->sweep_view, axes, error);
}

void
alvh_replay_page_toast (GtkWidget  *view,
                        const char *text)
{
  AlvhReplayPage *self = page_of (view);

  if (self != NULL)
    toast (self, text);
}

void
alvh_replay_page_show_progress (GtkProgressBar *bar,
                                guint           done,
                                guint           total)
{
  g_autofree char *text = g_strdup_printf (_("%u of %u replays"), done, total);

  gtk_progress_bar_set_fraction (bar, total > 0 ? (double) done / total : 0.0);
  gtk_progress_bar_set_text (bar, text);
}

void
alvh_replay_page_show_outcome (GtkWidget      *view,
                               GtkProgressBar *bar,
                               const GError   *error)
{
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  gtk_progress_bar_set_fraction (bar, error == NULL ? 1.0 : 0.0);
  gtk_progress_bar_set_text (bar, error == NULL ? _("Done") : cancelled ? _("Cancelled") : _("Failed"));
  if (error != NULL && !cancelled && gtk_widget_get_root (view) != NULL)
    alvh_replay_page_toast (view, error->message);
}

void
alvh_replay_page_show_view (AlvhReplayPage *self,
                            const char     *name)
{
  g_return_if_fail (ALVH_IS_REPLAY_PAGE (self));
  gtk_stack_set_visible_child_name (self->view_stack, name);
}

gboolean
alvh_replay_page_run (AlvhReplayPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhReplayInputs) inputs = NULL;
  RunData *run;

  g_return_val_if_fail (ALVH_IS_REPLAY_PAGE (self), FALSE);
  if (self->cancellable != NULL)
    return FALSE;
  inputs = alvh_replay_page_dup_inputs (self, &error);
  if (inputs == NULL)
    {
      toast (self, error->message);
      return FALSE;
    }

  run = g_atomic_rc_box_new0 (RunData);
  run->frame = g_steal_pointer (&inputs->frame);
  run->profile = g_steal_pointer (&inputs->profile);
  run->events = g_steal_pointer (&inputs->events);
  run->from = inputs->from;
  run->to = inputs->to;
  self->run = g_atomic_rc_box_acquire (run);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, run_done_cb, NULL);
  g_task_set_source_tag (task, alvh_replay_page_run);
  g_task_set_task_data (task, run, run_data_unref);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, "0 %");
  self->progress_source = g_timeout_add (100, progress_timeout_cb, self);
  update_actions (self);
  g_task_run_in_thread (task, run_thread);
  return TRUE;
}

void
alvh_replay_page_cancel (AlvhReplayPage *self)
{
  g_return_if_fail (ALVH_IS_REPLAY_PAGE (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
alvh_replay_page_is_running (AlvhReplayPage *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_PAGE (self), FALSE);
  return self->cancellable != NULL;
}

AlvhReplayResult *
alvh_replay_page_get_result (AlvhReplayPage *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_PAGE (self), NULL);
  return self->result;
}

GListModel *
alvh_replay_page_get_trades (AlvhReplayPage *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_PAGE (self), NULL);
  return G_LIST_MODEL (self->sorted);
}

void
alvh_replay_page_go_to_trade (AlvhReplayPage *self,
                              guint           position)
{
  g_autoptr(AlvhReplayTradeItem) item = NULL;

  g_return_if_fail (ALVH_IS_REPLAY_PAGE (self));
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  if (item == NULL)
    return;
  /* pages reach each other through the window's actions */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.chart-time", "x", alvh_replay_trade_item_get_open (item));
}

/* The equity curves as they are on screen, as PNG; NULL when not shown. */
static GBytes *
render_equity_png (AlvhReplayPage *self)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkNative *native = gtk_widget_get_native (GTK_WIDGET (self));
  int w = gtk_widget_get_width (GTK_WIDGET (self->equity_view));
  int h = gtk_widget_get_height (GTK_WIDGET (self->equity_view));

  if (w <= 0 || h <= 0 || native == NULL)
    return NULL;
  paintable = gtk_widget_paintable_new (GTK_WIDGET (self->equity_view));
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return NULL;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  return texture != NULL ? gdk_texture_save_to_png_bytes (texture) : NULL;
}

static void
record_done_cb (GObject      *source,
                GAsyncResult *res,
                gpointer      user_data)
{
  g_autoptr(AlvhReplayPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 account_id = alvh_decision_service_record_replay_finish (ALVH_DECISION_SERVICE (source), res, &error);

  self->recording = FALSE;
  update_actions (self);
  if (account_id == 0)
    {
      toast (self, error->message);
      return;
    }
  toast (self, _("The replay is recorded in the journal"));
}

/* What "Record in Journal" does: alvh_replay_page_record() in a thread with
 * its own connection to the journal file; the action is off meanwhile and a
 * toast says how it went.  FALSE (and a toast) when it cannot start. */
gboolean
alvh_replay_page_record_async (AlvhReplayPage *self)
{
  AlvhDecisionService *decisions;
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (ALVH_IS_REPLAY_PAGE (self), FALSE);
  if (self->recording)
    return FALSE;
  decisions = alvh_context_get_decisions (ALVH_PAGE_CONTEXT (self));
  if (self->result == NULL || self->result->n_bars == 0)
    {
      toast (self, _("Run a replay first"));
      return FALSE;
    }
  if (!alvh_decision_service_has_journal (decisions))
    {
      toast (self, _("The journal database is not open"));
      return FALSE;
    }

  png = render_equity_png (self);
  self->recording = TRUE;
  update_actions (self);
  alvh_decision_service_record_replay_async (decisions, self->result, self->result_profile, png,
                                             NULL, record_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
alvh_replay_page_is_recording (AlvhReplayPage *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_PAGE (self), FALSE);
  return self->recording;
}

/* The run as a journal account (alvh_replay_result_record(), the same code
 * as `alvh replay --journal`): its condors, hedge legs, notable decisions
 * with their signal snapshots and links, an entry per leg, and the summary
 * entry, tagged "replay", with the equity chart attached. */
gint64
alvh_replay_page_record (AlvhReplayPage  *self,
                         GError         **error)
{
  AlvhReplayResult *r;
  g_autoptr(GBytes) png = NULL;

  g_return_val_if_fail (ALVH_IS_REPLAY_PAGE (self), 0);
  r = self->result;
  if (r == NULL || r->n_bars == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Run a replay first"));
      return 0;
    }

  png = render_equity_png (self);
  return alvh_decision_service_record_replay (alvh_context_get_decisions (ALVH_PAGE_CONTEXT (self)),
                                              r, self->result_profile, png, error);
}
