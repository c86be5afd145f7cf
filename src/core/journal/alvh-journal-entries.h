/* alvh-journal-entries.h — journal entries, tags, attachments and the full-text query
 *
 * Part of the journal store's API: include alvh-journal-store.h.
 */
#pragma once

#include "alvh-journal-store.h"

G_BEGIN_DECLS

/**
 * alvh_journal_store_add_entry:
 * @self: the store
 * @entry: the entry
 * @error: return location for a #GError
 *
 * Adds a journal entry with its tags.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_add_entry         (AlvhJournalStore        *self,
                                                        const AlvhJournalEntry  *entry,
                                                        GError                 **error);

/**
 * alvh_journal_store_get_entry:
 * @self: the store
 * @id: the row id
 * @error: return location for a #GError
 *
 * Entry @id.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with @error set
 */
AlvhJournalEntry *alvh_journal_store_get_entry         (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);

GPtrArray        *alvh_journal_store_list_entries      (AlvhJournalStore        *self,
                                                        const AlvhJournalFilter *filter,
                                                        GError                 **error);

/**
 * alvh_journal_store_update_entry:
 * @self: the store
 * @id: the row id
 * @title: the title
 * @body: the text
 * @tags: (nullable) (array zero-terminated=1): the tags
 * @error: return location for a #GError
 *
 * Replaces the title, body and tags of entry @id.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_update_entry      (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        const char              *title,
                                                        const char              *body,
                                                        const char * const      *tags,
                                                        GError                 **error);

/**
 * alvh_journal_store_append_to_entry:
 * @self: the store
 * @id: the row id
 * @paragraph: the text to add as the last paragraph of the body
 * @error: return location for a #GError
 *
 * Adds @paragraph to the body of entry @id (after a blank line when the
 * body is not empty) in one write transaction: writers appending to the
 * same entry at once all keep their paragraphs.
 *
 * Returns: %TRUE on success (%ALVH_JOURNAL_ERROR_NOT_FOUND: no such entry)
 */
gboolean          alvh_journal_store_append_to_entry   (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        const char              *paragraph,
                                                        GError                 **error);

/**
 * alvh_journal_store_delete_entry:
 * @self: the store
 * @id: the row id
 * @error: return location for a #GError
 *
 * Marks entry @id deleted (alvh_journal_store_undelete_entry() brings it
 * back).
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_delete_entry      (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);

/**
 * alvh_journal_store_undelete_entry:
 * @self: the store
 * @id: the row id
 * @error: return location for a #GError
 *
 * Brings deleted entry @id back.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_undelete_entry    (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);

/**
 * alvh_journal_store_add_attachment:
 * @self: the store
 * @entry_id: the entry
 * @png: the PNG bytes
 * @caption: (nullable): the caption
 * @error: return location for a #GError
 *
 * Attaches a PNG image with a caption to entry @entry_id.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_add_attachment    (AlvhJournalStore        *self,
                                                        gint64                   entry_id,
                                                        GBytes                  *png,
                                                        const char              *caption,
                                                        GError                 **error);

/**
 * alvh_journal_store_list_attachments:
 * @self: the store
 * @entry_id: the entry
 * @error: return location for a #GError
 *
 * The attachments of entry @entry_id.
 *
 * Returns: (transfer full) (element-type AlvhJournalAttachment) (nullable):
 *   the attachments, or %NULL with @error set
 */
GPtrArray        *alvh_journal_store_list_attachments  (AlvhJournalStore        *self,
                                                        gint64                   entry_id,
                                                        GError                 **error);

G_END_DECLS
