/* alvh-chart-hit.c — hit-testing (bar and value under the pointer, pane
 * separators, markers), the crosshair and the read-out text */
#define G_LOG_DOMAIN "alvh-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>
#include "alvh-format.h"
#include "alvh-time.h"
#include "alvh-chart-private.h"

/* ---- hit-testing ----------------------------------------------------- */

/**
 * alvh_chart_index_at_x:
 * @self: a chart
 * @x: an x in the chart
 *
 * Returns: the bar under @x (clamped to the timeline), or -1 without bars
 */
gssize
alvh_chart_index_at_x (AlvhChart *self,
                       double     x)
{
  double i;

  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  if (self->n == 0)
    return -1;
  i = floor (self->first + x / plot_width (self) * self->bars);
  return (gssize) CLAMP (i, 0.0, (double) self->n - 1);
}

/**
 * alvh_chart_x_for_index:
 * @self: a chart
 * @index: a bar index (fractional)
 *
 * Returns: the x of the middle of bar @index
 */
double
alvh_chart_x_for_index (AlvhChart *self,
                        double     index)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), 0);
  return (index + 0.5 - self->first) * plot_width (self) / self->bars;
}


/**
 * alvh_chart_y_for_value:
 * @self: a chart
 * @pane: a pane index
 * @value: a value on its axis
 *
 * Returns: the y of @value in the pane at the last render, or NAN
 */
double
alvh_chart_y_for_value (AlvhChart *self,
                        guint      pane,
                        double     value)
{
  Pane *p = get_pane (self, pane);
  YMap m;

  if (p == NULL || !p->has_range)
    return NAN;
  pane_ymap (self, p, &m);
  return ymap_y (&m, value);
}

/**
 * alvh_chart_value_at_y:
 * @self: a chart
 * @pane: a pane index
 * @y: a y in the chart
 *
 * Returns: the value at @y on the pane's axis at the last render, or NAN
 */
double
alvh_chart_value_at_y (AlvhChart *self,
                       guint      pane,
                       double     y)
{
  Pane *p = get_pane (self, pane);
  YMap m;
  double t;

  if (p == NULL || !p->has_range)
    return NAN;
  pane_ymap (self, p, &m);
  t = m.hi - (y - m.top) / m.height * (m.hi - m.lo);
  return m.log ? pow (10, t) : t;
}

/**
 * alvh_chart_pane_at_y:
 * @self: a chart
 * @y: a y in the chart
 *
 * Returns: the visible pane at @y, or -1
 */
int
alvh_chart_pane_at_y (AlvhChart *self,
                      double     y)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *p = g_ptr_array_index (self->panes, i);
      if (p->visible && y >= p->y && y < p->y + p->height + PANE_GAP)
        return (int) i;
    }
  return -1;
}

/**
 * alvh_chart_separator_at_y:
 * @self: a chart
 * @y: a y in the chart
 *
 * Returns: the index k of the pane whose separator with the next visible pane is
 * near @y, or -1
 */
int
alvh_chart_separator_at_y (AlvhChart *self,
                           double     y)
{
  int last_visible = -1;

  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  for (guint i = 0; i < self->panes->len; i++)
    {
      Pane *p = g_ptr_array_index (self->panes, i);
      if (!p->visible)
        continue;
      if (last_visible >= 0 && fabs (y - p->y) <= 4.0)
        return last_visible;
      last_visible = (int) i;
    }
  return -1;
}

/**
 * alvh_chart_move_separator:
 * @self: a chart
 * @separator: from alvh_chart_separator_at_y()
 * @dy: pixels to move it by
 *
 * Moves a pane separator, changing the two panes' weights.
 */
void
alvh_chart_move_separator (AlvhChart *self,
                           int        separator,
                           double     dy)
{
  Pane *a = get_pane (self, (guint) separator), *b = NULL;
  double total_w, total_h, ha, hb;

  if (separator < 0 || a == NULL)
    return;
  for (guint i = (guint) separator + 1; i < self->panes->len; i++)
    {
      Pane *p = g_ptr_array_index (self->panes, i);
      if (p->visible)
        {
          b = p;
          break;
        }
    }
  if (b == NULL)
    return;
  total_w = a->weight + b->weight;
  total_h = a->height + b->height;
  if (total_h < 2 * MIN_PANE_HEIGHT)
    return;
  ha = CLAMP (a->height + dy, MIN_PANE_HEIGHT, total_h - MIN_PANE_HEIGHT);
  hb = total_h - ha;
  _alvh_chart_touch (self);
  a->weight = total_w * ha / total_h;
  b->weight = total_w * hb / total_h;
  _alvh_chart_layout_panes (self);
}

/**
 * alvh_chart_marker_at:
 * @self: a chart
 * @x: an x in the chart
 * @y: a y in the chart
 * @pane: (out) (optional): the marker's pane
 * @marker: (out) (optional): the marker's index in the pane
 *
 * Returns: whether a marker drawn at the last render is under (@x, @y)
 */
gboolean
alvh_chart_marker_at (AlvhChart *self,
                      double     x,
                      double     y,
                      guint     *pane,
                      guint     *marker)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), FALSE);
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pn = g_ptr_array_index (self->panes, p);
      if (!pn->visible)
        continue;
      for (guint i = 0; i < pn->markers->len; i++)
        {
          Marker *m = &g_array_index (pn->markers, Marker, i);
          if (m->drawn && fabs (m->x - x) <= MARKER_RADIUS + 2 && fabs (m->y - y) <= MARKER_RADIUS + 2)
            {
              if (pane)
                *pane = p;
              if (marker)
                *marker = i;
              return TRUE;
            }
        }
    }
  return FALSE;
}

/**
 * alvh_chart_get_marker_tooltip:
 * @self: a chart
 * @pane: a pane index
 * @marker: a marker index
 *
 * Returns: (transfer none) (nullable): the marker's tooltip, owned by @self
 */
const char *
alvh_chart_get_marker_tooltip (AlvhChart *self,
                               guint      pane,
                               guint      marker)
{
  Pane *p = get_pane (self, pane);
  if (p == NULL || marker >= p->markers->len)
    return NULL;
  return g_array_index (p->markers, Marker, marker).tooltip;
}

/**
 * alvh_chart_get_marker_position:
 * @self: a chart
 * @pane: a pane index
 * @marker: a marker index
 * @x: (out) (optional): where it was drawn
 * @y: (out) (optional): where it was drawn
 *
 * Returns: %FALSE when the marker was not drawn at the last render
 */
gboolean
alvh_chart_get_marker_position (AlvhChart *self,
                                guint      pane,
                                guint      marker,
                                double    *x,
                                double    *y)
{
  Pane *p = get_pane (self, pane);
  Marker *m;

  if (p == NULL || marker >= p->markers->len)
    return FALSE;
  m = &g_array_index (p->markers, Marker, marker);
  if (!m->drawn)
    return FALSE;
  if (x)
    *x = m->x;
  if (y)
    *y = m->y;
  return TRUE;
}

/**
 * alvh_chart_set_crosshair:
 * @self: a chart
 * @index: the bar under the pointer, or -1 for none
 * @y: the pointer's y (< 0: no horizontal line)
 *
 * Sets the crosshair; the legend shows the values at its bar.
 */
void
alvh_chart_set_crosshair (AlvhChart *self,
                          gssize     index,
                          double     y)
{
  g_return_if_fail (ALVH_IS_CHART (self));
  if (index >= (gssize) self->n)
    index = (gssize) self->n - 1;
  self->crosshair = index;
  self->crosshair_y = y;
}

/**
 * alvh_chart_get_crosshair:
 * @self: a chart
 *
 * Returns: the crosshair's bar, or -1
 */
gssize
alvh_chart_get_crosshair (AlvhChart *self)
{
  g_return_val_if_fail (ALVH_IS_CHART (self), -1);
  return self->crosshair;
}

/* ---- text ------------------------------------------------------------ */

static void
append_value (GString *s,
              double   v,
              int      decimals)
{
  if (isfinite (v))
    {
      /* as the one formatter writes numbers on screen: "5,746.26", "−0.090" */
      g_autofree char *text = alvh_format_number (v, CLAMP (decimals, 0, 10), ALVH_FORMAT_SCREEN);

      g_string_append (s, text);
    }
  else
    g_string_append (s, "–");
}

/* "LABEL value" of @series at bar @i, appended to @s */
void
_alvh_chart_format_series_value (GString *s,
                                 Series  *series,
                                 gsize    i)
{
  if (series->label && *series->label)
    g_string_append_printf (s, "%s ", series->label);
  switch (series->kind)
    {
    case ALVH_CHART_SERIES_CANDLES:
    case ALVH_CHART_SERIES_OHLC:
      g_string_append (s, "O ");
      append_value (s, series->v[0][i], series->decimals);
      g_string_append (s, " H ");
      append_value (s, series->v[1][i], series->decimals);
      g_string_append (s, " L ");
      append_value (s, series->v[2][i], series->decimals);
      g_string_append (s, " C ");
      append_value (s, series->v[3][i], series->decimals);
      if (i > 0 && isfinite (series->v[3][i - 1]) && series->v[3][i - 1] != 0 && isfinite (series->v[3][i]))
        {
          g_autofree char *change = alvh_format_signed_percent (series->v[3][i] / series->v[3][i - 1] - 1.0, 2);

          g_string_append_printf (s, " (%s)", change);
        }
      break;
    case ALVH_CHART_SERIES_BAND:
      append_value (s, series->v[0][i], series->decimals);
      g_string_append (s, "–");
      append_value (s, series->v[1][i], series->decimals);
      break;
    case ALVH_CHART_SERIES_LINE:
    case ALVH_CHART_SERIES_HISTOGRAM:
    default:
      append_value (s, series->v[0][i], series->decimals);
      break;
    }
}

/* The date of @t in New York, with the time of day when it is not midnight */
char *
_alvh_chart_format_date (gint64 t)
{
  int y, m, d;
  gint64 local = t + alvh_ny_utc_offset (t);
  gint64 sod = ((local % 86400) + 86400) % 86400;

  alvh_time_to_ny_date (t, &y, &m, &d);
  if (sod == 0)
    return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return g_strdup_printf ("%04d-%02d-%02d %02d:%02d", y, m, d, (int) (sod / 3600), (int) (sod / 60 % 60));
}

/**
 * alvh_chart_format_readout:
 * @self: a chart
 * @index: a bar index
 *
 * The date of bar @index, then one line per visible pane with the values of its
 * series.
 *
 * Returns: (transfer full): the read-out; empty for an index outside the timeline
 */
char *
alvh_chart_format_readout (AlvhChart *self,
                           gssize     index)
{
  GString *s;
  g_autofree char *date = NULL;

  g_return_val_if_fail (ALVH_IS_CHART (self), NULL);
  if (index < 0 || (gsize) index >= self->n)
    return g_strdup ("");

  date = _alvh_chart_format_date (self->times[index]);
  s = g_string_new (date);
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      gboolean any = FALSE;

      if (!pane->visible)
        continue;
      for (guint k = 0; k < pane->series->len; k++)
        {
          Series *series = g_ptr_array_index (pane->series, k);
          if (series->flags & ALVH_CHART_SERIES_FLAG_NO_LEGEND)
            continue;
          g_string_append (s, any ? "  " : "\n");
          if (!any && pane->title && *pane->title)
            g_string_append_printf (s, "%s: ", pane->title);
          _alvh_chart_format_series_value (s, series, (gsize) index);
          any = TRUE;
        }
    }
  return g_string_free (s, FALSE);
}

/**
 * alvh_chart_describe:
 * @self: a chart
 *
 * A description for screen readers: the panes, the visible dates and the latest
 * visible values, on one line.
 *
 * Returns: (transfer full): the description
 */
char *
alvh_chart_describe (AlvhChart *self)
{
  GString *s;
  gssize i0, i1;

  g_return_val_if_fail (ALVH_IS_CHART (self), NULL);
  s = g_string_new (NULL);
  if (self->n == 0)
    {
      g_string_append (s, _("No data."));
      return g_string_free (s, FALSE);
    }
  for (guint p = 0; p < self->panes->len; p++)
    {
      Pane *pane = g_ptr_array_index (self->panes, p);
      if (!pane->visible)
        continue;
      if (s->len)
        g_string_append (s, "; ");
      /* TRANSLATORS: a chart pane, e.g. "SPX pane" */
      g_string_append_printf (s, _("%s pane"), pane->title ? pane->title : "");
      if (pane->series->len)
        {
          g_string_append (s, " (");
          for (guint k = 0; k < pane->series->len; k++)
            {
              Series *series = g_ptr_array_index (pane->series, k);
              g_string_append_printf (s, "%s%s", k ? ", " : "", series->label ? series->label : "");
            }
          g_string_append (s, ")");
        }
    }
  i0 = (gssize) CLAMP (ceil (self->first), 0.0, (double) self->n - 1);
  i1 = (gssize) CLAMP (floor (self->first + self->bars - 1), 0.0, (double) self->n - 1);
  {
    g_autofree char *d0 = _alvh_chart_format_date (self->times[i0]);
    g_autofree char *d1 = _alvh_chart_format_date (self->times[i1]);
    g_autofree char *latest = alvh_chart_format_readout (self, i1);
    g_string_append (s, ". ");
    /* TRANSLATORS: first date, last date, number of bars, the values at the last bar */
    g_string_append_printf (s, _("Visible %s to %s (%zd bars). Latest visible: %s"),
                            d0, d1, i1 - i0 + 1, latest);
  }
  for (gsize i = 0; i < s->len; i++)
    if (s->str[i] == '\n')
      s->str[i] = ';';
  return g_string_free (s, FALSE);
}

/**
 * alvh_chart_pane_get_rects:
 * @self: a chart
 * @pane: a pane
 * @kind: which of the pane's text
 * @rects: (out caller-allocates) (array length=max): where to put them
 * @max: the room in @rects
 *
 * Where the last render drew the pane's value tags, level labels or price
 * tick labels, in the chart's coordinates.
 *
 * Returns: how many there were (may exceed @max)
 */
guint
alvh_chart_pane_get_rects (AlvhChart         *self,
                           guint              pane,
                           AlvhChartRectKind  kind,
                           AlvhChartRect     *rects,
                           guint              max)
{
  const AlvhChartRect *from;
  Pane *p;
  guint n;

  g_return_val_if_fail (ALVH_IS_CHART (self), 0);
  p = get_pane (self, pane);
  if (p == NULL)
    return 0;
  switch (kind)
    {
    case ALVH_CHART_RECTS_VALUE_TAGS:
      from = p->tag_rects;
      n = p->n_tag_rects;
      break;
    case ALVH_CHART_RECTS_LEVEL_LABELS:
      from = p->label_rects;
      n = p->n_label_rects;
      break;
    case ALVH_CHART_RECTS_PRICE_LABELS:
      from = p->tick_rects;
      n = p->n_tick_rects;
      break;
    default:
      g_return_val_if_reached (0);
    }
  for (guint k = 0; k < MIN (max, n); k++)
    rects[k] = from[k];
  return n;
}
