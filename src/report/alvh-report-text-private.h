/* alvh-report-text-private.h — text of decisions and notes shared by the
 * report's PDF and HTML writers */
#pragma once

#include <glib.h>

#include "alvh-report.h"

G_BEGIN_DECLS

/* The signal snapshot of @d as a table: signal, kind, value, threshold, state.
 * Returns: (transfer full) */
AlvhReportTable *_alvh_report_signal_table     (const AlvhDecision *d);
/* "Decision N · date · ACTION (branch), layer L". Returns: (transfer full) */
char            *_alvh_report_decision_heading (const AlvhDecision *d);
/* The proposed leg, its cost, the profile and what became of it.
 * Returns: (transfer full) */
char            *_alvh_report_decision_details (const AlvhDecision *d);
/* A note's date, tags and links. Returns: (transfer full) */
char            *_alvh_report_note_meta        (const AlvhJournalEntry    *e);

G_END_DECLS
