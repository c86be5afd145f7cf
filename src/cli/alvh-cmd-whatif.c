/* alvh-cmd-whatif.c — `alvh whatif`: the book under a moved market
 *
 * The book of an account marked on a moved date, SPX vol and VIX
 * (alvh-scenario.h), the scenario grid (SPX -10 % .. +5 % x VIX -20 % ..
 * +150 %), the probability of profit and of touching each short strike
 * (lognormal SPX at the implied vol, drift r - q) and each position's greeks:
 * every open position of the account, SPX puts and VIX puts too (the
 * book's other legs).  --with-proposed adds the leg the evaluator
 * proposes on that bar (the decision of `alvh eval`) and prints the grid,
 * the P&L and the hedge coverage at SPX -1/-2/-3 SD without and with it.
 */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-chart-scenario.h"
#include "alvh-cli.h"
#include "alvh-core.h"
#include "alvh-stored-eval.h"

typedef struct
{
  const char       *account;
  AlvhBook         *book;
  AlvhMarketState   market;
  AlvhScenario      scenario;
  AlvhBookMark      now;
  AlvhBookMark      moved;
  double            grid[ALVH_SCENARIO_N_SPX * ALVH_SCENARIO_N_VIX];
  double            prob_profit;
  gint64            profit_date;
  double            iv;           /* the scenario's SPX vol */
  AlvhDecision     *decision;     /* --with-proposed: the evaluator's decision, else NULL */
  AlvhBook         *with;         /* the book with its proposed leg (NULL without one) */
  AlvhBookMark      with_now;
  AlvhBookMark      with_moved;
  double            with_grid[ALVH_SCENARIO_N_SPX * ALVH_SCENARIO_N_VIX];
  AlvhHedgeCoverage coverage[3];
  AlvhHedgeCoverage with_coverage[3];
} WhatIf;

static double
cents (double x)
{
  return round (x * 100.0) / 100.0;
}

/* The SPX vol the probabilities use: the scenario's at today's SPX. */
static double
scenario_iv (const WhatIf *w)
{
  AlvhMarketState moved;
  AlvhScenario s = w->scenario;

  s.time = 0;
  s.spx_move = 0.0;
  alvh_scenario_apply (w->book, &w->market, &s, &moved);
  return moved.iv;
}

/* The book's mark now: no move, its other legs included. */
static void
mark_now (const WhatIf *w,
          AlvhBook     *book,
          AlvhBookMark *out)
{
  AlvhScenario none;

  alvh_scenario_init (&none);
  alvh_scenario_mark (book, &w->market, &none, out);
}

static void
compute (WhatIf *w)
{
  AlvhScenario at_grid = w->scenario;

  mark_now (w, w->book, &w->now);
  alvh_scenario_mark (w->book, &w->market, &w->scenario, &w->moved);
  alvh_scenario_grid (w->book, &w->market, &at_grid, alvh_scenario_default_spx_moves, ALVH_SCENARIO_N_SPX,
                      alvh_scenario_default_vix_moves, ALVH_SCENARIO_N_VIX, w->grid);
  /* no days on: the probability of profit at the first condor expiry */
  if (alvh_time_ny_day (at_grid.time) == alvh_time_ny_day (w->market.time))
    at_grid.time = 0;
  w->prob_profit = alvh_scenario_prob_profit (w->book, &w->market, &at_grid);
  w->profit_date = at_grid.time != 0 ? at_grid.time : alvh_scenario_first_expiry (w->book);
  w->iv = scenario_iv (w);
  if (w->with == NULL)
    return;
  mark_now (w, w->with, &w->with_now);
  alvh_scenario_mark (w->with, &w->market, &w->scenario, &w->with_moved);
  alvh_scenario_grid (w->with, &w->market, &w->scenario, alvh_scenario_default_spx_moves, ALVH_SCENARIO_N_SPX,
                      alvh_scenario_default_vix_moves, ALVH_SCENARIO_N_VIX, w->with_grid);
  alvh_book_hedge_coverage (w->book, &w->market, w->coverage);
  alvh_book_hedge_coverage (w->with, &w->market, w->with_coverage);
}

static double
touch (const WhatIf     *w,
       const AlvhCondor *c,
       double            strike)
{
  double t = (double) alvh_time_calendar_days (w->market.time, c->expiry) / 365.0;

  return alvh_scenario_prob_touch (w->market.spx, strike, t, w->iv, w->market.rate, w->market.div_yield);
}

/* ---- JSON ----------------------------------------------------------------- */

static void
json_positions (JsonBuilder  *b,
                const WhatIf *w)
{
  g_autoptr(GArray) greeks = alvh_scenario_position_greeks (w->book, &w->market, &w->scenario);

  json_builder_set_member_name (b, "positions");
  json_builder_begin_array (b);
  for (guint i = 0; i < greeks->len; i++)
    {
      const AlvhScenarioGreeks *g = &g_array_index (greeks, AlvhScenarioGreeks, i);

      json_builder_begin_object (b);
      alvh_cli_json_add_string (b, "kind", g->is_condor ? "iron_condor" : alvh_leg_kind_to_string (g->kind));
      alvh_cli_json_add_int (b, "id", g->id);
      alvh_cli_json_add_number (b, "pnl", cents (g->pnl));
      alvh_cli_json_add_number (b, "delta", g->delta);
      alvh_cli_json_add_number (b, "gamma", g->gamma);
      alvh_cli_json_add_number (b, "theta", g->theta);
      alvh_cli_json_add_number (b, "vega", g->vega);
      if (g->is_condor)
        {
          const AlvhCondor *c = alvh_book_get_condor (w->book, g->index);

          alvh_cli_json_add_number (b, "touch_short_put", touch (w, c, c->short_put));
          alvh_cli_json_add_number (b, "touch_short_call", touch (w, c, c->short_call));
        }
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
json_array (JsonBuilder  *b,
            const char   *member,
            const double *v,
            guint         n,
            double        scale)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < n; i++)
    json_builder_add_double_value (b, v[i] * scale);
  json_builder_end_array (b);
}

static void
json_grid (JsonBuilder  *b,
           const WhatIf *w,
           const char   *member,
           const double *grid)
{
  double spx[ALVH_SCENARIO_N_SPX];

  for (guint c = 0; c < ALVH_SCENARIO_N_SPX; c++)
    spx[c] = cents (w->market.spx * (1.0 + alvh_scenario_default_spx_moves[c]));
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  json_array (b, "spx_moves", alvh_scenario_default_spx_moves, ALVH_SCENARIO_N_SPX, 1.0);
  json_array (b, "vix_moves", alvh_scenario_default_vix_moves, ALVH_SCENARIO_N_VIX, 1.0);
  json_array (b, "spx", spx, ALVH_SCENARIO_N_SPX, 1.0);
  json_builder_set_member_name (b, "pnl");
  json_builder_begin_array (b);
  for (guint r = 0; r < ALVH_SCENARIO_N_VIX; r++)
    {
      json_builder_begin_array (b);
      for (guint c = 0; c < ALVH_SCENARIO_N_SPX; c++)
        json_builder_add_double_value (b, cents (grid[r * ALVH_SCENARIO_N_SPX + c]));
      json_builder_end_array (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

/* --with-proposed: the decision and its leg, the book with it, the coverage */
static void
json_proposed (JsonBuilder  *b,
               const WhatIf *w)
{
  const AlvhDecision *d = w->decision;

  json_builder_set_member_name (b, "proposed");
  json_builder_begin_object (b);
  alvh_cli_json_add_string (b, "action", alvh_action_to_string (d->action));
  alvh_cli_json_add_string (b, "branch", alvh_branch_to_string (d->branch));
  json_builder_set_member_name (b, "leg");
  if (w->with == NULL)
    json_builder_add_null_value (b);
  else
    {
      g_autofree char *expiry = alvh_time_format_ny_date (d->leg.expiry);

      json_builder_begin_object (b);
      alvh_cli_json_add_string (b, "kind", alvh_leg_kind_to_string (d->leg.kind));
      alvh_cli_json_add_int (b, "layer", d->layer);
      alvh_cli_json_add_number (b, "long_strike", d->leg.long_strike);
      alvh_cli_json_add_number (b, "short_strike", d->leg.short_strike);
      alvh_cli_json_add_string (b, "expiry", expiry);
      alvh_cli_json_add_number (b, "quantity", d->size);
      alvh_cli_json_add_number (b, "premium", d->leg.premium);
      alvh_cli_json_add_number (b, "estimated_cost", cents (d->estimated_cost));
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  if (w->with == NULL)
    return;
  alvh_cli_json_add_number (b, "pnl_now_with_proposed", cents (w->with_now.total_pnl));
  alvh_cli_json_add_number (b, "pnl_with_proposed", cents (w->with_moved.total_pnl));
  json_grid (b, w, "grid_with_proposed", w->with_grid);
  json_builder_set_member_name (b, "coverage");
  json_builder_begin_array (b);
  for (guint k = 0; k < 3; k++)
    {
      json_builder_begin_object (b);
      alvh_cli_json_add_number (b, "n_sd", w->coverage[k].n_sd);
      alvh_cli_json_add_number (b, "spx", cents (w->coverage[k].spx));
      alvh_cli_json_add_number (b, "vix", cents (w->coverage[k].vix));
      alvh_cli_json_add_number (b, "condor_pnl", cents (w->coverage[k].condor_pnl));
      alvh_cli_json_add_number (b, "hedge_pnl", cents (w->coverage[k].hedge_pnl));
      alvh_cli_json_add_number (b, "coverage", w->coverage[k].coverage);
      alvh_cli_json_add_number (b, "hedge_pnl_with_proposed", cents (w->with_coverage[k].hedge_pnl));
      alvh_cli_json_add_number (b, "coverage_with_proposed", w->with_coverage[k].coverage);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static void
print_json (const WhatIf *w)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *json = NULL;
  g_autofree char *date = alvh_time_format_ny_date (w->scenario.time);
  g_autofree char *bar = alvh_time_format_ny_date (w->market.time);
  g_autofree char *profit = w->profit_date != 0 ? alvh_time_format_ny_date (w->profit_date) : NULL;

  json_builder_begin_object (b);
  alvh_cli_json_add_string (b, "account", w->account);
  alvh_cli_json_add_string (b, "bar", bar);
  alvh_cli_json_add_string (b, "date", date);
  alvh_cli_json_add_number (b, "spx", w->market.spx);
  alvh_cli_json_add_number (b, "vix", w->market.vix);
  alvh_cli_json_add_number (b, "iv", w->market.iv);
  alvh_cli_json_add_number (b, "beta", w->market.beta);
  alvh_cli_json_add_number (b, "spx_iv_shift", w->scenario.iv_shift * 100.0);
  alvh_cli_json_add_number (b, "vix_shift", isnan (w->scenario.vix_move) ? NAN : w->scenario.vix_move * 100.0);
  json_builder_set_member_name (b, "vix_follows_beta");
  json_builder_add_boolean_value (b, isnan (w->scenario.vix_move));
  alvh_cli_json_add_number (b, "pnl_now", cents (w->now.total_pnl));
  alvh_cli_json_add_number (b, "pnl", cents (w->moved.total_pnl));
  alvh_cli_json_add_number (b, "condor_pnl", cents (w->moved.condor_pnl));
  alvh_cli_json_add_number (b, "hedge_pnl", cents (w->moved.hedge_pnl));
  alvh_cli_json_add_number (b, "probability_of_profit", w->prob_profit);
  alvh_cli_json_add_string (b, "profit_date", profit);
  alvh_cli_json_add_number (b, "probability_iv", w->iv);
  alvh_cli_json_add_string (b, "probability_model", "lognormal SPX at the implied vol, drift r - q");
  json_positions (b, w);
  json_grid (b, w, "grid", w->grid);
  if (w->decision != NULL)
    json_proposed (b, w);
  json_builder_end_object (b);
  json = alvh_cli_json_finish (b);
  printf ("%s\n", json);
}

/* ---- text ----------------------------------------------------------------- */

static void
print_grid (const char   *title,
            const double *grid)
{
  printf ("\n%s\n%-10s", title, _("VIX \\ SPX"));
  for (guint c = 0; c < ALVH_SCENARIO_N_SPX; c++)
    {
      g_autofree char *p = alvh_format_percent (alvh_scenario_default_spx_moves[c], 1, ALVH_FORMAT_SCREEN);
      printf (" %11s", p);
    }
  printf ("\n");
  for (guint r = 0; r < ALVH_SCENARIO_N_VIX; r++)
    {
      g_autofree char *p = alvh_format_percent (alvh_scenario_default_vix_moves[r], 0, ALVH_FORMAT_SCREEN);

      printf ("%-10s", p);
      for (guint c = 0; c < ALVH_SCENARIO_N_SPX; c++)
        {
          g_autofree char *m = alvh_format_money (grid[r * ALVH_SCENARIO_N_SPX + c], ALVH_MONEY_WHOLE);
          printf (" %11s", m);
        }
      printf ("\n");
    }
}

static void
print_proposed (const WhatIf *w)
{
  const AlvhDecision *d = w->decision;
  g_autofree char *now = NULL, *with = NULL, *leg = NULL, *cost = NULL, *expiry = NULL;

  printf ("\n");
  if (w->with == NULL)
    {
      printf (_("The rules propose no leg on this bar: %s (%s).\n"), alvh_action_to_string (d->action),
              alvh_branch_to_string (d->branch));
      return;
    }
  leg = alvh_leg_describe (alvh_book_get_leg (w->with, alvh_book_get_n_legs (w->with) - 1));
  expiry = alvh_time_format_ny_date (d->leg.expiry);
  cost = alvh_format_money (d->estimated_cost, ALVH_MONEY_CENTS);
  now = alvh_format_money (w->now.total_pnl, ALVH_MONEY_CENTS);
  with = alvh_format_money (w->with_now.total_pnl, ALVH_MONEY_CENTS);
  printf (_("Proposed leg (layer %u): %s expiring %s at %.2f, estimated cost %s\n"), d->layer, leg, expiry,
          d->leg.premium, cost);
  printf (_("Book P&L now %s, with the proposed leg %s\n"), now, with);
  for (guint k = 0; k < 3; k++)
    {
      g_autofree char *spx = alvh_format_number (w->coverage[k].spx, 0, ALVH_FORMAT_SCREEN);
      g_autofree char *x = alvh_hedge_coverage_dup_text (&w->coverage[k]), *y = alvh_hedge_coverage_dup_text (&w->with_coverage[k]);

      printf (_("Coverage at SPX −%g SD (%s): %s → %s\n"), w->coverage[k].n_sd, spx, x, y);
    }
  print_grid (_("Book P&L with the proposed leg by SPX move (columns) and VIX move (rows):"), w->with_grid);
}

static void
print_text (const WhatIf *w)
{
  g_autofree char *bar = alvh_time_format_ny_date (w->market.time);
  g_autofree char *date = alvh_time_format_ny_date (w->scenario.time);
  g_autofree char *iv = alvh_format_percent (w->iv, 1, ALVH_FORMAT_SCREEN);
  g_autofree char *now = alvh_format_money (w->now.total_pnl, ALVH_MONEY_CENTS);
  g_autofree char *moved = alvh_format_money (w->moved.total_pnl, ALVH_MONEY_CENTS);
  g_autofree char *pop = alvh_format_percent (w->prob_profit, 1, ALVH_FORMAT_SCREEN);
  g_autofree char *profit = w->profit_date != 0 ? alvh_time_format_ny_date (w->profit_date) : g_strdup ("–");
  g_autofree char *vix = isnan (w->scenario.vix_move)
                         ? g_strdup_printf (_("follows SPX by beta %.2f"), w->market.beta)
                         : alvh_format_percent (w->scenario.vix_move, 0, ALVH_FORMAT_SCREEN);

  printf (_("%s  account %s  SPX %.2f  VIX %.2f  beta %.2f\n"), bar, w->account, w->market.spx,
          w->market.vix, w->market.beta);
  printf (_("Valued on %s: SPX vol %s, VIX %s\n"), date, iv, vix);
  printf (_("Book P&L now %s, on %s at today's SPX %s\n"), now, date, moved);
  printf (_("Probability of profit on %s: %s (lognormal SPX at %s, drift r − q)\n"), profit, pop, iv);
  for (guint i = 0; i < alvh_book_get_n_condors (w->book); i++)
    {
      const AlvhCondor *c = alvh_book_get_condor (w->book, i);
      g_autofree char *p = alvh_format_percent (touch (w, c, c->short_put), 1, ALVH_FORMAT_SCREEN);
      g_autofree char *q = alvh_format_percent (touch (w, c, c->short_call), 1, ALVH_FORMAT_SCREEN);

      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);

      printf (_("Condor %s: touches the short put %g: %s, the short call %g: %s\n"),
              id, c->short_put, p, c->short_call, q);
    }
  print_grid (_("Book P&L by SPX move (columns) and VIX move (rows):"), w->grid);
  if (w->decision != NULL)
    print_proposed (w);
}

/* ---- the heat map ------------------------------------------------------------ */

static gboolean
write_png (const WhatIf *w,
           const char   *path,
           GError      **error)
{
  g_autofree char *day = alvh_time_format_ny_date (w->scenario.time);
  g_autofree char *title = g_strdup_printf (_("Book P&L on %s"), day);
  AlvhChartScenario grid = { w->grid, w->market.spx, w->market.vix, title, FALSE };
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 480);
  cr = cairo_create (surface);
  alvh_chart_scenario_render (&grid, cr, 900, 480);
  cairo_destroy (cr);
  status = cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* ---- the command ---------------------------------------------------------- */

/* --with-proposed: the decision `alvh eval` gives on that bar and the book
 * with its proposed leg (none for a HOLD or a BLOCKED). */
static gboolean
add_proposed (WhatIf           *w,
              AlvhJournalStore *store,
              AlvhMarketFrame  *frame,
              AlvhProfile      *profile,
              gint64            at,
              GError          **error)
{
  g_autoptr(GPtrArray) events = alvh_stored_load_events (store, error);

  if (events == NULL)
    return FALSE;
  w->decision = alvh_stored_evaluate (frame, profile, events, w->book, at, error);
  if (w->decision == NULL)
    return FALSE;
  if (w->decision->action == ALVH_ACTION_ADD && w->decision->has_leg)
    {
      AlvhLeg leg = w->decision->leg;

      leg.notes = NULL;
      leg.quantity = w->decision->size;
      leg.closed_quantity = 0.0;
      w->with = alvh_scenario_with_leg (w->book, &leg);
    }
  return TRUE;
}

/* The latest bar that stands by @at (0: the last) and its market state. */
static gboolean
market_at (AlvhMarketFrame *frame,
           AlvhProfile     *profile,
           gint64           at,
           AlvhMarketState *out,
           GError         **error)
{
  g_autoptr(AlvhEvaluator) ev = NULL;
  gssize i;

  i = at == 0 ? (gssize) frame->n - 1 : alvh_market_frame_find_le (frame, at);
  while (i >= 0 && at != 0 && alvh_time_bar_close (frame->time[i]) > at)
    i--;
  if (i < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", _("No bar on or before that date"));
      return FALSE;
    }
  ev = alvh_evaluator_new (frame, profile, NULL);
  alvh_evaluator_market_state (ev, (gsize) i, out);
  return TRUE;
}

int
alvh_cmd_whatif (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(AlvhMarketStore) market = NULL;
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  g_autoptr(AlvhBook) book = NULL;
  g_autoptr(AlvhBook) with = NULL;
  g_autoptr(AlvhDecision) decision = NULL;
  g_autofree char *db = NULL, *market_db = NULL, *account = NULL, *at_text = NULL;
  g_autofree char *iv_text = NULL, *vix_text = NULL, *png = NULL;
  gboolean vix_beta = FALSE, json = FALSE, with_proposed = FALSE;
  gint days = 0;
  gint64 account_id, at = 0, last;
  double iv_shift = 0.0, vix_shift = 0.0;
  int status = ALVH_EXIT_OK;
  WhatIf w = { 0 };
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, N_("Journal database with the book (default: the app's alvh.sqlite)"), N_("FILE") },
    { "market-db", 0, 0, G_OPTION_ARG_FILENAME, &market_db, N_("Market database (default: the app's market.sqlite)"), N_("FILE") },
    { "account", 0, 0, G_OPTION_ARG_STRING, &account, N_("Account whose book is valued (default Main)"), N_("NAME") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text, N_("The book and market as of this date's close (default: the latest bar)"), N_("DATE") },
    { "days", 0, 0, G_OPTION_ARG_INT, &days, N_("Value the book this many calendar days later (at most the last expiry)"), N_("N") },
    { "spx-iv-shift", 0, 0, G_OPTION_ARG_STRING, &iv_text, N_("Add this many vol points to the SPX implied vol"), N_("PTS") },
    { "vix-shift", 0, 0, G_OPTION_ARG_STRING, &vix_text, N_("Move VIX and every VX future by this percentage"), N_("PCT") },
    { "vix-beta", 0, 0, G_OPTION_ARG_NONE, &vix_beta, N_("VIX follows SPX by the fitted beta (for the P&L curve and the probability of profit)"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("One JSON object instead of text"), NULL },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &png, N_("Also draw the scenario grid as a heat map to this PNG file"), N_("FILE") },
    { "with-proposed", 0, 0, G_OPTION_ARG_NONE, &with_proposed, N_("Also value the book with the leg the rules propose on that bar (as alvh eval decides): its P&L, scenario grid and hedge coverage at SPX −1/−2/−3 SD without and with it"), NULL },
    { NULL }
  };

  if (!alvh_cli_parse_flags ("whatif", _("The book of an account under a what-if: a later date, an SPX vol shift and a VIX shift. Prints its P&L, the scenario grid (SPX −10 %…+5 % × VIX −20 %…+150 %), the probability of profit and of touching each short strike (lognormal SPX at the implied vol, drift r − q) and each position's greeks."),
                             entries, &argc, &argv, &status))
    return status;
  if (at_text != NULL && !alvh_cli_parse_date (at_text, &at))
    return alvh_cli_usage_error ("whatif", "--at “%s” is not a date (expected YYYY-MM-DD)", at_text);
  if (at_text != NULL)
    at = alvh_time_bar_close (at);
  if (!alvh_cli_check_int_flag ("whatif", "--days", days, 0, 3650, "calendar days", &status) ||
      !alvh_cli_parse_number_flag ("whatif", "--spx-iv-shift", iv_text, -50, 200, "vol points", &iv_shift, &status) ||
      !alvh_cli_parse_number_flag ("whatif", "--vix-shift", vix_text, -90, 1000, "percent", &vix_shift, &status))
    return status;
  if (vix_beta && vix_text != NULL)
    return alvh_cli_usage_error ("whatif", "--vix-shift and --vix-beta exclude each other");

  store = alvh_cli_open_journal ("whatif", db, ALVH_STORE_READ, &error);
  if (store == NULL)
    return alvh_cli_fail ("whatif", error);
  market = alvh_cli_open_market ("whatif", market_db, ALVH_STORE_READ, &error);
  if (market == NULL)
    return alvh_cli_fail ("whatif", error);
  account_id = alvh_stored_find_account (store, account != NULL ? account : ALVH_DEFAULT_ACCOUNT_NAME,
                                         FALSE, &error);
  if (account_id == 0)
    return alvh_cli_fail ("whatif", error);
  profile = alvh_stored_load_profile (store, NULL, &error);
  if (profile == NULL)
    return alvh_cli_fail ("whatif", error);
  frame = alvh_stored_load_frame (market, 0, 0, &error);
  if (frame == NULL)
    return alvh_cli_fail ("whatif", error);
  if (frame->n == 0)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s", _("No date has both an SPX and a VIX close"));
      return alvh_cli_fail ("whatif", error);
    }
  if (!market_at (frame, profile, at, &w.market, &error))
    return alvh_cli_fail ("whatif", error);
  book = alvh_stored_load_book_at (store, account_id, alvh_stored_eval_instant (frame, at), &error);
  if (book == NULL)
    return alvh_cli_fail ("whatif", error);

  w.account = account != NULL ? account : ALVH_DEFAULT_ACCOUNT_NAME;
  w.book = book;
  alvh_scenario_init (&w.scenario);
  w.scenario.time = alvh_time_from_ny_day (alvh_time_ny_day (w.market.time) + days);
  last = alvh_scenario_last_expiry (book);
  if (last != 0 && w.scenario.time > last)
    w.scenario.time = last;
  w.scenario.iv_shift = iv_shift / 100.0;
  w.scenario.vix_move = vix_beta ? NAN : vix_shift / 100.0;
  if (with_proposed && !add_proposed (&w, store, frame, profile, at, &error))
    return alvh_cli_fail ("whatif", error);
  decision = w.decision;
  with = w.with;
  compute (&w);
  if (png != NULL && !write_png (&w, png, &error))
    return alvh_cli_fail ("whatif", error);
  if (json)
    print_json (&w);
  else
    print_text (&w);
  return ALVH_EXIT_OK;
}
