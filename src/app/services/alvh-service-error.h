/* alvh-service-error.h — the errors of the app's services */
#pragma once

#include <gio/gio.h>

#include "alvh-journal-store.h"

G_BEGIN_DECLS

#define ALVH_SERVICE_ERROR (alvh_service_error_quark ())

typedef enum
{
  ALVH_SERVICE_ERROR_NO_STORE,   /* the app database could not be opened */
  ALVH_SERVICE_ERROR_NO_MARKET,  /* SPX and VIX are needed */
  ALVH_SERVICE_ERROR_INVALID,    /* a value breaks a rule */
} AlvhServiceError;

GQuark    alvh_service_error_quark (void);

gboolean  alvh_service_need_store  (AlvhJournalStore  *store,
                                    const char        *data_dir,
                                    const GError      *store_error,
                                    GError           **error);

G_END_DECLS
