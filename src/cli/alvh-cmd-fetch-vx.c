/* alvh-cmd-fetch-vx.c — `alvh fetch --source vx`: the VIX futures by
 * contract from Cboe CFE, joined and imported in one transaction */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-cli.h"
#include "alvh-cmd-fetch.h"
#include "alvh-core.h"
#include "alvh-fetch-vx.h"
#include "alvh-market-store.h"

gboolean
alvh_cli_parse_month (const char *text,
                      int        *year,
                      int        *month)
{
  int y, m;
  char tail;

  if (text == NULL || sscanf (text, "%4d-%2d%c", &y, &m, &tail) != 2 ||
      y < 2004 || y > 2100 || m < 1 || m > 12)
    return FALSE;
  *year = y;
  *month = m;
  return TRUE;
}

static void
progress_cb (guint                      index,
             guint                      total,
             const AlvhFetchVxContract *contract,
             gpointer                   user_data)
{
  gboolean quiet = GPOINTER_TO_INT (user_data);

  if (!quiet && contract != NULL)
    /* Translators: "Downloading VX 2025-03 (3 of 12)…" */
    fprintf (stderr, _("Downloading VX %04d-%02d (%u of %u)…\n"),
             contract->year, contract->month, index + 1, total);
}

/* "2025-03 (expires 2025-03-18): 147 trade dates" and the like */
static void
print_contract (const AlvhFetchVxContract *c)
{
  g_autofree char *expiry = alvh_time_format_ny_date (c->expiry);

  printf ("  VX %04d-%02d (%s %s): ", c->year, c->month, _("expires"), expiry);
  switch (c->status)
    {
    case ALVH_FETCH_VX_DOWNLOADED:
      printf (ngettext ("%u trade date\n", "%u trade dates\n", c->n_rows), c->n_rows);
      break;
    case ALVH_FETCH_VX_NOT_LISTED:
      printf ("%s\n", _("not listed by Cboe yet"));
      break;
    case ALVH_FETCH_VX_FAILED:
      printf (_("failed: %s\n"), c->error != NULL ? c->error->message : "");
      break;
    case ALVH_FETCH_VX_PENDING:
    default:
      printf ("%s\n", _("not downloaded"));
      break;
    }
}

static void
append_contracts_json (GString   *json,
                       GPtrArray *plan)
{
  g_string_append (json, ",\"contracts\":[");
  for (guint i = 0; i < plan->len; i++)
    {
      const AlvhFetchVxContract *c = g_ptr_array_index (plan, i);
      g_autofree char *expiry = alvh_time_format_ny_date (c->expiry);

      g_string_append_printf (json, "%s{\"contract\":\"%04d-%02d\",\"expiry\":\"%s\",\"url\":",
                              i > 0 ? "," : "", c->year, c->month, expiry);
      alvh_json_append_string (json, c->url);
      g_string_append_printf (json, ",\"status\":\"%s\",\"rows\":%u,\"error\":",
                              alvh_fetch_vx_status_id (c->status), c->n_rows);
      if (c->error != NULL)
        alvh_json_append_string (json, c->error->message);
      else
        g_string_append (json, "null");
      g_string_append_c (json, '}');
    }
  g_string_append (json, "]}");
}

static void
remove_downloads (GPtrArray  *plan,
                  const char *joined)
{
  for (guint i = 0; i < plan->len; i++)
    {
      const AlvhFetchVxContract *c = g_ptr_array_index (plan, i);

      if (c->path != NULL)
        g_unlink (c->path);
    }
  if (joined != NULL)
    g_unlink (joined);
}

int
alvh_cli_fetch_vx (AlvhMarketStore     *store,
                   const AlvhFetchVxArgs *args,
                   GString             *json,
                   gboolean             first_object)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GPtrArray) plan = NULL;
  g_autoptr(AlvhImportResult) result = NULL;
  g_autofree char *joined = NULL;
  guint n_failed;

  stored = alvh_market_store_load_vx_contracts (store, G_MININT64, G_MAXINT64, &error);
  if (stored == NULL)
    return alvh_cli_fail ("fetch", error);
  plan = alvh_fetch_vx_plan ((const AlvhVxSettle *) stored->data, stored->len,
                             args->from_year, args->from_month, args->to_year, args->to_month,
                             args->cfe_base);

  if (!alvh_fetch_vx_download (plan, args->dir, args->timeout, progress_cb,
                               GINT_TO_POINTER (json != NULL), NULL, &error))
    {
      remove_downloads (plan, NULL);
      return alvh_cli_fail ("fetch", error);
    }
  joined = alvh_fetch_vx_join (plan, args->dir, &error);
  if (joined == NULL && error != NULL)
    {
      remove_downloads (plan, NULL);
      return alvh_cli_fail ("fetch", error);
    }
  if (joined != NULL && !alvh_market_store_import_file (store, joined, NULL, &result, &error))
    {
      if (!args->keep)
        remove_downloads (plan, joined);
      return alvh_cli_fail ("fetch", error);
    }

  n_failed = alvh_fetch_vx_count (plan, ALVH_FETCH_VX_FAILED);
  if (json != NULL)
    {
      if (result != NULL)
        {
          alvh_cli_fetch_report_import (result, json, first_object);
          g_string_truncate (json, json->len - 1);   /* reopen the object */
        }
      else
        g_string_append (json, first_object
                         ? "{\"file\":null,\"symbols\":\"VX\",\"format\":\"cfe-contracts\",\"rows\":0"
                         : ",{\"file\":null,\"symbols\":\"VX\",\"format\":\"cfe-contracts\",\"rows\":0");
      append_contracts_json (json, plan);
    }
  else
    {
      guint n_down = alvh_fetch_vx_count (plan, ALVH_FETCH_VX_DOWNLOADED);
      guint n_unlisted = alvh_fetch_vx_count (plan, ALVH_FETCH_VX_NOT_LISTED);

      if (plan->len == 0)
        printf ("%s\n", _("VX contracts: every contract is stored and expired; nothing to download"));
      else
        printf (_("VX contracts: %u downloaded, %u not listed yet, %u failed\n"), n_down, n_unlisted, n_failed);
      for (guint i = 0; i < plan->len; i++)
        print_contract (g_ptr_array_index (plan, i));
      if (result != NULL)
        alvh_cli_fetch_report_import (result, NULL, FALSE);
    }

  if (!args->keep)
    remove_downloads (plan, joined);
  if (n_failed > 0)
    {
      fprintf (stderr, ngettext ("alvh fetch: %u VX contract could not be downloaded (see above)\n",
                                 "alvh fetch: %u VX contracts could not be downloaded (see above)\n",
                                 n_failed), n_failed);
      return ALVH_EXIT_FAILURE;
    }
  return ALVH_EXIT_OK;
}
