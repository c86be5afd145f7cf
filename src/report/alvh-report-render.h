/* alvh-report-render.h — lay out an AlvhReport as PDF, HTML or CSV (Cairo, no GTK)
 *
 * PDF: A4 or Letter pages with the title, period and profile in a header on
 * every page and "Page n of m" in the footer; vector charts of SPX and VIX
 * with the hedge legs marked (or the equity curves of a replay); tables that
 * break across pages with their header row repeated; text wrapped with
 * PangoCairo.
 * HTML: one standalone file (inline stylesheet, the chart as inline SVG made
 * with a Cairo SVG surface); every piece of user text is escaped (& < > " ').
 * The document is well-formed XML (polyglot HTML), so strict XML tools read it.
 * CSV: one RFC 4180 file per table (CRLF line ends, fields with a comma,
 * quote, CR or LF quoted, quotes doubled).  A cell that starts with = + - @
 * TAB or CR and is not a plain number gets a leading apostrophe, so that a
 * spreadsheet never runs it as a formula.  Files are FILE.csv (the summary)
 * and FILE-<table>.csv next to it (FILE-decisions.csv, FILE-signals.csv,
 * FILE-notes.csv, FILE-stats.csv, ...), or <table>.csv inside a folder when
 * the path names an existing folder.
 *
 * Every file is written to a temporary file and renamed into place (never a
 * half-written report), with permissions 0600 (user only).
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "alvh-report.h"

G_BEGIN_DECLS

typedef enum
{
  ALVH_REPORT_FORMAT_PDF,
  ALVH_REPORT_FORMAT_HTML,
  ALVH_REPORT_FORMAT_CSV,
} AlvhReportFormat;

typedef enum
{
  ALVH_REPORT_PAPER_A4,
  ALVH_REPORT_PAPER_LETTER,
} AlvhReportPaper;

/* From a file name's extension (.pdf .html .htm .csv, any case) or an
 * existing folder (CSV). */
gboolean   alvh_report_format_from_path   (const char        *path,
                                           AlvhReportFormat  *out_format);
/**
 * alvh_report_format_to_string:
 * @format: a report format
 *
 * Returns: (transfer none): the format's name
 */
const char *alvh_report_format_to_string  (AlvhReportFormat   format); /* "pdf" "html" "csv" */
gboolean   alvh_report_format_from_string (const char        *text,
                                           AlvhReportFormat  *out_format);
gboolean   alvh_report_paper_from_string  (const char        *text,   /* "a4" "letter" */
                                           AlvhReportPaper   *out_paper);
/* The paper of the user's locale: Letter in the US and Canada, else A4. */
AlvhReportPaper alvh_report_paper_default (void);

/* Draw the report's chart (SPX/VIX with hedge markers, or replay equity)
 * into the rectangle (0, 0, width, height) of @cr. */
void       alvh_report_draw_chart         (AlvhReport        *report,
                                           cairo_t           *cr,
                                           double             width,
                                           double             height);

/* In-memory forms (the tests use them; the file writers below call them). */

/**
 * alvh_report_render_pdf_bytes:
 * @report: the report
 * @paper: the paper size
 * @out_n_pages: (out) (optional): the number of pages
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the PDF, or %NULL with @error set
 */
GBytes    *alvh_report_render_pdf_bytes   (AlvhReport        *report,
                                           AlvhReportPaper    paper,
                                           guint             *out_n_pages,
                                           GError           **error);
/**
 * alvh_report_render_html_string:
 * @report: the report
 *
 * Returns: (transfer full): the standalone HTML document
 */
char      *alvh_report_render_html_string (AlvhReport        *report);
/**
 * alvh_report_render_csv_table:
 * @table: one of the report's tables
 *
 * Returns: (transfer full): the table as CSV text (RFC 4180)
 */
char      *alvh_report_render_csv_table   (AlvhReportTable   *table);

/* Escaping used by the writers. */

/**
 * alvh_report_escape_html:
 * @text: plain text
 *
 * Returns: (transfer full): @text with its HTML special characters escaped
 */
char      *alvh_report_escape_html        (const char        *text);
/**
 * alvh_report_escape_csv_cell:
 * @text: a cell's text
 *
 * Returns: (transfer full): one CSV field, neutralised (a cell that looks
 *   like a formula) and quoted as needed
 */
char      *alvh_report_escape_csv_cell    (const char        *text);

/* Write @report to @path.  For CSV, @out_files (may be NULL) receives the
 * paths written, NULL-terminated. */
gboolean   alvh_report_write              (AlvhReport        *report,
                                           const char        *path,
                                           AlvhReportFormat   format,
                                           AlvhReportPaper    paper,
                                           char            ***out_files,
                                           GError           **error);

G_END_DECLS
