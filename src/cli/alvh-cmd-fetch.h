/* alvh-cmd-fetch.h — what `alvh fetch`'s two files share */
#pragma once

#include <glib.h>

#include "alvh-market-store.h"

G_BEGIN_DECLS

typedef struct
{
  const char *cfe_base;     /* nullable: the default */
  const char *dir;          /* where the downloads go */
  gboolean    keep;         /* keep them there afterwards */
  guint       timeout;
  int         from_year, from_month;
  int         to_year, to_month;   /* 0: nine months after this month */
} AlvhFetchVxArgs;

/* "YYYY-MM" -> year and month; FALSE for anything else */
gboolean alvh_cli_parse_month          (const char            *text,
                                        int                   *year,
                                        int                   *month);

/* One imported file: a line of text, or an object appended to @json */
void     alvh_cli_fetch_report_import  (AlvhImportResult      *result,
                                        GString               *json,
                                        gboolean               first_object);

/* Downloads the VX contracts the store lacks or that still trade, imports
 * them as one file and reports each contract (text, or an object appended
 * to @json).  Returns the exit status: 1 when a contract failed. */
int      alvh_cli_fetch_vx             (AlvhMarketStore       *store,
                                        const AlvhFetchVxArgs *args,
                                        GString               *json,
                                        gboolean               first_object);

G_END_DECLS
