/* alvh-report-render.c — the PDF and CSV forms of an AlvhReport, the formats
 * and writing the files; the HTML form is in alvh-report-html.c, the text
 * both share in alvh-report-text.c, the chart in alvh-report-chart.c */
#define G_LOG_DOMAIN "alvh-report"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "alvh-report-render.h"
#include "alvh-report-text-private.h"
#include "alvh-time.h"

#define FONT_FAMILY "Sans"
#define MONO_FAMILY "Monospace"

/* ---- formats ------------------------------------------------------------ */

const char *
alvh_report_format_to_string (AlvhReportFormat format)
{
  switch (format)
    {
    case ALVH_REPORT_FORMAT_HTML: return "html";
    case ALVH_REPORT_FORMAT_CSV: return "csv";
    case ALVH_REPORT_FORMAT_PDF:
    default: return "pdf";
    }
}

gboolean
alvh_report_format_from_string (const char       *text,
                                AlvhReportFormat *out_format)
{
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "pdf") == 0)
    *out_format = ALVH_REPORT_FORMAT_PDF;
  else if (g_ascii_strcasecmp (text, "html") == 0 || g_ascii_strcasecmp (text, "htm") == 0)
    *out_format = ALVH_REPORT_FORMAT_HTML;
  else if (g_ascii_strcasecmp (text, "csv") == 0)
    *out_format = ALVH_REPORT_FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

gboolean
alvh_report_format_from_path (const char       *path,
                              AlvhReportFormat *out_format)
{
  const char *dot;
  g_autofree char *base = NULL;

  if (path == NULL || *path == '\0')
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      *out_format = ALVH_REPORT_FORMAT_CSV;
      return TRUE;
    }
  base = g_path_get_basename (path);
  dot = strrchr (base, '.');
  if (dot == NULL)
    return FALSE;
  return alvh_report_format_from_string (dot + 1, out_format);
}

gboolean
alvh_report_paper_from_string (const char      *text,
                               AlvhReportPaper *out_paper)
{
  if (g_ascii_strcasecmp (text, "a4") == 0)
    *out_paper = ALVH_REPORT_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *out_paper = ALVH_REPORT_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

AlvhReportPaper
alvh_report_paper_default (void)
{
  const char * const *langs = g_get_language_names ();

  for (guint i = 0; langs[i] != NULL; i++)
    if (strstr (langs[i], "_US") != NULL || strstr (langs[i], "_CA") != NULL)
      return ALVH_REPORT_PAPER_LETTER;
  return ALVH_REPORT_PAPER_A4;
}

/* ---- escaping ----------------------------------------------------------- */

char *
alvh_report_escape_html (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid) + 16);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:
          /* characters XML 1.0 does not allow are dropped */
          if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
              (c >= 0x7f && c <= 0x9f) || c == 0xfffe || c == 0xffff)
            break;
          g_string_append_unichar (out, c);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_plain_number (const char *s)
{
  const char *p = s;
  gboolean digits = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  while (g_ascii_isdigit (*p))
    p++, digits = TRUE;
  if (*p == '.')
    {
      p++;
      while (g_ascii_isdigit (*p))
        p++, digits = TRUE;
    }
  return digits && *p == '\0';
}

char *
alvh_report_escape_csv_cell (const char *text)
{
  g_autofree char *valid = NULL;
  gboolean neutralise, quote;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  valid = g_utf8_make_valid (text, -1);
  neutralise = (valid[0] == '=' || valid[0] == '+' || valid[0] == '-' || valid[0] == '@' ||
                valid[0] == '\t' || valid[0] == '\r') && !is_plain_number (valid);
  quote = strpbrk (valid, ",\"\r\n") != NULL ||
          (valid[0] != '\0' && (g_ascii_isspace (valid[0]) || g_ascii_isspace (valid[strlen (valid) - 1])));
  out = g_string_sized_new (strlen (valid) + 4);
  if (quote)
    g_string_append_c (out, '"');
  if (neutralise)
    g_string_append_c (out, '\'');
  for (const char *p = valid; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
  return g_string_free (out, FALSE);
}

/* ---- files -------------------------------------------------------------- */

/* temp file + rename, mode 0600 */
static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        len,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents_full (path, data, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local), _("Cannot write the report: "));
      return FALSE;
    }
  return TRUE;
}

/* ---- colours ------------------------------------------------------------ */

static void
set_rgb (cairo_t *cr,
         guint32  rgb,
         double   alpha)
{
  cairo_set_source_rgba (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0,
                         (rgb & 0xff) / 255.0, alpha);
}

/* ---- PDF ---------------------------------------------------------------- */

typedef struct
{
  cairo_t              *cr;
  AlvhReport           *report;
  double                page_w, page_h;
  double                margin;
  double                top, bottom;      /* content area */
  double                y;
  double                content_w;
  guint                 page;
  guint                 total_pages;      /* 0 in the counting pass */
  char                 *header_left;
  char                 *header_right;
  char                 *footer_left;
  PangoFontDescription *font;             /* body 8.5 */
  PangoFontDescription *font_small;       /* tables 7.5 */
  PangoFontDescription *font_small_bold;
  PangoFontDescription *font_tiny;        /* tables of many columns 6.5 */
  PangoFontDescription *font_tiny_bold;
  PangoFontDescription *font_bold;
  PangoFontDescription *font_heading;     /* 12 bold */
  PangoFontDescription *font_title;       /* 17 bold */
  PangoFontDescription *font_mono;
  PangoFontDescription *font_italic;
} Pdf;

static PangoFontDescription *
make_font (const char *family,
           double      size,
           PangoWeight weight,
           PangoStyle  style)
{
  PangoFontDescription *f = pango_font_description_new ();

  pango_font_description_set_family (f, family);
  pango_font_description_set_absolute_size (f, size * PANGO_SCALE);
  pango_font_description_set_weight (f, weight);
  pango_font_description_set_style (f, style);
  return f;
}

static PangoLayout *
pdf_layout (Pdf                        *pdf,
            const char                 *text,
            const PangoFontDescription *font,
            double                      width,
            PangoAlignment              align)
{
  PangoLayout *layout = pango_cairo_create_layout (pdf->cr);
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);

  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, valid, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static void
pdf_show (Pdf         *pdf,
          PangoLayout *layout,
          double       x,
          double       y)
{
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
}

static void
pdf_decorate_page (Pdf *pdf)
{
  cairo_t *cr = pdf->cr;
  g_autoptr(PangoLayout) left = NULL;
  g_autoptr(PangoLayout) right = NULL;
  g_autoptr(PangoLayout) foot = NULL;
  g_autoptr(PangoLayout) pages = NULL;
  g_autofree char *page_text = NULL;
  double w = pdf->content_w;

  set_rgb (cr, 0x222222, 1);
  left = pdf_layout (pdf, pdf->header_left, pdf->font_bold, w * 0.5, PANGO_ALIGN_LEFT);
  pango_layout_set_ellipsize (left, PANGO_ELLIPSIZE_END);
  pdf_show (pdf, left, pdf->margin, pdf->margin);
  set_rgb (cr, 0x444444, 1);
  right = pdf_layout (pdf, pdf->header_right, pdf->font_small, w * 0.5, PANGO_ALIGN_RIGHT);
  pango_layout_set_ellipsize (right, PANGO_ELLIPSIZE_END);
  pdf_show (pdf, right, pdf->margin + w * 0.5, pdf->margin + 1);
  set_rgb (cr, 0x999999, 1);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, pdf->margin, pdf->margin + 16);
  cairo_line_to (cr, pdf->margin + w, pdf->margin + 16);
  cairo_move_to (cr, pdf->margin, pdf->page_h - pdf->margin - 12);
  cairo_line_to (cr, pdf->margin + w, pdf->page_h - pdf->margin - 12);
  cairo_stroke (cr);

  set_rgb (cr, 0x555555, 1);
  foot = pdf_layout (pdf, pdf->footer_left, pdf->font_small, w * 0.6, PANGO_ALIGN_LEFT);
  pdf_show (pdf, foot, pdf->margin, pdf->page_h - pdf->margin - 8);
  if (pdf->total_pages > 0)
    page_text = g_strdup_printf (_("Page %u of %u"), pdf->page, pdf->total_pages);
  else
    page_text = g_strdup_printf (_("Page %u of %u"), pdf->page, 999u);
  pages = pdf_layout (pdf, page_text, pdf->font_small, w * 0.4, PANGO_ALIGN_RIGHT);
  pdf_show (pdf, pages, pdf->margin + w * 0.6, pdf->page_h - pdf->margin - 8);
}

static void
pdf_new_page (Pdf *pdf)
{
  if (pdf->page > 0)
    cairo_show_page (pdf->cr);
  pdf->page++;
  pdf_decorate_page (pdf);
  pdf->y = pdf->top;
}

static void
pdf_need (Pdf    *pdf,
          double  height)
{
  if (pdf->y + height > pdf->bottom && pdf->y > pdf->top + 0.5)
    pdf_new_page (pdf);
}

/* A paragraph that may continue on the next page, line by line. */
static void
pdf_paragraph (Pdf                        *pdf,
               const char                 *text,
               const PangoFontDescription *font,
               double                      indent,
               guint32                     rgb)
{
  g_autoptr(PangoLayout) layout = pdf_layout (pdf, text, font, pdf->content_w - indent, PANGO_ALIGN_LEFT);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  set_rgb (pdf->cr, rgb, 1);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double h, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      h = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      if (pdf->y + h > pdf->bottom)
        {
          pdf_new_page (pdf);
          set_rgb (pdf->cr, rgb, 1);
        }
      cairo_move_to (pdf->cr, pdf->margin + indent + (double) logical.x / PANGO_SCALE, pdf->y + baseline);
      pango_cairo_show_layout_line (pdf->cr, line);
      pdf->y += h;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
pdf_heading (Pdf        *pdf,
             const char *text,
             double      space_after)
{
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  pdf->y += 8;
  layout = pdf_layout (pdf, text, pdf->font_heading, pdf->content_w, PANGO_ALIGN_LEFT);
  h = layout_height (layout);
  pdf_need (pdf, h + space_after);
  set_rgb (pdf->cr, 0x1a1a1a, 1);
  pdf_show (pdf, layout, pdf->margin, pdf->y);
  pdf->y += h + 3;
  set_rgb (pdf->cr, 0x3d7fd9, 1);
  cairo_set_line_width (pdf->cr, 0.8);
  cairo_move_to (pdf->cr, pdf->margin, pdf->y);
  cairo_line_to (pdf->cr, pdf->margin + pdf->content_w, pdf->y);
  cairo_stroke (pdf->cr);
  pdf->y += 4;
}

static double
pdf_row_height (Pdf                        *pdf,
                char                      **cells,
                guint                       n,
                const double               *w,
                const PangoFontDescription *font)
{
  const double pad = 2.5;
  double h = 0;

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(PangoLayout) l = pdf_layout (pdf, cells[c], font, w[c] - 2 * pad, PANGO_ALIGN_LEFT);

      h = MAX (h, layout_height (l));
    }
  return h + 2 * pad;
}

/* @cells are shown; @raw (nullable) are the table's plain cells that pick
 * the colour of a fired signal and of a missing value */
static void
pdf_row (Pdf                        *pdf,
         char                      **cells,
         char                      **raw,
         const AlvhReportTable      *t,
         const double               *x,
         const double               *w,
         const PangoFontDescription *font,
         double                      h,
         guint32                     background,
         guint32                     fg)
{
  const double pad = 2.5;
  double row_w = x[t->n_columns - 1] + w[t->n_columns - 1] - pdf->margin;

  if (background != 0xffffff)
    {
      set_rgb (pdf->cr, background, 1);
      cairo_rectangle (pdf->cr, pdf->margin, pdf->y, row_w, h);
      cairo_fill (pdf->cr);
    }
  for (guint c = 0; c < t->n_columns; c++)
    {
      g_autoptr(PangoLayout) l = pdf_layout (pdf, cells[c], font, w[c] - 2 * pad,
                                             t->numeric[c] ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      guint32 colour = fg;

      if (raw != NULL && g_strcmp0 (raw[c], "fired") == 0)
        colour = 0xb3261e;
      else if (raw != NULL && g_strcmp0 (raw[c], "n/a") == 0)
        colour = 0x8a8a8a;
      set_rgb (pdf->cr, colour, 1);
      pdf_show (pdf, l, x[c] + pad, pdf->y + pad);
    }
  set_rgb (pdf->cr, 0xd0d0d0, 1);
  cairo_set_line_width (pdf->cr, 0.3);
  cairo_move_to (pdf->cr, pdf->margin, pdf->y + h);
  cairo_line_to (pdf->cr, pdf->margin + row_w, pdf->y + h);
  cairo_stroke (pdf->cr);
  pdf->y += h;
}

static double
text_width (Pdf                        *pdf,
            const char                 *text,
            const PangoFontDescription *font)
{
  g_autoptr(PangoLayout) l = pdf_layout (pdf, text, font, -1, PANGO_ALIGN_LEFT);
  int w, h;

  pango_layout_get_size (l, &w, &h);
  return (double) w / PANGO_SCALE;
}

static double
longest_word_width (Pdf                        *pdf,
                    const char                 *text,
                    const PangoFontDescription *font)
{
  g_auto(GStrv) words = g_strsplit_set (text != NULL ? text : "", " \n\t", -1);
  double best = 0;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      best = MAX (best, text_width (pdf, words[i], font));
  return best;
}

/* Column widths from the content: every column gets at least its longest
 * word (so numbers and dates never break), the rest of the line is shared in
 * proportion to what each column would need on one line. */
static void
pdf_column_widths (Pdf                   *pdf,
                   const AlvhReportTable *t,
                   char                 **head,
                   GPtrArray             *shown,
                   double                 total,
                   double                *w)
{
  const double pad = 5.0 + 0.5;
  g_autofree double *min = g_new0 (double, t->n_columns);
  g_autofree double *nat = g_new0 (double, t->n_columns);
  g_autofree double *cell_min = g_new0 (double, t->n_columns);
  guint n_rows = MIN (t->rows->len, 200);
  double sum_min = 0, sum_nat = 0, sum_cells = 0;

  for (guint c = 0; c < t->n_columns; c++)
    {
      cell_min[c] = pad;
      nat[c] = MIN (text_width (pdf, head[c], pdf->font_small_bold), 90) + pad;
      for (guint r = 0; r < n_rows; r++)
        {
          char **cells = g_ptr_array_index (shown, r);

          cell_min[c] = MAX (cell_min[c], MIN (longest_word_width (pdf, cells[c], pdf->font_small), 120) + pad);
          nat[c] = MAX (nat[c], MIN (text_width (pdf, cells[c], pdf->font_small), 320) + pad);
        }
      min[c] = MAX (cell_min[c], longest_word_width (pdf, head[c], pdf->font_small_bold) + pad);
      nat[c] = MAX (nat[c], min[c]);
      sum_min += min[c];
      sum_nat += nat[c];
      sum_cells += cell_min[c];
    }
  for (guint c = 0; c < t->n_columns; c++)
    {
      if (sum_nat <= total)
        w[c] = nat[c] * total / sum_nat;
      else if (sum_min <= total)
        w[c] = min[c] + (nat[c] - min[c]) * (total - sum_min) / MAX (sum_nat - sum_min, 1e-9);
      else if (sum_cells <= total)   /* long headers break, dates and amounts do not */
        w[c] = cell_min[c] + (min[c] - cell_min[c]) * (total - sum_cells) / MAX (sum_min - sum_cells, 1e-9);
      else
        w[c] = min[c] * total / sum_min;
    }
}

static void
pdf_table_body (Pdf                   *pdf,
                const AlvhReportTable *t,
                const char            *heading)
{
  g_autofree double *x = g_new0 (double, t->n_columns + 1);
  g_autofree double *w = g_new0 (double, t->n_columns + 1);
  double hh, acc = pdf->margin;
  double total = pdf->content_w;
  guint n_rows = t->rows->len;
  g_auto(GStrv) head = alvh_report_table_dup_shown_row (t, -1);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint r = 0; r < n_rows; r++)
    g_ptr_array_add (shown, alvh_report_table_dup_shown_row (t, (int) r));
  if (g_strcmp0 (t->id, "summary") == 0 && t->n_columns == 2)
    total = pdf->content_w * 0.62;
  else if (g_strcmp0 (t->id, "decision-signals") == 0)
    total = pdf->content_w * 0.86;
  if (g_strcmp0 (t->id, "decision-signals") == 0)
    {
      /* the same small table many times: fixed widths, no measuring */
      double sum = 0;

      for (guint c = 0; c < t->n_columns; c++)
        sum += t->widths[c];
      for (guint c = 0; c < t->n_columns; c++)
        w[c] = total * t->widths[c] / sum;
    }
  else
    pdf_column_widths (pdf, t, head, shown, total, w);
  for (guint c = 0; c < t->n_columns; c++)
    {
      x[c] = acc;
      acc += w[c];
    }
  hh = pdf_row_height (pdf, head, t->n_columns, w, pdf->font_small_bold);

  if (heading != NULL)
    {
      double first = n_rows > 0
        ? pdf_row_height (pdf, g_ptr_array_index (shown, 0), t->n_columns, w, pdf->font_small) : 12;

      pdf_heading (pdf, heading, hh + first);
    }
  else
    pdf_need (pdf, hh + 14);

  if (n_rows == 0)
    {
      pdf_paragraph (pdf, _("None in this period."), pdf->font_italic, 0, 0x666666);
      return;
    }

  pdf_row (pdf, head, NULL, t, x, w, pdf->font_small_bold, hh, 0xe6edf7, 0x1a1a1a);
  for (guint r = 0; r < n_rows; r++)
    {
      char **cells = g_ptr_array_index (shown, r);
      double h = pdf_row_height (pdf, cells, t->n_columns, w, pdf->font_small);

      if (pdf->y + h > pdf->bottom)
        {
          pdf_new_page (pdf);
          pdf_row (pdf, head, NULL, t, x, w, pdf->font_small_bold, hh, 0xe6edf7, 0x1a1a1a);
        }
      pdf_row (pdf, cells, g_ptr_array_index (t->rows, r), t, x, w, pdf->font_small, h,
               r % 2 ? 0xf6f6f6 : 0xffffff, 0x222222);
    }
  pdf->y += 4;
}

/* A table of many columns (the legs: 15) in the tiny font, so that its dates
 * and amounts fit on one line in the width of the page */
static void
pdf_table (Pdf                   *pdf,
           const AlvhReportTable *t,
           const char            *heading)
{
  PangoFontDescription *small = pdf->font_small, *small_bold = pdf->font_small_bold;

  if (t->n_columns > 11)
    {
      pdf->font_small = pdf->font_tiny;
      pdf->font_small_bold = pdf->font_tiny_bold;
    }
  pdf_table_body (pdf, t, heading);
  pdf->font_small = small;
  pdf->font_small_bold = small_bold;
}

/* The title block: title, account, period and rule profile */
static void
pdf_title_block (Pdf        *pdf,
                 const char *period,
                 const char *profile)
{
  AlvhReport *r = pdf->report;
  g_autoptr(PangoLayout) title = pdf_layout (pdf, r->title, pdf->font_title, pdf->content_w, PANGO_ALIGN_LEFT);
  g_autofree char *meta = NULL;

  set_rgb (pdf->cr, 0x111111, 1);
  pdf_show (pdf, title, pdf->margin, pdf->y);
  pdf->y += layout_height (title) + 4;
  if (r->kind == ALVH_REPORT_KIND_JOURNAL)
    meta = g_strdup_printf (_("Account: %s    Period: %s    Rule profile: %s"),
                            r->account_name != NULL ? r->account_name : _("all accounts"), period, profile);
  else
    meta = g_strdup_printf (_("Replay    Period: %s    Rule profile: %s"), period, profile);
  pdf_paragraph (pdf, meta, pdf->font, 0, 0x333333);
  pdf->y += 2;
}

/* The chart, after the summary */
static void
pdf_chart (Pdf *pdf)
{
  AlvhReport *r = pdf->report;
  double ch = r->kind == ALVH_REPORT_KIND_JOURNAL ? 250 : 210;

  pdf_heading (pdf, r->kind == ALVH_REPORT_KIND_JOURNAL ? _("SPX and VIX") : _("Equity"), ch);
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, pdf->margin, pdf->y);
  alvh_report_draw_chart (r, pdf->cr, pdf->content_w, ch);
  cairo_restore (pdf->cr);
  pdf->y += ch + 2;
  if (r->kind == ALVH_REPORT_KIND_JOURNAL)
    pdf_paragraph (pdf, _("Shaded: the report's period. Triangles: hedge legs added (L = layer, M = manual)."),
                   pdf->font_italic, 0, 0x666666);
}

/* Every decision with its signal snapshot, then the journal notes */
static void
pdf_decisions_and_notes (Pdf *pdf)
{
  AlvhReport *r = pdf->report;

  pdf_heading (pdf, _("Hedge decisions"), 40);
  if (r->decisions->len == 0)
    pdf_paragraph (pdf, _("None in this period."), pdf->font_italic, 0, 0x666666);
  for (guint k = 0; k < r->decisions->len; k++)
    {
      const AlvhDecision *d = g_ptr_array_index (r->decisions, k);
      g_autofree char *head = _alvh_report_decision_heading (d);
      g_autofree char *details = _alvh_report_decision_details (d);
      g_autoptr(AlvhReportTable) st = _alvh_report_signal_table (d);
      g_autoptr(PangoLayout) hl = pdf_layout (pdf, head, pdf->font_bold, pdf->content_w, PANGO_ALIGN_LEFT);

      pdf->y += 5;
      pdf_need (pdf, layout_height (hl) + 70);
      set_rgb (pdf->cr, 0x1a1a1a, 1);
      pdf_show (pdf, hl, pdf->margin, pdf->y);
      pdf->y += layout_height (hl) + 1;
      pdf_paragraph (pdf, details, pdf->font, 0, 0x333333);
      pdf->y += 2;
      pdf_table (pdf, st, NULL);
      if (d->explanation != NULL && d->explanation[0] != '\0')
        pdf_paragraph (pdf, d->explanation, pdf->font_italic, 0, 0x333333);
    }
  pdf_heading (pdf, _("Journal notes"), 40);
  if (r->notes->len == 0)
    pdf_paragraph (pdf, _("None in this period."), pdf->font_italic, 0, 0x666666);
  for (guint k = 0; k < r->notes->len; k++)
    {
      const AlvhJournalEntry *e = g_ptr_array_index (r->notes, k);
      g_autofree char *meta = _alvh_report_note_meta (e);
      const char *title = e->title != NULL && e->title[0] != '\0' ? e->title : _("(untitled)");

      pdf->y += 4;
      pdf_need (pdf, 36);
      pdf_paragraph (pdf, title, pdf->font_bold, 0, 0x1a1a1a);
      pdf_paragraph (pdf, meta, pdf->font_small, 0, 0x666666);
      if (e->body != NULL && e->body[0] != '\0')
        pdf_paragraph (pdf, e->body, pdf->font, 8, 0x222222);
    }
}

/* The profile's key=value lines, in two columns */
static void
pdf_profile (Pdf        *pdf,
             const char *profile)
{
  AlvhReport *r = pdf->report;
  guint n = g_strv_length (r->profile_lines);
  guint half = (n + 1) / 2;
  double col_w = pdf->content_w / 2;

  /* keep the block on one page when it fits */
  pdf_heading (pdf, _("Rule profile"), MIN (20 + half * 9.5, pdf->bottom - pdf->top - 40));
  pdf_paragraph (pdf, profile, pdf->font_bold, 0, 0x1a1a1a);
  pdf->y += 2;
  for (guint i = 0; i < half; i++)
    {
      g_autoptr(PangoLayout) a = pdf_layout (pdf, r->profile_lines[i], pdf->font_mono, col_w - 6, PANGO_ALIGN_LEFT);
      g_autoptr(PangoLayout) b = i + half < n
        ? pdf_layout (pdf, r->profile_lines[i + half], pdf->font_mono, col_w - 6, PANGO_ALIGN_LEFT) : NULL;
      double h = MAX (layout_height (a), b != NULL ? layout_height (b) : 0);

      pdf_need (pdf, h);
      set_rgb (pdf->cr, 0x222222, 1);
      pdf_show (pdf, a, pdf->margin, pdf->y);
      if (b != NULL)
        pdf_show (pdf, b, pdf->margin + col_w, pdf->y);
      pdf->y += h;
    }
  if (n == 0)
    pdf_paragraph (pdf, _("The profile's values are not known."), pdf->font_italic, 0, 0x666666);
}

static void
pdf_document (Pdf *pdf)
{
  AlvhReport *r = pdf->report;
  g_autofree char *period = alvh_report_dup_period_text (r);
  g_autofree char *profile = alvh_report_dup_profile_text (r);

  pdf_new_page (pdf);
  pdf_title_block (pdf, period, profile);
  for (guint i = 0; i < r->tables->len; i++)
    {
      AlvhReportTable *t = g_ptr_array_index (r->tables, i);

      if (!t->in_document)
        continue;
      pdf_table (pdf, t, t->title);
      if (g_strcmp0 (t->id, "summary") == 0)
        pdf_chart (pdf);
      if (g_strcmp0 (t->id, "legs") == 0 && r->kind == ALVH_REPORT_KIND_JOURNAL)
        pdf_decisions_and_notes (pdf);
    }
  pdf_profile (pdf, profile);
  cairo_show_page (pdf->cr);
}

static cairo_status_t
discard_write (void                *closure G_GNUC_UNUSED,
               const unsigned char *data G_GNUC_UNUSED,
               unsigned int         length G_GNUC_UNUSED)
{
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
bytes_write (void                *closure,
             const unsigned char *data,
             unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static guint
pdf_pass (AlvhReport        *report,
          double             page_w,
          double             page_h,
          guint              total_pages,
          cairo_write_func_t write_func,
          gpointer           closure,
          cairo_status_t    *out_status)
{
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (write_func, closure, page_w, page_h);
  g_autofree char *period = alvh_report_dup_period_text (report);
  g_autofree char *profile = alvh_report_dup_profile_text (report);
  g_autofree char *generated = alvh_format_date (report->generated);
  Pdf pdf = { 0 };
  guint pages;

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "ALVH Desk");
  pdf.cr = cairo_create (surface);
  pdf.report = report;
  pdf.page_w = page_w;
  pdf.page_h = page_h;
  pdf.margin = 40;
  pdf.content_w = page_w - 2 * pdf.margin;
  pdf.top = pdf.margin + 26;
  pdf.bottom = page_h - pdf.margin - 20;
  pdf.total_pages = total_pages;
  pdf.header_left = g_strdup (report->title);
  pdf.header_right = g_strdup_printf ("%s · %s", period, profile);
  pdf.footer_left = g_strdup_printf (_("ALVH Desk · generated %s New York time"), generated);
  pdf.font = make_font (FONT_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  pdf.font_small = make_font (FONT_FAMILY, 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  pdf.font_small_bold = make_font (FONT_FAMILY, 7.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  pdf.font_tiny = make_font (FONT_FAMILY, 6.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  pdf.font_tiny_bold = make_font (FONT_FAMILY, 6.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  pdf.font_bold = make_font (FONT_FAMILY, 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  pdf.font_heading = make_font (FONT_FAMILY, 12, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  pdf.font_title = make_font (FONT_FAMILY, 17, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  pdf.font_mono = make_font (MONO_FAMILY, 7.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  pdf.font_italic = make_font (FONT_FAMILY, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC);

  pdf_document (&pdf);
  pages = pdf.page;

  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  *out_status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  g_free (pdf.header_left);
  g_free (pdf.header_right);
  g_free (pdf.footer_left);
  pango_font_description_free (pdf.font);
  pango_font_description_free (pdf.font_small);
  pango_font_description_free (pdf.font_small_bold);
  pango_font_description_free (pdf.font_tiny);
  pango_font_description_free (pdf.font_tiny_bold);
  pango_font_description_free (pdf.font_bold);
  pango_font_description_free (pdf.font_heading);
  pango_font_description_free (pdf.font_title);
  pango_font_description_free (pdf.font_mono);
  pango_font_description_free (pdf.font_italic);
  return pages;
}

GBytes *
alvh_report_render_pdf_bytes (AlvhReport       *report,
                              AlvhReportPaper   paper,
                              guint            *out_n_pages,
                              GError          **error)
{
  double w = paper == ALVH_REPORT_PAPER_LETTER ? 612 : 595.276;
  double h = paper == ALVH_REPORT_PAPER_LETTER ? 792 : 841.89;
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_status_t status;
  guint pages, pages2 = 0;

  g_return_val_if_fail (report != NULL, NULL);

  /* pass 1 counts the pages, pass 2 writes "Page n of m" */
  pages = pdf_pass (report, w, h, 0, discard_write, NULL, &status);
  if (status == CAIRO_STATUS_SUCCESS)
    pages2 = pdf_pass (report, w, h, pages, bytes_write, bytes, &status);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Cannot draw the PDF: %s"),
                   cairo_status_to_string (status));
      return NULL;
    }
  if (pages2 != pages)
    g_warning ("PDF layout gave %u pages, then %u", pages, pages2);
  if (out_n_pages != NULL)
    *out_n_pages = pages2;
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/* ---- CSV ---------------------------------------------------------------- */

char *
alvh_report_render_csv_table (AlvhReportTable *table)
{
  GString *out = g_string_new (NULL);

  for (gint r = -1; r < (gint) table->rows->len; r++)
    {
      char **cells = r < 0 ? table->columns : g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        {
          g_autofree char *cell = alvh_report_escape_csv_cell (cells[c]);

          if (c > 0)
            g_string_append_c (out, ',');
          g_string_append (out, cell);
        }
      g_string_append (out, "\r\n");
    }
  return g_string_free (out, FALSE);
}

static char *
csv_path_for (const char *path,
              gboolean    folder,
              const char *id)
{
  g_autofree char *stem = NULL;

  if (folder)
    {
      g_autofree char *name = g_strdup_printf ("%s.csv", id);

      return g_build_filename (path, name, NULL);
    }
  if (strcmp (id, "summary") == 0)
    return g_strdup (path);
  stem = g_strdup (path);
  if (g_str_has_suffix (stem, ".csv") || g_str_has_suffix (stem, ".CSV"))
    stem[strlen (stem) - 4] = '\0';
  return g_strdup_printf ("%s-%s.csv", stem, id);
}

gboolean
alvh_report_write (AlvhReport        *report,
                   const char        *path,
                   AlvhReportFormat   format,
                   AlvhReportPaper    paper,
                   char            ***out_files,
                   GError           **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (report != NULL && path != NULL, FALSE);

  switch (format)
    {
    case ALVH_REPORT_FORMAT_PDF:
      {
        g_autoptr(GBytes) bytes = alvh_report_render_pdf_bytes (report, paper, NULL, error);
        gsize len;
        const char *data;

        if (bytes == NULL)
          return FALSE;
        data = g_bytes_get_data (bytes, &len);
        if (!write_file (path, data, len, error))
          return FALSE;
        g_ptr_array_add (written, g_strdup (path));
        break;
      }
    case ALVH_REPORT_FORMAT_HTML:
      {
        g_autofree char *html = alvh_report_render_html_string (report);

        if (!write_file (path, html, strlen (html), error))
          return FALSE;
        g_ptr_array_add (written, g_strdup (path));
        break;
      }
    case ALVH_REPORT_FORMAT_CSV:
    default:
      {
        gboolean folder = g_file_test (path, G_FILE_TEST_IS_DIR);

        for (guint i = 0; i < report->tables->len; i++)
          {
            AlvhReportTable *t = g_ptr_array_index (report->tables, i);
            g_autofree char *file = csv_path_for (path, folder, t->id);
            g_autofree char *csv = alvh_report_render_csv_table (t);

            if (!write_file (file, csv, strlen (csv), error))
              return FALSE;
            g_ptr_array_add (written, g_steal_pointer (&file));
          }
        break;
      }
    }
  if (out_files != NULL)
    {
      g_ptr_array_add (written, NULL);
      *out_files = (char **) g_ptr_array_free (g_steal_pointer (&written), FALSE);
    }
  return TRUE;
}
