/* alvh-journal-service.h — the journal's entries, attachments and review
 *
 * One slice of the app's state: the entries of the journal database (read,
 * edited, deleted and brought back), their attachments, the decision an
 * entry belongs to and the review statistics.  Every failure of the store
 * is returned to the caller.  What the journal's other writers record is
 * announced by the decision service's ::changed ("journal" slice of
 * alvh_context_connect()).
 */
#pragma once

#include <gio/gio.h>

#include "alvh-core.h"
#include "alvh-journal-store.h"

G_BEGIN_DECLS

#define ALVH_TYPE_JOURNAL_SERVICE (alvh_journal_service_get_type ())

G_DECLARE_FINAL_TYPE (AlvhJournalService, alvh_journal_service, ALVH, JOURNAL_SERVICE, GObject)

AlvhJournalService *alvh_journal_service_new              (AlvhJournalStore    *store,
                                                           const char          *data_dir,
                                                           const GError        *store_error);
/* The journal file, for a worker thread's own connection; NULL when not open. */
const char         *alvh_journal_service_get_path         (AlvhJournalService  *self);
/* The entry, or NULL with @error (ALVH_JOURNAL_ERROR_NOT_FOUND when deleted). */
AlvhJournalEntry   *alvh_journal_service_get_entry        (AlvhJournalService  *self,
                                                           gint64               id,
                                                           GError             **error);
/* The entry's attachments (AlvhJournalAttachment), or NULL with @error. */
GPtrArray          *alvh_journal_service_list_attachments (AlvhJournalService  *self,
                                                           gint64               entry_id,
                                                           GError             **error);
gboolean            alvh_journal_service_update_entry     (AlvhJournalService  *self,
                                                           gint64               id,
                                                           const char          *title,
                                                           const char          *body,
                                                           const char * const  *tags,
                                                           GError             **error);
gboolean            alvh_journal_service_delete_entry     (AlvhJournalService  *self,
                                                           gint64               id,
                                                           GError             **error);
gboolean            alvh_journal_service_undelete_entry   (AlvhJournalService  *self,
                                                           gint64               id,
                                                           GError             **error);
/* The review statistics of an account (0 = all), computed in a thread with
 * its own connection; legs are marked with @spx and @vix (both or none). */
void                alvh_journal_service_compute_stats_async  (AlvhJournalService      *self,
                                                               gint64                   account_id,
                                                               AlvhSeries              *spx,
                                                               AlvhSeries              *vix,
                                                               AlvhSeries              *vx,
                                                               AlvhSeries              *vvix,
                                                               GCancellable            *cancellable,
                                                               GAsyncReadyCallback      callback,
                                                               gpointer                 user_data);
AlvhJournalStats   *alvh_journal_service_compute_stats_finish (AlvhJournalService      *self,
                                                               GAsyncResult            *result,
                                                               GError                 **error);

G_END_DECLS
