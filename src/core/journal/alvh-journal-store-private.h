/* alvh-journal-store-private.h — internals of AlvhJournalStore for tests and benchmarks */
#pragma once

#include <sqlite3.h>

#include "alvh-journal-store.h"

G_BEGIN_DECLS

/* ---- for tests and benchmarks ---- */

/* Opens (creating if needed) and migrates only up to @version (<= the
 * current schema version): lets tests build an old-version file. */
AlvhJournalStore *_alvh_journal_store_open_version (const char        *path,
                                                    int                version,
                                                    GError           **error);
sqlite3          *_alvh_journal_store_get_db       (AlvhJournalStore  *self);

/* ---- shared by the files of the store (alvh-journal-*.c) ---- */

#include "alvh-db.h"

struct _AlvhJournalStore
{
  GObject     parent_instance;

  AlvhDb     *db;
  char       *path;
  int         schema_version;
  gboolean    created;
};

/* migrations[i] brings a file from version i to version i + 1 */
extern const char * const _alvh_journal_migrations[];

#define ALVH_JOURNAL_CONDOR_COLUMNS \
  "id, account_id, long_put, short_put, short_call, long_call, expiry, units," \
  " credit, opened, closed, close_price"

/* Sets @error to "PATH: no WHAT with id ID" (NOT_FOUND); returns FALSE. */
gboolean             _alvh_journal_store_not_found       (AlvhJournalStore   *self,
                                                          GError            **error,
                                                          const char         *what,
                                                          gint64              id);
/* Steps a write of row @id (error @failure when it fails); FALSE with
 * ALVH_JOURNAL_ERROR_NOT_FOUND ("no @what with id @id") when no row changed. */
gboolean             _alvh_journal_store_step_one        (AlvhJournalStore   *self,
                                                          sqlite3_stmt       *s,
                                                          const char         *failure,
                                                          const char         *what,
                                                          gint64              id,
                                                          GError            **error);

/* For a write of row @id that changed @changes rows (alvh_db_run_count(),
 * -1 when it failed with the error set): FALSE with NOT_FOUND ("no @what with
 * id @id") when it changed none. */
gboolean             _alvh_journal_store_changed_one     (AlvhJournalStore   *self,
                                                          gint64              changes,
                                                          const char         *what,
                                                          gint64              id,
                                                          GError            **error);

/* Records from the current row of a statement selecting
 * ALVH_JOURNAL_CONDOR_COLUMNS, the leg columns, the snapshot columns. */
AlvhCondor          *_alvh_journal_condor_from_row       (sqlite3_stmt       *stmt);
/* NULL when the row holds a leg kind this version does not know */
AlvhLeg             *_alvh_journal_leg_from_row          (sqlite3_stmt       *stmt);
/* Fills @out from a snapshot row (id, key, kind, value, threshold,
 * threshold_high, fired); FALSE for a key this version does not know. */
gboolean             _alvh_journal_signal_read_row       (sqlite3_stmt       *stmt,
                                                          AlvhSignal         *out);

/* Writes inside an open transaction; 0 with @error on failure. */
gint64               _alvh_journal_store_insert_leg_locked   (AlvhJournalStore   *self,
                                                              const AlvhLeg      *leg,
                                                              GError            **error);
gint64               _alvh_journal_store_insert_entry_locked (AlvhJournalStore       *self,
                                                              const AlvhJournalEntry *entry,
                                                              GError                **error);

/* ---- the review (alvh-journal-review.c reads, alvh-journal-stats.c computes) ---- */

/* One leg as the review reads it */
typedef struct
{
  AlvhLeg    *leg;
  char       *branch;    /* its decision's branch, or NULL */
  char       *followed;  /* its decision's followed text, or NULL */
  GPtrArray  *triggers;  /* char *: the fired signal keys linked to it */
  GArray     *closes;    /* AlvhJournalLegClose, by time */
} AlvhJournalReviewLeg;

/* The outcome of @leg on @market (NULL: realised P&L only); NULL-terminates
 * leg->triggers.  With @entry (the leg in the ledger at the review's time)
 * its P&L, MAE, MFE and state are the ledger's (ALVH-SPEC section 6). */
AlvhJournalLegOutcome *_alvh_journal_leg_outcome_compute (AlvhJournalReviewLeg    *leg,
                                                          const AlvhJournalMarket *market,
                                                          const AlvhLedgerEntry   *entry);
/* The statistics over the legs' @outcomes and the @condors (AlvhCondor);
 * @overridden holds the ids (gint64 *) of condors whose rules were
 * overridden.  Each condor's P&L is the ledger's at @at; condors not yet
 * opened at @at are left out. */
AlvhJournalStats      *_alvh_journal_stats_compute       (GPtrArray               *outcomes,
                                                          GPtrArray               *condors,
                                                          GHashTable              *overridden,
                                                          AlvhLedger              *ledger,
                                                          gint64                   at);

/* Fills stats->by_adherence and n_skipped from @outcomes labelled by @rec. */
void                   _alvh_journal_stats_add_adherence (AlvhJournalStats        *stats,
                                                          GPtrArray               *outcomes,
                                                          const AlvhReconciliation *rec);

G_END_DECLS
