/* alvh-page.h — what every page of the main window derives from
 *
 * A page is a widget with one child (a GtkBinLayout) and a "context"
 * property: the window's template binds its context to every page.  A page
 * sets itself up in its context_set() once the context arrives; it reaches
 * the stores only through the context's services and the other pages only
 * through the window's actions (win.page, win.chart-time, …).
 */
#pragma once

#include <adwaita.h>

#include "alvh-context.h"

G_BEGIN_DECLS

#define ALVH_TYPE_PAGE (alvh_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (AlvhPage, alvh_page, ALVH, PAGE, GtkWidget)

struct _AlvhPageClass
{
  GtkWidgetClass parent_class;

  /* called once, when the page gets its context */
  void (*context_set) (AlvhPage    *self,
                       AlvhContext *context);

  gpointer padding[4];
};

AlvhContext *alvh_page_get_context (AlvhPage    *self);
void         alvh_page_set_context (AlvhPage    *self,
                                    AlvhContext *context);
void         alvh_page_dispose_template (AlvhPage *self,
                                         GType     type);
AlvhContext *alvh_page_get_context_for  (GtkWidget *widget);

/* The page's context in a subclass: the base class holds it (no copy) */
#define ALVH_PAGE_CONTEXT(page) (alvh_page_get_context (ALVH_PAGE (page)))

G_END_DECLS
