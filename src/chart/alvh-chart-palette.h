/* alvh-chart-palette.h — the colours of a chart, light and dark
 *
 * Plain RGBA doubles so that the drawing code needs nothing but Cairo.
 */
#pragma once

#include <glib.h>
#include <cairo.h>

G_BEGIN_DECLS

typedef struct
{
  double r, g, b, a;
} AlvhChartRgba;

/* Colour roles a series, level or marker can ask for */
typedef enum
{
  ALVH_CHART_COLOR_FOREGROUND,
  ALVH_CHART_COLOR_UP,
  ALVH_CHART_COLOR_DOWN,
  ALVH_CHART_COLOR_BLUE,
  ALVH_CHART_COLOR_ORANGE,
  ALVH_CHART_COLOR_PURPLE,
  ALVH_CHART_COLOR_TEAL,
  ALVH_CHART_COLOR_YELLOW,
  ALVH_CHART_COLOR_RED,
  ALVH_CHART_COLOR_GREEN,
  ALVH_CHART_COLOR_GRAY,
  ALVH_CHART_N_COLORS
} AlvhChartColor;

typedef struct
{
  gboolean      dark;
  AlvhChartRgba background;
  AlvhChartRgba pane_border;
  AlvhChartRgba grid;
  AlvhChartRgba text;
  AlvhChartRgba text_dim;
  AlvhChartRgba crosshair;
  AlvhChartRgba label_background;
  AlvhChartRgba shading;
  AlvhChartRgba colors[ALVH_CHART_N_COLORS];
} AlvhChartPalette;

const AlvhChartPalette *alvh_chart_palette_get         (gboolean                dark);
void                    alvh_chart_palette_set_source  (const AlvhChartPalette *palette,
                                                        cairo_t                *cr,
                                                        AlvhChartColor          color,
                                                        double                  alpha);
void                    alvh_chart_rgba_set_source     (const AlvhChartRgba    *rgba,
                                                        cairo_t                *cr);

/* The font every chart uses (Cairo toy text API) */
#define ALVH_CHART_FONT "Cantarell"

G_END_DECLS
