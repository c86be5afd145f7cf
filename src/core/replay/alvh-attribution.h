/* alvh-attribution.h — which triggers' hedges paid, and what they cost
 *
 * Over the hedges of a replay (or of a journal), grouped by each trigger that
 * fired for the decision that added them and by each exact combination of
 * fired triggers: the hedges added, what they cost, their P&L, what they
 * saved (their P&L on the trades whose condor lost money), what they saved
 * in the condor's worst stretch (each hedge's P&L from the peak to the
 * trough of its condor's marked P&L during the trade: what the hedges
 * returned while the condor lost most), and the hit rate (hedges with
 * P&L > 0).
 *
 * Intervals, 95 %: the hit rate's is Wilson's score interval; the mean P&L
 * per hedge's, the mean saved per hedge's
 * and the mean saved in the worst stretch per hedge's are bootstrap percentile
 * intervals (2,000 resamples of the group's hedges, a fixed seed, so the
 * same hedges give the same interval).  Groups of fewer than two hedges have
 * no bootstrap interval (NAN).
 */
#pragma once

#include "alvh-journal-store.h"
#include "alvh-replay.h"

G_BEGIN_DECLS

#define ALVH_TYPE_ATTRIBUTION (alvh_attribution_get_type ())
#define ALVH_ATTRIBUTION_BOOTSTRAP 2000

/* One hedge, as the attribution sees it. */
typedef struct
{
  guint32  triggers;       /* bit k: signal k fired for its decision */
  guint8   branch;         /* AlvhBranch of its decision */
  double   cost;           /* dollars paid */
  double   pnl;            /* dollars, at its close (or last mark) */
  gboolean condor_lost;    /* its condor's own P&L < 0 */
  double   stretch_pnl;    /* dollars: its P&L over its condor's worst stretch
                              (0 when not held then); NAN when unknown */
} AlvhAttributionHedge;

typedef struct
{
  char    *group;          /* "wing_proximity", or "book_delta+wing_proximity" */
  guint32  triggers;
  guint    n_hedges;
  guint    n_hits;         /* P&L > 0 */
  guint    n_condor_lost;  /* hedges on trades whose condor lost */
  double   cost;           /* dollars, summed */
  double   pnl;            /* dollars, summed */
  double   saved;          /* dollars: P&L of the hedges on losing condors */
  double   hit_rate;
  double   hit_low;        /* Wilson 95 % */
  double   hit_high;
  double   mean_pnl;
  double   mean_pnl_low;   /* bootstrap 95 % */
  double   mean_pnl_high;
  double   mean_saved;     /* per hedge (0 for hedges on winning condors) */
  double   mean_saved_low;
  double   mean_saved_high;
  double   saved_stretch;  /* dollars: the hedges' P&L over their condors' worst
                              stretches; NAN when a hedge's is unknown */
  double   mean_saved_stretch;       /* per hedge */
  double   mean_saved_stretch_low;   /* bootstrap 95 % */
  double   mean_saved_stretch_high;
} AlvhAttributionRow;

typedef struct _AlvhAttribution AlvhAttribution;

struct _AlvhAttribution
{
  /*< private >*/
  gint     ref_count;
  /*< public, read-only >*/
  guint    n_hedges;
  GArray  *by_trigger;      /* AlvhAttributionRow, in signal order, triggers that fired */
  GArray  *by_combination;  /* AlvhAttributionRow, by hedges added, most first */
};

/**
 * alvh_attribution_get_type:
 * Returns: the boxed type
 */
GType            alvh_attribution_get_type (void) G_GNUC_CONST;

/**
 * alvh_attribution_ref:
 * @self: an attribution
 * Returns: (transfer full): @self
 */
AlvhAttribution *alvh_attribution_ref      (AlvhAttribution *self);

/**
 * alvh_attribution_unref:
 * @self: (transfer full): an attribution
 */
void             alvh_attribution_unref    (AlvhAttribution *self);

/**
 * alvh_wilson_interval:
 * @hits: successes
 * @n: trials
 * @z: the normal quantile (1.959963984540054 for 95 %)
 * @low: (out): lower bound
 * @high: (out): upper bound
 *
 * Wilson's score interval for a proportion; [0, 1] when @n is 0.
 */
void             alvh_wilson_interval      (guint   hits,
                                            guint   n,
                                            double  z,
                                            double *low,
                                            double *high);

/**
 * alvh_bootstrap_mean_interval:
 * @values: (array length=n): the sample
 * @n: its size
 * @resamples: how many resamples
 * @seed: the random seed
 * @low: (out): the 2.5 % percentile of the resampled means
 * @high: (out): the 97.5 % percentile
 *
 * NAN bounds when @n < 2.
 */
void             alvh_bootstrap_mean_interval (const double *values,
                                               gsize         n,
                                               guint         resamples,
                                               guint32       seed,
                                               double       *low,
                                               double       *high);

/**
 * alvh_attribution_hedges_from_replay:
 * @result: a replay run with %ALVH_REPLAY_KEEP_DECISIONS
 * @error: return location for an error
 *
 * Each hedge's stretch_pnl is NAN (see
 * alvh_attribution_hedges_from_replay_marked()).
 *
 * Returns: (transfer full) (element-type AlvhAttributionHedge) (nullable):
 *   the replay's hedges, or %NULL with @error when the decisions were not kept
 */
GArray          *alvh_attribution_hedges_from_replay (AlvhReplayResult *result,
                                                      GError          **error);

/**
 * alvh_attribution_worst_stretch:
 * @result: a replay result
 * @trade: index in @result->trades
 * @peak: (out): the bar (index in @result->time) where the stretch starts
 * @trough: (out): the bar where it ends (>= @peak)
 *
 * The condor's worst stretch during the trade: the largest fall of its
 * marked P&L (from @result->equity_unhedged, the trade's bars from its open
 * to its close or the last bar) from a peak to a later trough.  @peak equals
 * @trough when it never fell.
 *
 * Returns: the fall in dollars (>= 0)
 */
double           alvh_attribution_worst_stretch (const AlvhReplayResult *result,
                                                 guint                   trade,
                                                 gsize                  *peak,
                                                 gsize                  *trough);

/**
 * alvh_attribution_hedges_from_replay_marked:
 * @result: a replay run with %ALVH_REPLAY_KEEP_DECISIONS
 * @evaluator: the evaluator the replay ran with (its marks price the legs
 *   at the stretch's ends)
 * @error: return location for an error
 *
 * As alvh_attribution_hedges_from_replay(), with each hedge's stretch_pnl:
 * its P&L from the start of its condor's worst stretch (or its open, when
 * later) to the stretch's end (or its close, when earlier), marked as the
 * replay marks it; 0 for a hedge not held during the stretch.  Over a
 * trade these add up to the change of the hedged minus the unhedged equity
 * over the stretch.
 *
 * Returns: (transfer full) (element-type AlvhAttributionHedge) (nullable):
 *   the replay's hedges, or %NULL with @error set
 */
GArray          *alvh_attribution_hedges_from_replay_marked (AlvhReplayResult *result,
                                                             AlvhEvaluator    *evaluator,
                                                             GError          **error);

/**
 * alvh_attribution_hedges_from_journal:
 * @store: a journal
 * @account_id: an account (0 = all)
 * @market: (nullable): SPX and VIX closes for the marks
 * @error: return location for an error
 *
 * The journal's legs that followed a decision (manual legs are left out),
 * their triggers as linked in the journal, P&L as the review computes it,
 * cost = premium × quantity × 100; stretch_pnl NAN (the journal keeps no
 * per-bar marks of its condors).
 *
 * Returns: (transfer full) (element-type AlvhAttributionHedge) (nullable):
 *   the hedges, or %NULL with @error set
 */
GArray          *alvh_attribution_hedges_from_journal (AlvhJournalStore        *store,
                                                       gint64                   account_id,
                                                       const AlvhJournalMarket *market,
                                                       GError                 **error);

/**
 * alvh_attribution_compute:
 * @hedges: (element-type AlvhAttributionHedge): the hedges
 *
 * Returns: (transfer full): the groups with their intervals
 */
AlvhAttribution *alvh_attribution_compute  (GArray *hedges);

/**
 * alvh_attribution_to_json:
 * @self: an attribution
 *
 * Returns: (transfer full): {"hedges":N,"method":{...},"by_trigger":[...],"by_combination":[...]};
 *   each row keeps "saved" (hedge P&L on losing condors) and adds
 *   "saved_worst_stretch" and "mean_saved_worst_stretch" (null when unknown)
 */
char            *alvh_attribution_to_json  (AlvhAttribution *self);

/**
 * alvh_attribution_dup_summary:
 * @self: an attribution
 *
 * Returns: (transfer full): readable, translated tables
 */
char            *alvh_attribution_dup_summary (AlvhAttribution *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhAttribution, alvh_attribution_unref)

G_END_DECLS
