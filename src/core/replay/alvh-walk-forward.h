/* alvh-walk-forward.h — choose on a training window, report the next one out of sample
 *
 * The history [from, to] is cut into windows of TRAIN_YEARS followed by
 * TEST_YEARS (calendar years from the first bar's date), the windows moving
 * on by TEST_YEARS, so test windows follow each other without overlap.  On
 * each training window a sweep picks the best combination by an objective;
 * that combination, and the base profile for reference, are then replayed on
 * the test window that follows, which the choice never saw.  Each replay
 * starts flat at its window's first bar (the indicators still warm up on the
 * history before it, ALVH-SPEC.md section 5).
 */
#pragma once

#include "alvh-sweep.h"

G_BEGIN_DECLS

#define ALVH_TYPE_WALK_FORWARD (alvh_walk_forward_get_type ())

typedef struct
{
  gint64        train_from;     /* NY midnight of the first and last dates */
  gint64        train_to;
  gint64        test_from;
  gint64        test_to;
  gboolean      partial;        /* the history ends over a week before the test window would */
  gboolean      chosen;         /* FALSE: no valid combination on the training window */
  AlvhSweepRow  train;          /* the chosen combination: values and in-sample figures */
  double        train_score;
  AlvhSweepRow  test;           /* the chosen combination out of sample */
  double        test_score;
  AlvhSweepRow  base_test;      /* the base profile on the test window */
} AlvhWalkWindow;

typedef struct _AlvhWalkForward AlvhWalkForward;

struct _AlvhWalkForward
{
  /*< private >*/
  gint              ref_count;
  /*< public, read-only >*/
  AlvhSweepAxis     axes[ALVH_SWEEP_MAX_AXES];
  guint             n_axes;
  AlvhObjective     objective;
  guint             train_years;
  guint             test_years;
  GArray           *windows;      /* AlvhWalkWindow, in time order */
  /* the test windows chained: P&L summed, max drawdown of the chained
   * equity curve, the worst trade, hedge cost summed */
  AlvhReplayTotals  oos;
  AlvhReplayTotals  base_oos;
};

/**
 * alvh_walk_forward_get_type:
 * Returns: the boxed type
 */
GType            alvh_walk_forward_get_type  (void) G_GNUC_CONST;

/**
 * alvh_walk_forward_ref:
 * @self: a walk-forward result
 * Returns: (transfer full): @self
 */
AlvhWalkForward *alvh_walk_forward_ref       (AlvhWalkForward *self);

/**
 * alvh_walk_forward_unref:
 * @self: (transfer full): a walk-forward result
 */
void             alvh_walk_forward_unref     (AlvhWalkForward *self);

/**
 * alvh_walk_forward_parse_years:
 * @text: "TRAIN_YEARS:TEST_YEARS", e.g. "10:2"
 * @train_years: (out): 1 .. 50
 * @test_years: (out): 1 .. 50
 *
 * Returns: %TRUE when parsed
 */
gboolean         alvh_walk_forward_parse_years (const char *text,
                                                guint      *train_years,
                                                guint      *test_years);

/**
 * alvh_walk_forward_run:
 * @spec: the history, base profile, events and axes, and the dates
 *   considered (G_MININT64/G_MAXINT64: the first/last bar)
 * @train_years: years of each training window
 * @test_years: years of each test window (and the step between windows)
 * @objective: how the best combination is chosen
 * @progress_func: (scope call) (nullable): replays done of all, in worker threads
 * @progress_data: data for @progress_func
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the windows, or %NULL with @error
 *   set (no full training window in the history, or cancelled)
 */
AlvhWalkForward *alvh_walk_forward_run       (const AlvhSweepSpec   *spec,
                                              guint                  train_years,
                                              guint                  test_years,
                                              AlvhObjective          objective,
                                              AlvhSweepProgressFunc  progress_func,
                                              gpointer               progress_data,
                                              GCancellable          *cancellable,
                                              GError               **error);

/**
 * alvh_walk_forward_to_json:
 * @self: a walk-forward result
 *
 * Returns: (transfer full): one JSON object: objective, years, "windows"
 *   (dates, chosen values, train/test/base_test figures) and "out_of_sample"
 */
char            *alvh_walk_forward_to_json   (AlvhWalkForward *self);

/**
 * alvh_walk_forward_dup_summary:
 * @self: a walk-forward result
 *
 * Returns: (transfer full): a readable, translated table
 */
char            *alvh_walk_forward_dup_summary (AlvhWalkForward *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhWalkForward, alvh_walk_forward_unref)

G_END_DECLS
