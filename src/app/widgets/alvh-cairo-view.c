/* alvh-cairo-view.c — what the app's small charts derive from */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <adwaita.h>

#include "alvh-core.h"
#include "alvh-cairo-view.h"

typedef struct
{
  GdkRGBA color;
} AlvhCairoViewPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AlvhCairoView, alvh_cairo_view, GTK_TYPE_WIDGET)

static void
alvh_cairo_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  AlvhCairoViewClass *klass = ALVH_CAIRO_VIEW_GET_CLASS (widget);
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (w <= 0 || h <= 0 || klass->draw == NULL)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  klass->draw (ALVH_CAIRO_VIEW (widget), cr, w, h);
  cairo_destroy (cr);
}

static void
alvh_cairo_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  AlvhCairoViewPrivate *priv = alvh_cairo_view_get_instance_private (ALVH_CAIRO_VIEW (widget));

  GTK_WIDGET_CLASS (alvh_cairo_view_parent_class)->css_changed (widget, change);
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &priv->color);
G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_widget_queue_draw (widget);
}

static void
alvh_cairo_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  AlvhCairoViewClass *klass = ALVH_CAIRO_VIEW_GET_CLASS (widget);
  gboolean across = orientation == GTK_ORIENTATION_HORIZONTAL;

  *minimum = across ? klass->min_width : klass->min_height;
  *natural = across ? klass->natural_width : klass->natural_height;
}

static void
alvh_cairo_view_class_init (AlvhCairoViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = alvh_cairo_view_snapshot;
  widget_class->css_changed = alvh_cairo_view_css_changed;
  widget_class->measure = alvh_cairo_view_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  alvh_cairo_view_class_set_size (klass, 200, 120, 600, 240);
}

static void
alvh_cairo_view_init (AlvhCairoView *self)
{
  AlvhCairoViewPrivate *priv = alvh_cairo_view_get_instance_private (self);

  /* a change of style (dark included) reaches css_changed(), which redraws */
  priv->color = (GdkRGBA) { 0.2, 0.2, 0.2, 1 };
}

/**
 * alvh_cairo_view_class_set_size:
 * @klass: a view class
 * @min_width: the least width
 * @min_height: the least height
 * @natural_width: the width it asks for
 * @natural_height: the height it asks for
 *
 * The view's size request (the base class asks for 200×120, 600×240).
 */
void
alvh_cairo_view_class_set_size (AlvhCairoViewClass *klass,
                                int                 min_width,
                                int                 min_height,
                                int                 natural_width,
                                int                 natural_height)
{
  g_return_if_fail (ALVH_IS_CAIRO_VIEW_CLASS (klass));
  klass->min_width = min_width;
  klass->min_height = min_height;
  klass->natural_width = natural_width;
  klass->natural_height = natural_height;
}

/**
 * alvh_cairo_view_get_color:
 * @self: a view
 *
 * Returns: (transfer none): the style's text colour
 */
const GdkRGBA *
alvh_cairo_view_get_color (AlvhCairoView *self)
{
  AlvhCairoViewPrivate *priv;

  g_return_val_if_fail (ALVH_IS_CAIRO_VIEW (self), NULL);
  priv = alvh_cairo_view_get_instance_private (self);
  return &priv->color;
}

/**
 * alvh_cairo_view_get_dark:
 * @self: a view
 *
 * Returns: whether the application shows its dark style
 */
gboolean
alvh_cairo_view_get_dark (AlvhCairoView *self)
{
  g_return_val_if_fail (ALVH_IS_CAIRO_VIEW (self), FALSE);
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/**
 * alvh_cairo_view_format_money:
 * @value: dollars
 * @buf: (out caller-allocates) (array length=len): the label
 * @len: the size of @buf
 * @user_data: unused (an AlvhChartFormatFunc)
 *
 * A dollar axis label, short enough for an axis: "$1.2M", "−$15k",
 * "$2.5k", "$950" (the one money formatter below $1,000).
 */
void
alvh_cairo_view_format_money (double    value,
                              char     *buf,
                              gsize     len,
                              gpointer  user_data)
{
  double a = fabs (value);
  const char *sign = value < 0 ? "\u2212" : "";

  if (a >= 1e6)
    {
      g_autofree char *m = alvh_format_number (a / 1e6, 1, ALVH_FORMAT_SCREEN);
      g_snprintf (buf, len, "%s$%sM", sign, m);
    }
  else if (a >= 1e3)
    {
      /* thousands the same way on the whole axis: "$2.5k", "$5k", "$25k" */
      g_autofree char *k = alvh_format_significant (a / 1e3, 4, ALVH_FORMAT_SCREEN);
      g_snprintf (buf, len, "%s$%sk", sign, k);
    }
  else
    {
      /* the one formatter: "$950", "−$250" */
      g_autofree char *text = alvh_format_money (value, ALVH_MONEY_WHOLE);
      g_strlcpy (buf, text, len);
    }
}
