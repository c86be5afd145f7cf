/* alvh-fill-import.h — brokers' statements into the journal as fills
 *
 * The executions of each statement (alvh-broker-statement.h) that the
 * account does not hold yet become positions and fills: four SPX legs of
 * one expiry opened within a minute are an iron condor, two VIX calls
 * (bought and sold higher) a call spread, a bought VIX call or put, SPX put
 * or put spread a leg; partial fills of a contract add up; a close or an
 * expiry is a closing fill of the open position with the same contracts
 * (oldest first); fees are kept.  A new hedge leg is filed under the
 * account's condor open at its time and linked to the decision that
 * proposed it (alvh-reconcile.h).  Everything else is listed with the
 * reason.  All files are imported in one transaction: any error leaves the
 * journal as it was.
 */
#pragma once

#include "alvh-broker-statement.h"
#include "alvh-journal-store.h"

G_BEGIN_DECLS

/* What one file gave. */
typedef struct
{
  char        *path;
  AlvhBroker   broker;
  guint        executions;        /* executions read */
  guint        duplicates;        /* of them, already in the journal */
  guint        fills;             /* fills created */
  guint        opened;            /* positions opened */
  guint        closed;            /* closing fills */
  GPtrArray   *skipped;           /* AlvhBrokerSkip: rows not booked, with the reason */
  GArray      *leg_ids;           /* gint64: the legs opened */
  GArray      *condor_ids;        /* gint64: the condors opened */
} AlvhFillImportFile;

/**
 * alvh_fill_import:
 * @store: the journal
 * @account_id: the account the statements are of
 * @paths: (array zero-terminated=1): the statements
 * @broker: the broker, or %ALVH_BROKER_AUTO to detect each file's
 * @error: return location for a #GError
 *
 * Imports @paths in one transaction.
 *
 * Returns: (transfer full) (element-type AlvhFillImportFile) (nullable): one
 *   result per file, or %NULL with @error set (FILE:LINE:COLUMN for a row)
 *   and nothing written
 */
GPtrArray *alvh_fill_import (AlvhJournalStore   *store,
                             gint64              account_id,
                             const char * const *paths,
                             AlvhBroker          broker,
                             GError            **error);

G_END_DECLS
