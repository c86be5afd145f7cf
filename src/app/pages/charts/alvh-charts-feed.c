/* alvh-charts-feed.c — feeds the Charts page from the context */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-charts-feed.h"
#include "alvh-format.h"
#include "alvh-evaluator.h"
#include "alvh-form.h"
#include "alvh-market-frame.h"
#include "alvh-scenario.h"
#include "alvh-time.h"

#define PAYOFF_POINTS 241
#define PAYOFF_SPAN   0.15
#define MAX_BREAKEVENS 8

struct _AlvhChartsFeed
{
  GObject          parent_instance;

  AlvhChartsPage  *page;         /* whose context the feed reads */
  GCancellable    *cancellable;
  guint            idle_id;
  guint            generation;
  guint            running;
  guint            n_updates;
};

G_DEFINE_FINAL_TYPE (AlvhChartsFeed, alvh_charts_feed, G_TYPE_OBJECT)

enum { UPDATED, ERROR, N_SIGNALS };
static guint signals[N_SIGNALS];

/* the page's context: the feed keeps no copy */
static AlvhContext *
context_of (AlvhChartsFeed *self)
{
  return self->page != NULL ? ALVH_PAGE_CONTEXT (self->page) : NULL;
}

/* ---- work handed to the thread ---------------------------------------- */

typedef struct
{
  gint64  time;
  guint     layer;
  gboolean  closed;
  char     *tooltip;
} LegMark;

typedef struct
{
  guint         generation;
  AlvhSeries   *spx, *vix, *vx, *vvix, *breadth;
  AlvhProfile  *profile;
  GPtrArray    *events;   /* AlvhEvent */
  AlvhBook     *book;
  GArray       *legs;     /* LegMark */

  /* results */
  GArray       *shade_starts;
  GArray       *shade_ends;
  AlvhSeries   *greeks;
  double       *leg_values;   /* SPX close at each leg's bar, NAN when none */
  double        payoff_spx[PAYOFF_POINTS];
  double        payoff_expiry[PAYOFF_POINTS];
  double        payoff_today[PAYOFF_POINTS];
  guint         n_payoff;
  AlvhMarketState market;     /* the last bar's, for the what-if (valid when n_payoff > 0) */
} Work;

static void
leg_mark_clear (gpointer data)
{
  LegMark *m = data;
  g_free (m->tooltip);
}

static void
work_free (Work *w)
{
  g_clear_pointer (&w->spx, alvh_series_unref);
  g_clear_pointer (&w->vix, alvh_series_unref);
  g_clear_pointer (&w->vx, alvh_series_unref);
  g_clear_pointer (&w->vvix, alvh_series_unref);
  g_clear_pointer (&w->breadth, alvh_series_unref);
  g_clear_pointer (&w->profile, alvh_profile_unref);
  g_clear_pointer (&w->events, g_ptr_array_unref);
  g_clear_pointer (&w->book, alvh_book_unref);
  g_clear_pointer (&w->legs, g_array_unref);
  g_clear_pointer (&w->shade_starts, g_array_unref);
  g_clear_pointer (&w->shade_ends, g_array_unref);
  g_clear_pointer (&w->greeks, alvh_series_unref);
  g_free (w->leg_values);
  g_free (w);
}

static AlvhSeries *
ref_or_null (AlvhSeries *s)
{
  return s != NULL ? alvh_series_ref (s) : NULL;
}

/* ---- the thread -------------------------------------------------------- */

/* Where iv_expansion fired, per the evaluator (exactly the spec's rule):
 * runs of consecutive firing bars become [start, end] regions. */
static void
compute_shading (Work          *w,
                 AlvhEvaluator *ev,
                 GCancellable  *cancellable)
{
  AlvhMarketFrame *f = alvh_evaluator_get_frame (ev);
  g_autoptr(AlvhBook) empty = alvh_book_new ();
  AlvhDecision d;
  gssize run_start = -1;

  for (gsize i = 0; i < f->n; i++)
    {
      gboolean fired;

      if ((i & 1023) == 0 && g_cancellable_is_cancelled (cancellable))
        return;
      alvh_evaluator_evaluate (ev, i, empty, &d);
      fired = d.signals[ALVH_SIGNAL_IV_EXPANSION].available && d.signals[ALVH_SIGNAL_IV_EXPANSION].fired;
      if (fired && run_start < 0)
        run_start = (gssize) i;
      if (!fired && run_start >= 0)
        {
          g_array_append_val (w->shade_starts, f->time[run_start]);
          g_array_append_val (w->shade_ends, f->time[i - 1]);
          run_start = -1;
        }
    }
  if (run_start >= 0)
    {
      g_array_append_val (w->shade_starts, f->time[run_start]);
      g_array_append_val (w->shade_ends, f->time[f->n - 1]);
    }
}

static gboolean
opened_by (gint64 open_time,
           gint64 bar_time)
{
  /* daily bars carry their date at 00:00: a position opened that day counts */
  return open_time < bar_time + ALVH_SECONDS_PER_DAY;
}

/* The book's greeks at each bar's market, with the positions open by then:
 * from the oldest open condor's open date (at most the last year). */
static void
compute_greeks (Work          *w,
                AlvhEvaluator *ev)
{
  static const char *columns[] = { "delta", "gamma", "theta", "vega", NULL };
  AlvhMarketFrame *f = alvh_evaluator_get_frame (ev);
  guint n_condors = alvh_book_get_n_condors (w->book);
  gint64 oldest = G_MAXINT64, from;
  gssize first;
  g_autoptr(AlvhBook) partial = alvh_book_new ();
  g_autoptr(AlvhSeries) greeks = NULL;

  if (n_condors == 0 || f->n == 0)
    return;
  for (guint k = 0; k < n_condors; k++)
    oldest = MIN (oldest, alvh_book_get_condor (w->book, k)->opened);
  from = MAX (oldest - ALVH_SECONDS_PER_DAY + 1, f->time[f->n - 1] - 365 * ALVH_SECONDS_PER_DAY);
  first = alvh_market_frame_find_le (f, from);
  if (first < 0 || f->time[first] < from)
    first++;
  if ((gsize) first >= f->n)
    first = (gssize) f->n - 1;

  greeks = alvh_series_new ("greeks", columns);
  alvh_series_reserve (greeks, f->n - (gsize) first);
  for (gsize i = (gsize) first; i < f->n; i++)
    {
      AlvhMarketState m;
      AlvhBookGreeks g;
      double row[4] = { NAN, NAN, NAN, NAN };

      alvh_book_clear (partial);
      for (guint k = 0; k < n_condors; k++)
        {
          const AlvhCondor *c = alvh_book_get_condor (w->book, k);
          if (opened_by (c->opened, f->time[i]))
            alvh_book_add_condor (partial, c);
        }
      for (guint k = 0; k < alvh_book_get_n_legs (w->book); k++)
        if (opened_by (alvh_book_get_leg (w->book, k)->opened, f->time[i]))
          alvh_book_add_leg (partial, alvh_book_get_leg (w->book, k));
      for (guint k = 0; k < alvh_book_get_n_other_legs (w->book); k++)
        if (opened_by (alvh_book_get_other_leg (w->book, k)->opened, f->time[i]))
          alvh_book_add_leg (partial, alvh_book_get_other_leg (w->book, k));
      if (alvh_book_get_n_condors (partial) > 0)
        {
          double mult;

          alvh_evaluator_market_state (ev, i, &m);
          alvh_book_greeks (partial, &m, &g);
          mult = m.multiplier > 0 ? m.multiplier : 100.0;
          row[0] = g.delta_per_unit;                      /* the book_delta signal */
          row[1] = g.spx_gamma;                           /* per SPX point */
          row[2] = (g.spx_theta + g.vix_theta) * mult;    /* dollars per calendar day */
          row[3] = (g.spx_vega + g.vix_vega) * mult;      /* dollars per vol point, as on Positions */
        }
      alvh_series_append (greeks, f->time[i], row, NULL);
    }
  w->greeks = g_steal_pointer (&greeks);
}

static void
compute_payoff (Work          *w,
                AlvhEvaluator *ev)
{
  AlvhMarketFrame *f = alvh_evaluator_get_frame (ev);
  AlvhMarketState m;

  if (alvh_book_get_n_condors (w->book) == 0 || f->n == 0)
    return;
  alvh_evaluator_market_state (ev, f->n - 1, &m);
  if (!(m.spx > 0))
    return;
  for (guint k = 0; k < PAYOFF_POINTS; k++)
    w->payoff_spx[k] = m.spx * (1.0 - PAYOFF_SPAN + 2.0 * PAYOFF_SPAN * k / (PAYOFF_POINTS - 1));
  alvh_scenario_payoff (w->book, &m, w->payoff_spx, PAYOFF_POINTS, w->payoff_expiry, w->payoff_today);
  w->n_payoff = PAYOFF_POINTS;
  w->market = m;
}

static void
feed_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Work *w = task_data;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhEvaluator) ev = NULL;

  w->shade_starts = g_array_new (FALSE, FALSE, sizeof (gint64));
  w->shade_ends = g_array_new (FALSE, FALSE, sizeof (gint64));
  w->leg_values = g_new (double, MAX (w->legs->len, 1));
  for (guint k = 0; k < w->legs->len; k++)
    w->leg_values[k] = NAN;

  if (w->spx != NULL && w->vix != NULL)
    frame = alvh_market_frame_new_join (w->spx, w->vix, w->vx, w->vvix, w->breadth,
                                        G_MININT64, G_MAXINT64);
  if (frame == NULL || frame->n == 0)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  ev = alvh_evaluator_new (frame, w->profile, w->events);

  for (guint k = 0; k < w->legs->len; k++)
    {
      gssize i = alvh_market_frame_find_le (frame, g_array_index (w->legs, LegMark, k).time);
      if (i >= 0)
        w->leg_values[k] = frame->low[i];
    }
  compute_shading (w, ev, cancellable);
  if (g_task_return_error_if_cancelled (task))
    return;
  compute_greeks (w, ev);
  compute_payoff (w, ev);
  g_task_return_boolean (task, TRUE);
}

/* ---- on the main thread ------------------------------------------------ */

/* The first store error is kept in @error (and the leg shown without its
 * signals). */
static char *
leg_tooltip (AlvhChartsFeed       *self,
             const AlvhLeg *leg,
             GError              **error)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autofree char *date = alvh_time_format_ny_date (leg->opened);
  g_autofree char *premium = alvh_format_number (leg->premium, 2, ALVH_FORMAT_SCREEN);
  g_autofree char *what = NULL;
  g_autoptr(GPtrArray) sigs = NULL;

  what = isfinite (leg->short_strike)
         ? g_strdup_printf ("%s %g/%g", alvh_leg_kind_get_title (leg->kind), leg->long_strike, leg->short_strike)
         : g_strdup_printf ("%s %g", alvh_leg_kind_get_title (leg->kind), leg->long_strike);
  if (alvh_leg_is_vix_hedge (leg))
    /* Translators: layer, instrument with its strikes, quantity, premium, date */
    g_string_append_printf (s, _("Layer %d: %s × %g at %s on %s"), leg->layer, what, leg->quantity, premium, date);
  else
    /* Translators: a put bought by hand (no hedge layer): instrument with its strikes, quantity, premium, date */
    g_string_append_printf (s, _("%s × %g at %s on %s"), what, leg->quantity, premium, date);

  if (leg->quantity > 0 && leg->closed_quantity >= leg->quantity)
    g_string_append_printf (s, " (%s)", _("closed"));
  sigs = alvh_book_service_list_leg_signals (alvh_context_get_book (context_of (self)), leg->id,
                                             *error == NULL ? error : NULL);
  if (sigs == NULL || sigs->len == 0)
    {
      g_string_append_c (s, '\n');
      g_string_append (s, leg->manual ? _("Added by hand; no signals recorded")
                                      : _("No signals recorded"));
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  g_string_append_c (s, '\n');
  g_string_append (s, _("Triggered by:"));
  for (guint i = 0; i < sigs->len; i++)
    {
      const AlvhSignal *sig = g_ptr_array_index (sigs, i);
      const char *title = alvh_signal_id_get_title (sig->id);
      g_autofree char *value = alvh_format_number (sig->available ? sig->value : NAN, 3, ALVH_FORMAT_SCREEN);
      g_autofree char *threshold = alvh_format_number (sig->threshold, 3, ALVH_FORMAT_SCREEN);

      g_string_append (s, "\n• ");
      if (isfinite (sig->threshold))
        /* Translators: signal title, its value, its threshold */
        g_string_append_printf (s, _("%s: %s (threshold %s)"), title, value, threshold);
      else
        g_string_append_printf (s, _("%s: %s"), title, value);
      if (sig->fired)
        g_string_append_printf (s, " — %s", _("fired"));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
apply_levels (AlvhChartsFeed *self)
{
  GPtrArray *condors = alvh_book_service_get_condors (alvh_context_get_book (context_of (self)));
  AlvhBook *book = alvh_book_service_get_book (alvh_context_get_book (context_of (self)));
  g_autoptr(GArray) levels = g_array_new (FALSE, TRUE, sizeof (AlvhChartLevel));
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double be[MAX_BREAKEVENS];
  guint n_be = 0;
  gint64 oldest = G_MAXINT64, first_expiry = G_MAXINT64;

  for (guint i = 0; condors != NULL && i < condors->len; i++)
    {
      const AlvhCondor *c = g_ptr_array_index (condors, i);
      const struct { double v; AlvhChartLevelKind kind; const char *fmt; } strikes[] = {
        { c->short_put, ALVH_CHART_LEVEL_SHORT_STRIKE, _("Short put %g") },
        { c->short_call, ALVH_CHART_LEVEL_SHORT_STRIKE, _("Short call %g") },
        { c->long_put, ALVH_CHART_LEVEL_LONG_STRIKE, _("Long put %g") },
        { c->long_call, ALVH_CHART_LEVEL_LONG_STRIKE, _("Long call %g") },
      };

      if (c->expiry == 0)
        continue;
      oldest = MIN (oldest, c->opened);
      first_expiry = MIN (first_expiry, c->expiry);
      for (guint k = 0; k < G_N_ELEMENTS (strikes); k++)
        {
          AlvhChartLevel l = { 0 };
          char *label = g_strdup_printf (strikes[k].fmt, strikes[k].v);

          g_ptr_array_add (labels, label);
          l.value = strikes[k].v;
          l.kind = strikes[k].kind;
          l.label = label;
          l.start = alvh_time_from_ny_day (alvh_time_ny_day (c->opened));
          l.end = 0;
          l.expiry = c->expiry;
          g_array_append_val (levels, l);
        }
    }

  if (book != NULL && alvh_book_get_n_condors (book) > 0 && oldest != G_MAXINT64)
    n_be = alvh_book_break_evens (book, be, MAX_BREAKEVENS);
  for (guint k = 0; k < n_be; k++)
    {
      AlvhChartLevel l = { 0 };
      g_autofree char *price = alvh_format_price (be[k], ALVH_FORMAT_SCREEN);
      char *label = g_strdup_printf (_("Break-even %s"), price);

      g_ptr_array_add (labels, label);
      l.value = be[k];
      l.kind = ALVH_CHART_LEVEL_BREAKEVEN;
      l.label = label;
      l.start = alvh_time_from_ny_day (alvh_time_ny_day (oldest));
      l.end = first_expiry;
      l.expiry = 0;
      g_array_append_val (levels, l);
    }

  alvh_charts_page_set_condor_levels (self->page, (const AlvhChartLevel *) (void *) levels->data, levels->len);
}

static void
feed_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AlvhChartsFeed *self = ALVH_CHARTS_FEED (object);
  GTask *task = G_TASK (result);
  Work *w = g_task_get_task_data (task);
  AlvhProfile *profile;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) markers = NULL;

  self->running--;
  if (!g_task_propagate_boolean (task, &error) || w->generation != self->generation || self->page == NULL)
    return;

  markers = g_array_new (FALSE, TRUE, sizeof (AlvhChartMarker));
  for (guint k = 0; k < w->legs->len; k++)
    {
      const LegMark *lm = &g_array_index (w->legs, LegMark, k);
      g_autofree char *label = g_strdup_printf ("L%u", lm->layer);
      AlvhChartMarker m = {
        .time = lm->time,
        .value = w->leg_values[k],
        .label = NULL,
        .tooltip = lm->tooltip,
        .shape = ALVH_CHART_MARKER_TRIANGLE_UP,
        .color = lm->closed ? ALVH_CHART_COLOR_GRAY : ALVH_CHART_COLOR_ORANGE,
      };
      m.label = g_intern_string (label);
      g_array_append_val (markers, m);
    }
  alvh_charts_page_set_markers (self->page, (const AlvhChartMarker *) (void *) markers->data, markers->len);
  alvh_charts_page_set_shading (self->page,
                                (const gint64 *) (void *) w->shade_starts->data,
                                (const gint64 *) (void *) w->shade_ends->data,
                                w->shade_starts->len);
  profile = alvh_profile_service_get_profile (alvh_context_get_profiles (context_of (self)));
  alvh_charts_page_set_greeks (self->page, w->greeks,
                               profile != NULL ? profile->delta_tolerance : 0.18);
  if (w->n_payoff > 0)
    {
      double be[MAX_BREAKEVENS];
      guint n_be = alvh_book_break_evens (w->book, be, MAX_BREAKEVENS);

      alvh_charts_page_set_whatif (self->page, w->book, &w->market);
      alvh_charts_page_set_payoff (self->page, w->payoff_spx, w->payoff_expiry, w->payoff_today,
                                   w->n_payoff, be, n_be);
    }
  else
    {
      alvh_charts_page_set_whatif (self->page, NULL, NULL);
      alvh_charts_page_set_payoff (self->page, NULL, NULL, NULL, 0, NULL, 0);
    }

  self->n_updates++;
  g_signal_emit (self, signals[UPDATED], 0);
}

static void
start_update (AlvhChartsFeed *self)
{
  AlvhContext *context = context_of (self);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) stored_events = NULL;
  g_autoptr(GPtrArray) all_legs = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *legs;
  AlvhBook *book;
  Work *w;

  if (context == NULL)
    return;

  apply_levels (self);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  w = g_new0 (Work, 1);
  w->generation = ++self->generation;
  w->spx = ref_or_null (alvh_market_service_get_series (alvh_context_get_market (context), "SPX"));
  w->vix = ref_or_null (alvh_market_service_get_series (alvh_context_get_market (context), "VIX"));
  w->vx = ref_or_null (alvh_market_service_get_series (alvh_context_get_market (context), "VX"));
  w->vvix = ref_or_null (alvh_market_service_get_series (alvh_context_get_market (context), "VVIX"));
  w->breadth = ref_or_null (alvh_market_service_get_series (alvh_context_get_market (context), "BREADTH"));
  w->profile = alvh_profile_copy (alvh_profile_service_get_profile (alvh_context_get_profiles (context)));
  book = alvh_book_service_get_book (alvh_context_get_book (context));
  w->book = book != NULL ? alvh_book_copy (book) : alvh_book_new ();

  w->events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
  stored_events = alvh_profile_service_list_events (alvh_context_get_profiles (context), &error);
  for (guint i = 0; stored_events != NULL && i < stored_events->len; i++)
    g_ptr_array_add (w->events, alvh_event_copy (g_ptr_array_index (stored_events, i)));

  w->legs = g_array_new (FALSE, TRUE, sizeof (LegMark));
  g_array_set_clear_func (w->legs, leg_mark_clear);
  /* every leg of the active account, closed ones too (else the open ones) */
  all_legs = alvh_book_service_list_all_legs (alvh_context_get_book (context), &error);
  legs = all_legs != NULL ? all_legs : alvh_book_service_get_legs (alvh_context_get_book (context));
  for (guint i = 0; legs != NULL && i < legs->len; i++)
    {
      const AlvhLeg *jl = g_ptr_array_index (legs, i);
      LegMark m = {
        .time = jl->opened,
        .layer = jl->layer > 0 ? (guint) jl->layer : 1,
        .closed = jl->closed_quantity >= jl->quantity,
        .tooltip = leg_tooltip (self, jl, &error),
      };
      g_array_append_val (w->legs, m);
    }
  if (error != NULL)
    g_signal_emit (self, signals[ERROR], 0, error);

  task = g_task_new (self, self->cancellable, feed_done_cb, NULL);
  g_task_set_source_tag (task, start_update);
  g_task_set_task_data (task, w, (GDestroyNotify) work_free);
  self->running++;
  g_task_run_in_thread (task, feed_thread);
}

static gboolean
idle_update_cb (gpointer data)
{
  AlvhChartsFeed *self = data;

  self->idle_id = 0;
  start_update (self);
  return G_SOURCE_REMOVE;
}

static void
session_changed_cb (AlvhChartsFeed *self)
{
  alvh_charts_feed_queue (self);
}

/* ---- GObject ----------------------------------------------------------- */

static void
alvh_charts_feed_dispose (GObject *object)
{
  AlvhChartsFeed *self = ALVH_CHARTS_FEED (object);

  alvh_charts_feed_shutdown (self);
  g_clear_object (&self->page);
  G_OBJECT_CLASS (alvh_charts_feed_parent_class)->dispose (object);
}

static void
alvh_charts_feed_finalize (GObject *object)
{
  AlvhChartsFeed *self = ALVH_CHARTS_FEED (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (alvh_charts_feed_parent_class)->finalize (object);
}

static void
alvh_charts_feed_class_init (AlvhChartsFeedClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = alvh_charts_feed_dispose;
  object_class->finalize = alvh_charts_feed_finalize;

  /* Emitted after the page received a new set of overlays. */
  signals[UPDATED] = g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* Emitted with the GError when the journal could not be read (the legs
   * are then shown without it). */
  signals[ERROR] = g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
alvh_charts_feed_init (AlvhChartsFeed *self)
{
  self->cancellable = g_cancellable_new ();
}

/* ---- public API -------------------------------------------------------- */

AlvhChartsFeed *
alvh_charts_feed_new (AlvhChartsPage *page)
{
  static const char *names[] = {
    "market", "book", "journal", "profile", "events",
  };
  AlvhChartsFeed *self;
  AlvhContext *context;

  g_return_val_if_fail (ALVH_IS_CHARTS_PAGE (page), NULL);
  context = ALVH_PAGE_CONTEXT (page);
  g_return_val_if_fail (ALVH_IS_CONTEXT (context), NULL);

  self = g_object_new (ALVH_TYPE_CHARTS_FEED, NULL);
  self->page = g_object_ref (page);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    alvh_context_connect (context, names[i], G_CALLBACK (session_changed_cb), self);
  if (alvh_market_service_has_market (alvh_context_get_market (context)))
    alvh_charts_feed_queue (self);
  return self;
}

void
alvh_charts_feed_queue (AlvhChartsFeed *self)
{
  g_return_if_fail (ALVH_IS_CHARTS_FEED (self));

  if (context_of (self) == NULL || self->idle_id != 0)
    return;
  self->idle_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, idle_update_cb, self, NULL);
}

gboolean
alvh_charts_feed_is_busy (AlvhChartsFeed *self)
{
  g_return_val_if_fail (ALVH_IS_CHARTS_FEED (self), FALSE);
  return self->idle_id != 0 || self->running > 0;
}

guint
alvh_charts_feed_get_n_updates (AlvhChartsFeed *self)
{
  g_return_val_if_fail (ALVH_IS_CHARTS_FEED (self), 0);
  return self->n_updates;
}

void
alvh_charts_feed_shutdown (AlvhChartsFeed *self)
{
  g_return_if_fail (ALVH_IS_CHARTS_FEED (self));

  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  if (context_of (self) != NULL)
    alvh_context_disconnect (context_of (self), self);
  /* a running task keeps self alive; its result is dropped */
  self->generation++;
}
