/* alvh-equity-view.c — one or two lines over time, drawn with Cairo */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "alvh-core.h"
#include "alvh-equity-view.h"

struct _AlvhEquityView
{
  GtkWidget  parent_instance;
  gsize      n;
  gint64    *times;
  double    *a;
  double    *b;
  char      *label_a;
  char      *label_b;
  gint64     marker;
  gboolean   money;
  GdkRGBA    fg;
};

G_DEFINE_FINAL_TYPE (AlvhEquityView, alvh_equity_view, GTK_TYPE_WIDGET)

static double
nice_step (double range,
           int    max_ticks)
{
  double raw = range / MAX (1, max_ticks);
  double mag = pow (10, floor (log10 (raw)));
  double f = raw / mag;

  if (f <= 1)
    return mag;
  if (f <= 2)
    return 2 * mag;
  if (f <= 5)
    return 5 * mag;
  return 10 * mag;
}

static void
format_value (AlvhEquityView *self,
              double          v,
              char           *buf,
              gsize           len)
{
  if (self->money)
    {
      double a = fabs (v);
      const char *sign = v < 0 ? "\u2212" : "";

      if (a >= 1e6)
        g_snprintf (buf, len, "%s$%.1fM", sign, a / 1e6);
      else if (a >= 1e4)
        g_snprintf (buf, len, "%s$%.0fk", sign, a / 1e3);
      else
        g_snprintf (buf, len, "%s$%.0f", sign, a);
    }
  else
    g_snprintf (buf, len, "%.0f", v);
}

static void
set_rgb (cairo_t *cr,
         int      which,
         gboolean dark)
{
  /* GNOME palette: blue 3 / orange 3 in light, lighter in dark */
  if (which == 0)
    dark ? cairo_set_source_rgb (cr, 0.47, 0.68, 0.98) : cairo_set_source_rgb (cr, 0.11, 0.44, 0.85);
  else
    dark ? cairo_set_source_rgb (cr, 1.0, 0.64, 0.28) : cairo_set_source_rgb (cr, 0.90, 0.38, 0.0);
}

static void
draw (AlvhEquityView *self,
      cairo_t        *cr,
      int             width,
      int             height)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const double left = 64, right = 12, top = 28, bottom = 24;
  double pw = width - left - right, ph = height - top - bottom;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE, step;
  const double *lines[2] = { self->a, self->b };
  const char *labels[2] = { self->label_a, self->label_b };
  char buf[32];
  double lx;
  int last_year = G_MININT;

  cairo_select_font_face (cr, "Cantarell", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);

  if (self->n < 2 || pw < 20 || ph < 20)
    {
      cairo_text_extents_t ext;
      const char *text = _("No data");

      cairo_set_source_rgba (cr, self->fg.red, self->fg.green, self->fg.blue, 0.5);
      cairo_text_extents (cr, text, &ext);
      cairo_move_to (cr, (width - ext.width) / 2, height / 2.0);
      cairo_show_text (cr, text);
      return;
    }

  for (int k = 0; k < 2; k++)
    for (gsize i = 0; lines[k] != NULL && i < self->n; i++)
      if (isfinite (lines[k][i]))
        {
          lo = MIN (lo, lines[k][i]);
          hi = MAX (hi, lines[k][i]);
        }
  if (lo > hi)
    lo = 0, hi = 1;
  if (hi - lo < 1e-9)
    lo -= 1, hi += 1;
  step = nice_step (hi - lo, MAX (2, (int) (ph / 40)));
  lo = floor (lo / step) * step;
  hi = ceil (hi / step) * step;

#define X(i) (left + pw * (double) (i) / (double) (self->n - 1))
#define Y(v) (top + ph * (1.0 - ((v) - lo) / (hi - lo)))

  /* grid and value labels */
  cairo_set_line_width (cr, 1);
  for (double v = lo; v <= hi + step / 2; v += step)
    {
      double y = round (Y (v)) + 0.5;

      cairo_set_source_rgba (cr, self->fg.red, self->fg.green, self->fg.blue, fabs (v) < step / 2 && lo < 0 ? 0.35 : 0.1);
      cairo_move_to (cr, left, y);
      cairo_line_to (cr, left + pw, y);
      cairo_stroke (cr);
      format_value (self, fabs (v) < step / 1e6 ? 0 : v, buf, sizeof buf);
      cairo_set_source_rgba (cr, self->fg.red, self->fg.green, self->fg.blue, 0.65);
      {
        cairo_text_extents_t ext;
        cairo_text_extents (cr, buf, &ext);
        cairo_move_to (cr, left - 6 - ext.x_advance, y + 4);
        cairo_show_text (cr, buf);
      }
    }

  /* year (or month) labels along the time axis */
  {
    double span_days = (double) (self->times[self->n - 1] - self->times[0]) / 86400.0;
    gboolean months = span_days < 500;
    double last_x = -1e9;

    for (gsize i = 0; i < self->n; i++)
      {
        int y, m, d, key;

        alvh_time_to_ny_date (self->times[i], &y, &m, &d);
        key = months ? y * 12 + m : y;
        if (key != last_year)
          {
            double x = X (i);

            if (last_year != G_MININT && x - last_x > 48)
              {
                static const char *abbrev[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
                if (months && m == 1)
                  g_snprintf (buf, sizeof buf, "%d", y);
                else if (months)
                  g_snprintf (buf, sizeof buf, "%s", abbrev[m - 1]);
                else
                  g_snprintf (buf, sizeof buf, "%d", y);
                cairo_set_source_rgba (cr, self->fg.red, self->fg.green, self->fg.blue, 0.1);
                cairo_move_to (cr, round (x) + 0.5, top);
                cairo_line_to (cr, round (x) + 0.5, top + ph);
                cairo_stroke (cr);
                cairo_set_source_rgba (cr, self->fg.red, self->fg.green, self->fg.blue, 0.65);
                cairo_move_to (cr, x + 3, top + ph + 16);
                cairo_show_text (cr, buf);
                last_x = x;
              }
            last_year = key;
          }
      }
  }

  /* marker */
  if (self->marker != 0 && self->marker >= self->times[0] && self->marker <= self->times[self->n - 1])
    {
      gsize i = 0;

      while (i + 1 < self->n && self->times[i + 1] <= self->marker)
        i++;
      cairo_set_source_rgba (cr, self->fg.red, self->fg.green, self->fg.blue, 0.45);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      cairo_move_to (cr, round (X (i)) + 0.5, top);
      cairo_line_to (cr, round (X (i)) + 0.5, top + ph);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* lines: b first so that a is on top */
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width (cr, 1.6);
  for (int k = 1; k >= 0; k--)
    {
      gboolean pen = FALSE;

      if (lines[k] == NULL)
        continue;
      for (gsize i = 0; i < self->n; i++)
        {
          double v = lines[k][i];

          if (!isfinite (v))
            {
              pen = FALSE;
              continue;
            }
          if (pen)
            cairo_line_to (cr, X (i), Y (v));
          else
            cairo_move_to (cr, X (i), Y (v));
          pen = TRUE;
        }
      set_rgb (cr, k, dark);
      cairo_stroke (cr);
    }

  /* legend */
  lx = left + 4;
  for (int k = 0; k < 2; k++)
    {
      cairo_text_extents_t ext;

      if (lines[k] == NULL || labels[k] == NULL)
        continue;
      set_rgb (cr, k, dark);
      cairo_rectangle (cr, lx, 10, 14, 4);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &self->fg);
      cairo_move_to (cr, lx + 18, 16);
      cairo_show_text (cr, labels[k]);
      cairo_text_extents (cr, labels[k], &ext);
      lx += 18 + ext.x_advance + 16;
    }
#undef X
#undef Y
}

static void
alvh_equity_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  AlvhEquityView *self = ALVH_EQUITY_VIEW (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (w <= 0 || h <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  draw (self, cr, w, h);
  cairo_destroy (cr);
}

static void
alvh_equity_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  AlvhEquityView *self = ALVH_EQUITY_VIEW (widget);

  GTK_WIDGET_CLASS (alvh_equity_view_parent_class)->css_changed (widget, change);
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &self->fg);
G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_widget_queue_draw (widget);
}

static void
alvh_equity_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 600 : 240;
}

static void
alvh_equity_view_finalize (GObject *object)
{
  AlvhEquityView *self = ALVH_EQUITY_VIEW (object);

  alvh_equity_view_clear (self);
  G_OBJECT_CLASS (alvh_equity_view_parent_class)->finalize (object);
}

static void
alvh_equity_view_class_init (AlvhEquityViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = alvh_equity_view_finalize;
  widget_class->snapshot = alvh_equity_view_snapshot;
  widget_class->css_changed = alvh_equity_view_css_changed;
  widget_class->measure = alvh_equity_view_measure;
  gtk_widget_class_set_css_name (widget_class, "equityview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
alvh_equity_view_init (AlvhEquityView *self)
{
  self->fg = (GdkRGBA) { 0.2, 0.2, 0.2, 1 };
  self->money = TRUE;
}

GtkWidget *
alvh_equity_view_new (void)
{
  return g_object_new (ALVH_TYPE_EQUITY_VIEW, NULL);
}

void
alvh_equity_view_clear (AlvhEquityView *self)
{
  g_return_if_fail (ALVH_IS_EQUITY_VIEW (self));
  g_clear_pointer (&self->times, g_free);
  g_clear_pointer (&self->a, g_free);
  g_clear_pointer (&self->b, g_free);
  g_clear_pointer (&self->label_a, g_free);
  g_clear_pointer (&self->label_b, g_free);
  self->n = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
alvh_equity_view_set_data (AlvhEquityView *self,
                           const gint64   *times,
                           gsize           n,
                           const double   *a,
                           const char     *label_a,
                           const double   *b,
                           const char     *label_b)
{
  g_return_if_fail (ALVH_IS_EQUITY_VIEW (self));

  alvh_equity_view_clear (self);
  if (n == 0 || times == NULL || a == NULL)
    return;
  self->n = n;
  self->times = g_memdup2 (times, n * sizeof (gint64));
  self->a = g_memdup2 (a, n * sizeof (double));
  self->b = b != NULL ? g_memdup2 (b, n * sizeof (double)) : NULL;
  self->label_a = g_strdup (label_a);
  self->label_b = g_strdup (label_b);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
alvh_equity_view_set_marker (AlvhEquityView *self,
                             gint64          t)
{
  g_return_if_fail (ALVH_IS_EQUITY_VIEW (self));
  self->marker = t;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
alvh_equity_view_set_money (AlvhEquityView *self,
                            gboolean        money)
{
  g_return_if_fail (ALVH_IS_EQUITY_VIEW (self));
  self->money = !!money;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gsize
alvh_equity_view_get_n (AlvhEquityView *self)
{
  g_return_val_if_fail (ALVH_IS_EQUITY_VIEW (self), 0);
  return self->n;
}
