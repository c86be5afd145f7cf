/* alvh-window-private.h — shared between alvh-window.c and alvh-window-actions.c */
#pragma once

#include "alvh-charts-page.h"
#include "alvh-context.h"
#include "alvh-window.h"

G_BEGIN_DECLS

struct _AlvhWindow
{
  AdwApplicationWindow  parent_instance;

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;

  /* pages */
  GtkWidget            *charts_page;

  AlvhContext          *context;
  GSettings            *settings;  /* the application's, or NULL */
  GCancellable         *cancellable;
};

void _alvh_window_class_actions_init  (AlvhWindowClass *klass);
void _alvh_window_install_follow_actions (GtkWidgetClass *klass);
void _alvh_window_install_update_actions (GtkWidgetClass *klass);
void _alvh_window_load_stored_market  (AlvhWindow      *self);
void _alvh_window_setup_drop          (AlvhWindow      *self);
/* Starts importing the brokers' statements among @paths (char *) as fills;
 * returns (transfer full) the other paths (market data) */
GPtrArray *_alvh_window_import_statements (AlvhWindow *self,
                                           GPtrArray  *paths);
void _alvh_window_show_error          (AlvhWindow      *self,
                                       const char      *heading,
                                       const char      *body);

G_END_DECLS
