/* alvh-journal-store-private.h — internals of AlvhJournalStore for tests and benchmarks */
#pragma once

#include <sqlite3.h>

#include "alvh-journal-store.h"

G_BEGIN_DECLS

/* Opens (creating if needed) and migrates only up to @version (<= the
 * current schema version): lets tests build an old-version file. */
AlvhJournalStore *_alvh_journal_store_open_version (const char        *path,
                                                    int                version,
                                                    GError           **error);
sqlite3          *_alvh_journal_store_get_db       (AlvhJournalStore  *self);

G_END_DECLS
