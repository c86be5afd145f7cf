/* alvh-journal-store.h — the journal and app database (alvh.sqlite)
 *
 * One SQLite file holds the accounts, the versioned rule profiles, macro
 * events, the book (condors, hedge legs and their partial closes), every
 * evaluator decision with a frozen snapshot of its signals, the links from a
 * leg to the signals that triggered it, and the journal entries (full-text
 * searchable, taggable, soft-deleted so that a delete can be undone).
 *
 * Durability: WAL with synchronous=FULL, so a write that returned TRUE (its
 * COMMIT returned) survives a crash or a power cut.  Every write runs in one
 * transaction; all SQL uses prepared statements with bound parameters.
 * A store is one connection: use it from one thread at a time (open one
 * store per thread for concurrent work).
 *
 * Schema evolution: PRAGMA user_version is the schema version; the list of
 * migrations in alvh-journal-store.c brings an older file up to date, each
 * step in its own transaction.  A file written by a NEWER version of ALVH
 * Desk is refused with ALVH_JOURNAL_ERROR_NEWER_SCHEMA and left untouched.
 *
 * Units: times are Unix seconds (UTC); strikes, premiums and prices are
 * index points per contract (per condor unit for condors); money in results
 * is dollars = points x 100 x quantity.  Missing doubles are NAN (NULL in SQL);
 * missing ids are 0.
 */
#pragma once

#include <glib-object.h>

#include "alvh-series.h"
#include "alvh-decision.h"
#include "alvh-event.h"
#include "alvh-position.h"

G_BEGIN_DECLS

#define ALVH_JOURNAL_SCHEMA_VERSION 2

#define ALVH_JOURNAL_ERROR (alvh_journal_error_quark ())
GQuark alvh_journal_error_quark (void);

typedef enum
{
  ALVH_JOURNAL_ERROR_IO,            /* the file cannot be created or opened */
  ALVH_JOURNAL_ERROR_DATABASE,      /* SQLite reported an error */
  ALVH_JOURNAL_ERROR_NEWER_SCHEMA,  /* written by a newer ALVH Desk: refused */
  ALVH_JOURNAL_ERROR_NOT_FOUND,     /* no row with that id */
  ALVH_JOURNAL_ERROR_INVALID,       /* a value breaks a rule (quantity, state, ...) */
} AlvhJournalError;

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
  gint64    id;          /* snapshot id once stored */
  char     *key;         /* "iv_expansion" ... (ALVH-SPEC.md section 2) */
  char     *kind;        /* "realtime" | "fixed" */
  gboolean  available;   /* FALSE: n/a (value stored as NULL) */
  double    value;
  double    threshold;
  double    threshold_high; /* upper bound of two-sided rules (rsi_extreme), else NAN */
  gboolean  fired;
} AlvhJournalSignal;

typedef enum
{
  ALVH_JOURNAL_PENDING = 0,  /* not acted on yet */
  ALVH_JOURNAL_FOLLOWED,     /* the proposed leg was booked */
  ALVH_JOURNAL_SKIPPED,      /* the user declined it (skip reason) */
  ALVH_JOURNAL_MANUAL,       /* the user booked something else by hand */
} AlvhJournalFollowed;

typedef struct
{
  gint64               id;
  gint64               account_id;
  gint64               condor_id;        /* 0: none */
  gint64               time;
  char                *action;           /* "HOLD" "ADD" "BLOCKED" */
  char                *branch;           /* "regime" "fixed" "confluence" "none" ... */
  int                  layer;
  double               size;
  /* the proposed leg (kind NULL when the decision proposes none) */
  char                *proposed_kind;
  double               proposed_long_strike;
  double               proposed_short_strike;
  gint64               proposed_expiry;
  double               cost;             /* estimated dollars; NAN when none */
  char                *profile_name;
  int                  profile_version;
  char                *explanation;
  AlvhJournalFollowed  followed;
  char                *skip_reason;
  GPtrArray           *signals;          /* of AlvhJournalSignal */
} AlvhJournalDecision;

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
} AlvhJournalStats;

void                   alvh_journal_account_free     (AlvhJournalAccount    *account);
void                   alvh_journal_profile_free     (AlvhJournalProfile    *profile);
void                   alvh_journal_leg_close_free   (AlvhJournalLegClose   *close);
AlvhJournalSignal     *alvh_journal_signal_new       (const char            *key,
                                                      const char            *kind,
                                                      gboolean               available,
                                                      double                 value,
                                                      double                 threshold,
                                                      gboolean               fired);
void                   alvh_journal_signal_free      (AlvhJournalSignal     *signal);
AlvhJournalDecision   *alvh_journal_decision_new     (void);
void                   alvh_journal_decision_free    (AlvhJournalDecision   *decision);
AlvhJournalEntry      *alvh_journal_entry_new        (void);
void                   alvh_journal_entry_free       (AlvhJournalEntry      *entry);
void                   alvh_journal_attachment_free  (AlvhJournalAttachment *attachment);
void                   alvh_journal_leg_outcome_free (AlvhJournalLegOutcome *outcome);
void                   alvh_journal_stat_row_free    (AlvhJournalStatRow    *row);
void                   alvh_journal_stats_free       (AlvhJournalStats      *stats);
const char            *alvh_journal_followed_to_string (AlvhJournalFollowed  followed);

AlvhJournalMarket     *alvh_journal_market_new       (const gint64          *times,
                                                      const double          *spx,
                                                      const double          *vix,
                                                      gsize                  n_bars);
AlvhJournalMarket     *alvh_journal_market_join      (AlvhSeries            *spx,
                                                      AlvhSeries            *vix);
void                   alvh_journal_market_free      (AlvhJournalMarket     *market);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalAccount, alvh_journal_account_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalProfile, alvh_journal_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalSignal, alvh_journal_signal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalDecision, alvh_journal_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalEntry, alvh_journal_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalAttachment, alvh_journal_attachment_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalLegOutcome, alvh_journal_leg_outcome_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalStats, alvh_journal_stats_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhJournalMarket, alvh_journal_market_free)

/* ---- conversions from and to the evaluator's values ------------------- */

AlvhJournalDecision   *alvh_journal_decision_from_evaluator (const AlvhDecision   *decision,
                                                             gint64                account_id,
                                                             gint64                condor_id);

/* ---- the store --------------------------------------------------------- */

#define ALVH_TYPE_JOURNAL_STORE (alvh_journal_store_get_type ())
G_DECLARE_FINAL_TYPE (AlvhJournalStore, alvh_journal_store, ALVH, JOURNAL_STORE, GObject)

AlvhJournalStore *alvh_journal_store_open              (const char              *path,
                                                        GError                 **error);
const char       *alvh_journal_store_get_path          (AlvhJournalStore        *self);
int               alvh_journal_store_get_schema_version(AlvhJournalStore        *self);

/* batches: many writes in one transaction */
gboolean          alvh_journal_store_begin_batch       (AlvhJournalStore        *self,
                                                        GError                 **error);
gboolean          alvh_journal_store_end_batch         (AlvhJournalStore        *self,
                                                        gboolean                 commit,
                                                        GError                 **error);

/* accounts */
GPtrArray        *alvh_journal_store_list_accounts     (AlvhJournalStore        *self,
                                                        GError                 **error);
gint64            alvh_journal_store_create_account    (AlvhJournalStore        *self,
                                                        const char              *name,
                                                        GError                 **error);
gboolean          alvh_journal_store_rename_account    (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        const char              *name,
                                                        GError                 **error);

/* profiles: each save of changed text makes a new version; same text = same version */
gint64            alvh_journal_store_save_profile      (AlvhJournalStore        *self,
                                                        const char              *name,
                                                        const char              *keyfile,
                                                        int                     *out_version,
                                                        GError                 **error);
GPtrArray        *alvh_journal_store_list_profiles     (AlvhJournalStore        *self,
                                                        GError                 **error);
AlvhJournalProfile *alvh_journal_store_get_profile     (AlvhJournalStore        *self,
                                                        const char              *name,
                                                        int                      version, /* 0 = latest */
                                                        GError                 **error);
/* all versions of a name; "Default" (the built-in profile) is refused;
 * renaming also renames the decisions' copy of the name; deleted profiles'
 * decisions keep their name, version, snapshots and explanation */
gboolean          alvh_journal_store_rename_profile    (AlvhJournalStore        *self,
                                                        const char              *old_name,
                                                        const char              *new_name,
                                                        GError                 **error);
gboolean          alvh_journal_store_delete_profile    (AlvhJournalStore        *self,
                                                        const char              *name,
                                                        GError                 **error);

/* macro events */
gint64            alvh_journal_store_add_event         (AlvhJournalStore        *self,
                                                        const AlvhEvent  *event,
                                                        GError                 **error);
gboolean          alvh_journal_store_update_event      (AlvhJournalStore        *self,
                                                        const AlvhEvent  *event,
                                                        GError                 **error);
gboolean          alvh_journal_store_delete_event      (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);
GPtrArray        *alvh_journal_store_list_events       (AlvhJournalStore        *self,
                                                        gint64                   from,
                                                        gint64                   to,
                                                        GError                 **error);

/* condors */
gint64            alvh_journal_store_add_condor        (AlvhJournalStore        *self,
                                                        const AlvhCondor *condor,
                                                        GError                 **error);
gboolean          alvh_journal_store_update_condor     (AlvhJournalStore        *self,
                                                        const AlvhCondor *condor,
                                                        GError                 **error);
gboolean          alvh_journal_store_close_condor      (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        gint64                   time,
                                                        double                   price,
                                                        GError                 **error);
AlvhCondor *alvh_journal_store_get_condor       (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);
GPtrArray        *alvh_journal_store_list_open_condors (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        GError                 **error);
/* held in [from, to): opened < to and not closed before from (0 = unbounded; account 0 = all) */
GPtrArray        *alvh_journal_store_list_condors      (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        gint64                   from,
                                                        gint64                   to,
                                                        GError                 **error);

/* legs */
gint64            alvh_journal_store_add_leg           (AlvhJournalStore        *self,
                                                        const AlvhLeg    *leg,
                                                        GError                 **error);
gboolean          alvh_journal_store_update_leg        (AlvhJournalStore        *self,
                                                        const AlvhLeg    *leg,
                                                        GError                 **error);
gboolean          alvh_journal_store_close_leg         (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        gint64                   time,
                                                        double                   quantity,
                                                        double                   price,
                                                        GError                 **error);
AlvhLeg   *alvh_journal_store_get_leg           (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);
GPtrArray        *alvh_journal_store_list_open_legs    (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        GError                 **error);
/* opened in [from, to), closed ones included (0 = unbounded; account 0 = all) */
GPtrArray        *alvh_journal_store_list_legs         (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        gint64                   from,
                                                        gint64                   to,
                                                        GError                 **error);
GPtrArray        *alvh_journal_store_list_leg_closes   (AlvhJournalStore        *self,
                                                        gint64                   leg_id,
                                                        GError                 **error);
GPtrArray        *alvh_journal_store_list_leg_signals  (AlvhJournalStore        *self,
                                                        gint64                   leg_id,
                                                        GError                 **error);

/* decisions */
gint64            alvh_journal_store_record_decision   (AlvhJournalStore          *self,
                                                        const AlvhJournalDecision *decision,
                                                        GError                   **error);
gint64            alvh_journal_store_record_evaluator_decision (AlvhJournalStore *self,
                                                        const AlvhDecision        *decision,
                                                        gint64                     account_id,
                                                        gint64                     condor_id,
                                                        GError                   **error);
AlvhJournalDecision *alvh_journal_store_get_decision   (AlvhJournalStore          *self,
                                                        gint64                     id,
                                                        GError                   **error);
/* made in [from, to), with their signal snapshots (0 = unbounded; account 0 = all) */
GPtrArray        *alvh_journal_store_list_decisions    (AlvhJournalStore          *self,
                                                        gint64                     account_id,
                                                        gint64                     from,
                                                        gint64                     to,
                                                        GError                   **error);
gint64            alvh_journal_store_add_leg_from_decision (AlvhJournalStore      *self,
                                                        gint64                     decision_id,
                                                        const AlvhLeg      *leg,
                                                        double                     fill_price,
                                                        double                     size,
                                                        const char                *note,
                                                        gint64                    *out_entry_id,
                                                        GError                   **error);
gboolean          alvh_journal_store_skip_decision     (AlvhJournalStore          *self,
                                                        gint64                     decision_id,
                                                        const char                *reason,
                                                        GError                   **error);

/* journal entries */
gint64            alvh_journal_store_add_entry         (AlvhJournalStore        *self,
                                                        const AlvhJournalEntry  *entry,
                                                        GError                 **error);
AlvhJournalEntry *alvh_journal_store_get_entry         (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);
GPtrArray        *alvh_journal_store_list_entries      (AlvhJournalStore        *self,
                                                        const AlvhJournalFilter *filter,
                                                        GError                 **error);
gboolean          alvh_journal_store_update_entry      (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        const char              *title,
                                                        const char              *body,
                                                        const char * const      *tags,
                                                        GError                 **error);
gboolean          alvh_journal_store_delete_entry      (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);
gboolean          alvh_journal_store_undelete_entry    (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);
gint64            alvh_journal_store_add_attachment    (AlvhJournalStore        *self,
                                                        gint64                   entry_id,
                                                        GBytes                  *png,
                                                        const char              *caption,
                                                        GError                 **error);
GPtrArray        *alvh_journal_store_list_attachments  (AlvhJournalStore        *self,
                                                        gint64                   entry_id,
                                                        GError                 **error);

/* review and statistics (account_id 0 = all accounts) */
GPtrArray        *alvh_journal_store_review_legs       (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        const AlvhJournalMarket *market,
                                                        GError                 **error);
AlvhJournalStats *alvh_journal_store_compute_stats     (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        const AlvhJournalMarket *market,
                                                        GError                 **error);

G_END_DECLS
