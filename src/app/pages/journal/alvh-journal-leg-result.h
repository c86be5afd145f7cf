/* alvh-journal-leg-result.h — a journal leg's fills, settlement and P&L */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_JOURNAL_LEG_RESULT (alvh_journal_leg_result_get_type ())

G_DECLARE_FINAL_TYPE (AlvhJournalLegResult, alvh_journal_leg_result, ALVH, JOURNAL_LEG_RESULT, AdwPreferencesGroup)

gboolean alvh_journal_leg_result_show_leg (AlvhJournalLegResult  *self,
                                           AlvhContext           *context,
                                           gint64                 leg_id,
                                           gint64                 at,
                                           GError               **error);
guint    alvh_journal_leg_result_get_n_rows (AlvhJournalLegResult *self);

G_END_DECLS
