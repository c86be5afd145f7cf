/* alvh-journal-page.h — the Journal page: entries, detail, statistics */
#pragma once

#include <adwaita.h>

#include "alvh-journal-model.h"
#include "alvh-context.h"
#include "alvh-page.h"

G_BEGIN_DECLS

#define ALVH_TYPE_JOURNAL_PAGE (alvh_journal_page_get_type ())

G_DECLARE_FINAL_TYPE (AlvhJournalPage, alvh_journal_page, ALVH, JOURNAL_PAGE, AlvhPage)

/**
 * alvh_journal_page_new:
 * @context: the app's context
 *
 * Returns: (transfer floating): the page
 */
GtkWidget        *alvh_journal_page_new           (AlvhContext     *context);
/**
 * alvh_journal_page_get_context:
 * @self: the journal page
 *
 * Returns: (transfer none): the page's context
 */
AlvhContext      *alvh_journal_page_get_context   (AlvhJournalPage *self);
/**
 * alvh_journal_page_get_model:
 * @self: the journal page
 *
 * Returns: (transfer none): the list's model
 */
AlvhJournalModel *alvh_journal_page_get_model     (AlvhJournalPage *self);
/* Reads the entries again (also done on the context's journal-changed). */
void              alvh_journal_page_reload        (AlvhJournalPage *self);
/* Selects and shows an entry; FALSE when it is not listed. */
gboolean          alvh_journal_page_select_entry  (AlvhJournalPage *self,
                                                   gint64           id);
gint64            alvh_journal_page_get_selected_id (AlvhJournalPage *self);
/* Writes edited notes, title and tags now instead of after the pause. */
gboolean          alvh_journal_page_flush_save    (AlvhJournalPage *self);
/* Deletes the shown entry (with an undo toast) / undoes the last delete. */
gboolean          alvh_journal_page_delete_selected (AlvhJournalPage *self);
gboolean          alvh_journal_page_undo_delete   (AlvhJournalPage *self);
/* Computes the statistics tab now (in a thread); "stats-ready" fires when shown. */
void              alvh_journal_page_refresh_stats (AlvhJournalPage *self);
/* "entries" or "stats" */
void              alvh_journal_page_show_view     (AlvhJournalPage *self,
                                                   const char      *name);

G_END_DECLS
