/* alvh-chart-text.c — chart text through Pango */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <pango/pangocairo.h>

#include "alvh-chart-text.h"

static PangoLayout *
make_layout (cairo_t             *cr,
             const AlvhChartFont *font,
             const char          *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font->family != NULL ? font->family : "Sans");

  pango_font_description_set_absolute_size (desc, font->size * PANGO_SCALE);
  if (font->bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/**
 * alvh_chart_text_show:
 * @cr: the context to draw on, with its source set to the text colour
 * @font: the font
 * @text: (not nullable): UTF-8 text, one line
 * @x: anchor x
 * @y: anchor y
 * @xalign: 0 puts the text right of @x, 0.5 centres it on @x, 1 ends it at @x
 * @yalign: 0 puts the text's top at @y, 0.5 its middle, 1 its bottom
 *
 * Draws @text with Pango at the anchor.
 */
void
alvh_chart_text_show (cairo_t             *cr,
                      const AlvhChartFont *font,
                      const char          *text,
                      double               x,
                      double               y,
                      double               xalign,
                      double               yalign)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  g_return_if_fail (cr != NULL && font != NULL && text != NULL);

  layout = make_layout (cr, font, text);
  pango_layout_get_size (layout, &w, &h);
  cairo_move_to (cr, x - xalign * w / PANGO_SCALE, y - yalign * h / PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
}

/**
 * alvh_chart_text_width:
 * @cr: the context the text will be drawn on
 * @font: the font
 * @text: (not nullable): UTF-8 text, one line
 *
 * Returns: the width @text takes in @font, in user units
 */
double
alvh_chart_text_width (cairo_t             *cr,
                       const AlvhChartFont *font,
                       const char          *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  int w, h;

  g_return_val_if_fail (cr != NULL && font != NULL && text != NULL, 0);

  layout = make_layout (cr, font, text);
  pango_layout_get_size (layout, &w, &h);
  return (double) w / PANGO_SCALE;
}
