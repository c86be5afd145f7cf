/* alvh-evaluator-page.c — the Evaluator page: the decision for the latest bar
 * or as of any past time, with the book it evaluated
 *
 * The decision (action, branch, layer, size, proposed leg, estimated cost,
 * profile), the plain-language explanation and a GtkColumnView with every
 * signal (n/a shown as "n/a", never 0).  "Add This Leg" confirms the proposed
 * leg into the journal; "Skip" records the decision as skipped.  The page
 * evaluates again whenever the market, the book, the profile or the macro
 * events change.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-add-leg-dialog.h"
#include "alvh-evaluator-page.h"
#include "alvh-events-dialog.h"
#include "alvh-form.h"
#include "alvh-leg-preview.h"
#include "alvh-signal-text.h"
#include "alvh-skip-dialog.h"
#include "alvh-template.h"

struct _AlvhEvaluatorPage
{
  AlvhPage      parent_instance;

  /* Template */
  GtkWidget    *stack;
  GtkWidget    *empty_page;
  GtkWidget    *action_label;
  GtkWidget    *summary_label;
  GtkWidget    *explanation_label;
  GtkWidget    *signals_view;
  GtkWidget    *as_of_entry;
  GtkWidget    *as_of_label;
  GtkWidget    *stale_box;
  GtkWidget    *stale_label;
  GtkWidget    *book_group;
  GtkWidget    *book_label;
  GtkWidget    *preview;
  GtkWidget    *bar_label;    /* the decision group's values */
  GtkWidget    *branch_label;
  GtkWidget    *layer_label;
  GtkWidget    *leg_label;
  GtkWidget    *cost_label;
  GtkWidget    *budget_label;
  GtkWidget    *profile_label;

  /* Owned */
  AlvhDecision *decision;
  AlvhBook     *book;        /* the book the decision evaluated */
  gint64        as_of;       /* 0 = the latest bar */
};

G_DEFINE_FINAL_TYPE (AlvhEvaluatorPage, alvh_evaluator_page, ALVH_TYPE_PAGE)

static void alvh_evaluator_page_context_set (AlvhPage    *page,
                                             AlvhContext *context);

enum { COL_TITLE, COL_KEY, COL_KIND, COL_VALUE, COL_THRESHOLD, COL_FIRED, N_COLS };

/* ---- formatting ------------------------------------------------------ */

/* a signal in its unit: alvh-signal-text.h (the reports and the CLI use it too) */
char *
alvh_evaluator_format_value (const AlvhSignal *signal)
{
  return alvh_signal_format_value (signal);
}

char *
alvh_evaluator_format_threshold (const AlvhSignal *signal)
{
  return alvh_signal_format_threshold (signal);
}

static const char *
branch_title (AlvhBranch branch)
{
  switch (branch)
    {
    case ALVH_BRANCH_NO_POSITION: return _("No open condor");
    case ALVH_BRANCH_MAX_LAYERS: return _("All layers used");
    case ALVH_BRANCH_COOLDOWN: return _("Cooling down after the last leg");
    case ALVH_BRANCH_REGIME: return _("Regime shift with a real-time rule");
    case ALVH_BRANCH_FIXED: return _("Fixed trigger");
    case ALVH_BRANCH_CONFLUENCE: return _("Confluence of real-time rules");
    case ALVH_BRANCH_NONE: return _("No rule calls for a hedge");
    case ALVH_BRANCH_NOT_ACCRETIVE: return _("Hedge budget exceeded");
    case ALVH_N_BRANCHES:
    default: return "";
    }
}

/* ---- the signal table ------------------------------------------------ */

static const AlvhSignal *
item_signal (AlvhEvaluatorPage *self,
             GtkListItem       *item)
{
  guint pos = gtk_list_item_get_position (item);

  if (self->decision == NULL || pos >= ALVH_N_SIGNALS)
    return NULL;
  return &self->decision->signals[pos];
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));

  gtk_label_set_xalign (GTK_LABEL (label), col >= COL_VALUE ? 1.0 : 0.0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);
  if (col >= COL_VALUE)
    gtk_widget_add_css_class (label, "numeric");
  if (col == COL_KEY)
    gtk_widget_add_css_class (label, "monospace");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AlvhEvaluatorPage        *self)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  const AlvhSignal *s = item_signal (self, item);
  guint col = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (label, "signal-fired");
  gtk_widget_remove_css_class (label, "signal-na");
  if (s == NULL)
    {
      gtk_label_set_text (GTK_LABEL (label), "");
      return;
    }
  switch (col)
    {
    case COL_TITLE:
      text = g_strdup (alvh_signal_id_get_title (s->id));
      break;
    case COL_KEY:
      text = g_strdup (alvh_signal_id_to_key (s->id));
      break;
    case COL_KIND:
      text = g_strdup (s->kind == ALVH_SIGNAL_KIND_REALTIME ? _("real-time") : _("fixed"));
      break;
    case COL_VALUE:
      text = alvh_evaluator_format_value (s);
      if (!s->available)
        gtk_widget_add_css_class (label, "signal-na");
      break;
    case COL_THRESHOLD:
      text = alvh_evaluator_format_threshold (s);
      break;
    case COL_FIRED:
    default:
      if (!s->available)
        {
          text = g_strdup (_("n/a"));
          gtk_widget_add_css_class (label, "signal-na");
        }
      else if (s->fired)
        {
          text = g_strdup (_("fired"));
          gtk_widget_add_css_class (label, "signal-fired");
        }
      else
        text = g_strdup (_("no"));
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
}

static void
add_column (AlvhEvaluatorPage *self,
            guint              col,
            const char        *title,
            gboolean           expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (col));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->signals_view), column);
  g_object_unref (column);
}

static void
set_signal_model (AlvhEvaluatorPage *self)
{
  g_autoptr(GtkStringList) keys = gtk_string_list_new (NULL);
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->decision != NULL)
    for (guint i = 0; i < ALVH_N_SIGNALS; i++)
      gtk_string_list_append (keys, alvh_signal_id_to_key (i));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&keys)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->signals_view), GTK_SELECTION_MODEL (selection));
}

/* ---- the decision ---------------------------------------------------- */

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

/* The book the decision evaluated, one line per position. */
static void
show_book (AlvhEvaluatorPage *self,
           gint64             t)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *when = alvh_form_format_time (t);
  g_autofree char *description = g_strdup_printf (_("As it stood at %s: positions opened later are absent, closed or expired ones gone"), when);
  guint n_condors = self->book != NULL ? alvh_book_get_n_condors (self->book) : 0;
  guint n_legs = self->book != NULL ? alvh_book_get_n_legs (self->book) : 0;

  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->book_group), description);
  for (guint i = 0; i < n_condors; i++)
    {
      const AlvhCondor *c = alvh_book_get_condor (self->book, i);
      g_autofree char *opened = alvh_form_format_time (c->opened);
      g_autofree char *expiry = alvh_time_format_ny_date (c->expiry);

      g_string_append_printf (text, _("Condor %g × %g / %g — %g / %g, expires %s, credit %.2f, opened %s"),
                              c->units, c->long_put, c->short_put, c->short_call, c->long_call,
                              expiry, c->credit, opened);
      g_string_append_c (text, '\n');
    }
  for (guint i = 0; i < n_legs; i++)
    {
      const AlvhLeg *l = alvh_book_get_leg (self->book, i);
      g_autofree char *desc = alvh_describe_leg (l);
      g_autofree char *opened = alvh_form_format_time (l->opened);

      g_string_append_printf (text, _("Layer %u: %s × %g at %.2f, opened %s"),
                              l->layer, desc, alvh_leg_open_quantity (l), l->premium, opened);
      g_string_append_c (text, '\n');
    }
  /* the puts bought by hand: in book_delta, in no layer */
  for (guint i = 0; self->book != NULL && i < alvh_book_get_n_other_legs (self->book); i++)
    {
      const AlvhLeg *l = alvh_book_get_other_leg (self->book, i);
      g_autofree char *desc = alvh_describe_leg (l);
      g_autofree char *opened = alvh_form_format_time (l->opened);

      g_string_append_printf (text, _("%s × %g at %.2f, opened %s (no hedge layer)"),
                              desc, alvh_leg_open_quantity (l), l->premium, opened);
      g_string_append_c (text, '\n');
    }
  if (text->len == 0)
    g_string_append (text, _("No open condor and no hedge leg"));
  else
    g_string_truncate (text, text->len - 1);
  gtk_label_set_text (GTK_LABEL (self->book_label), text->str);
}

/* Says whether the data is stale (the latest bar older than the last NYSE
 * session before now) and offers Update Data. */
static gboolean
show_staleness (AlvhEvaluatorPage *self,
                gint64             now)
{
  AlvhDecisionService *decisions = alvh_context_get_decisions (ALVH_PAGE_CONTEXT (self));
  gboolean stale = alvh_decision_service_is_stale (decisions, now);

  if (stale)
    {
      g_autofree char *last = alvh_time_format_ny_date (alvh_decision_service_get_last_bar_time (decisions));
      g_autofree char *session = alvh_time_format_ny_date (alvh_time_from_ny_day (alvh_calendar_last_session_day (now)));
      g_autofree char *text = g_strdup_printf (_("The data is stale: the latest bar is of %s, but the NYSE has closed a session on %s since. "
                                                 "The decision below is the one of %s; update the data for today’s."),
                                               last, session, last);

      gtk_label_set_text (GTK_LABEL (self->stale_label), text);
    }
  gtk_widget_set_visible (self->stale_box, stale);
  return stale;
}

static void
show_decision (AlvhEvaluatorPage *self,
               gboolean           stale,
               gint64             now)
{
  const AlvhDecision *d = self->decision;
  g_autofree char *date = alvh_time_format_ny_date (d->time);
  g_autofree char *spx = alvh_format_price (d->spx, ALVH_FORMAT_SCREEN);
  g_autofree char *vix = alvh_format_price (d->vix, ALVH_FORMAT_SCREEN);
  g_autofree char *bar = g_strdup_printf (_("Close of %s · SPX %s · VIX %s"), date, spx, vix);
  /* the branch's sentence, not its key */
  g_autofree char *branch = g_strdup (branch_title (d->branch));
  g_autofree char *layer = NULL, *leg = NULL, *cost = NULL, *budget = NULL, *profile = NULL;
  g_autofree char *summary = NULL, *action = NULL, *explanation = NULL;
  g_autofree char *paid = alvh_format_money (d->premium_paid, ALVH_MONEY_CENTS);
  g_autofree char *limit = alvh_format_money (d->max_hedge_cost_ratio * d->credit_collected, ALVH_MONEY_CENTS);
  const char *action_class;

  switch (d->action)
    {
    case ALVH_ACTION_ADD:
      action = g_strdup_printf (ngettext ("ADD layer %u: %g contract", "ADD layer %u: %g contracts",
                                          d->size == 1 ? 1 : 2),
                                d->layer, d->size);
      if (stale && self->as_of == 0)
        {
          /* an ADD on stale data says so */
          g_autofree char *with = g_strdup_printf (_("%s — on stale data of %s"), action, date);

          g_free (action);
          action = g_steal_pointer (&with);
        }
      action_class = "decision-add";
      break;
    case ALVH_ACTION_BLOCKED:
      action = g_strdup_printf (_("BLOCKED: layer %u would break the hedge budget"), d->layer);
      action_class = "decision-blocked";
      break;
    case ALVH_ACTION_HOLD:
    default:
      action = g_strdup (_("HOLD"));
      action_class = "decision-hold";
      break;
    }
  gtk_widget_remove_css_class (self->action_label, "decision-add");
  gtk_widget_remove_css_class (self->action_label, "decision-hold");
  gtk_widget_remove_css_class (self->action_label, "decision-blocked");
  gtk_widget_add_css_class (self->action_label, action_class);
  gtk_label_set_text (GTK_LABEL (self->action_label), action);

  summary = g_strdup_printf (_("%s · real-time rules fired: %u of quorum %u · profile %s v%d"),
                             branch_title (d->branch), d->realtime_fired, d->realtime_quorum,
                             d->profile_name, d->profile_version);
  gtk_label_set_text (GTK_LABEL (self->summary_label), summary);

  layer = d->layer > 0 ? g_strdup_printf (_("%u (used %u of %u)"), d->layer, d->layers_used, d->max_layers)
                       : g_strdup_printf (_("none (used %u of %u)"), d->layers_used, d->max_layers);
  if (d->has_leg)
    {
      g_autofree char *desc = alvh_describe_leg (&d->leg);

      leg = g_strdup_printf (_("%s × %g at %.2f (F %.2f, vol %.0f %%)"), desc, d->size, d->leg.premium,
                             d->leg_forward, 100 * d->leg_vol);
      if (self->as_of == 0 && alvh_time_is_expired_at (d->leg.expiry, now))
        {
          /* a leg whose expiry has passed is never offered */
          g_autofree char *expired = g_strdup_printf (_("%s — expired, not offered"), leg);

          g_free (leg);
          leg = g_steal_pointer (&expired);
        }
      cost = alvh_format_money (d->estimated_cost, ALVH_MONEY_CENTS);
    }
  else
    {
      leg = g_strdup (_("none"));
      cost = g_strdup (_("n/a"));
    }
  {
    g_autofree char *ratio = alvh_format_percent (d->max_hedge_cost_ratio, 0, ALVH_FORMAT_SCREEN);

    budget = g_strdup_printf (_("%s paid of %s allowed (%s of the credit)"), paid, limit, ratio);
  }
  profile = g_strdup_printf (_("%s, version %d"), d->profile_name, d->profile_version);

  set_label (self->bar_label, bar);
  set_label (self->branch_label, branch);
  set_label (self->layer_label, layer);
  set_label (self->leg_label, leg);
  set_label (self->cost_label, cost);
  set_label (self->budget_label, budget);
  set_label (self->profile_label, profile);

  explanation = alvh_decision_dup_explanation_text (d);
  gtk_label_set_text (GTK_LABEL (self->explanation_label), explanation);

  /* a past decision is for reading; an expired leg is never offered */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluator.add-leg",
                                 d->action == ALVH_ACTION_ADD && self->as_of == 0 &&
                                 !alvh_time_is_expired_at (d->leg.expiry, now));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluator.skip",
                                 self->as_of == 0 &&
                                 (d->action == ALVH_ACTION_ADD || d->action == ALVH_ACTION_BLOCKED));
}

/* The proposed leg previewed before it is booked (AlvhLegPreview): the
 * payoff, the scenario grid and the hedge coverage at -1/-2/-3 SD without
 * and with it, in the latest bar's market (a past decision's: in its bar's,
 * against the book as it stood); with a condor and no leg it says so. */
static void
show_preview (AlvhEvaluatorPage *self)
{
  const AlvhDecision *d = self->decision;
  AlvhMarketState m;
  AlvhDecisionService *decisions = alvh_context_get_decisions (ALVH_PAGE_CONTEXT (self));
  /* the latest decision in the market Positions marks at; a past one in its bar's */
  gboolean shown = self->book != NULL && alvh_book_get_n_condors (self->book) > 0 &&
                   (self->as_of == 0 ? alvh_decision_service_get_market_state (decisions, &m)
                                     : alvh_decision_service_get_market_state_at (decisions, d->time, &m));

  gtk_widget_set_visible (self->preview, shown);
  if (shown && d->has_leg)
    {
      AlvhLeg leg = d->leg;

      leg.notes = NULL;
      leg.quantity = d->size;
      leg.closed_quantity = 0;
      alvh_leg_preview_set (ALVH_LEG_PREVIEW (self->preview), self->book, &leg, &m);
    }
  else
    alvh_leg_preview_set (ALVH_LEG_PREVIEW (self->preview), NULL, NULL, NULL);
}

void
alvh_evaluator_page_refresh (AlvhEvaluatorPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ALVH_IS_EVALUATOR_PAGE (self));

  gint64 now = alvh_time_now ();
  gboolean stale;

  g_clear_pointer (&self->decision, alvh_decision_free);
  g_clear_pointer (&self->book, alvh_book_unref);
  self->decision = alvh_decision_service_evaluate_at (alvh_context_get_decisions (ALVH_PAGE_CONTEXT (self)),
                                                      self->as_of, now, &self->book, &error);
  set_signal_model (self);
  if (self->decision == NULL)
    {
      adw_status_page_set_description (ADW_STATUS_PAGE (self->empty_page), error->message);
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluator.add-leg", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "evaluator.skip", FALSE);
      return;
    }
  stale = show_staleness (self, now);
  {
    gint64 bar = alvh_time_bar_close (self->decision->time);
    gint64 t = self->as_of != 0 ? MAX (self->as_of, bar) : stale ? bar : MAX (now, bar);
    g_autofree char *day = alvh_time_format_ny_date (self->decision->time);
    g_autofree char *text = self->as_of != 0
      ? g_strdup_printf (_("A past decision: the bar of %s, for reading only"), day)
      : g_strdup_printf (_("The latest bar, of %s"), day);

    gtk_label_set_text (GTK_LABEL (self->as_of_label), text);
    show_book (self, t);
  }
  show_decision (self, stale, now);
  show_preview (self);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "decision");
}

/* ---- actions --------------------------------------------------------- */

static GtkWindow *
parent_window (AlvhEvaluatorPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
alvh_evaluator_page_add_leg (AlvhEvaluatorPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (ALVH_IS_EVALUATOR_PAGE (self), NULL);
  if (self->decision == NULL || !self->decision->has_leg)
    return NULL;
  dialog = alvh_add_leg_dialog_new (parent_window (self), GTK_WIDGET (self), ALVH_PAGE_CONTEXT (self), self->decision);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkWidget *
alvh_evaluator_page_skip (AlvhEvaluatorPage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (ALVH_IS_EVALUATOR_PAGE (self), NULL);
  if (self->decision == NULL)
    return NULL;
  dialog = alvh_skip_dialog_new (parent_window (self), GTK_WIDGET (self), ALVH_PAGE_CONTEXT (self), self->decision);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GtkWidget *
alvh_evaluator_page_show_events (AlvhEvaluatorPage *self)
{
  AlvhEventsDialog *dialog;

  g_return_val_if_fail (ALVH_IS_EVALUATOR_PAGE (self), NULL);
  dialog = alvh_events_dialog_new (parent_window (self), ALVH_PAGE_CONTEXT (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

void
alvh_evaluator_page_set_as_of (AlvhEvaluatorPage *self,
                               gint64             at)
{
  g_return_if_fail (ALVH_IS_EVALUATOR_PAGE (self));
  self->as_of = at;
  if (at == 0)
    gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), "");
  else
    {
      g_autofree char *text = alvh_time_format_in_zone (at, NULL, "%Y-%m-%d %H:%M");
      g_autofree char *day = alvh_time_format_ny_date (at);

      /* a date's close shows as the date alone */
      gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry),
                             at == alvh_time_bar_close (alvh_time_from_ny_day (alvh_time_ny_day (at))) ? day : text);
    }
  if (ALVH_PAGE_CONTEXT (self) != NULL)
    alvh_evaluator_page_refresh (self);
}

static void
as_of_activate_cb (AlvhEvaluatorPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->as_of_entry))));
  gint64 at;

  gtk_widget_remove_css_class (self->as_of_entry, "error");
  if (*text == '\0')
    {
      alvh_evaluator_page_set_as_of (self, 0);
      return;
    }
  if (!alvh_time_parse_date (text, strlen (text), &at))
    {
      gtk_widget_add_css_class (self->as_of_entry, "error");
      return;
    }
  /* a date alone is its 16:00 New York close, where its daily bar stands */
  if (strchr (text, ':') == NULL)
    at = alvh_time_bar_close (at);
  self->as_of = at;
  alvh_evaluator_page_refresh (self);
}

static void
latest_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  alvh_evaluator_page_set_as_of (ALVH_EVALUATOR_PAGE (widget), 0);
}

static void
add_leg_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  alvh_evaluator_page_add_leg (ALVH_EVALUATOR_PAGE (widget));
}

static void
skip_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  alvh_evaluator_page_skip (ALVH_EVALUATOR_PAGE (widget));
}

static void
events_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  alvh_evaluator_page_show_events (ALVH_EVALUATOR_PAGE (widget));
}

/* ---- object ---------------------------------------------------------- */

static void
alvh_evaluator_page_dispose (GObject *object)
{
  AlvhEvaluatorPage *self = ALVH_EVALUATOR_PAGE (object);

  alvh_page_dispose_template (ALVH_PAGE (self), ALVH_TYPE_EVALUATOR_PAGE);
  G_OBJECT_CLASS (alvh_evaluator_page_parent_class)->dispose (object);
}

static void
alvh_evaluator_page_finalize (GObject *object)
{
  AlvhEvaluatorPage *self = ALVH_EVALUATOR_PAGE (object);

  g_clear_pointer (&self->decision, alvh_decision_free);
  g_clear_pointer (&self->book, alvh_book_unref);
  G_OBJECT_CLASS (alvh_evaluator_page_parent_class)->finalize (object);
}

static void
alvh_evaluator_page_class_init (AlvhEvaluatorPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  static const AlvhTemplateChild children[] = {
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, stack),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, empty_page),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, action_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, summary_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, explanation_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, signals_view),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, as_of_entry),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, as_of_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, stale_box),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, stale_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, book_group),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, book_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, preview),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, bar_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, branch_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, layer_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, leg_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, cost_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, budget_label),
    ALVH_TEMPLATE_CHILD (AlvhEvaluatorPage, profile_label),
  };

  g_type_ensure (ALVH_TYPE_LEG_PREVIEW);
  object_class->dispose = alvh_evaluator_page_dispose;
  ALVH_PAGE_CLASS (klass)->context_set = alvh_evaluator_page_context_set;
  object_class->finalize = alvh_evaluator_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/evaluator/alvh-evaluator-page.ui");
  alvh_template_bind_children (widget_class, children, G_N_ELEMENTS (children));
  gtk_widget_class_bind_template_callback (widget_class, as_of_activate_cb);

  gtk_widget_class_install_action (widget_class, "evaluator.add-leg", NULL, add_leg_action);
  gtk_widget_class_install_action (widget_class, "evaluator.skip", NULL, skip_action);
  gtk_widget_class_install_action (widget_class, "evaluator.events", NULL, events_action);
  gtk_widget_class_install_action (widget_class, "evaluator.latest", NULL, latest_action);
}

static void
alvh_evaluator_page_init (AlvhEvaluatorPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  add_column (self, COL_TITLE, _("Signal"), TRUE);
  /* no Key column: people read the signal's name (JSON and the CLI keep keys) */
  add_column (self, COL_KIND, _("Kind"), FALSE);
  add_column (self, COL_VALUE, _("Value"), FALSE);
  add_column (self, COL_THRESHOLD, _("Threshold"), FALSE);
  add_column (self, COL_FIRED, _("Fired"), FALSE);
}

static void
alvh_evaluator_page_context_set (AlvhPage    *page,
                                 AlvhContext *context)
{
  AlvhEvaluatorPage *self = ALVH_EVALUATOR_PAGE (page);
  const char *slices[] = { "market", "book", "profile", "events" };

  for (guint i = 0; i < G_N_ELEMENTS (slices); i++)
    alvh_context_connect (context, slices[i], G_CALLBACK (alvh_evaluator_page_refresh), self);
  alvh_evaluator_page_refresh (self);
}

GtkWidget *
alvh_evaluator_page_new (AlvhContext *context)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (context), NULL);
  return g_object_new (ALVH_TYPE_EVALUATOR_PAGE, "context", context, NULL);
}

AlvhBook *
alvh_evaluator_page_get_book (AlvhEvaluatorPage *self)
{
  g_return_val_if_fail (ALVH_IS_EVALUATOR_PAGE (self), NULL);
  return self->book;
}

/**
 * alvh_evaluator_page_get_preview:
 * @self: the page
 *
 * Returns: (transfer none): the preview of the proposed leg (an AlvhLegPreview)
 */
GtkWidget *
alvh_evaluator_page_get_preview (AlvhEvaluatorPage *self)
{
  g_return_val_if_fail (ALVH_IS_EVALUATOR_PAGE (self), NULL);
  return self->preview;
}

const AlvhDecision *
alvh_evaluator_page_get_decision (AlvhEvaluatorPage *self)
{
  g_return_val_if_fail (ALVH_IS_EVALUATOR_PAGE (self), NULL);
  return self->decision;
}

guint
alvh_evaluator_page_get_n_signal_rows (AlvhEvaluatorPage *self)
{
  GtkSelectionModel *model;

  g_return_val_if_fail (ALVH_IS_EVALUATOR_PAGE (self), 0);
  model = gtk_column_view_get_model (GTK_COLUMN_VIEW (self->signals_view));
  return model ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}
