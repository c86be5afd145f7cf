/* alvh-cairo-view.h — what the app's small charts derive from
 *
 * A widget that draws itself through src/chart with Cairo: the base class
 * makes the Cairo context at the widget's size, keeps the style's text
 * colour and dark flag (redrawing when they change) and gives the size the
 * subclass asks for.  The equity view, the Replay page's curves and its
 * sweep's heat map derive from it.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ALVH_TYPE_CAIRO_VIEW (alvh_cairo_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (AlvhCairoView, alvh_cairo_view, ALVH, CAIRO_VIEW, GtkWidget)

struct _AlvhCairoViewClass
{
  GtkWidgetClass parent_class;

  /* draws the view; called with a width and height above 0 */
  void (*draw) (AlvhCairoView *self,
                cairo_t       *cr,
                int            width,
                int            height);

  /*< private >*/
  int      min_width, min_height, natural_width, natural_height;
  gpointer padding[4];
};

void           alvh_cairo_view_class_set_size (AlvhCairoViewClass *klass,
                                               int                 min_width,
                                               int                 min_height,
                                               int                 natural_width,
                                               int                 natural_height);
const GdkRGBA *alvh_cairo_view_get_color      (AlvhCairoView      *self);
gboolean       alvh_cairo_view_get_dark       (AlvhCairoView      *self);
void           alvh_cairo_view_format_money   (double              value,
                                               char               *buf,
                                               gsize               len,
                                               gpointer            user_data);

G_END_DECLS
