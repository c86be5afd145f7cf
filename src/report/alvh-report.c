/* alvh-report.c — the data of a review report (no drawing)
 *
 * Reads the decisions, legs and condors of the period through the journal
 * store's list calls (alvh_journal_store_list_decisions/_legs/_condors).
 */
#define G_LOG_DOMAIN "alvh-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-journal-store.h"
#include "alvh-profile.h"
#include "alvh-report.h"
#include "alvh-report-private.h"
#include "alvh-signal.h"
#include "alvh-time.h"

G_DEFINE_QUARK (alvh-report-error-quark, alvh_report_error)
G_DEFINE_BOXED_TYPE (AlvhReport, alvh_report, alvh_report_ref, alvh_report_unref)

/* ---- small helpers ------------------------------------------------------ */

char *
_alvh_report_fmt_int (gint64 n)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, n);
}

/* ---- tables ------------------------------------------------------------- */

/* what the PDF and HTML show of a column (alvh_report_table_set_kinds) */

AlvhReportTable *
alvh_report_table_new (const char         *id,
                       const char         *title,
                       const char * const *columns,
                       const gboolean     *numeric,
                       const double       *widths)
{
  AlvhReportTable *t = g_new0 (AlvhReportTable, 1);

  g_return_val_if_fail (id != NULL && columns != NULL, NULL);

  t->id = g_strdup (id);
  t->title = g_strdup (title != NULL ? title : id);
  t->n_columns = g_strv_length ((char **) columns);
  t->columns = g_strdupv ((char **) columns);
  t->numeric = g_new0 (gboolean, MAX (t->n_columns, 1));
  t->widths = g_new0 (double, MAX (t->n_columns, 1));
  t->kinds = g_new0 (AlvhReportCell, MAX (t->n_columns, 1));
  for (guint i = 0; i < t->n_columns; i++)
    {
      t->numeric[i] = numeric != NULL ? numeric[i] : FALSE;
      t->widths[i] = widths != NULL && widths[i] > 0 ? widths[i] : 1.0;
    }
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->in_document = TRUE;
  return t;
}

void
alvh_report_table_add_row (AlvhReportTable    *table,
                           const char * const *cells)
{
  char **row = g_new0 (char *, table->n_columns + 1);

  for (guint i = 0; i < table->n_columns; i++)
    row[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_ptr_array_add (table->rows, row);
}

void
alvh_report_table_free (AlvhReportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->id);
  g_free (table->title);
  g_strfreev (table->columns);
  g_free (table->numeric);
  g_free (table->widths);
  g_free (table->kinds);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
_alvh_report_table_add_owned (AlvhReportTable *table,
                              char           **cells)
{
  alvh_report_table_add_row (table, (const char * const *) cells);
  for (guint i = 0; i < table->n_columns; i++)
    g_free (cells[i]);
}

static void
marker_free (AlvhReportMarker *m)
{
  g_free (m->label);
  g_free (m);
}

/* ---- the boxed type ----------------------------------------------------- */

AlvhReport *
_alvh_report_new (AlvhReportKind kind)
{
  AlvhReport *self = g_new0 (AlvhReport, 1);

  self->ref_count = 1;
  self->kind = kind;
  self->generated = g_get_real_time () / G_USEC_PER_SEC;
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_report_table_free);
  self->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_decision_free);
  self->notes = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_journal_entry_free);
  self->markers = g_ptr_array_new_with_free_func ((GDestroyNotify) marker_free);
  self->profile_lines = g_new0 (char *, 1);
  return self;
}

AlvhReport *
alvh_report_ref (AlvhReport *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_report_unref (AlvhReport *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->title);
  g_free (self->account_name);
  g_free (self->profile_name);
  g_strfreev (self->profile_lines);
  g_ptr_array_unref (self->tables);
  g_ptr_array_unref (self->decisions);
  g_ptr_array_unref (self->notes);
  g_ptr_array_unref (self->markers);
  g_free (self->bar_times);
  g_free (self->spx);
  g_free (self->vix);
  g_free (self->equity_hedged);
  g_free (self->equity_unhedged);
  g_free (self);
}

void
alvh_report_set_title (AlvhReport *self,
                       const char *title)
{
  g_return_if_fail (self != NULL);
  g_free (self->title);
  self->title = g_strdup (title);
}

char *
alvh_report_dup_period_text (AlvhReport *self)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (self->from == 0 && self->to == 0)
    return g_strdup ("");
  a = alvh_time_format_ny_date (self->from);
  b = alvh_time_format_ny_date (self->to);
  return g_strdup_printf ("%s – %s", a, b);
}

char *
alvh_report_dup_profile_text (AlvhReport *self)
{
  if (self->profile_name == NULL)
    return g_strdup (_("unknown profile"));
  if (self->profile_version > 0)
    return g_strdup_printf ("%s v%d", self->profile_name, self->profile_version);
  return g_strdup (self->profile_name);
}

AlvhReportTable *
alvh_report_get_table (AlvhReport *self,
                       const char *id)
{
  for (guint i = 0; i < self->tables->len; i++)
    {
      AlvhReportTable *t = g_ptr_array_index (self->tables, i);

      if (g_strcmp0 (t->id, id) == 0)
        return t;
    }
  return NULL;
}

/* ---- presets ------------------------------------------------------------ */

const char *
alvh_report_preset_to_string (AlvhReportPreset preset)
{
  switch (preset)
    {
    case ALVH_REPORT_PRESET_WEEKLY:
      return "weekly";
    case ALVH_REPORT_PRESET_MONTHLY:
      return "monthly";
    case ALVH_REPORT_PRESET_CUSTOM:
    default:
      return "custom";
    }
}

gboolean
alvh_report_preset_from_string (const char       *text,
                                AlvhReportPreset *out_preset)
{
  static const AlvhReportPreset all[] = {
    ALVH_REPORT_PRESET_CUSTOM, ALVH_REPORT_PRESET_WEEKLY, ALVH_REPORT_PRESET_MONTHLY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    if (g_strcmp0 (text, alvh_report_preset_to_string (all[i])) == 0)
      {
        *out_preset = all[i];
        return TRUE;
      }
  return FALSE;
}

gboolean
alvh_report_preset_period (AlvhReportPreset   preset,
                           gint64             now,
                           gint64            *out_from,
                           gint64            *out_to,
                           GError           **error)
{
  gint64 today = alvh_time_ny_day (now);

  switch (preset)
    {
    case ALVH_REPORT_PRESET_WEEKLY:
      {
        /* the latest Friday strictly before today (weekday 5) */
        gint64 friday = today - 1;

        while (alvh_weekday_from_days (friday) != 5)
          friday--;
        *out_from = alvh_time_from_ny_day (friday - 4);
        *out_to = alvh_time_from_ny_day (friday);
        return TRUE;
      }
    case ALVH_REPORT_PRESET_MONTHLY:
      {
        int y, m, d;

        alvh_civil_from_days (today, &y, &m, &d);
        /* the last day of the previous month is the day before the 1st */
        gint64 last = alvh_days_from_civil (y, m, 1) - 1;
        int py, pm, pd;

        alvh_civil_from_days (last, &py, &pm, &pd);
        *out_from = alvh_time_from_ny_day (alvh_days_from_civil (py, pm, 1));
        *out_to = alvh_time_from_ny_day (last);
        return TRUE;
      }
    case ALVH_REPORT_PRESET_CUSTOM:
    default:
      g_set_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_INVALID,
                   _("A custom period needs a start and an end date"));
      return FALSE;
    }
}

/* ---- reading the journal ------------------------------------------------ */

static const char *
leg_source (const AlvhLeg *leg)
{
  return leg->manual ? _("manual") : _("rules");
}

static char *
leg_strikes (const char *kind,
             double      long_strike,
             double      short_strike)
{
  g_autofree char *a = alvh_format_number (long_strike, 0, ALVH_FORMAT_DATA);
  g_autofree char *b = NULL;

  if (kind == NULL)
    return g_strdup ("");
  if (!isfinite (short_strike))
    return g_strdup (a);
  b = alvh_format_number (short_strike, 0, ALVH_FORMAT_DATA);
  return g_strdup_printf ("%s/%s", a, b);
}

static char *
fired_keys (const AlvhDecision *d)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *sig = &d->signals[i];

      if (!alvh_decision_has_signal (d, (AlvhSignalId) i))
        continue;

      if (sig->available && sig->fired)
        {
          if (s->len > 0)
            g_string_append (s, " ");
          g_string_append (s, alvh_signal_id_to_key (sig->id));
        }
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

void
_alvh_report_set_profile_lines (AlvhReport        *self,
                                const AlvhProfile *profile)
{
  const AlvhProfileDescriptor *desc;
  guint n = 0;
  GPtrArray *lines = g_ptr_array_new ();

  desc = alvh_profile_get_descriptors (&n);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = alvh_profile_dup_string (profile, desc[i].key);

      g_ptr_array_add (lines, g_strdup_printf ("%s=%s", desc[i].key, value != NULL ? value : ""));
    }
  g_ptr_array_add (lines, NULL);
  g_strfreev (self->profile_lines);
  self->profile_lines = (char **) g_ptr_array_free (lines, FALSE);
}

/* The profile's key=value lines from the store; the raw [thresholds] lines
 * when the stored text no longer parses; the defaults when none is stored.
 * FALSE with @error when the journal cannot be read. */
static gboolean
load_profile (AlvhReport        *self,
              AlvhJournalStore  *store,
              const char        *name,
              int                version,
              GError           **error)
{
  g_autoptr(AlvhJournalProfile) stored = NULL;
  g_autoptr(AlvhProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;

  stored = alvh_journal_store_get_profile (store, name, version, &local_error);
  if (stored == NULL)
    {
      if (!g_error_matches (local_error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      profile = alvh_profile_new ();
      g_free (self->profile_name);
      self->profile_name = g_strdup (name);
      self->profile_version = version;
      _alvh_report_set_profile_lines (self, profile);
      return TRUE;
    }
  g_free (self->profile_name);
  self->profile_name = g_strdup (stored->name);
  self->profile_version = stored->version;
  profile = alvh_profile_new_from_data (stored->keyfile, -1, stored->name, NULL);
  if (profile != NULL)
    _alvh_report_set_profile_lines (self, profile);
  else
    {
      g_auto(GStrv) raw = g_strsplit (stored->keyfile, "\n", -1);
      GPtrArray *lines = g_ptr_array_new ();
      gboolean in_thresholds = FALSE;

      for (guint i = 0; raw[i] != NULL; i++)
        {
          char *l = g_strstrip (raw[i]);

          if (l[0] == '[')
            in_thresholds = strcmp (l, "[thresholds]") == 0;
          else if (in_thresholds && l[0] != '\0' && l[0] != '#')
            g_ptr_array_add (lines, g_strdup (l));
        }
      g_ptr_array_add (lines, NULL);
      g_strfreev (self->profile_lines);
      self->profile_lines = (char **) g_ptr_array_free (lines, FALSE);
    }
  return TRUE;
}

void
_alvh_report_add_profile_table (AlvhReport *self)
{
  static const char * const cols[] = { N_("Key"), N_("Value"), NULL };
  const char *tcols[] = { _(cols[0]), _(cols[1]), NULL };
  AlvhReportTable *t = alvh_report_table_new ("profile", _("Rule profile"), tcols, NULL, NULL);

  for (guint i = 0; self->profile_lines[i] != NULL; i++)
    {
      g_auto(GStrv) kv = g_strsplit (self->profile_lines[i], "=", 2);
      const char *cells[] = { kv[0], kv[0] != NULL ? kv[1] : NULL, NULL };

      alvh_report_table_add_row (t, cells);
    }
  t->in_document = FALSE;   /* shown as key=value lines */
  g_ptr_array_add (self->tables, t);
}

/* Chart data: the bars SPX and VIX share in [chart_from, end) */
static void
set_chart (AlvhReport              *self,
           const AlvhJournalMarket *market,
           gint64             chart_from,
           gint64             end)
{
  gsize a = 0, b;

  while (a < market->n_bars && market->times[a] < chart_from)
    a++;
  b = a;
  while (b < market->n_bars && market->times[b] < end)
    b++;
  self->n_bars = b - a;
  self->bar_times = g_memdup2 (market->times + a, sizeof (gint64) * MAX (self->n_bars, 1));
  self->spx = g_memdup2 (market->spx + a, sizeof (double) * MAX (self->n_bars, 1));
  self->vix = g_memdup2 (market->vix + a, sizeof (double) * MAX (self->n_bars, 1));
}

AlvhReportTable *
_alvh_report_table_new_translated (const char         *id,
                                   const char         *title,
                                   const char * const *columns,
                                   const gboolean     *numeric,
                                   const double       *widths)
{
  g_autoptr(GPtrArray) translated = g_ptr_array_new ();

  for (guint i = 0; columns[i] != NULL; i++)
    g_ptr_array_add (translated, (gpointer) _(columns[i]));
  g_ptr_array_add (translated, NULL);
  return alvh_report_table_new (id, title, (const char * const *) translated->pdata, numeric, widths);
}

/* What the summary of a journal report counts while the tables are built. */
typedef struct
{
  guint    n_add, n_blocked, n_hold;
  guint    n_followed, n_skipped, n_pending, n_manual;
  double   hedge_cost, hedge_contracts;
  double   pnl_unhedged, pnl_hedge, pnl_hedged;
  gboolean have_pnl;
  gboolean layers_seen[ALVH_PROFILE_MAX_LAYERS + 2];
} JournalTotals;

/* The account's name, or an error when @account_id (> 0) names none. */
static gboolean
find_account (AlvhReport       *self,
              AlvhJournalStore *store,
              gint64            account_id,
              GError          **error)
{
  g_autoptr(GPtrArray) accounts = alvh_journal_store_list_accounts (store, error);

  if (accounts == NULL)
    return FALSE;
  if (account_id <= 0)
    return TRUE;
  for (guint i = 0; i < accounts->len; i++)
    {
      AlvhJournalAccount *acc = g_ptr_array_index (accounts, i);

      if (acc->id == account_id)
        self->account_name = g_strdup (acc->name);
    }
  if (self->account_name == NULL)
    {
      g_autofree char *id = _alvh_report_fmt_int (account_id);

      g_set_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_NOT_FOUND,
                   _("No account with id %s in %s"), id, alvh_journal_store_get_path (store));
      return FALSE;
    }
  return TRUE;
}

/* Decisions made, legs added, condors held and notes written in [from, end). */
static gboolean
read_period (AlvhReport        *self,
             AlvhJournalStore  *store,
             gint64             end,
             GPtrArray        **legs,
             GPtrArray        **condors,
             GCancellable      *cancellable,
             GError           **error)
{
  AlvhJournalFilter filter = { 0 };
  GPtrArray *decisions;
  g_autoptr(GPtrArray) entries = NULL;

  decisions = alvh_journal_store_list_decisions (store, self->account_id, self->from, end, error);
  if (decisions == NULL)
    return FALSE;
  g_ptr_array_extend_and_steal (self->decisions, decisions);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  *legs = alvh_journal_store_list_legs (store, self->account_id, self->from, end, error);
  if (*legs == NULL)
    return FALSE;
  *condors = alvh_journal_store_list_condors (store, self->account_id, self->from, end, error);
  if (*condors == NULL)
    return FALSE;

  filter.from = self->from;
  filter.to = end;
  filter.account_id = self->account_id;
  filter.limit = G_MAXINT;
  entries = alvh_journal_store_list_entries (store, &filter, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = entries->len; i > 0; i--)   /* newest first -> by time */
    g_ptr_array_add (self->notes, g_ptr_array_steal_index_fast (entries, i - 1));
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* The chart's bars; returns the last bar before the period's end (the bar
 * open positions are marked on), 0 without market data. */
static gint64
read_market (AlvhReport              *self,
             const AlvhJournalMarket *market,
             gint64                   end)
{
  gint64 span = MAX (end - self->from, 30 * ALVH_SECONDS_PER_DAY);
  gint64 last = 0;

  if (market == NULL)
    return 0;
  set_chart (self, market, self->from - span, end);
  for (gsize n = 0; n < market->n_bars && market->times[n] < end; n++)
    last = market->times[n];
  return last;
}

/* @profile_name, else the profile of the period's last decision that names
 * one, else "Default"; FALSE with @error when the journal cannot be read. */
static gboolean
pick_profile (AlvhReport        *self,
              AlvhJournalStore  *store,
              const char        *profile_name,
              GError           **error)
{
  const char *name = NULL;
  int version = 0;

  if (profile_name != NULL)
    return load_profile (self, store, profile_name, 0, error);
  for (guint i = self->decisions->len; i > 0 && name == NULL; i--)
    {
      AlvhDecision *d = g_ptr_array_index (self->decisions, i - 1);

      if (d->profile_name[0] != '\0')
        {
          name = d->profile_name;
          version = d->profile_version;
        }
    }
  return load_profile (self, store, name != NULL ? name : "Default", version, error);
}

static void
count_decisions (AlvhReport    *self,
                 JournalTotals *totals)
{
  for (guint i = 0; i < self->decisions->len; i++)
    {
      AlvhDecision *d = g_ptr_array_index (self->decisions, i);

      if (d->action == ALVH_ACTION_ADD)
        totals->n_add++;
      else if (d->action == ALVH_ACTION_BLOCKED)
        totals->n_blocked++;
      else
        totals->n_hold++;
      switch (d->followed)
        {
        case ALVH_DECISION_FOLLOWED: totals->n_followed++; break;
        case ALVH_DECISION_SKIPPED: totals->n_skipped++; break;
        case ALVH_DECISION_MANUAL: totals->n_manual++; break;
        case ALVH_DECISION_PENDING:
        default:
          if (d->has_leg)
            totals->n_pending++;
          break;
        }
    }
}

/* The legs table, a chart marker per leg, and the hedge totals. */
/* A leg's result at the period's end (the ledger's): when it closed or
 * settled ("open"), its realised P&L and fees. */
static void
leg_result_cells (AlvhLedger *ledger,
                  gint64      id,
                  gint64      at,
                  char      **cells)
{
  gssize index = alvh_ledger_find (ledger, id, FALSE);
  AlvhLedgerEntry e;

  if (index < 0 || !alvh_ledger_entry_at (ledger, index, at, &e))
    {
      cells[0] = g_strdup ("");
      cells[1] = alvh_format_money (NAN, ALVH_MONEY_PLAIN);
      cells[2] = alvh_format_money (NAN, ALVH_MONEY_PLAIN);
      return;
    }
  cells[0] = e.closed > 0 ? alvh_format_date (e.closed) : g_strdup (_("open"));
  cells[1] = alvh_format_money (e.realized, ALVH_MONEY_PLAIN);
  cells[2] = alvh_format_money (e.fees, ALVH_MONEY_PLAIN);
}

static void
add_legs_table (AlvhReport    *self,
                GPtrArray     *legs,
                AlvhLedger    *ledger,
                gint64         at,
                JournalTotals *totals)
{
  static const char * const cols[] = {
    N_("Leg"), N_("Opened"), N_("Kind"), N_("Strikes"), N_("Expiry"), N_("Qty"),
    N_("Premium"), N_("Cost $"), N_("Layer"), N_("Source"), N_("Condor"), N_("Decision"),
    N_("Closed"), N_("Realised $"), N_("Fees $"), NULL };
  static const gboolean num[] = { TRUE, FALSE, FALSE, FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, FALSE, TRUE, TRUE,
                                  FALSE, TRUE, TRUE };
  static const double w[] = { 0.6, 1.1, 1.6, 0.9, 1.1, 0.6, 0.9, 1.0, 0.6, 0.8, 0.7, 0.8, 1.1, 1.0, 0.8 };
  AlvhReportTable *t = _alvh_report_table_new_translated ("legs", _("Hedge legs added"), cols, num, w);

  alvh_report_table_set_kinds (t, (const AlvhReportCell[]) { TX, TX, KY, TX, TX, NU, NU, MO, TX, TX, TX, TX, TX, MO, MO });
  for (guint i = 0; i < legs->len; i++)
    {
      AlvhLeg *leg = g_ptr_array_index (legs, i);
      double cost = leg->premium * 100.0 * leg->quantity;
      char *cells[15] = {
        _alvh_report_fmt_int (leg->id), alvh_format_date (leg->opened), g_strdup (alvh_leg_kind_to_string (leg->kind)),
        leg_strikes (alvh_leg_kind_to_string (leg->kind), leg->long_strike, leg->short_strike),
        alvh_format_date (leg->expiry), alvh_format_number (leg->quantity, 0, ALVH_FORMAT_DATA),
        alvh_format_number (leg->premium, 2, ALVH_FORMAT_DATA), alvh_format_money (cost, ALVH_MONEY_PLAIN),
        _alvh_report_fmt_int (leg->layer), g_strdup (leg_source (leg)),
        leg->condor_id > 0 ? _alvh_report_fmt_int (leg->condor_id) : g_strdup (""),
        leg->decision_id > 0 ? _alvh_report_fmt_int (leg->decision_id) : g_strdup (""),
      };
      AlvhReportMarker *m = g_new0 (AlvhReportMarker, 1);

      leg_result_cells (ledger, leg->id, at, cells + 12);
      _alvh_report_table_add_owned (t, cells);
      totals->hedge_cost += cost;
      totals->hedge_contracts += leg->quantity;
      totals->layers_seen[MIN (leg->layer, ALVH_PROFILE_MAX_LAYERS + 1)] = TRUE;

      m->time = leg->opened;
      m->layer = leg->layer;
      m->manual = leg->manual;
      m->label = leg->manual ? g_strdup ("M") : g_strdup_printf ("L%d", leg->layer);
      g_ptr_array_add (self->markers, m);
    }
  g_ptr_array_add (self->tables, t);
}

/* The positions table and the P&L of the condors held in the period (marked
 * at the period's end when market data is given, else at cost). */
static void
add_positions_table (AlvhReport       *self,
                     GPtrArray        *condors,
                     AlvhJournalStats *stats,
                     JournalTotals    *totals)
{
  static const char * const cols[] = {
    N_("Condor"), N_("Opened"), N_("Expiry"), N_("Strikes"), N_("Units"), N_("Credit"),
    N_("Closed"), N_("P&L unhedged $"), N_("Hedge P&L $"), N_("P&L hedged $"), NULL };
  static const gboolean num[] = { TRUE, FALSE, FALSE, FALSE, TRUE, TRUE, FALSE, TRUE, TRUE, TRUE };
  static const double w[] = { 0.7, 1.1, 1.1, 1.9, 0.6, 0.8, 1.1, 1.3, 1.2, 1.3 };
  AlvhReportTable *t = _alvh_report_table_new_translated ("positions", _("Positions held"), cols, num, w);

  alvh_report_table_set_kinds (t, (const AlvhReportCell[]) { TX, TX, TX, TX, NU, NU, TX, MO, MO, MO });
  for (guint i = 0; i < condors->len; i++)
    {
      AlvhCondor *c = g_ptr_array_index (condors, i);
      const AlvhJournalCondorStat *cs = NULL;
      g_autofree char *lp = alvh_format_number (c->long_put, 0, ALVH_FORMAT_DATA);
      g_autofree char *sp = alvh_format_number (c->short_put, 0, ALVH_FORMAT_DATA);
      g_autofree char *sc = alvh_format_number (c->short_call, 0, ALVH_FORMAT_DATA);
      g_autofree char *lc = alvh_format_number (c->long_call, 0, ALVH_FORMAT_DATA);
      char *cells[10];

      for (guint k = 0; stats->condors != NULL && k < stats->condors->len; k++)
        {
          const AlvhJournalCondorStat *s = g_ptr_array_index (stats->condors, k);

          if (s->condor_id == c->id)
            cs = s;
        }
      cells[0] = _alvh_report_fmt_int (c->id);
      cells[1] = alvh_format_date (c->opened);
      cells[2] = alvh_format_date (c->expiry);
      cells[3] = g_strdup_printf ("%s/%s/%s/%s", lp, sp, sc, lc);
      cells[4] = alvh_format_number (c->units, 0, ALVH_FORMAT_DATA);
      cells[5] = alvh_format_number (c->credit, 2, ALVH_FORMAT_DATA);
      cells[6] = c->closed > 0 ? alvh_format_date (c->closed) : g_strdup (_("open"));
      cells[7] = alvh_format_money (cs != NULL ? cs->pnl_unhedged : NAN, ALVH_MONEY_PLAIN);
      cells[8] = alvh_format_money (cs != NULL ? cs->hedge_pnl : NAN, ALVH_MONEY_PLAIN);
      cells[9] = alvh_format_money (cs != NULL ? cs->pnl_hedged : NAN, ALVH_MONEY_PLAIN);
      _alvh_report_table_add_owned (t, cells);
      if (cs != NULL)
        {
          totals->have_pnl = TRUE;
          totals->pnl_unhedged += cs->pnl_unhedged;
          totals->pnl_hedge += cs->hedge_pnl;
          totals->pnl_hedged += cs->pnl_hedged;
        }
    }
  g_ptr_array_add (self->tables, t);
}

/* Decisions and their signal snapshots, flat, for CSV only. */
static void
add_decision_tables (AlvhReport *self)
{
  static const char * const cols[] = {
    N_("Decision"), N_("Time"), N_("Action"), N_("Branch"), N_("Layer"), N_("Size"),
    N_("Proposed leg"), N_("Strikes"), N_("Leg expiry"), N_("Cost $"), N_("Profile"),
    N_("Status"), N_("Skip reason"), N_("Fired"), N_("Explanation"), NULL };
  static const char * const scols[] = {
    N_("Decision"), N_("Time"), N_("Signal"), N_("Kind"), N_("Value"), N_("Threshold"),
    N_("Upper threshold"), N_("State"), NULL };
  static const gboolean snum[] = { TRUE, FALSE, FALSE, FALSE, TRUE, TRUE, TRUE, FALSE };
  AlvhReportTable *t = _alvh_report_table_new_translated ("decisions", _("Hedge decisions"), cols, NULL, NULL);
  AlvhReportTable *st = _alvh_report_table_new_translated ("signals", _("Signals"), scols, snum, NULL);

  t->in_document = FALSE;
  st->in_document = FALSE;
  for (guint i = 0; i < self->decisions->len; i++)
    {
      AlvhDecision *d = g_ptr_array_index (self->decisions, i);
      g_autofree char *profile = d->profile_name[0] != '\0'
        ? g_strdup_printf ("%s v%d", d->profile_name, d->profile_version) : g_strdup ("");
      char *cells[] = {
        _alvh_report_fmt_int (d->id), alvh_format_date (d->time), g_strdup (alvh_action_to_string (d->action)),
        g_strdup (alvh_branch_to_string (d->branch)), _alvh_report_fmt_int (d->layer), alvh_format_number (d->size, 0, ALVH_FORMAT_DATA),
        g_strdup (d->has_leg ? alvh_leg_kind_to_string (d->leg.kind) : ""),
        leg_strikes (d->has_leg ? alvh_leg_kind_to_string (d->leg.kind) : NULL, d->leg.long_strike, d->leg.short_strike),
        d->has_leg ? alvh_format_date (d->leg.expiry) : g_strdup (""),
        d->has_leg ? alvh_format_money (d->estimated_cost, ALVH_MONEY_PLAIN) : g_strdup (""),
        g_strdup (profile),
        g_strdup (d->followed == ALVH_DECISION_PENDING ? "pending" : alvh_decision_status_to_string (d->followed)),
        g_strdup (d->skip_reason != NULL ? d->skip_reason : ""),
        fired_keys (d), g_strdup (d->explanation != NULL ? d->explanation : ""),
      };

      _alvh_report_table_add_owned (t, cells);
      for (guint k = 0; k < ALVH_N_SIGNALS; k++)
        {
          const AlvhSignal *sig = &d->signals[k];

          if (!alvh_decision_has_signal (d, (AlvhSignalId) k))
            continue;
          {
            char *scells[] = {
              _alvh_report_fmt_int (d->id), alvh_format_date (d->time), g_strdup (alvh_signal_id_to_key (sig->id)),
              g_strdup (alvh_signal_kind_to_string (sig->kind)), alvh_format_number (sig->available ? sig->value : NAN, 4, ALVH_FORMAT_DATA),
              alvh_format_number (sig->threshold, 4, ALVH_FORMAT_DATA),
              isfinite (sig->threshold_high) ? alvh_format_number (sig->threshold_high, 4, ALVH_FORMAT_DATA) : g_strdup (""),
              g_strdup (!sig->available ? "n/a" : sig->fired ? "fired" : "no"),
            };

            _alvh_report_table_add_owned (st, scells);
          }
        }
    }
  g_ptr_array_add (self->tables, t);
  g_ptr_array_add (self->tables, st);
}

/* The journal notes, flat, for CSV only. */
static void
add_notes_table (AlvhReport *self)
{
  static const char * const cols[] = {
    N_("Note"), N_("Time"), N_("Title"), N_("Tags"), N_("Decision"), N_("Leg"), N_("Text"), NULL };
  AlvhReportTable *t = _alvh_report_table_new_translated ("notes", _("Journal notes"), cols, NULL, NULL);

  t->in_document = FALSE;
  for (guint i = 0; i < self->notes->len; i++)
    {
      AlvhJournalEntry *e = g_ptr_array_index (self->notes, i);
      char *cells[] = {
        _alvh_report_fmt_int (e->id), alvh_format_date (e->time), g_strdup (e->title ? e->title : ""),
        e->tags != NULL ? g_strjoinv (" ", e->tags) : g_strdup (""),
        e->decision_id > 0 ? _alvh_report_fmt_int (e->decision_id) : g_strdup (""),
        e->leg_id > 0 ? _alvh_report_fmt_int (e->leg_id) : g_strdup (""),
        g_strdup (e->body ? e->body : ""),
      };

      _alvh_report_table_add_owned (t, cells);
    }
  g_ptr_array_add (self->tables, t);
}

/* Trigger statistics over all legs of the account to the period's end. */
static void
add_stats_table (AlvhReport       *self,
                 AlvhJournalStats *stats)
{
  static const char * const cols[] = {
    N_("Grouping"), N_("Group"), N_("Legs"), N_("Hits"), N_("Hit rate"), N_("Total P&L $"),
    N_("Avg P&L $"), N_("Avg MAE $"), N_("Avg MFE $"), NULL };
  static const gboolean num[] = { FALSE, FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  static const double w[] = { 1.0, 2.4, 0.6, 0.6, 0.8, 1.1, 1.0, 1.0, 1.0 };
  struct { const char *name; GPtrArray *rows; } groups[] = {
    { N_("trigger"), stats->by_trigger },
    { N_("combination"), stats->by_combination },
    { N_("branch"), stats->by_branch },
    { N_("adherence"), stats->adherence },
    { N_("legs' adherence"), stats->by_adherence },
  };
  AlvhReportTable *t = _alvh_report_table_new_translated ("stats", _("Trigger statistics (to date)"), cols, num, w);

  alvh_report_table_set_kinds (t, (const AlvhReportCell[]) { TX, KY, NU, NU, PC, MO, MO, MO, MO });
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    for (guint i = 0; groups[g].rows != NULL && i < groups[g].rows->len; i++)
      {
        AlvhJournalStatRow *r = g_ptr_array_index (groups[g].rows, i);
        char *cells[] = {
          g_strdup (_(groups[g].name)), g_strdup (r->group), _alvh_report_fmt_int (r->count), _alvh_report_fmt_int (r->hits),
          alvh_format_percent (r->hit_rate, 0, ALVH_FORMAT_DATA), alvh_format_money (r->total_pnl, ALVH_MONEY_PLAIN),
          alvh_format_money (r->avg_pnl, ALVH_MONEY_PLAIN), alvh_format_money (r->avg_mae, ALVH_MONEY_PLAIN),
          alvh_format_money (r->avg_mfe, ALVH_MONEY_PLAIN),
        };

        _alvh_report_table_add_owned (t, cells);
      }
  g_ptr_array_add (self->tables, t);
}

/* The summary table, put first. */
static void
add_journal_summary (AlvhReport          *self,
                     GPtrArray           *legs,
                     GPtrArray           *condors,
                     gint64               marked_at,
                     gint64               end,
                     const JournalTotals *totals,
                     const AlvhLedgerPnl *period_pnl)
{
  const char *tcols[] = { _("Item"), _("Value"), NULL };
  static const gboolean num[] = { FALSE, TRUE };
  static const double w[] = { 2.0, 1.0 };
  AlvhReportTable *t = alvh_report_table_new ("summary", _("Summary"), tcols, num, w);
  g_autofree char *period = alvh_report_dup_period_text (self);
  g_autofree char *profile = alvh_report_dup_profile_text (self);
  g_autoptr(GString) layers = g_string_new (NULL);
  guint n_opened = 0, n_closed = 0;
  gboolean have_pnl = totals->have_pnl;

  alvh_report_table_set_kinds (t, (const AlvhReportCell[]) { TX, AU });
  for (guint i = 0; i < condors->len; i++)
    {
      AlvhCondor *c = g_ptr_array_index (condors, i);

      n_opened += c->opened >= self->from && c->opened < end;
      n_closed += c->closed > 0 && c->closed >= self->from && c->closed < end;
    }
  for (guint l = 0; l < G_N_ELEMENTS (totals->layers_seen); l++)
    if (totals->layers_seen[l])
      g_string_append_printf (layers, "%s%u", layers->len > 0 ? ", " : "", l);

#define ROW(label, value) G_STMT_START { \
    g_autofree char *v_ = (value); \
    const char *c_[] = { (label), v_, NULL }; \
    alvh_report_table_add_row (t, c_); } G_STMT_END
  ROW (_("Account"), g_strdup (self->account_name != NULL ? self->account_name : _("all accounts")));
  ROW (_("Period"), g_strdup (period));
  ROW (_("Rule profile"), g_strdup (profile));
  ROW (_("Positions held"), _alvh_report_fmt_int (condors->len));
  ROW (_("Condors opened"), _alvh_report_fmt_int (n_opened));
  ROW (_("Condors closed"), _alvh_report_fmt_int (n_closed));
  ROW (_("Decisions"), _alvh_report_fmt_int (self->decisions->len));
  ROW (_("ADD / BLOCKED / HOLD"), g_strdup_printf ("%u / %u / %u", totals->n_add, totals->n_blocked, totals->n_hold));
  ROW (_("Followed / skipped / manual / pending"),
       g_strdup_printf ("%u / %u / %u / %u", totals->n_followed, totals->n_skipped,
                        totals->n_manual, totals->n_pending));
  ROW (_("Hedge legs added"), _alvh_report_fmt_int (legs->len));
  ROW (_("Hedge layers added"), g_strdup (layers->len > 0 ? layers->str : _("none")));
  ROW (_("Hedge contracts"), alvh_format_number (totals->hedge_contracts, 0, ALVH_FORMAT_DATA));
  ROW (_("Hedge cost $"), alvh_format_money (totals->hedge_cost, ALVH_MONEY_PLAIN));
  ROW (_("P&L unhedged $"), alvh_format_money (have_pnl ? totals->pnl_unhedged : NAN, ALVH_MONEY_PLAIN));
  ROW (_("Hedge P&L $"), alvh_format_money (have_pnl ? totals->pnl_hedge : NAN, ALVH_MONEY_PLAIN));
  ROW (_("P&L hedged $"), alvh_format_money (have_pnl ? totals->pnl_hedged : NAN, ALVH_MONEY_PLAIN));
  /* the period's P&L (ALVH-SPEC section 6): what was realised in it plus the
   * change in unrealised; the rows above are the positions' P&L to date */
  ROW (_("Realised in the period $"), alvh_format_money (period_pnl->realized, ALVH_MONEY_PLAIN));
  ROW (_("Unrealised at the start $"), alvh_format_money (period_pnl->unrealized_start, ALVH_MONEY_PLAIN));
  ROW (_("Unrealised at the end $"), alvh_format_money (period_pnl->unrealized_end, ALVH_MONEY_PLAIN));
  ROW (_("Fees in the period $"), alvh_format_money (period_pnl->fees, ALVH_MONEY_PLAIN));
  ROW (_("P&L of the period $"), alvh_format_money (period_pnl->pnl, ALVH_MONEY_PLAIN));
  ROW (_("Marked at"), marked_at != 0 ? alvh_format_date (marked_at) : g_strdup (_("cost (no market data)")));
  ROW (_("Journal notes"), _alvh_report_fmt_int (self->notes->len));
#undef ROW
  g_ptr_array_insert (self->tables, 0, t);
}

AlvhReport *
alvh_report_new_from_journal (AlvhJournalStore *store,
                              gint64            account_id,
                              gint64            from,
                              gint64            to,
                              AlvhSeries       *spx,
                              AlvhSeries       *vix,
                              const char       *profile_name,
                              GCancellable     *cancellable,
                              GError          **error)
{
  g_autoptr(AlvhJournalMarket) market = spx != NULL && vix != NULL ? alvh_journal_market_join (spx, vix) : NULL;

  return alvh_report_new_from_journal_market (store, account_id, from, to, market, profile_name,
                                              cancellable, error);
}

AlvhReport *
alvh_report_new_from_journal_market (AlvhJournalStore        *store,
                                     gint64                   account_id,
                                     gint64                   from,
                                     gint64                   to,
                                     const AlvhJournalMarket *market,
                                     const char              *profile_name,
                                     GCancellable            *cancellable,
                                     GError                 **error)
{
  g_autoptr(AlvhReport) self = NULL;
  g_autoptr(GPtrArray) legs = NULL;
  g_autoptr(GPtrArray) condors = NULL;
  g_autoptr(AlvhJournalStats) stats = NULL;
  g_autoptr(AlvhLedger) ledger = NULL;
  JournalTotals totals = { 0 };
  AlvhLedgerPnl period_pnl;
  gint64 end, marked_at;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (store), NULL);

  from = alvh_time_from_ny_day (alvh_time_ny_day (from));
  to = alvh_time_from_ny_day (alvh_time_ny_day (to));
  if (to < from)
    {
      g_autofree char *a = alvh_time_format_ny_date (from);
      g_autofree char *b = alvh_time_format_ny_date (to);

      g_set_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_INVALID,
                   _("The period ends (%s) before it starts (%s)"), b, a);
      return NULL;
    }
  end = alvh_time_from_ny_day (alvh_time_ny_day (to) + 1);

  self = _alvh_report_new (ALVH_REPORT_KIND_JOURNAL);
  self->account_id = account_id;
  self->from = from;
  self->to = to;

  if (!find_account (self, store, account_id, error) ||
      !read_period (self, store, end, &legs, &condors, cancellable, error))
    return NULL;
  marked_at = read_market (self, market, end);
  /* "to date" is to the period's end: nothing later counts */
  stats = alvh_journal_store_compute_stats_at (store, account_id, market, end - 1, error);
  if (stats == NULL)
    return NULL;
  ledger = alvh_journal_store_load_ledger (store, account_id, NULL, error);
  if (ledger == NULL)
    return NULL;
  if (market != NULL)
    alvh_ledger_set_market (ledger, market->frame, market->vix_series);
  alvh_ledger_period (ledger, from - 1, end - 1, &period_pnl);
  if (!pick_profile (self, store, profile_name, error))
    return NULL;

  count_decisions (self, &totals);
  add_legs_table (self, legs, ledger, end - 1, &totals);
  add_positions_table (self, condors, stats, &totals);
  add_decision_tables (self);
  add_notes_table (self);
  add_stats_table (self, stats);
  add_journal_summary (self, legs, condors, marked_at, end, &totals, &period_pnl);
  _alvh_report_add_profile_table (self);

  {
    g_autofree char *period = alvh_report_dup_period_text (self);

    self->title = g_strdup_printf (_("ALVH review %s"), period);
  }
  return g_steal_pointer (&self);
}

AlvhReport *
alvh_report_new_for_account_name_market (AlvhJournalStore        *store,
                                         const char              *account_name,
                                         gint64                   from,
                                         gint64                   to,
                                         const AlvhJournalMarket *market,
                                         GCancellable            *cancellable,
                                         GError                 **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  gint64 id = 0;

  if (account_name != NULL)
    {
      accounts = alvh_journal_store_list_accounts (store, error);
      if (accounts == NULL)
        return NULL;
      for (guint i = 0; i < accounts->len; i++)
        {
          AlvhJournalAccount *acc = g_ptr_array_index (accounts, i);

          if (g_strcmp0 (acc->name, account_name) == 0)
            id = acc->id;
        }
      if (id == 0)
        {
          g_set_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_NOT_FOUND,
                       _("%s: no account named “%s”"),
                       alvh_journal_store_get_path (store), account_name);
          return NULL;
        }
    }
  return alvh_report_new_from_journal_market (store, id, from, to, market, NULL, cancellable, error);
}

AlvhReport *
alvh_report_new_for_account_name (AlvhJournalStore *store,
                                  const char       *account_name,
                                  gint64            from,
                                  gint64            to,
                                  AlvhSeries       *spx,
                                  AlvhSeries       *vix,
                                  GCancellable     *cancellable,
                                  GError          **error)
{
  g_autoptr(AlvhJournalMarket) market = spx != NULL && vix != NULL ? alvh_journal_market_join (spx, vix) : NULL;

  return alvh_report_new_for_account_name_market (store, account_name, from, to, market, cancellable, error);
}
