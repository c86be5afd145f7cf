/* alvh-report-text.c — text of decisions and notes shared by the report's
 * PDF and HTML writers */
#define G_LOG_DOMAIN "alvh-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-report-text-private.h"

AlvhReportTable *
_alvh_report_signal_table (const AlvhDecision *d)
{
  const char *cols[] = { _("Signal"), _("Kind"), _("Value"), _("Threshold"), _("State"), NULL };
  static const gboolean num[] = { FALSE, FALSE, TRUE, TRUE, FALSE };
  static const double w[] = { 2.0, 1.2, 1.2, 1.4, 0.9 };
  AlvhReportTable *t = alvh_report_table_new ("decision-signals", _("Signals"), cols, num, w);

  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *s = &d->signals[i];
      g_autofree char *value = alvh_format_number (s->available ? s->value : NAN, 4, ALVH_FORMAT_DATA);
      g_autofree char *thr = NULL;
      const char *cells[6];

      if (!alvh_decision_has_signal (d, (AlvhSignalId) i))
        continue;

      if (isfinite (s->threshold_high))
        {
          g_autofree char *lo = alvh_format_number (s->threshold, 2, ALVH_FORMAT_DATA);
          g_autofree char *hi = alvh_format_number (s->threshold_high, 2, ALVH_FORMAT_DATA);

          thr = g_strdup_printf ("≤ %s / ≥ %s", lo, hi);
        }
      else
        thr = alvh_format_number (s->threshold, 4, ALVH_FORMAT_DATA);
      cells[0] = alvh_signal_id_to_key (s->id);
      cells[1] = alvh_signal_kind_to_string (s->kind);
      cells[2] = value;
      cells[3] = thr;
      cells[4] = !s->available ? "n/a" : s->fired ? "fired" : "no";
      cells[5] = NULL;
      alvh_report_table_add_row (t, cells);
    }
  return t;
}

char *
_alvh_report_decision_heading (const AlvhDecision *d)
{
  g_autofree char *time = alvh_format_date (d->time);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);

  if (d->layer > 0)
    return g_strdup_printf (_("Decision %s · %s · %s · %s · layer %d"),
                            id, time, alvh_action_to_string (d->action), alvh_branch_to_string (d->branch), d->layer);
  return g_strdup_printf (_("Decision %s · %s · %s · %s"), id, time, alvh_action_to_string (d->action),
                          alvh_branch_to_string (d->branch));
}

char *
_alvh_report_decision_details (const AlvhDecision *d)
{
  GString *s = g_string_new (NULL);
  const char *status = d->followed == ALVH_DECISION_PENDING ? _("pending")
                                                            : alvh_decision_status_to_string (d->followed);

  if (d->has_leg)
    {
      g_autofree char *ls = alvh_format_number (d->leg.long_strike, 0, ALVH_FORMAT_DATA);
      g_autofree char *ss = alvh_format_number (d->leg.short_strike, 0, ALVH_FORMAT_DATA);
      g_autofree char *exp = alvh_format_date (d->leg.expiry);
      g_autofree char *size = alvh_format_number (d->size, 0, ALVH_FORMAT_DATA);
      g_autofree char *cost = alvh_format_number (d->estimated_cost, 2, ALVH_FORMAT_DATA);

      if (isfinite (d->leg.short_strike))
        g_string_append_printf (s, _("Proposed: %s %s/%s, expiry %s, size %s, estimated cost $%s."),
                                alvh_leg_kind_to_string (d->leg.kind), ls, ss, exp, size, cost);
      else
        g_string_append_printf (s, _("Proposed: %s %s, expiry %s, size %s, estimated cost $%s."),
                                alvh_leg_kind_to_string (d->leg.kind), ls, exp, size, cost);
      g_string_append_c (s, ' ');
    }
  g_string_append_printf (s, _("Status: %s."), status);
  if (d->skip_reason != NULL && d->skip_reason[0] != '\0')
    g_string_append_printf (s, " %s %s%s", _("Skip reason:"), d->skip_reason,
                            strchr (".!?", d->skip_reason[strlen (d->skip_reason) - 1]) != NULL ? "" : ".");
  if (d->profile_name[0] != '\0')
    g_string_append_printf (s, " %s %s v%d.", _("Profile:"), d->profile_name, d->profile_version);
  return g_string_free (s, FALSE);
}

char *
_alvh_report_note_meta (const AlvhJournalEntry *e)
{
  g_autofree char *time = alvh_format_date (e->time);
  GString *s = g_string_new (time);

  if (e->tags != NULL && e->tags[0] != NULL)
    {
      g_autofree char *tags = g_strjoinv (", ", e->tags);

      g_string_append_printf (s, " · %s %s", _("tags:"), tags);
    }
  if (e->decision_id > 0)
    g_string_append_printf (s, " · %s %" G_GINT64_FORMAT, _("decision"), e->decision_id);
  if (e->leg_id > 0)
    g_string_append_printf (s, " · %s %" G_GINT64_FORMAT, _("leg"), e->leg_id);
  return g_string_free (s, FALSE);
}
