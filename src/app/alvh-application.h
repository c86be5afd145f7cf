/* alvh-application.h */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ALVH_TYPE_APPLICATION (alvh_application_get_type ())

G_DECLARE_FINAL_TYPE (AlvhApplication, alvh_application, ALVH, APPLICATION, AdwApplication)

/**
 * alvh_application_new:
 *
 * Returns: (transfer full): the application
 */
AlvhApplication *alvh_application_new          (void);
GSettings       *alvh_application_get_settings (AlvhApplication *self);
gboolean         alvh_application_get_demo_if_empty (AlvhApplication *self);

G_END_DECLS
