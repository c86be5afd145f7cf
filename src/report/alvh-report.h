/* alvh-report.h — the data of a review report (no drawing)
 *
 * A report covers one account over a period [from, to] of New York dates
 * (both days included) and holds what the renderers (src/chart/
 * alvh-report-render.h: PDF, HTML, CSV) lay out:
 *   - a summary (positions, hedge layers added, hedge cost, P&L hedged vs
 *     unhedged) as a two-column table;
 *   - every hedge decision of the period with its frozen signal table and
 *     its explanation (AlvhDecision, as the journal stored it);
 *   - the journal notes of the period (AlvhJournalEntry);
 *   - the legs added, trigger statistics and the rule profile used
 *     (name, version and its key=value lines);
 *   - chart data: SPX and VIX closes over the period with a marker per leg.
 * A replay report holds the replay's summary, its trades, the signal counts
 * and the equity curves (hedged and unhedged) instead.
 *
 * Every table is also available as plain text cells (AlvhReportTable) so that
 * one CSV file can be written per table.  Numbers go through alvh-format.h
 * (included here for the renderers) with its data styles: plain decimals with
 * a '.' ("-1234.50"), "n/a" for a missing value, dates as YYYY-MM-DD (New York).
 */
#pragma once

#include <glib-object.h>

#include "alvh-format.h"

#include "alvh-journal-store.h"
#include "alvh-replay.h"
#include "alvh-series.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPORT (alvh_report_get_type ())
#define ALVH_REPORT_ERROR (alvh_report_error_quark ())

typedef enum
{
  ALVH_REPORT_ERROR_INVALID,     /* a bad period, preset or account */
  ALVH_REPORT_ERROR_NOT_FOUND,   /* no such account */
  ALVH_REPORT_ERROR_DATABASE,    /* the journal could not be read */
} AlvhReportError;

typedef enum
{
  ALVH_REPORT_PRESET_CUSTOM,
  ALVH_REPORT_PRESET_WEEKLY,     /* the last full Monday–Friday week before today */
  ALVH_REPORT_PRESET_MONTHLY,    /* the last full calendar month before this one */
} AlvhReportPreset;

typedef enum
{
  ALVH_REPORT_KIND_JOURNAL,
  ALVH_REPORT_KIND_REPLAY,
} AlvhReportKind;

/**
 * AlvhReportCell:
 * @ALVH_REPORT_CELL_TEXT: shown as it is
 * @ALVH_REPORT_CELL_KEY: a key of the spec or a list of them ("fixed",
 *   "iv_expansion rsi_extreme"), shown by its human name (alvh_format_key())
 * @ALVH_REPORT_CELL_NUMBER: a plain number, shown with the locale's
 *   separators and the same decimals
 * @ALVH_REPORT_CELL_MONEY: a plain amount in dollars, shown as "−$1,234.50"
 * @ALVH_REPORT_CELL_PERCENT: a plain percentage ("12%"), shown as "12 %" in German
 * @ALVH_REPORT_CELL_AUTO: money when the row's first cell ends in "$", a
 *   number when the cell is one, else text (summary tables)
 * @ALVH_REPORT_CELL_SIGNAL_KIND: "realtime" or "fixed", shown as the
 *   Evaluator page names them
 *
 * What a column holds, so that the PDF and HTML writers show a person the
 * text alvh-format.h makes of it while CSV files keep the plain cells.
 */
typedef enum
{
  ALVH_REPORT_CELL_TEXT,
  ALVH_REPORT_CELL_KEY,
  ALVH_REPORT_CELL_NUMBER,
  ALVH_REPORT_CELL_MONEY,
  ALVH_REPORT_CELL_PERCENT,
  ALVH_REPORT_CELL_AUTO,
  ALVH_REPORT_CELL_SIGNAL_KIND,
} AlvhReportCell;

/* A table of text cells.  `id` names its CSV file ("decisions" ->
 * FILE-decisions.csv); `in_document` is FALSE for the flat tables that the
 * PDF and HTML show in another form (decisions, signals, notes). */
typedef struct
{
  char       *id;
  char       *title;        /* translated */
  guint       n_columns;
  char      **columns;      /* n_columns headers (NULL-terminated) */
  gboolean   *numeric;      /* n_columns: right-aligned numbers */
  double     *widths;       /* n_columns: relative widths for paged layouts */
  GPtrArray  *rows;         /* of char ** (n_columns cells, NULL-terminated) */
  gboolean    in_document;
  AlvhReportCell *kinds;    /* n_columns: what the PDF and HTML show of a cell */
} AlvhReportTable;

/* A marker on the chart: a hedge leg added (layer > 0) or a decision. */
typedef struct
{
  gint64   time;
  int      layer;
  gboolean manual;
  char    *label;           /* "L1", "M" ... */
} AlvhReportMarker;

typedef struct _AlvhReport AlvhReport;

struct _AlvhReport
{
  /*< private >*/
  gint             ref_count;
  /*< public, read-only >*/
  AlvhReportKind   kind;
  char            *title;            /* "ALVH weekly review" ... translated */
  char            *account_name;     /* NULL: all accounts */
  gint64           account_id;
  gint64           from;             /* first day, 00:00 New York */
  gint64           to;               /* last day, 00:00 New York (included) */
  gint64           generated;        /* UTC seconds */
  char            *profile_name;
  int              profile_version;  /* 0: unknown */
  char           **profile_lines;    /* "key=value", NULL-terminated */

  GPtrArray       *tables;           /* AlvhReportTable, in document order */
  GPtrArray       *decisions;        /* AlvhDecision, by time */
  GPtrArray       *notes;            /* AlvhJournalEntry, by time */

  /* chart: journal reports */
  gsize            n_bars;
  gint64          *bar_times;
  double          *spx;              /* NAN where missing */
  double          *vix;
  GPtrArray       *markers;          /* AlvhReportMarker */
  /* chart: replay reports (the same bar_times) */
  double          *equity_hedged;
  double          *equity_unhedged;
};

/**
 * alvh_report_get_type:
 * Returns: the boxed type of #AlvhReport
 */
GType             alvh_report_get_type          (void) G_GNUC_CONST;

/**
 * alvh_report_error_quark:
 * Returns: the error domain %ALVH_REPORT_ERROR
 */
GQuark            alvh_report_error_quark       (void);

/**
 * alvh_report_ref:
 * @self: a report
 *
 * Returns: (transfer full): @self with one more reference
 */
AlvhReport       *alvh_report_ref               (AlvhReport       *self);

/**
 * alvh_report_unref:
 * @self: (transfer full): a report
 *
 * Drops a reference; the last one frees the report.
 */
void              alvh_report_unref             (AlvhReport       *self);

/**
 * alvh_report_preset_period:
 * @preset: weekly or monthly
 * @now: UTC seconds the preset counts back from
 * @out_from: (out): the first day, 00:00 New York
 * @out_to: (out): the last day, 00:00 New York
 * @error: return location for an error
 *
 * Weekly is Monday to Friday of the last week whose Friday is before today;
 * monthly is the first to the last day of the previous calendar month.
 *
 * Returns: %TRUE with the period, %FALSE with %ALVH_REPORT_ERROR_INVALID for
 *   %ALVH_REPORT_PRESET_CUSTOM
 */
gboolean          alvh_report_preset_period     (AlvhReportPreset  preset,
                                                 gint64            now,
                                                 gint64           *out_from,
                                                 gint64           *out_to,
                                                 GError          **error);

/**
 * alvh_report_preset_to_string:
 * @preset: a preset
 *
 * Returns: (transfer none): the preset's name: "custom", "weekly" or "monthly"
 */
const char       *alvh_report_preset_to_string  (AlvhReportPreset  preset);
/**
 * alvh_report_preset_from_string:
 * @text: a preset's name
 * @out_preset: (out): the preset
 *
 * Returns: %TRUE when @text names a preset
 */
gboolean          alvh_report_preset_from_string(const char       *text,
                                                 AlvhReportPreset *out_preset);

/**
 * alvh_report_new_from_journal:
 * @store: the journal
 * @account_id: the account, 0 for all accounts
 * @from: the first day (New York date)
 * @to: the last day, included
 * @spx: (nullable): SPX bars for the chart and for marking open positions
 * @vix: (nullable): VIX bars, likewise
 * @profile_name: (nullable): the profile to show; %NULL for the profile of
 *   the period's last decision, else the store's latest "Default"
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Builds the review report of the period: summary, legs, positions,
 * decisions with their signals, notes, trigger statistics and the profile.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 *   (also for a period that ends before it starts or an unknown account)
 */
AlvhReport       *alvh_report_new_from_journal  (AlvhJournalStore *store,
                                                 gint64            account_id,
                                                 gint64            from,
                                                 gint64            to,
                                                 AlvhSeries       *spx,
                                                 AlvhSeries       *vix,
                                                 const char       *profile_name,
                                                 GCancellable     *cancellable,
                                                 GError          **error);

/**
 * alvh_report_new_from_journal_market:
 * @store: the journal
 * @account_id: the account, 0 for all accounts
 * @from: the first day (New York date)
 * @to: the last day, included
 * @market: (nullable): the bars for the chart and the ledger's marks and
 *   settlement (alvh_journal_market_new_from_frame() gives the same bars as
 *   `alvh book list`)
 * @profile_name: (nullable): as for alvh_report_new_from_journal()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * alvh_report_new_from_journal() on @market.  Every P&L is the ledger's
 * (ALVH-SPEC section 6): positions and statistics to the period's end, and
 * the period's own P&L (realised in it plus the change in unrealised).
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
AlvhReport       *alvh_report_new_from_journal_market (AlvhJournalStore        *store,
                                                      gint64                   account_id,
                                                      gint64                   from,
                                                      gint64                   to,
                                                      const AlvhJournalMarket *market,
                                                      const char              *profile_name,
                                                      GCancellable            *cancellable,
                                                      GError                 **error);

/**
 * alvh_report_new_for_account_name_market:
 * @store: the journal
 * @account_name: (nullable): the account's name, %NULL for all accounts
 * @from: the first day (New York date)
 * @to: the last day, included
 * @market: (nullable): as for alvh_report_new_from_journal_market()
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * alvh_report_new_from_journal_market() with the account looked up by name.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
AlvhReport       *alvh_report_new_for_account_name_market (AlvhJournalStore        *store,
                                                          const char              *account_name,
                                                          gint64                   from,
                                                          gint64                   to,
                                                          const AlvhJournalMarket *market,
                                                          GCancellable            *cancellable,
                                                          GError                 **error);

/**
 * alvh_report_new_for_account_name:
 * @store: the journal
 * @account_name: (nullable): the account's name, %NULL for all accounts
 * @from: the first day (New York date)
 * @to: the last day, included
 * @spx: (nullable): SPX bars for the chart and for marking open positions
 * @vix: (nullable): VIX bars, likewise
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * alvh_report_new_from_journal() with the account looked up by name.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with @error set
 */
AlvhReport       *alvh_report_new_for_account_name (AlvhJournalStore *store,
                                                 const char       *account_name,
                                                 gint64            from,
                                                 gint64            to,
                                                 AlvhSeries       *spx,
                                                 AlvhSeries       *vix,
                                                 GCancellable     *cancellable,
                                                 GError          **error);

/**
 * alvh_report_new_from_replay:
 * @result: a replay's result
 * @profile: (nullable): the profile replayed, for its key=value lines
 *
 * Returns: (transfer full): the replay report
 */
AlvhReport       *alvh_report_new_from_replay   (AlvhReplayResult *result,
                                                 const AlvhProfile *profile);

/**
 * alvh_report_set_title:
 * @self: a report
 * @title: the new title; copied
 *
 * Replaces the default title, which names the kind and the period.
 */
void              alvh_report_set_title         (AlvhReport       *self,
                                                 const char       *title);

/**
 * alvh_report_dup_period_text:
 * @self: a report
 *
 * Returns: (transfer full): the period, e.g. "2026-11-16 – 2026-11-20"
 */
char             *alvh_report_dup_period_text   (AlvhReport       *self);

/**
 * alvh_report_dup_profile_text:
 * @self: a report
 *
 * Returns: (transfer full): the profile, e.g. "Default v3" or "Default"
 */
char             *alvh_report_dup_profile_text  (AlvhReport       *self);

/**
 * alvh_report_get_table:
 * @self: a report
 * @id: a table id such as "legs"
 *
 * Returns: (transfer none) (nullable): the table, or %NULL
 */
AlvhReportTable  *alvh_report_get_table         (AlvhReport       *self,
                                                 const char       *id);

/**
 * alvh_report_table_new:
 * @id: the table's id, which names its CSV file
 * @title: (nullable): the translated title, %NULL for @id
 * @columns: (array zero-terminated=1): the column headers
 * @numeric: (nullable) (array): per column, %TRUE for right-aligned numbers
 * @widths: (nullable) (array): per column, relative widths (default 1)
 *
 * Returns: (transfer full): an empty table
 */
AlvhReportTable  *alvh_report_table_new         (const char       *id,
                                                 const char       *title,
                                                 const char * const *columns,
                                                 const gboolean   *numeric,
                                                 const double     *widths);

/**
 * alvh_report_table_add_row:
 * @table: a table
 * @cells: (array): n_columns cells; copied, %NULL cells become ""
 */
void              alvh_report_table_add_row     (AlvhReportTable  *table,
                                                 const char * const *cells);

/**
 * alvh_report_table_set_kinds:
 * @table: a table
 * @kinds: (array): n_columns kinds of cells (all %ALVH_REPORT_CELL_TEXT at first)
 */
void              alvh_report_table_set_kinds   (AlvhReportTable      *table,
                                                 const AlvhReportCell *kinds);

/**
 * alvh_report_table_dup_shown_row:
 * @table: a table
 * @row: a row index, or -1 for the column headers
 *
 * The text a person reads in the PDF and HTML for a row: keys by their
 * names, numbers and money through alvh-format.h's screen styles.
 *
 * Returns: (transfer full) (array zero-terminated=1): n_columns cells
 */
char            **alvh_report_table_dup_shown_row (const AlvhReportTable *table,
                                                   int                    row);

/**
 * alvh_report_table_free:
 * @table: (transfer full) (nullable): a table
 */
void              alvh_report_table_free        (AlvhReportTable  *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhReport, alvh_report_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhReportTable, alvh_report_table_free)

G_END_DECLS
