/* alvh-window-follow.h — live mode on the window (see alvh-window-follow.c) */
#pragma once

#include "alvh-window.h"

G_BEGIN_DECLS

void     _alvh_window_install_follow_actions (GtkWidgetClass *klass);
/* Resumes following the file named in the follow-file setting. */
void     _alvh_window_resume_follow          (AlvhWindow     *self);
/* Follows path (NULL: stops) without the file chooser; FALSE on error. */
gboolean _alvh_window_follow_path            (AlvhWindow     *self,
                                              const char     *path);

G_END_DECLS
