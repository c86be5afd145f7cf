/* alvh-journal-adherence.c — what the Journal page says of a decision's and a leg's adherence */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-core.h"
#include "alvh-journal-adherence.h"

/* The real status of a decision as people read it */
static const char *
status_title (const char *status)
{
  static const struct { const char *key; const char *title; } titles[] = {
    { "followed", N_("followed") }, { "deviated", N_("deviated") }, { "skipped", N_("skipped") },
    { "pending", N_("pending") }, { "hold", N_("hold") }, { "blocked", N_("blocked") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (status, titles[i].key) == 0)
      return _(titles[i].title);
  return status;
}

void
alvh_journal_adherence_append_status (AlvhContext        *context,
                                      const AlvhDecision *decision,
                                      gint64              leg_id,
                                      GString            *out)
{
  AlvhJournalStore *store = alvh_context_get_store (context);
  g_autoptr(AlvhReconciliation) rec = NULL;
  g_autoptr(GError) error = NULL;
  const AlvhReconcileItem *it = NULL;

  if (store != NULL)
    rec = alvh_journal_store_reconcile (store, decision->account_id, alvh_time_now (), &error);
  if (rec == NULL)
    {
      if (alvh_decision_status_to_string (decision->followed) != NULL)
        g_string_append_printf (out, " \u00b7 %s", alvh_decision_status_to_string (decision->followed));
      return;
    }
  if (leg_id != 0)
    it = alvh_reconciliation_lookup_leg (rec, leg_id);
  if (it != NULL && it->decision_id == decision->id && it->deviation != 0)
    {
      g_autofree char *how = alvh_deviation_to_string (it->deviation);

      /* this entry's leg differs from the proposed one: say how */
      g_string_append_printf (out, " \u00b7 %s (%s)", status_title ("deviated"), how);
    }
  else
    g_string_append_printf (out, " \u00b7 %s", status_title (alvh_reconciliation_decision_status (rec, decision)));
}

gboolean
alvh_journal_adherence_leg_unprompted (AlvhContext *context,
                                       gint64       leg_id)
{
  AlvhJournalStore *store = alvh_context_get_store (context);
  g_autoptr(AlvhReconciliation) rec = NULL;
  g_autoptr(GError) error = NULL;
  const AlvhReconcileItem *it;

  if (store == NULL)
    return FALSE;
  rec = alvh_journal_store_reconcile (store, 0, alvh_time_now (), &error);
  it = rec != NULL ? alvh_reconciliation_lookup_leg (rec, leg_id) : NULL;
  return it != NULL && it->adherence == ALVH_ADHERENCE_UNPROMPTED;
}
