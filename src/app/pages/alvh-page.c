/* alvh-page.c — what every page of the main window derives from */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include "alvh-page.h"

typedef struct
{
  AlvhContext *context;
} AlvhPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (AlvhPage, alvh_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
alvh_page_dispose (GObject *object)
{
  GtkWidget *child;

  /* the subclass disposed its template; what is left is the page's child */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (alvh_page_parent_class)->dispose (object);
}

static void
alvh_page_finalize (GObject *object)
{
  AlvhPagePrivate *priv = alvh_page_get_instance_private (ALVH_PAGE (object));

  g_clear_object (&priv->context);
  G_OBJECT_CLASS (alvh_page_parent_class)->finalize (object);
}

static void
alvh_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, alvh_page_get_context (ALVH_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
alvh_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CONTEXT:
      alvh_page_set_context (ALVH_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
alvh_page_class_init (AlvhPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_page_dispose;
  object_class->finalize = alvh_page_finalize;
  object_class->get_property = alvh_page_get_property;
  object_class->set_property = alvh_page_set_property;

  /**
   * AlvhPage:context: (nullable)
   *
   * The services the page shows and edits; set once (the window's template
   * binds it), after which the page is set up.
   */
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, ALVH_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
alvh_page_init (AlvhPage *self)
{
}

/**
 * alvh_page_get_context:
 * @self: the page
 *
 * Returns: (transfer none) (nullable): the context, NULL until it is set
 */
AlvhContext *
alvh_page_get_context (AlvhPage *self)
{
  AlvhPagePrivate *priv;

  g_return_val_if_fail (ALVH_IS_PAGE (self), NULL);
  priv = alvh_page_get_instance_private (self);
  return priv->context;
}

/**
 * alvh_page_set_context:
 * @self: the page
 * @context: (nullable): the context
 *
 * Gives the page its context and lets it set itself up (its class's
 * context_set()).  A page keeps its first context: NULL or the same context
 * again change nothing, and another one is refused with a warning.
 */
void
alvh_page_set_context (AlvhPage    *self,
                       AlvhContext *context)
{
  AlvhPagePrivate *priv;

  g_return_if_fail (ALVH_IS_PAGE (self));
  g_return_if_fail (context == NULL || ALVH_IS_CONTEXT (context));
  priv = alvh_page_get_instance_private (self);
  if (context == NULL || context == priv->context)
    return;
  if (priv->context != NULL)
    {
      g_warning ("%s has its context already", G_OBJECT_TYPE_NAME (self));
      return;
    }
  priv->context = g_object_ref (context);
  if (ALVH_PAGE_GET_CLASS (self)->context_set != NULL)
    ALVH_PAGE_GET_CLASS (self)->context_set (self, context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
}

/**
 * alvh_page_dispose_template:
 * @self: the page
 * @type: the subclass whose template to dispose
 *
 * What a page's dispose does first: disconnects every handler the page
 * connected to its context's services (alvh_context_connect() with the page
 * as data), so none runs while the page goes, and disposes the template of
 * @type.  The context itself stays until the page is finalized.
 */
void
alvh_page_dispose_template (AlvhPage *self,
                            GType     type)
{
  AlvhPagePrivate *priv;

  g_return_if_fail (ALVH_IS_PAGE (self));
  priv = alvh_page_get_instance_private (self);
  if (priv->context != NULL)
    alvh_context_disconnect (priv->context, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), type);
}

/**
 * alvh_page_get_context_for:
 * @widget: a widget inside a page (a view of its template)
 *
 * The context of the page that holds @widget, so that a page's views reach
 * the services as the page does, without a copy of their own.
 *
 * Returns: (transfer none) (nullable): the context, NULL outside a page or
 *   before the page has its context
 */
AlvhContext *
alvh_page_get_context_for (GtkWidget *widget)
{
  GtkWidget *page;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  page = gtk_widget_get_ancestor (widget, ALVH_TYPE_PAGE);
  return page != NULL ? alvh_page_get_context (ALVH_PAGE (page)) : NULL;
}
