/* alvh-chart-palette.c — light and dark chart colours (GNOME palette) */
#define G_LOG_DOMAIN "alvh-chart"

#include "alvh-chart-palette.h"

#define RGB(x) { ((x) >> 16 & 0xff) / 255.0, ((x) >> 8 & 0xff) / 255.0, ((x) & 0xff) / 255.0, 1.0 }
#define RGBA(x, al) { ((x) >> 16 & 0xff) / 255.0, ((x) >> 8 & 0xff) / 255.0, ((x) & 0xff) / 255.0, al }

static const AlvhChartPalette light_palette = {
  .dark = FALSE,
  .background = RGB (0xffffff),
  .pane_border = RGBA (0x000000, 0.18),
  .grid = RGBA (0x000000, 0.07),
  .text = RGB (0x2e3436),
  .text_dim = RGBA (0x2e3436, 0.65),
  .crosshair = RGBA (0x241f31, 0.55),
  .label_background = RGB (0x3d3846),
  .shading = RGBA (0xe66100, 0.13),
  .colors = {
    [ALVH_CHART_COLOR_FOREGROUND] = RGB (0x241f31),
    [ALVH_CHART_COLOR_UP] = RGB (0x26a269),
    [ALVH_CHART_COLOR_DOWN] = RGB (0xc01c28),
    [ALVH_CHART_COLOR_BLUE] = RGB (0x1c71d8),
    [ALVH_CHART_COLOR_ORANGE] = RGB (0xe66100),
    [ALVH_CHART_COLOR_PURPLE] = RGB (0x813d9c),
    [ALVH_CHART_COLOR_TEAL] = RGB (0x1a7f86),
    [ALVH_CHART_COLOR_YELLOW] = RGB (0xc88800),
    [ALVH_CHART_COLOR_RED] = RGB (0xe01b24),
    [ALVH_CHART_COLOR_GREEN] = RGB (0x2ec27e),
    [ALVH_CHART_COLOR_GRAY] = RGB (0x77767b),
  },
};

static const AlvhChartPalette dark_palette = {
  .dark = TRUE,
  .background = RGB (0x1e1e1e),
  .pane_border = RGBA (0xffffff, 0.18),
  .grid = RGBA (0xffffff, 0.07),
  .text = RGB (0xdeddda),
  .text_dim = RGBA (0xdeddda, 0.65),
  .crosshair = RGBA (0xffffff, 0.55),
  .label_background = RGB (0x5e5c64),
  .shading = RGBA (0xffa348, 0.16),
  .colors = {
    [ALVH_CHART_COLOR_FOREGROUND] = RGB (0xf6f5f4),
    [ALVH_CHART_COLOR_UP] = RGB (0x33d17a),
    [ALVH_CHART_COLOR_DOWN] = RGB (0xf66151),
    [ALVH_CHART_COLOR_BLUE] = RGB (0x62a0ea),
    [ALVH_CHART_COLOR_ORANGE] = RGB (0xffa348),
    [ALVH_CHART_COLOR_PURPLE] = RGB (0xc061cb),
    [ALVH_CHART_COLOR_TEAL] = RGB (0x5bc8af),
    [ALVH_CHART_COLOR_YELLOW] = RGB (0xf8e45c),
    [ALVH_CHART_COLOR_RED] = RGB (0xff7b63),
    [ALVH_CHART_COLOR_GREEN] = RGB (0x8ff0a4),
    [ALVH_CHART_COLOR_GRAY] = RGB (0x9a9996),
  },
};

/**
 * alvh_chart_palette_get:
 * @dark: whether the dark colours are wanted
 *
 * Returns: (transfer none): the static light or dark palette
 */
const AlvhChartPalette *
alvh_chart_palette_get (gboolean dark)
{
  return dark ? &dark_palette : &light_palette;
}

/**
 * alvh_chart_rgba_set_source:
 * @rgba: a colour
 * @cr: the context
 *
 * Makes @rgba the source of @cr.
 */
void
alvh_chart_rgba_set_source (const AlvhChartRgba *rgba,
                            cairo_t             *cr)
{
  cairo_set_source_rgba (cr, rgba->r, rgba->g, rgba->b, rgba->a);
}

/**
 * alvh_chart_palette_set_source:
 * @palette: a palette
 * @cr: the context
 * @color: a colour role (unknown roles use the foreground)
 * @alpha: multiplies the colour's alpha
 *
 * Makes the palette's colour for @color the source of @cr.
 */
void
alvh_chart_palette_set_source (const AlvhChartPalette *palette,
                               cairo_t                *cr,
                               AlvhChartColor          color,
                               double                  alpha)
{
  const AlvhChartRgba *c;

  if ((guint) color >= ALVH_CHART_N_COLORS)
    color = ALVH_CHART_COLOR_FOREGROUND;
  c = &palette->colors[color];
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a * alpha);
}
