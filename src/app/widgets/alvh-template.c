/* alvh-template.c — binding a template's children from one table */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include "alvh-template.h"

/**
 * alvh_template_bind_children:
 * @widget_class: a class with a template
 * @children: (array length=n_children): the children, by id and member offset
 * @n_children: how many
 *
 * Binds each child of the template to its member of the instance struct.
 */
void
alvh_template_bind_children (GtkWidgetClass          *widget_class,
                             const AlvhTemplateChild *children,
                             guint                    n_children)
{
  for (guint i = 0; i < n_children; i++)
    gtk_widget_class_bind_template_child_full (widget_class, children[i].name, FALSE, children[i].offset);
}
