/* alvh-fetch-vx.h — download Cboe CFE's per-contract VIX futures files
 *
 * Cboe publishes the whole daily history of each VX contract as one CSV,
 * named by the contract's final settlement date:
 *   <base>VX_YYYY-MM-DD.csv   (base: ALVH_FETCH_DEFAULT_CFE_BASE)
 * with the columns Trade Date, Futures, Open, High, Low, Close, Settle,
 * Change, Total Volume, EFP, Open Interest.  A plan lists the monthly
 * contracts the market store lacks or that still trade (expiry on or after
 * the last stored trade date); they are downloaded one after the other and
 * joined into one CSV file, which the market store imports like any CFE
 * file (alvh-import-cfe.c), in one transaction with one provenance row.
 */
#pragma once

#include <gio/gio.h>

#include "alvh-fetch.h"
#include "alvh-import.h"

G_BEGIN_DECLS

#define ALVH_FETCH_DEFAULT_CFE_BASE "https://cdn.cboe.com/data/us/futures/market_statistics/historical_data/VX/"

/* the first contract month the plan starts from by default: the files of
 * earlier contracts are not on Cboe's current address */
#define ALVH_FETCH_VX_FIRST_YEAR  2013
#define ALVH_FETCH_VX_FIRST_MONTH 1

typedef enum
{
  ALVH_FETCH_VX_PENDING,     /* planned, not downloaded yet */
  ALVH_FETCH_VX_DOWNLOADED,  /* the file arrived and was checked */
  ALVH_FETCH_VX_NOT_LISTED,  /* a contract that has not expired and that Cboe does not list yet */
  ALVH_FETCH_VX_FAILED,      /* see error */
} AlvhFetchVxStatus;

typedef struct
{
  int                year;     /* the contract month */
  int                month;
  gint64             expiry;   /* its final settlement date, 00:00 New York (UTC seconds) */
  char              *url;
  char              *path;     /* the downloaded file, NULL until downloaded */
  AlvhFetchVxStatus  status;
  guint              n_rows;   /* trade dates in the download */
  GError            *error;    /* why it failed, NULL otherwise */
} AlvhFetchVxContract;

/**
 * alvh_fetch_vx_contract_free:
 * @self: (transfer full) (nullable): a planned contract
 */
void       alvh_fetch_vx_contract_free   (AlvhFetchVxContract *self);

/**
 * alvh_fetch_vx_settlement_day:
 * @year: the contract year
 * @month: the contract month, 1 to 12
 *
 * The final settlement date of a monthly VX contract: 30 days before the
 * SPX options expiration of the next month (the third Friday, or the
 * session before it when that is a holiday), moved to the session before
 * when that Wednesday is a holiday.  Cboe names the contract's file by it.
 *
 * Returns: the New York day number (alvh_days_from_civil())
 */
gint64     alvh_fetch_vx_settlement_day  (int year,
                                          int month);

/**
 * alvh_fetch_vx_url:
 * @base: (nullable): the base address, %NULL for %ALVH_FETCH_DEFAULT_CFE_BASE
 * @year: the contract year
 * @month: the contract month
 *
 * Returns: (transfer full): the address of the contract's file
 */
char      *alvh_fetch_vx_url             (const char *base,
                                          int         year,
                                          int         month);

/**
 * alvh_fetch_vx_plan:
 * @stored: (array length=n_stored) (nullable): the settles the store holds
 *   (alvh_market_store_load_vx_contracts())
 * @n_stored: the number of @stored
 * @first_year: the first contract month to consider (year) ...
 * @first_month: ... and month
 * @last_year: the last contract month to consider, 0 for nine months after
 *   alvh_time_now()'s month (Cboe lists up to nine monthly contracts)
 * @last_month: its month
 * @base: (nullable): the base address, %NULL for the default
 *
 * The monthly contracts from @first_year-@first_month to
 * @last_year-@last_month that the store lacks, or whose expiry is on or
 * after the last trade date it holds (they still trade, or were stored
 * before they expired), and the last one that expired before that date
 * (with the next contract it gives the front and second month up to its
 * expiry, so the joined file always has VX1 and VX2 rows).
 *
 * Returns: (transfer full) (element-type AlvhFetchVxContract): the plan,
 *   by expiry (empty when all are stored)
 */
GPtrArray *alvh_fetch_vx_plan            (const AlvhVxSettle *stored,
                                          gsize               n_stored,
                                          int                 first_year,
                                          int                 first_month,
                                          int                 last_year,
                                          int                 last_month,
                                          const char         *base);

typedef void (*AlvhFetchVxProgressFunc) (guint                      index,
                                         guint                      total,
                                         const AlvhFetchVxContract *contract,
                                         gpointer                   user_data);

/**
 * alvh_fetch_vx_download:
 * @plan: (element-type AlvhFetchVxContract): from alvh_fetch_vx_plan()
 * @dest_dir: the folder to write into (created 0700 when missing)
 * @timeout_seconds: the timeout per download, 0 for none
 * @progress: (scope call) (nullable): called before each download
 * @user_data: (closure progress): data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for an error
 *
 * Downloads the planned contracts one after the other.  Each contract
 * keeps its own outcome (status, rows, error): a server that answers 404
 * for one contract does not stop the others.
 *
 * Returns: %FALSE with @error set when nothing more can be downloaded: no
 *   connection to the server (%ALVH_FETCH_ERROR_CONNECTION or
 *   %ALVH_FETCH_ERROR_TIMEOUT on the first contract), cancelled, or the
 *   folder cannot be made; %TRUE otherwise
 */
gboolean   alvh_fetch_vx_download        (GPtrArray                *plan,
                                          const char               *dest_dir,
                                          guint                     timeout_seconds,
                                          AlvhFetchVxProgressFunc   progress,
                                          gpointer                  user_data,
                                          GCancellable             *cancellable,
                                          GError                  **error);

/**
 * alvh_fetch_vx_join:
 * @plan: (element-type AlvhFetchVxContract): downloaded contracts
 * @dest_dir: the folder to write the joined file into
 * @error: return location for an error
 *
 * Joins the downloaded contracts' files into one CSV (one header, then each
 * contract's rows) named "VX_contracts_<first>_<last>.csv" after the first
 * and last expiry, for one import.  A download without the CFE header is
 * marked failed and left out.
 *
 * Returns: (transfer full) (nullable) (type filename): the joined file,
 *   %NULL when no contract was downloaded (@error unset) or with @error set
 */
char      *alvh_fetch_vx_join            (GPtrArray   *plan,
                                          const char  *dest_dir,
                                          GError     **error);

/**
 * alvh_fetch_vx_count:
 * @plan: (element-type AlvhFetchVxContract): a plan
 * @status: a status
 *
 * Returns: how many contracts of @plan have @status
 */
guint      alvh_fetch_vx_count           (GPtrArray          *plan,
                                          AlvhFetchVxStatus   status);

/**
 * alvh_fetch_vx_status_id:
 * @status: a status
 *
 * Returns: (transfer none): "pending", "downloaded", "not-listed" or
 *   "failed", as `alvh fetch --json` writes it
 */
const char *alvh_fetch_vx_status_id      (AlvhFetchVxStatus status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhFetchVxContract, alvh_fetch_vx_contract_free)

G_END_DECLS
