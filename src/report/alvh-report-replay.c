/* alvh-report-replay.c — the data of a replay's report (no drawing)
 *
 * The replay's equity curves, its figures hedged and unhedged, its trades
 * and how often each signal fired and each branch decided.
 */
#define G_LOG_DOMAIN "alvh-report"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-replay.h"
#include "alvh-report-private.h"
#include "alvh-signal.h"
#include "alvh-time.h"

/* ---- replays ------------------------------------------------------------ */

/* The summary table: the replay's figures hedged and unhedged */
static void
add_replay_summary (AlvhReport             *self,
                    const AlvhReplayResult *result)
{
  const char *tcols[] = { _("Item"), _("Hedged"), _("Unhedged"), NULL };
  static const gboolean num[] = { FALSE, TRUE, TRUE };
  static const double w[] = { 2.0, 1.0, 1.0 };
  AlvhReportTable *t = alvh_report_table_new ("summary", _("Summary"), tcols, num, w);
  g_autofree char *period = alvh_report_dup_period_text (self);
  g_autofree char *profile = alvh_report_dup_profile_text (self);

  alvh_report_table_set_kinds (t, (const AlvhReportCell[]) { TX, AU, AU });
#define ROW3(label, a, b) G_STMT_START { \
    g_autofree char *a_ = (a); g_autofree char *b_ = (b); \
    const char *c_[] = { (label), a_, b_, NULL }; \
    alvh_report_table_add_row (t, c_); } G_STMT_END
  ROW3 (_("Period"), g_strdup (period), g_strdup (""));
  ROW3 (_("Rule profile"), g_strdup (profile), g_strdup (""));
  ROW3 (_("Bars"), _alvh_report_fmt_int ((gint64) result->n_bars), g_strdup (""));
  ROW3 (_("Trades"), _alvh_report_fmt_int (result->trades != NULL ? result->trades->len : 0), g_strdup (""));
  ROW3 (_("Hedge legs added"), _alvh_report_fmt_int (result->n_add), g_strdup (""));
  ROW3 (_("Blocked (not accretive)"), _alvh_report_fmt_int (result->n_blocked), g_strdup (""));
  ROW3 (_("Total P&L $"), alvh_format_money (result->hedged.total_pnl, ALVH_MONEY_PLAIN), alvh_format_money (result->unhedged.total_pnl, ALVH_MONEY_PLAIN));
  ROW3 (_("Max drawdown $"), alvh_format_money (result->hedged.max_drawdown, ALVH_MONEY_PLAIN), alvh_format_money (result->unhedged.max_drawdown, ALVH_MONEY_PLAIN));
  ROW3 (_("Worst trade $"), alvh_format_money (result->hedged.worst_trade, ALVH_MONEY_PLAIN), alvh_format_money (result->unhedged.worst_trade, ALVH_MONEY_PLAIN));
  ROW3 (_("Hedge cost $"), alvh_format_money (result->hedged.hedge_cost, ALVH_MONEY_PLAIN), alvh_format_money (result->unhedged.hedge_cost, ALVH_MONEY_PLAIN));
#undef ROW3
  g_ptr_array_add (self->tables, t);
}

/* One row per condor the replay traded */
static void
add_replay_trades (AlvhReport             *self,
                   const AlvhReplayResult *result)
{
  static const char * const cols[] = {
    N_("Trade"), N_("Opened"), N_("Closed"), N_("Expiry"), N_("Strikes"), N_("Credit"),
    N_("Layers"), N_("Condor P&L $"), N_("Hedge P&L $"), N_("Hedge cost $"), N_("Total $"), NULL };
  static const gboolean num[] = { TRUE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  static const double w[] = { 0.6, 1.1, 1.1, 1.1, 2.0, 0.8, 0.7, 1.2, 1.2, 1.2, 1.2 };
  AlvhReportTable *t = _alvh_report_table_new_translated ("trades", _("Trades"), cols, num, w);

  alvh_report_table_set_kinds (t, (const AlvhReportCell[]) { TX, TX, TX, TX, TX, NU, NU, MO, MO, MO, MO });
  for (guint i = 0; result->trades != NULL && i < result->trades->len; i++)
    {
      const AlvhReplayTrade *tr = &g_array_index (result->trades, AlvhReplayTrade, i);
      g_autofree char *lp = alvh_format_number (tr->condor.long_put, 0, ALVH_FORMAT_DATA);
      g_autofree char *sp = alvh_format_number (tr->condor.short_put, 0, ALVH_FORMAT_DATA);
      g_autofree char *sc = alvh_format_number (tr->condor.short_call, 0, ALVH_FORMAT_DATA);
      g_autofree char *lc = alvh_format_number (tr->condor.long_call, 0, ALVH_FORMAT_DATA);
      char *cells[] = {
        _alvh_report_fmt_int (i + 1), alvh_format_date (tr->condor.opened),
        tr->open_at_end ? g_strdup (_("open")) : alvh_format_date (tr->close_time),
        alvh_format_date (tr->condor.expiry),
        g_strdup_printf ("%s/%s/%s/%s", lp, sp, sc, lc),
        alvh_format_number (tr->condor.credit, 2, ALVH_FORMAT_DATA), _alvh_report_fmt_int (tr->n_layers),
        alvh_format_money (tr->condor_pnl, ALVH_MONEY_PLAIN), alvh_format_money (tr->hedge_pnl, ALVH_MONEY_PLAIN), alvh_format_money (tr->hedge_cost, ALVH_MONEY_PLAIN),
        alvh_format_money (tr->condor_pnl + tr->hedge_pnl, ALVH_MONEY_PLAIN),
      };

      _alvh_report_table_add_owned (t, cells);
    }
  g_ptr_array_add (self->tables, t);
}

/* How often each signal fired and each branch decided */
static void
add_replay_counts (AlvhReport             *self,
                   const AlvhReplayResult *result)
{
  const char *tcols[] = { _("Signal"), _("Kind"), _("Bars fired"), _("Bars available"), NULL };
  static const gboolean num[] = { FALSE, FALSE, TRUE, TRUE };
  AlvhReportTable *t = alvh_report_table_new ("signal-counts", _("Signals"), tcols, num, NULL);
  const char *bcols[] = { _("Branch"), _("Decisions"), _("ADDs"), NULL };
  static const gboolean bnum[] = { FALSE, TRUE, TRUE };
  AlvhReportTable *bt = alvh_report_table_new ("branches", _("Branches"), bcols, bnum, NULL);

  alvh_report_table_set_kinds (t, (const AlvhReportCell[]) { KY, ALVH_REPORT_CELL_SIGNAL_KIND, NU, NU });
  alvh_report_table_set_kinds (bt, (const AlvhReportCell[]) { KY, NU, NU });

  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      char *cells[] = {
        g_strdup (alvh_signal_id_to_key (i)),
        g_strdup (alvh_signal_kind_to_string (alvh_signal_id_get_kind (i))),
        _alvh_report_fmt_int (result->fired[i]), _alvh_report_fmt_int (result->available[i]),
      };

      _alvh_report_table_add_owned (t, cells);
    }
  for (guint i = 0; i < ALVH_N_BRANCHES; i++)
    {
      char *cells[] = {
        g_strdup (alvh_branch_to_string (i)), _alvh_report_fmt_int (result->decisions_by_branch[i]),
        _alvh_report_fmt_int (result->adds_by_branch[i]),
      };

      _alvh_report_table_add_owned (bt, cells);
    }
  g_ptr_array_add (self->tables, t);
  g_ptr_array_add (self->tables, bt);
}

AlvhReport *
alvh_report_new_from_replay (AlvhReplayResult  *result,
                             const AlvhProfile *profile)
{
  AlvhReport *self;

  g_return_val_if_fail (result != NULL, NULL);

  self = _alvh_report_new (ALVH_REPORT_KIND_REPLAY);
  self->profile_name = g_strdup (result->profile_name);
  self->profile_version = result->profile_version;
  if (profile != NULL)
    _alvh_report_set_profile_lines (self, profile);
  if (result->n_bars > 0)
    {
      self->from = alvh_time_from_ny_day (alvh_time_ny_day (result->time[0]));
      self->to = alvh_time_from_ny_day (alvh_time_ny_day (result->time[result->n_bars - 1]));
    }
  self->n_bars = result->n_bars;
  self->bar_times = g_memdup2 (result->time, sizeof (gint64) * MAX (result->n_bars, 1));
  self->equity_hedged = g_memdup2 (result->equity_hedged, sizeof (double) * MAX (result->n_bars, 1));
  self->equity_unhedged = g_memdup2 (result->equity_unhedged, sizeof (double) * MAX (result->n_bars, 1));

  add_replay_summary (self, result);

  add_replay_trades (self, result);

  add_replay_counts (self, result);

  _alvh_report_add_profile_table (self);

  {
    g_autofree char *period = alvh_report_dup_period_text (self);

    self->title = g_strdup_printf (_("ALVH replay %s"), period);
  }
  return self;
}
