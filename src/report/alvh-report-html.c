/* alvh-report-html.c — the standalone HTML form of an AlvhReport: its tables,
 * the chart as inline SVG, decisions, notes and the rule profile */
#define G_LOG_DOMAIN "alvh-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <cairo-svg.h>

#include "alvh-format.h"
#include "alvh-report-render.h"
#include "alvh-report-text-private.h"

static const char html_style[] =
  "body{font-family:'DejaVu Sans',Helvetica,Arial,sans-serif;font-size:13px;color:#222;"
  "max-width:1100px;margin:24px auto;padding:0 16px;background:#fff}"
  "header{border-bottom:2px solid #3d7fd9;margin-bottom:12px}"
  "h1{font-size:22px;margin:0 0 4px}"
  "h2{font-size:17px;border-bottom:1px solid #3d7fd9;padding-bottom:2px;margin-top:26px}"
  "h3{font-size:14px;margin:14px 0 4px}"
  ".meta{color:#555;margin:2px 0 8px}"
  "table{border-collapse:collapse;margin:6px 0 10px;font-size:12px}"
  "th,td{border-bottom:1px solid #d6d6d6;padding:3px 7px;text-align:left;vertical-align:top}"
  "th{background:#e6edf7}"
  "tbody tr:nth-child(even){background:#f6f6f6}"
  "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}"
  ".fired{color:#b3261e;font-weight:bold}.na{color:#8a8a8a}"
  ".decision,.note{border-left:3px solid #c8d6ea;padding-left:10px;margin:12px 0}"
  ".why{font-style:italic}.body{white-space:pre-wrap}"
  "pre{background:#f4f4f4;padding:8px;font-size:12px;columns:2}"
  "svg{max-width:100%;height:auto}"
  "footer{margin-top:30px;color:#777;font-size:11px}"
  "@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}";

static void
html_text (GString    *out,
           const char *text)
{
  g_autofree char *e = alvh_report_escape_html (text);

  g_string_append (out, e);
}

static void
html_table (GString               *out,
            const AlvhReportTable *t,
            const char            *id)
{
  g_auto(GStrv) head = alvh_report_table_dup_shown_row (t, -1);

  if (id != NULL)
    g_string_append_printf (out, "<table id=\"%s\">\n", id);
  else
    g_string_append (out, "<table>\n");
  g_string_append (out, "<thead><tr>");
  for (guint c = 0; c < t->n_columns; c++)
    {
      g_string_append (out, t->numeric[c] ? "<th class=\"num\">" : "<th>");
      html_text (out, head[c]);
      g_string_append (out, "</th>");
    }
  g_string_append (out, "</tr></thead>\n<tbody>\n");
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **cells = g_ptr_array_index (t->rows, r);
      g_auto(GStrv) shown = alvh_report_table_dup_shown_row (t, (int) r);

      g_string_append (out, "<tr>");
      for (guint c = 0; c < t->n_columns; c++)
        {
          if (g_strcmp0 (cells[c], "fired") == 0)
            g_string_append (out, "<td class=\"fired\">");
          else if (g_strcmp0 (cells[c], "n/a") == 0)
            g_string_append (out, t->numeric[c] ? "<td class=\"num na\">" : "<td class=\"na\">");
          else
            g_string_append (out, t->numeric[c] ? "<td class=\"num\">" : "<td>");
          html_text (out, shown[c]);
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static cairo_status_t
string_write (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* The chart as SVG text without its XML prolog, for inlining. */
static char *
chart_svg (AlvhReport *report,
           double      width,
           double      height)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  cairo_surface_t *surface = cairo_svg_surface_create_for_stream (string_write, svg, width, height);
  cairo_t *cr = cairo_create (surface);
  const char *start;

  cairo_svg_surface_restrict_to_version (surface, CAIRO_SVG_VERSION_1_1);
  alvh_report_draw_chart (report, cr, width, height);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return g_strdup ("");
    }
  cairo_surface_destroy (surface);
  start = strstr (svg->str, "<svg");
  if (start == NULL)
    return g_strdup ("");
  /* the SVG's sizes in pt; make it scale with the page */
  {
    g_autofree char *viewbox = g_strdup_printf ("<svg role=\"img\" aria-label=\"%s\" ",
                                                report->kind == ALVH_REPORT_KIND_REPLAY ? "equity" : "SPX and VIX");
    GString *s = g_string_new (start);

    g_string_replace (s, "<svg ", viewbox, 1);
    return g_string_free (s, FALSE);
  }
}

/* "None in this period." as a paragraph */
static void
html_none (GString *out)
{
  g_string_append (out, "<p class=\"meta\">");
  html_text (out, _("None in this period."));
  g_string_append (out, "</p>\n");
}

/* <head> and the header: title, account, period and rule profile */
static void
html_header (GString    *out,
             AlvhReport *report,
             const char *period,
             const char *profile)
{
  g_string_append (out, "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                        "<meta charset=\"utf-8\"/>\n<title>");
  html_text (out, report->title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", html_style);
  html_text (out, report->title);
  g_string_append (out, "</h1>\n<p class=\"meta\">");
  if (report->kind == ALVH_REPORT_KIND_JOURNAL)
    {
      g_string_append (out, _("Account:"));
      g_string_append_c (out, ' ');
      html_text (out, report->account_name != NULL ? report->account_name : _("all accounts"));
      g_string_append (out, " · ");
    }
  g_string_append (out, _("Period:"));
  g_string_append_c (out, ' ');
  html_text (out, period);
  g_string_append (out, " · ");
  g_string_append (out, _("Rule profile:"));
  g_string_append_c (out, ' ');
  html_text (out, profile);
  g_string_append (out, "</p>\n</header>\n");
}

/* the chart as inline SVG, after the summary */
static void
html_chart_section (GString    *out,
                    AlvhReport *report,
                    const char *svg)
{
  g_string_append (out, "<section id=\"chart\">\n<h2>");
  html_text (out, report->kind == ALVH_REPORT_KIND_JOURNAL ? _("SPX and VIX") : _("Equity"));
  g_string_append (out, "</h2>\n<figure>\n");
  g_string_append (out, svg);
  if (report->kind == ALVH_REPORT_KIND_JOURNAL)
    {
      g_string_append (out, "<figcaption class=\"meta\">");
      html_text (out, _("Shaded: the report's period. Triangles: hedge legs added (L = layer, M = manual)."));
      g_string_append (out, "</figcaption>\n");
    }
  g_string_append (out, "</figure>\n</section>\n");
}

/* every decision with its signal snapshot and explanation */
static void
html_decisions_section (GString    *out,
                        AlvhReport *report)
{
  g_string_append (out, "<section id=\"decisions\">\n<h2>");
  html_text (out, _("Hedge decisions"));
  g_string_append (out, "</h2>\n");
  if (report->decisions->len == 0)
    html_none (out);
  for (guint k = 0; k < report->decisions->len; k++)
    {
      const AlvhDecision *d = g_ptr_array_index (report->decisions, k);
      g_autofree char *head = _alvh_report_decision_heading (d);
      g_autofree char *details = _alvh_report_decision_details (d);
      g_autoptr(AlvhReportTable) st = _alvh_report_signal_table (d);

      g_string_append_printf (out, "<article class=\"decision\" id=\"decision-%" G_GINT64_FORMAT "\">\n<h3>", d->id);
      html_text (out, head);
      g_string_append (out, "</h3>\n<p>");
      html_text (out, details);
      g_string_append (out, "</p>\n");
      html_table (out, st, NULL);
      if (d->explanation != NULL && d->explanation[0] != '\0')
        {
          g_string_append (out, "<p class=\"why\">");
          html_text (out, d->explanation);
          g_string_append (out, "</p>\n");
        }
      g_string_append (out, "</article>\n");
    }
  g_string_append (out, "</section>\n");
}

/* the journal notes of the period */
static void
html_notes_section (GString    *out,
                    AlvhReport *report)
{
  g_string_append (out, "<section id=\"notes\">\n<h2>");
  html_text (out, _("Journal notes"));
  g_string_append (out, "</h2>\n");
  if (report->notes->len == 0)
    html_none (out);
  for (guint k = 0; k < report->notes->len; k++)
    {
      const AlvhJournalEntry *e = g_ptr_array_index (report->notes, k);
      g_autofree char *meta = _alvh_report_note_meta (e);

      g_string_append (out, "<article class=\"note\">\n<h3>");
      html_text (out, e->title != NULL && e->title[0] != '\0' ? e->title : _("(untitled)"));
      g_string_append (out, "</h3>\n<p class=\"meta\">");
      html_text (out, meta);
      g_string_append (out, "</p>\n<p class=\"body\">");
      html_text (out, e->body);
      g_string_append (out, "</p>\n</article>\n");
    }
  g_string_append (out, "</section>\n");
}

/* the rule profile's values and the footer */
static void
html_profile_and_footer (GString    *out,
                         AlvhReport *report,
                         const char *profile,
                         const char *generated)
{
  g_autofree char *foot = g_strdup_printf (_("ALVH Desk · generated %s New York time"), generated);

  g_string_append (out, "<section id=\"profile\">\n<h2>");
  html_text (out, _("Rule profile"));
  g_string_append (out, "</h2>\n<p><strong>");
  html_text (out, profile);
  g_string_append (out, "</strong></p>\n<pre>");
  for (guint i = 0; report->profile_lines[i] != NULL; i++)
    {
      html_text (out, report->profile_lines[i]);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "</pre>\n</section>\n<footer>");
  html_text (out, foot);
  g_string_append (out, "</footer>\n</body>\n</html>\n");
}

char *
alvh_report_render_html_string (AlvhReport *report)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *period = alvh_report_dup_period_text (report);
  g_autofree char *profile = alvh_report_dup_profile_text (report);
  g_autofree char *generated = alvh_format_date (report->generated);
  g_autofree char *svg = chart_svg (report, 760, report->kind == ALVH_REPORT_KIND_JOURNAL ? 320 : 260);

  html_header (out, report, period, profile);
  for (guint i = 0; i < report->tables->len; i++)
    {
      AlvhReportTable *t = g_ptr_array_index (report->tables, i);

      if (!t->in_document)
        continue;
      g_string_append_printf (out, "<section id=\"%s\">\n<h2>", t->id);
      html_text (out, t->title);
      g_string_append (out, "</h2>\n");
      if (t->rows->len == 0)
        html_none (out);
      else
        html_table (out, t, NULL);
      g_string_append (out, "</section>\n");

      if (g_strcmp0 (t->id, "summary") == 0)
        html_chart_section (out, report, svg);
      if (g_strcmp0 (t->id, "legs") == 0 && report->kind == ALVH_REPORT_KIND_JOURNAL)
        {
          html_decisions_section (out, report);
          html_notes_section (out, report);
        }
    }
  html_profile_and_footer (out, report, profile, generated);
  return g_string_free (g_steal_pointer (&out), FALSE);
}
