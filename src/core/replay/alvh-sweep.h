/* alvh-sweep.h — replays of many profiles on one period, on every core
 *
 * A sweep varies one or two numeric profile keys over a grid (KEY=FROM:TO:STEP)
 * and replays each combination over the same bars; a batch replays a list of
 * profiles (the comparison of up to four).  Every job gets its own evaluator
 * and book; the frame and the events are only read, so the jobs run in a
 * #GThreadPool with no shared mutable state.  A combination equal to the base
 * profile's own values gives exactly the figures of a plain
 * alvh_replay_run() over the same range.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-replay.h"

G_BEGIN_DECLS

#define ALVH_TYPE_SWEEP (alvh_sweep_get_type ())
#define ALVH_SWEEP_MAX_AXES 2
#define ALVH_SWEEP_MAX_POINTS 1000   /* values on one axis */

typedef struct
{
  char    key[48];
  double  from;
  double  to;
  double  step;
  guint   n;            /* number of values: from, from + step, ... <= to */
} AlvhSweepAxis;

/**
 * AlvhSweepSpec:
 * @frame: the market history
 * @base: the profile whose keys the axes vary
 * @events: (element-type AlvhEvent) (nullable): macro events
 * @axes: one or two axes on different keys
 * @n_axes: 1 or 2
 * @from: first time booked (G_MININT64: the first bar)
 * @to: last time booked (G_MAXINT64: the last bar)
 *
 * What a sweep or a walk-forward replays: the caller's, borrowed for the
 * call (alvh_sweep_run_async() copies what it needs).
 */
typedef struct
{
  AlvhMarketFrame *frame;
  AlvhProfile     *base;
  GPtrArray       *events;
  AlvhSweepAxis    axes[ALVH_SWEEP_MAX_AXES];
  guint            n_axes;
  gint64           from;
  gint64           to;
} AlvhSweepSpec;

/* One combination's summary figures. */
typedef struct
{
  guint             index[ALVH_SWEEP_MAX_AXES];  /* position on each axis */
  double            values[ALVH_SWEEP_MAX_AXES];
  gboolean          valid;          /* FALSE: the profile breaks a rule (see message) */
  char             *message;        /* why not valid, else NULL */
  AlvhReplayTotals  hedged;
  AlvhReplayTotals  unhedged;
  guint             n_trades;
  guint             n_add;
  guint             n_blocked;
  guint             adds_by_branch[ALVH_N_BRANCHES];
} AlvhSweepRow;

typedef enum
{
  ALVH_OBJECTIVE_PNL_PER_DRAWDOWN,  /* hedged P&L / hedged max drawdown, higher is better */
  ALVH_OBJECTIVE_PNL,               /* hedged P&L */
  ALVH_OBJECTIVE_DRAWDOWN,          /* smallest hedged max drawdown */
  ALVH_OBJECTIVE_COST,              /* hedged P&L minus unhedged P&L: what hedging cost net */
} AlvhObjective;

typedef struct _AlvhSweep AlvhSweep;

struct _AlvhSweep
{
  /*< private >*/
  gint           ref_count;
  /*< public, read-only >*/
  AlvhProfile   *base;              /* the profile the axes vary */
  AlvhSweepAxis  axes[ALVH_SWEEP_MAX_AXES];
  guint          n_axes;
  gint64         first;             /* first and last bar replayed */
  gint64         last;
  gsize          n_bars;
  GArray        *rows;              /* AlvhSweepRow, axis 0 slowest */
};

/* A job's end, called in the thread that ran it (any thread). */
typedef void (*AlvhSweepProgressFunc) (guint    done,
                                       guint    total,
                                       gpointer user_data);

/**
 * alvh_sweep_get_type:
 * Returns: the boxed type of #AlvhSweep
 */
GType          alvh_sweep_get_type        (void) G_GNUC_CONST;

/**
 * alvh_sweep_ref:
 * @self: a sweep
 * Returns: (transfer full): @self
 */
AlvhSweep     *alvh_sweep_ref             (AlvhSweep *self);

/**
 * alvh_sweep_unref:
 * @self: (transfer full): a sweep
 */
void           alvh_sweep_unref           (AlvhSweep *self);

/**
 * alvh_sweep_axis_parse:
 * @text: "KEY=FROM:TO:STEP", e.g. "wing_sd=0.4:0.9:0.05"
 * @out: (out caller-allocates): the axis
 * @error: return location for an error naming the key, its range or the
 *   nearest valid keys
 *
 * The key must be a numeric profile key (not a ratio); FROM and TO within
 * its range, STEP > 0 (a whole number for integer keys), FROM <= TO, at most
 * %ALVH_SWEEP_MAX_POINTS values.
 *
 * Returns: %TRUE when parsed
 */
gboolean       alvh_sweep_axis_parse      (const char     *text,
                                           AlvhSweepAxis  *out,
                                           GError        **error);

/**
 * alvh_sweep_axis_value:
 * @axis: an axis
 * @k: 0 .. @axis->n - 1
 *
 * Returns: FROM + k × STEP rounded to 1e-9, so that 0.1 + 0.05 × 1 is the
 *   double 0.15 reads as (and equals the profile's own value)
 */
double         alvh_sweep_axis_value      (const AlvhSweepAxis *axis,
                                           guint                k);

/**
 * alvh_sweep_n_threads:
 *
 * Returns: the number of worker threads a sweep uses: the processors
 *   (g_get_num_processors()), or ALVH_SWEEP_THREADS when set (1 .. 64)
 */
guint          alvh_sweep_n_threads       (void);

/**
 * alvh_replay_batch_run:
 * @frame: the market history
 * @profiles: (element-type AlvhProfile): the profiles to replay
 * @events: (element-type AlvhEvent) (nullable): macro events
 * @from: first time booked (G_MININT64: the first bar)
 * @to: last time booked (G_MAXINT64: the last bar)
 * @flags: what the results keep
 * @progress_func: (scope call) (nullable): called as each job ends, in its thread
 * @progress_data: data for @progress_func
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * alvh_replay_run() of each profile, in parallel.
 *
 * Returns: (transfer full) (element-type AlvhReplayResult) (nullable): the
 *   results in the order of @profiles, or %NULL with @error set (the first
 *   job's error, or %G_IO_ERROR_CANCELLED)
 */
GPtrArray     *alvh_replay_batch_run      (AlvhMarketFrame       *frame,
                                           GPtrArray             *profiles,
                                           GPtrArray             *events,
                                           gint64                 from,
                                           gint64                 to,
                                           AlvhReplayFlags        flags,
                                           AlvhSweepProgressFunc  progress_func,
                                           gpointer               progress_data,
                                           GCancellable          *cancellable,
                                           GError               **error);

/**
 * alvh_sweep_run:
 * @spec: what to sweep
 * @progress_func: (scope call) (nullable): called as each combination ends,
 *   in the thread that ran it
 * @progress_data: data for @progress_func
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Replays every combination of the axes' values over [from, to] on
 * alvh_sweep_n_threads() threads.  A combination that breaks a rule across
 * keys (close_dte < condor_dte, ...) gives a row with valid = FALSE.
 *
 * Returns: (transfer full) (nullable): the sweep, or %NULL with @error set
 */
AlvhSweep     *alvh_sweep_run             (const AlvhSweepSpec   *spec,
                                           AlvhSweepProgressFunc  progress_func,
                                           gpointer               progress_data,
                                           GCancellable          *cancellable,
                                           GError               **error);

/**
 * alvh_sweep_run_async:
 * @spec: what to sweep (its frame referenced, its profile, events and
 *   axes copied)
 * @progress_func: (scope notified) (nullable): as for alvh_sweep_run(),
 *   in worker threads
 * @progress_data: data for @progress_func, which must outlive the task
 * @cancellable: (nullable): a cancellable
 * @callback: (scope async): called in the caller's main context
 * @user_data: data for @callback
 *
 * alvh_sweep_run() in a #GTask thread.
 */
void           alvh_sweep_run_async       (const AlvhSweepSpec   *spec,
                                           AlvhSweepProgressFunc  progress_func,
                                           gpointer               progress_data,
                                           GCancellable          *cancellable,
                                           GAsyncReadyCallback    callback,
                                           gpointer               user_data);

/**
 * alvh_sweep_run_finish:
 * @result: the #GAsyncResult
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the sweep
 */
AlvhSweep     *alvh_sweep_run_finish      (GAsyncResult  *result,
                                           GError       **error);

/**
 * alvh_sweep_find_row:
 * @self: a sweep
 * @i0: index on axis 0
 * @i1: index on axis 1 (0 for a 1-key sweep)
 *
 * Returns: (transfer none) (nullable): the row
 */
const AlvhSweepRow *alvh_sweep_find_row   (AlvhSweep *self,
                                           guint      i0,
                                           guint      i1);

/**
 * alvh_sweep_row_from_result:
 * @result: a replay result
 * @out: (out caller-allocates): the row's figures (index, values, message untouched)
 *
 * Copies the summary figures of a replay into a row.
 */
void           alvh_sweep_row_from_result (const AlvhReplayResult *result,
                                           AlvhSweepRow           *out);

/**
 * alvh_sweep_append_csv_header:
 * @self: a sweep
 * @out: the string to append to
 *
 * Appends the CSV header line (the axis keys, then the figures).
 */
void           alvh_sweep_append_csv_header (AlvhSweep *self,
                                             GString   *out);

/**
 * alvh_sweep_append_csv_row:
 * @self: a sweep
 * @row: one of its rows
 * @out: the string to append to
 *
 * Appends the row as a CSV line; numbers as alvh_json_append_number() writes them.
 */
void           alvh_sweep_append_csv_row  (AlvhSweep          *self,
                                           const AlvhSweepRow *row,
                                           GString            *out);

/**
 * alvh_sweep_append_json_row:
 * @self: a sweep
 * @row: one of its rows
 * @out: the string to append to
 *
 * Appends the row as one JSON object (no newline): "values" by key, then
 * "hedged", "unhedged", "trades_count", "adds", "blocked" and
 * "adds_by_branch" with the keys and numbers of alvh_replay_result_to_json().
 */
void           alvh_sweep_append_json_row (AlvhSweep          *self,
                                           const AlvhSweepRow *row,
                                           GString            *out);

/**
 * alvh_objective_parse:
 * @text: "pnl_per_drawdown", "pnl", "drawdown" or "cost"
 * @out: (out): the objective
 *
 * Returns: %TRUE for a known name
 */
gboolean       alvh_objective_parse       (const char    *text,
                                           AlvhObjective *out);

/**
 * alvh_objective_to_string:
 * @objective: an objective
 *
 * Returns: (transfer none): its name
 */
const char    *alvh_objective_to_string   (AlvhObjective objective);

/**
 * alvh_objective_score:
 * @objective: an objective
 * @row: a row
 *
 * Returns: the row's score, higher is better; -INFINITY for an invalid row
 */
double         alvh_objective_score       (AlvhObjective       objective,
                                           const AlvhSweepRow *row);

/**
 * alvh_sweep_best_row:
 * @self: a sweep
 * @objective: the objective
 *
 * Returns: (transfer none) (nullable): the valid row with the highest score
 *   (the first in row order on a tie), %NULL when no row is valid
 */
const AlvhSweepRow *alvh_sweep_best_row   (AlvhSweep     *self,
                                           AlvhObjective  objective);

/**
 * alvh_sweep_dup_profile:
 * @self: a sweep
 * @row: one of its rows
 *
 * Returns: (transfer full): the base profile with the row's values set
 */
AlvhProfile   *alvh_sweep_dup_profile     (AlvhSweep          *self,
                                           const AlvhSweepRow *row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhSweep, alvh_sweep_unref)

G_END_DECLS
