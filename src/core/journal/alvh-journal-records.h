/* alvh-journal-records.h — the plain records the journal store reads and writes
 *
 * Part of the journal store's API: include alvh-journal-store.h.  Condors,
 * legs, events and decisions are the core's own types (AlvhCondor, AlvhLeg,
 * AlvhEvent, AlvhDecision with its AlvhSignal snapshots);
 * the records here are what only the journal holds.  The caller owns what the
 * store returns.
 */
#pragma once

#include <glib-object.h>

#include "alvh-series.h"
#include "alvh-market-frame.h"
#include "alvh-decision.h"
#include "alvh-event.h"
#include "alvh-position.h"

G_BEGIN_DECLS

/* ---- plain records (caller owns what the store returns) ---------------- */

typedef struct
{
  gint64  id;
  char   *name;
} AlvhJournalAccount;

typedef struct
{
  gint64  id;
  char   *name;
  int     version;     /* 1, 2, ... per name */
  char   *keyfile;     /* the profile as GKeyFile text */
  gint64  created;
} AlvhJournalProfile;

typedef struct
{
  gint64  id;
  gint64  leg_id;
  gint64  time;
  double  quantity;
  double  price;
} AlvhJournalLegClose;

typedef struct
{
  gint64     id;
  gint64     time;
  char      *title;
  char      *body;
  char     **tags;          /* NULL-terminated, sorted, unique */
  gint64     account_id;
  gint64     decision_id;
  gint64     leg_id;
  gboolean   deleted;
} AlvhJournalEntry;

typedef struct
{
  gint64  id;
  gint64  entry_id;
  GBytes *png;
  char   *caption;
} AlvhJournalAttachment;

/* Filter for alvh_journal_store_list_entries(); zero-initialise it.
 * Strings NULL = no condition; from/to 0 = unbounded (from <= time < to). */
typedef struct
{
  gint64       from;
  gint64       to;
  gint64       account_id;
  const char  *branch;     /* branch of the entry's decision ("manual" = manual legs) */
  const char  *trigger;    /* a signal key that FIRED in the entry's decision */
  const char  *tag;
  const char  *query;      /* words searched in title, body and tags (all must match;
                              a trailing * matches a prefix) */
  gboolean     include_deleted;
  guint        limit;      /* 0 = 100 */
  guint        offset;
} AlvhJournalFilter;

/* Market data for the review: aligned bars (times strictly increasing). */
typedef struct
{
  gsize    n_bars;
  gint64  *times;
  double  *spx;   /* SPX close */
  double  *vix;   /* VIX close */
  AlvhMarketFrame *frame;      /* the same bars for the ledger's marks and settlement (alvh-ledger.h) */
  AlvhSeries      *vix_series; /* VIX with its opens, for VIX settlement; NULL when unknown */
} AlvhJournalMarket;

/* The outcome of one leg, measured on the market data after it was added.
 * Marks are intrinsic values at each close (the leg's underlying is the
 * prefix of its kind, "vix" or "spx"; a spread is capped at its width):
 * model-free and conservative for options with time left. */
typedef struct
{
  gint64     leg_id;
  gint64     condor_id;
  gint64     decision_id;
  char      *branch;          /* the decision's branch; "manual" for manual legs */
  char     **triggers;        /* fired signal keys linked to the leg, sorted */
  gboolean   closed;          /* fully closed */
  double     pnl;             /* dollars: realised + open remainder at the last mark */
  double     mae;             /* dollars, <= 0: worst P&L along the way */
  double     mfe;             /* dollars, >= 0: best P&L along the way */
  double     spx_at_add;
  double     spx_max_adverse; /* signed fraction of the largest SPX move away from spx_at_add */
  double     vix_at_add;
  double     vix_at_end;
  gboolean   vix_rose;        /* VIX at the end of the leg's life > VIX at add */
} AlvhJournalLegOutcome;

typedef struct
{
  char    *group;       /* trigger key, "a+b" combination, branch, "followed"/"overridden" */
  guint    count;
  guint    hits;        /* P&L > 0 */
  double   hit_rate;
  double   total_pnl;
  double   avg_pnl;
  double   avg_mae;
  double   avg_mfe;
} AlvhJournalStatRow;

typedef struct
{
  gint64    condor_id;
  gboolean  closed;
  double    pnl_unhedged;   /* dollars: the condor alone */
  double    hedge_pnl;      /* dollars: its legs */
  double    pnl_hedged;     /* the sum */
  guint     n_legs;
  gboolean  followed;       /* no skipped decision and no manual leg */
} AlvhJournalCondorStat;

typedef struct
{
  GPtrArray *by_trigger;      /* AlvhJournalStatRow, per leg, sorted by group */
  GPtrArray *by_combination;  /* AlvhJournalStatRow, per leg */
  GPtrArray *by_branch;       /* AlvhJournalStatRow, per leg */
  GPtrArray *condors;         /* AlvhJournalCondorStat, by id */
  GPtrArray *adherence;       /* AlvhJournalStatRow over condors' hedged P&L:
                                 "followed" and "overridden" */
  GPtrArray *by_adherence;    /* AlvhJournalStatRow per leg, by its reconciliation
                                 (alvh-reconcile.h): "deviated", "followed", "unprompted" */
  guint      n_skipped;       /* ADDs of earlier days that no leg followed */
} AlvhJournalStats;

/* Every *_free() takes a (nullable) (transfer full) record and frees what it
 * owns; every *_new() returns a (transfer full) record with ids 0, missing
 * doubles NAN and empty arrays. */
void                   alvh_journal_account_free     (AlvhJournalAccount    *account);
void                   alvh_journal_profile_free     (AlvhJournalProfile    *profile);
void                   alvh_journal_leg_close_free   (AlvhJournalLegClose   *close);

/**
 * alvh_journal_entry_new:
 *
 * Returns: (transfer full): an empty entry (free with
 *   alvh_journal_entry_free())
 */
AlvhJournalEntry      *alvh_journal_entry_new        (void);
void                   alvh_journal_entry_free       (AlvhJournalEntry      *entry);
void                   alvh_journal_attachment_free  (AlvhJournalAttachment *attachment);
void                   alvh_journal_leg_outcome_free (AlvhJournalLegOutcome *outcome);
void                   alvh_journal_stat_row_free    (AlvhJournalStatRow    *row);
void                   alvh_journal_stats_free       (AlvhJournalStats      *stats);

/**
 * alvh_journal_market_new:
 * @times: (array length=n_bars): bar times, strictly increasing
 * @spx: (array length=n_bars): SPX closes
 * @vix: (array length=n_bars): VIX closes
 * @n_bars: how many bars
 *
 * Returns: (transfer full): a copy of the bars for the review
 */
AlvhJournalMarket     *alvh_journal_market_new       (const gint64          *times,
                                                      const double          *spx,
                                                      const double          *vix,
                                                      gsize                  n_bars);

/**
 * alvh_journal_market_join:
 * @spx: SPX daily bars (a "close" column)
 * @vix: VIX daily bars (a "close" column)
 *
 * Returns: (transfer full): the dates both series have, with their closes
 *   (no bars when either lacks a "close" column)
 */
AlvhJournalMarket     *alvh_journal_market_join      (AlvhSeries            *spx,
                                                      AlvhSeries            *vix);
void                   alvh_journal_market_free      (AlvhJournalMarket     *market);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalAccount, alvh_journal_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalProfile, alvh_journal_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalEntry, alvh_journal_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalAttachment, alvh_journal_attachment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalLegOutcome, alvh_journal_leg_outcome_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalStats, alvh_journal_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalMarket, alvh_journal_market_free)

G_END_DECLS
