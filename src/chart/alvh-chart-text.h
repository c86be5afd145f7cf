/* alvh-chart-text.h — chart text through Pango (labels, titles, legends)
 *
 * Pango lays the text out, so any script and the user's fonts work; the
 * anchor puts the text's box left, centred or right of x and above,
 * around or below y.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

/* A font for chart text (plain data) */
typedef struct
{
  const char *family;   /* Pango family list, e.g. "Sans"; NULL: "Sans" */
  double      size;     /* absolute size in user units (points in a PDF, pixels on screen) */
  gboolean    bold;
} AlvhChartFont;

void    alvh_chart_text_show   (cairo_t             *cr,
                                const AlvhChartFont *font,
                                const char          *text,
                                double               x,
                                double               y,
                                double               xalign,
                                double               yalign);
double  alvh_chart_text_width  (cairo_t             *cr,
                                const AlvhChartFont *font,
                                const char          *text);

G_END_DECLS
