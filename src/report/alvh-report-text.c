/* alvh-report-text.c — text of decisions and notes shared by the report's
 * PDF and HTML writers */
#define G_LOG_DOMAIN "alvh-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-format.h"
#include "alvh-report-text-private.h"
#include "alvh-signal-text.h"

AlvhReportTable *
_alvh_report_signal_table (const AlvhDecision *d)
{
  const char *cols[] = { _("Signal"), _("Kind"), _("Value"), _("Threshold"), _("State"), NULL };
  static const gboolean num[] = { FALSE, FALSE, TRUE, TRUE, FALSE };
  static const double w[] = { 2.0, 1.0, 1.2, 1.5, 1.2 };
  static const AlvhReportCell kinds[] = { ALVH_REPORT_CELL_KEY, ALVH_REPORT_CELL_SIGNAL_KIND, ALVH_REPORT_CELL_TEXT,
                                          ALVH_REPORT_CELL_TEXT, ALVH_REPORT_CELL_KEY };
  AlvhReportTable *t = alvh_report_table_new ("decision-signals", _("Signals"), cols, num, w);

  alvh_report_table_set_kinds (t, kinds);
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *s = &d->signals[i];
      g_autofree char *value = NULL, *thr = NULL;
      const char *cells[6];

      if (!alvh_decision_has_signal (d, (AlvhSignalId) i))
        continue;

      /* in the signal's unit, as the Evaluator shows it; the plain numbers
       * are in the CSV's decision-signals table */
      value = s->available ? alvh_signal_format_value (s) : g_strdup ("n/a");
      thr = alvh_signal_format_threshold (s);
      cells[0] = alvh_signal_id_to_key (s->id);
      cells[1] = alvh_signal_kind_to_string (s->kind);
      cells[2] = value;
      cells[3] = thr;
      cells[4] = !s->available ? "n/a" : s->fired ? "fired" : "not_fired";
      cells[5] = NULL;
      alvh_report_table_add_row (t, cells);
    }
  return t;
}

/* ---- what a person reads of a table's cells ------------------------------ */

/* A plain number of @kind shown through the formatter; NULL when @cell is no
 * number (a date, "4000/3900", a word). */
static char *
shown_number (const char     *cell,
              AlvhReportCell  kind)
{
  const char *dot;
  char *end = NULL;
  double v;
  int digits = 0;

  if (strcmp (cell, "n/a") == 0)
    return g_strdup (_("n/a"));
  if (cell[0] == '\0' || strchr ("-+.0123456789", cell[0]) == NULL)
    return NULL;
  v = g_ascii_strtod (cell, &end);
  if (end == cell || !(*end == '\0' || (kind == ALVH_REPORT_CELL_PERCENT && strcmp (end, "%") == 0)))
    return NULL;
  dot = strchr (cell, '.');
  if (dot != NULL)
    digits = (int) strspn (dot + 1, "0123456789");
  switch (kind)
    {
    case ALVH_REPORT_CELL_MONEY:
      return alvh_format_money (v, ALVH_MONEY_CENTS);
    case ALVH_REPORT_CELL_PERCENT:
      return alvh_format_percent (v / 100.0, digits, ALVH_FORMAT_SCREEN);
    case ALVH_REPORT_CELL_TEXT:
    case ALVH_REPORT_CELL_KEY:
    case ALVH_REPORT_CELL_NUMBER:
    case ALVH_REPORT_CELL_AUTO:
    case ALVH_REPORT_CELL_SIGNAL_KIND:
    default:
      return alvh_format_number (v, digits, ALVH_FORMAT_SCREEN);
    }
}

/* "Cost $" → "Cost": the amounts shown carry their "$" */
static char *
without_dollar (const char *label)
{
  gsize n = strlen (label);

  if (n > 2 && strcmp (label + n - 2, " $") == 0)
    return g_strndup (label, n - 2);
  return g_strdup (label);
}

static char *
shown_cell (const char     *cell,
            AlvhReportCell  kind)
{
  char *text = NULL;

  switch (kind)
    {
    case ALVH_REPORT_CELL_KEY:
      {
        g_autofree char *list = g_strdup (cell);

        /* the decisions' fired signals are separated by spaces */
        if (strchr (list, ',') == NULL)
          g_strdelimit (list, " ", ',');
        return alvh_format_key_list (list);
      }
    case ALVH_REPORT_CELL_SIGNAL_KIND:
      /* as the Evaluator page names them */
      return g_strdup (strcmp (cell, "realtime") == 0 ? _("real-time") : strcmp (cell, "fixed") == 0 ? _("fixed") : cell);
    case ALVH_REPORT_CELL_NUMBER:
    case ALVH_REPORT_CELL_MONEY:
    case ALVH_REPORT_CELL_PERCENT:
    case ALVH_REPORT_CELL_AUTO:
      text = shown_number (cell, kind);
      break;
    case ALVH_REPORT_CELL_TEXT:
    default:
      break;
    }
  return text != NULL ? text : g_strdup (cell);
}

void
alvh_report_table_set_kinds (AlvhReportTable      *table,
                             const AlvhReportCell *kinds)
{
  memcpy (table->kinds, kinds, sizeof (AlvhReportCell) * table->n_columns);
}

char **
alvh_report_table_dup_shown_row (const AlvhReportTable *table,
                                 int                    row)
{
  char **cells, **out;
  gboolean money_row = FALSE;

  g_return_val_if_fail (table != NULL && row < (int) table->rows->len, NULL);

  out = g_new0 (char *, table->n_columns + 1);
  if (row < 0)
    {
      for (guint c = 0; c < table->n_columns; c++)
        out[c] = table->kinds[c] == ALVH_REPORT_CELL_MONEY ? without_dollar (table->columns[c])
                                                           : g_strdup (table->columns[c]);
      return out;
    }
  cells = g_ptr_array_index (table->rows, row);
  /* a summary's row of money: "Hedge cost $" → "Hedge cost", "$201.68" */
  for (guint c = 1; c < table->n_columns; c++)
    money_row |= table->kinds[c] == ALVH_REPORT_CELL_AUTO && g_str_has_suffix (cells[0], "$");
  for (guint c = 0; c < table->n_columns; c++)
    {
      AlvhReportCell kind = table->kinds[c];

      if (c == 0 && money_row)
        out[c] = without_dollar (cells[c]);
      else if (kind == ALVH_REPORT_CELL_AUTO && money_row)
        out[c] = shown_cell (cells[c], ALVH_REPORT_CELL_MONEY);
      else
        out[c] = shown_cell (cells[c], kind);
    }
  return out;
}

char *
_alvh_report_decision_heading (const AlvhDecision *d)
{
  g_autofree char *time = alvh_format_date (d->time);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, d->id);

  if (d->layer > 0)
    return g_strdup_printf (_("Decision %s · %s · %s · %s · layer %d"),
                            id, time, alvh_action_to_string (d->action),
                            alvh_format_key (alvh_branch_to_string (d->branch)), d->layer);
  return g_strdup_printf (_("Decision %s · %s · %s · %s"), id, time, alvh_action_to_string (d->action),
                          alvh_format_key (alvh_branch_to_string (d->branch)));
}

char *
_alvh_report_decision_details (const AlvhDecision *d)
{
  GString *s = g_string_new (NULL);
  const char *status = d->followed == ALVH_DECISION_PENDING ? _("pending")
                                                            : alvh_format_key (alvh_decision_status_to_string (d->followed));

  if (d->has_leg)
    {
      g_autofree char *ls = alvh_format_significant (d->leg.long_strike, 6, ALVH_FORMAT_SCREEN);
      g_autofree char *ss = alvh_format_significant (d->leg.short_strike, 6, ALVH_FORMAT_SCREEN);
      g_autofree char *exp = alvh_format_date (d->leg.expiry);
      g_autofree char *size = alvh_format_contracts (d->size);
      g_autofree char *cost = alvh_format_money (d->estimated_cost, ALVH_MONEY_CENTS);
      const char *kind = alvh_format_key (alvh_leg_kind_to_string (d->leg.kind));

      /* TRANSLATORS: %s are the instrument, its strikes, the expiry date,
       * "2 contracts" and an amount with its "$" */
      if (isfinite (d->leg.short_strike))
        g_string_append_printf (s, _("Proposed: %s %s/%s, expiry %s, %s, estimated cost %s."),
                                kind, ls, ss, exp, size, cost);
      else
        g_string_append_printf (s, _("Proposed: %s %s, expiry %s, %s, estimated cost %s."),
                                kind, ls, exp, size, cost);
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
