/* alvh-window-fills.c — Import… and drag and drop of brokers' statements */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-fill-import-task.h"
#include "alvh-window-private.h"

static void
fills_finished_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AlvhWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = alvh_fill_import_finish (result, &error);

  if (summary == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _alvh_window_show_error (self, _("Import Failed"), error->message);
      return;
    }
  /* the book and the journal changed under the services: they reload */
  alvh_book_service_changed (alvh_context_get_book (self->context));
  alvh_decision_service_changed (alvh_context_get_decisions (self->context));
  alvh_window_add_toast (self, summary);
}

GPtrArray *
_alvh_window_import_statements (AlvhWindow *self,
                                GPtrArray  *paths)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *others = g_ptr_array_new_with_free_func (g_free);
  AlvhJournalService *journal = alvh_context_get_journal (self->context);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      g_ptr_array_add (alvh_fill_import_is_statement (path) ? statements : others, g_strdup (path));
    }
  if (statements->len == 0)
    return others;
  if (journal == NULL || alvh_journal_service_get_path (journal) == NULL)
    {
      _alvh_window_show_error (self, _("Import Failed"), _("There is no journal to import the fills into"));
      return others;
    }
  g_ptr_array_add (statements, NULL);
  alvh_fill_import_async (alvh_journal_service_get_path (journal),
                          alvh_book_service_get_account_id (alvh_context_get_book (self->context)),
                          (const char * const *) statements->pdata, self->cancellable,
                          fills_finished_cb, g_object_ref (self));
  return others;
}
