/* alvh-template.h — binding a template's children from one table
 *
 *   static const AlvhTemplateChild children[] = {
 *     ALVH_TEMPLATE_CHILD (AlvhExportDialog, period_row),
 *     ...
 *   };
 *   alvh_template_bind_children (widget_class, children, G_N_ELEMENTS (children));
 *
 * in place of one gtk_widget_class_bind_template_child() call per child.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct
{
  const char *name;    /* the id in the template, the same as the member */
  gssize      offset;  /* of the member in the instance struct */
} AlvhTemplateChild;

#define ALVH_TEMPLATE_CHILD(TypeName, member) { #member, G_STRUCT_OFFSET (TypeName, member) }

void alvh_template_bind_children (GtkWidgetClass          *widget_class,
                                  const AlvhTemplateChild *children,
                                  guint                    n_children);

G_END_DECLS
