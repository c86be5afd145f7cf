/* alvh-journal-model.h — the journal entries that match a filter, as a GListModel
 *
 * The matching entries are read in a worker thread (its own connection to
 * alvh.sqlite, pages of 10 000 rows) into a compact array of rows; items are
 * created only for the rows that the list asks for, so 100 000 entries cost
 * one array, never 100 000 widgets or objects.  Sorting sorts the array.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-journal-item.h"
#include "alvh-journal-store.h"

G_BEGIN_DECLS

#define ALVH_TYPE_JOURNAL_MODEL (alvh_journal_model_get_type ())

G_DECLARE_FINAL_TYPE (AlvhJournalModel, alvh_journal_model, ALVH, JOURNAL_MODEL, GObject)

/**
 * alvh_journal_model_new:
 *
 * Returns: (transfer full): an empty model
 */
AlvhJournalModel *alvh_journal_model_new            (void);
/* The database file to read (alvh_journal_store_get_path()); NULL = none. */
void              alvh_journal_model_set_store_path (AlvhJournalModel        *self,
                                                     const char              *path);
/* SPX and VIX closes to measure each leg's P&L (both NULL: no P&L). */
void              alvh_journal_model_set_market     (AlvhJournalModel        *self,
                                                     AlvhSeries              *spx,
                                                     AlvhSeries              *vix,
                                                     AlvhSeries              *vx,
                                                     AlvhSeries              *vvix);
/* Copies the filter (its limit and offset are ignored). */
void              alvh_journal_model_set_filter     (AlvhJournalModel        *self,
                                                     const AlvhJournalFilter *filter);
/* Starts reading again in a thread; "loading" is TRUE until the rows are in. */
void              alvh_journal_model_reload         (AlvhJournalModel        *self);
gboolean          alvh_journal_model_get_loading    (AlvhJournalModel        *self);
/**
 * alvh_journal_model_get_error:
 * @self: the journal model
 *
 * The last load's error message, or NULL.
 *
 * Returns: (transfer none) (nullable): why the last load failed, or %NULL
 */
const char       *alvh_journal_model_get_error      (AlvhJournalModel        *self);
/* column: see alvh_journal_item_dup_column_text(); NULL = date. */
void              alvh_journal_model_sort           (AlvhJournalModel        *self,
                                                     const char              *column,
                                                     gboolean                 descending);
/* Position of the entry, or G_MAXUINT. */
guint             alvh_journal_model_find           (AlvhJournalModel        *self,
                                                     gint64                   id);
/* Removes the entry's row (after a delete); FALSE when it is not listed. */
gboolean          alvh_journal_model_remove         (AlvhJournalModel        *self,
                                                     gint64                   id);
/* Updates the title and tags a row shows (after an edit). */
void              alvh_journal_model_update_text    (AlvhJournalModel        *self,
                                                     gint64                   id,
                                                     const char              *title,
                                                     const char              *tags);

G_END_DECLS
