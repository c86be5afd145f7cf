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
 * migrations in alvh-journal-schema.c brings an older file up to date, each
 * step in its own transaction.  A file written by a NEWER version of ALVH
 * Desk is refused with ALVH_JOURNAL_ERROR_NEWER_SCHEMA and left untouched.
 *
 * Units: times are Unix seconds (UTC); strikes, premiums and prices are
 * index points per contract (per condor unit for condors); money in results
 * is dollars = points x 100 x quantity.  Missing doubles are NAN (NULL in SQL);
 * missing ids are 0.
 *
 * This header declares the store and includes one header per table family:
 * alvh-journal-records.h (the records), -accounts.h (accounts, profiles,
 * events), -book.h (condors, legs), -decisions.h, -entries.h, -review.h.
 */
#pragma once

#include <glib-object.h>

#include "alvh-journal-records.h"
#include "alvh-store-mode.h"

G_BEGIN_DECLS

#define ALVH_JOURNAL_SCHEMA_VERSION 4

#define ALVH_JOURNAL_ERROR (alvh_journal_error_quark ())
GQuark alvh_journal_error_quark (void);

typedef enum
{
  ALVH_JOURNAL_ERROR_IO,            /* the file cannot be created or opened */
  ALVH_JOURNAL_ERROR_DATABASE,      /* SQLite reported an error */
  ALVH_JOURNAL_ERROR_NEWER_SCHEMA,  /* written by a newer ALVH Desk: refused */
  ALVH_JOURNAL_ERROR_NOT_FOUND,     /* no row with that id */
  ALVH_JOURNAL_ERROR_INVALID,       /* a value breaks a rule (quantity, state, ...) */
  ALVH_JOURNAL_ERROR_MISSING,       /* no file there, and the mode does not create one */
  ALVH_JOURNAL_ERROR_NOT_OURS,      /* not a journal (another program's, a market store, ...): refused */
  ALVH_JOURNAL_ERROR_CORRUPT,       /* PRAGMA quick_check found damage: refused, a copy saved */
} AlvhJournalError;

/* ---- the store --------------------------------------------------------- */

#define ALVH_TYPE_JOURNAL_STORE (alvh_journal_store_get_type ())
G_DECLARE_FINAL_TYPE (AlvhJournalStore, alvh_journal_store, ALVH, JOURNAL_STORE, GObject)

AlvhJournalStore *alvh_journal_store_open              (const char              *path,
                                                        GError                 **error);

/**
 * alvh_journal_store_open_mode:
 * @path: the database file
 * @mode: read only, read and write an existing file, or create when missing
 * @error: return location for a #GError
 *
 * Opens the journal at @path.  A missing file is %ALVH_JOURNAL_ERROR_MISSING
 * unless @mode creates it (atomically: it appears complete or not at all).
 * A file that is not a journal (%ALVH_JOURNAL_ERROR_NOT_OURS: another
 * program's database, a market store, not SQLite, empty), a file written by
 * a newer ALVH Desk (%ALVH_JOURNAL_ERROR_NEWER_SCHEMA) and a damaged file
 * (%ALVH_JOURNAL_ERROR_CORRUPT, checked when it changed since its last clean
 * close; a copy is saved beside it) are refused and left unchanged.  A
 * journal of an earlier version is migrated and stamped with the journal's
 * application_id.  With %ALVH_STORE_READ every write fails.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AlvhJournalStore *alvh_journal_store_open_mode         (const char              *path,
                                                        AlvhStoreMode            mode,
                                                        GError                 **error);

/**
 * alvh_journal_store_was_created:
 * @self: the store
 *
 * Returns: whether opening it created the file
 */
gboolean          alvh_journal_store_was_created       (AlvhJournalStore        *self);

/**
 * alvh_journal_store_begin_read:
 * @self: the store
 * @error: return location for a #GError
 *
 * Reads until alvh_journal_store_end_batch() from one snapshot of the
 * journal: an export or a report that reads in many queries sees no write
 * another process commits meanwhile.
 *
 * Returns: %TRUE when the read transaction began
 */
gboolean          alvh_journal_store_begin_read        (AlvhJournalStore        *self,
                                                        GError                 **error);

/**
 * alvh_journal_store_get_path:
 * @self: the store
 *
 * The file the store was opened on.
 *
 * Returns: (transfer none): the path
 */
const char       *alvh_journal_store_get_path          (AlvhJournalStore        *self);

/**
 * alvh_journal_store_get_schema_version:
 * @self: the store
 *
 * The schema version of the open file (PRAGMA user_version).
 *
 * Returns: the version
 */
int               alvh_journal_store_get_schema_version(AlvhJournalStore        *self);

gboolean          alvh_journal_store_begin_batch       (AlvhJournalStore        *self,
                                                        GError                 **error);

/**
 * alvh_journal_store_end_batch:
 * @self: the store
 * @commit: commit (else roll back)
 * @error: return location for a #GError
 *
 * Ends the batch: commits when @commit, else rolls every write of it back.
 *
 * Returns: whether it committed
 */
gboolean          alvh_journal_store_end_batch         (AlvhJournalStore        *self,
                                                        gboolean                 commit,
                                                        GError                 **error);

G_END_DECLS

#include "alvh-journal-accounts.h"
#include "alvh-journal-book.h"
#include "alvh-journal-decisions.h"
#include "alvh-journal-entries.h"
#include "alvh-journal-imports.h"
#include "alvh-journal-review.h"
