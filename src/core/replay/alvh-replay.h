/* alvh-replay.h — walk history bar by bar and book what the evaluator says (ALVH-SPEC.md section 5)
 *
 * Each bar, in this order: (1) close the condor and its hedges when its days
 * to expiry <= close_dte, at model prices; (2) when no condor is open, open
 * one (expiry: first Friday >= t + condor_dte; shorts at short_delta, the
 * put's strike rounded down and the call's up to a multiple of 5; wings
 * wing_width further out; one unit; credit = model price); (3) evaluate;
 * (4) book an ADD's proposed leg at its estimated cost.  Everything is marked
 * each bar with the same model.  Nothing is allocated per bar.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-decision.h"
#include "alvh-evaluator.h"

G_BEGIN_DECLS

#define ALVH_TYPE_REPLAY_RESULT (alvh_replay_result_get_type ())
#define ALVH_REPLAY_ERROR (alvh_replay_error_quark ())

typedef enum
{
  ALVH_REPLAY_ERROR_NO_BARS,
} AlvhReplayError;

typedef struct
{
  AlvhCondor  condor;
  gint64      close_time;      /* 0 while still open at the end */
  gboolean    open_at_end;     /* marked, not closed, at the last bar */
  double      condor_pnl;      /* dollars */
  double      hedge_pnl;       /* dollars, all layers */
  double      hedge_cost;      /* dollars paid */
  guint       n_layers;
  double      layer_pnl[ALVH_PROFILE_MAX_LAYERS];  /* dollars, by layer 1.. */
  double      layer_cost[ALVH_PROFILE_MAX_LAYERS];
  double      close_price;     /* points per unit paid to close (the last mark when open at the end) */
} AlvhReplayTrade;

/* One hedge leg the replay booked: the proposed leg of an ADD as booked
 * (leg.id 1, 2, ...; leg.condor_id = its trade's condor.id; real strikes,
 * VIX expiry, quantity, premium in points per contract, layer, open time). */
typedef struct
{
  AlvhLeg  leg;
  guint         trade;         /* index in trades */
  guint         decision;      /* index in decisions: the ADD that booked it */
  gint64        close_time;    /* 0 while still open at the end */
  double        close_price;   /* points per contract at the close (the last mark when open at the end) */
  double        pnl;           /* dollars */
} AlvhReplayLeg;

/* A decision worth keeping: every ADD and BLOCKED, and every HOLD with at
 * least one fired signal (plain HOLDs with nothing fired are only counted). */
typedef struct
{
  gsize         bar;           /* index in time */
  gint          trade;         /* index in trades of the condor open at the bar, -1 = none */
  AlvhDecision  decision;
} AlvhReplayDecision;

typedef struct
{
  double  total_pnl;       /* dollars */
  double  max_drawdown;    /* dollars, >= 0, on the per-bar equity curve */
  double  worst_trade;     /* dollars, the worst trade's P&L */
  double  hedge_cost;      /* dollars paid for hedges (0 unhedged) */
} AlvhReplayTotals;

typedef struct _AlvhReplayResult AlvhReplayResult;

struct _AlvhReplayResult
{
  /*< private >*/
  gint              ref_count;
  /*< public, read-only >*/
  char             *profile_name;
  int               profile_version;
  gsize             n_bars;
  gint64           *time;            /* n_bars (the replayed frame's own times) */
  double           *equity_hedged;   /* n_bars, dollars, realised + marked */
  double           *equity_unhedged; /* n_bars */
  guint8           *action;          /* n_bars, AlvhAction */
  guint8           *branch;          /* n_bars, AlvhBranch */
  GArray           *trades;          /* AlvhReplayTrade */
  AlvhReplayTotals  hedged;
  AlvhReplayTotals  unhedged;
  guint             n_add;
  guint             n_blocked;
  guint             adds_by_branch[ALVH_N_BRANCHES];
  guint             decisions_by_branch[ALVH_N_BRANCHES];
  guint             fired[ALVH_N_SIGNALS];    /* bars where each signal fired */
  guint             available[ALVH_N_SIGNALS];
  GArray           *legs;            /* AlvhReplayLeg, in booking order */
  GArray           *decisions;       /* AlvhReplayDecision, by bar; empty unless
                                        ALVH_REPLAY_KEEP_DECISIONS */
  gboolean          decisions_kept;  /* run with ALVH_REPLAY_KEEP_DECISIONS */
  /*< private >*/
  gpointer          slab;            /* equity_hedged .. branch in one block (alvh_replay_run); NULL: each g_free'd */
  gpointer          frame;           /* the AlvhMarketFrame that time points into (a reference); NULL: time is g_free'd */
};

typedef enum
{
  ALVH_REPLAY_FLAGS_NONE     = 0,
  /* keep the notable decisions (alvh_replay_decision_is_notable()) in
   * result->decisions, as alvh_replay_result_record() needs them: about
   * 0.8 kB per kept bar, so off by default (a million intraday bars) */
  ALVH_REPLAY_KEEP_DECISIONS = 1 << 0,
} AlvhReplayFlags;

/* Called for every bar after step (4); decision is the bar's decision
 * (borrowed), book the book after booking.  Return FALSE to stop. */
typedef gboolean (*AlvhReplayBarFunc) (gsize               index,
                                       const AlvhDecision *decision,
                                       AlvhBook           *book,
                                       gpointer            user_data);
/* fraction in [0, 1], called about every 1 % of the bars. */
typedef void     (*AlvhReplayProgressFunc) (double   fraction,
                                            gpointer user_data);

/* What a replay covers and what it keeps or reports besides the totals;
 * alvh_replay_options_init() gives all bars, nothing kept, no callbacks. */
typedef struct
{
  gint64                  from;          /* first time booked and reported (G_MININT64: the frame's first bar) */
  gint64                  to;            /* last time (G_MAXINT64: the frame's last bar) */
  AlvhReplayFlags         flags;
  AlvhReplayBarFunc       bar_func;      /* (nullable) (scope call): after each bar of [from, to],
                                          * with its index in the result */
  gpointer                bar_data;
  AlvhReplayProgressFunc  progress_func; /* (nullable) (scope call): about every 1 % of the bars */
  gpointer                progress_data;
} AlvhReplayOptions;

/**
 * alvh_replay_options_init:
 * @options: (out caller-allocates): the options
 *
 * All the frame's bars, nothing kept besides the totals, no callbacks.
 */
void              alvh_replay_options_init     (AlvhReplayOptions      *options);

/**
 * alvh_replay_result_get_type:
 * Returns: the boxed type of #AlvhReplayResult
 */
GType             alvh_replay_result_get_type  (void) G_GNUC_CONST;

/**
 * alvh_replay_error_quark:
 * Returns: the error domain %ALVH_REPLAY_ERROR
 */
GQuark            alvh_replay_error_quark      (void);

/**
 * alvh_replay_result_ref:
 * @self: a replay result
 *
 * Returns: (transfer full): @self with one more reference
 */
AlvhReplayResult *alvh_replay_result_ref       (AlvhReplayResult *self);

/**
 * alvh_replay_result_unref:
 * @self: (transfer full): a replay result
 *
 * Drops a reference; the last one frees the result.
 */
void              alvh_replay_result_unref     (AlvhReplayResult *self);

/**
 * alvh_replay_decision_is_notable:
 * @decision: a decision
 *
 * Returns: %TRUE for the decisions a replay keeps (and records in a
 *   journal): not a plain HOLD with no fired signal
 */
gboolean          alvh_replay_decision_is_notable (const AlvhDecision *decision);

/**
 * alvh_replay_result_dup_summary:
 * @self: a replay result
 *
 * Returns: (transfer full): a readable, translated summary of several lines
 */
char             *alvh_replay_result_dup_summary (AlvhReplayResult *self);

/**
 * alvh_replay_result_to_json:
 * @self: a replay result
 *
 * Returns: (transfer full): one JSON object with the totals, counts and
 *   trades (no equity curves)
 */
char             *alvh_replay_result_to_json   (AlvhReplayResult *self);

/**
 * alvh_replay_run:
 * @evaluator: the evaluator over the whole history
 * @options: (nullable): the bars, what to keep and the callbacks; %NULL:
 *   alvh_replay_options_init()'s
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Replays the rules, hedged and unhedged, over the bars of the evaluator's
 * frame in [from, to] of @options, while the indicators, beta and the
 * 48-hour look-back use all the history of the frame before from
 * (ALVH-SPEC.md section 5), so a bar gets the same signals in any replay
 * that contains it.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with
 *   %G_IO_ERROR_CANCELLED when cancelled or %ALVH_REPLAY_ERROR_NO_BARS
 *   without a bar in the range
 */
AlvhReplayResult *alvh_replay_run              (AlvhEvaluator           *evaluator,
                                                const AlvhReplayOptions *options,
                                                GCancellable            *cancellable,
                                                GError                 **error);
/**
 * alvh_replay_run_async:
 * @evaluator: the evaluator over the bars to replay
 * @cancellable: (nullable): a #GCancellable
 * @callback: (scope async): called in the caller's main context when done
 * @user_data: (closure callback): data for @callback
 *
 * Runs alvh_replay_run() in a thread of a #GTask; progress is not reported.
 */
void              alvh_replay_run_async        (AlvhEvaluator          *evaluator,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);

/**
 * alvh_replay_run_finish:
 * @result: the #GAsyncResult given to the callback
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the result, or %NULL with @error set
 */
AlvhReplayResult *alvh_replay_run_finish       (GAsyncResult           *result,
                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhReplayResult, alvh_replay_result_unref)

/**
 * alvh_replay_totals_append_json:
 * @s: the JSON text being written
 * @name: the member's name
 * @t: the totals
 *
 * Appends `"NAME":{"total_pnl":…,"max_drawdown":…,"worst_trade":…,"hedge_cost":…}`,
 * as `alvh replay --format json` writes its hedged and unhedged totals.
 */
void alvh_replay_totals_append_json (GString                *s,
                                     const char             *name,
                                     const AlvhReplayTotals *t);

G_END_DECLS
