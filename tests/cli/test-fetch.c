/* test-fetch.c — downloads against a local SoupServer serving real Cboe files,
 * an HTML page, a 404, a truncated body and a slow answer */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "alvh-core.h"
#include "alvh-fetch.h"
#include "alvh-fetch-vx.h"
#include "alvh-market-store.h"
#include "test-cli-util.h"

typedef struct
{
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  GThread      *thread;
  guint16       port;
  guint16       raw_port;
  GSocketService *raw;
  GMutex        lock;
  GCond         cond;
  gboolean      ready;
} Server;

static Server server;

static char *
shared_path (const char *name)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  return dir ? g_build_filename (dir, name, NULL) : NULL;
}

/* Cboe's current per-contract files (ISO dates, "F (Jan 2014)"), made from
 * the shared CFE file's rows: file name -> contents */
static GHashTable *shared_cfe;

static void
string_free (GString *s)
{
  g_string_free (s, TRUE);
}

static void
load_shared_cfe (void)
{
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                  "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  g_autofree char *path = shared_path ("vix_futures_cfe_contracts_2006_2015.csv");
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;

  shared_cfe = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) string_free);
  if (path == NULL || !g_file_get_contents (path, &data, NULL, NULL))
    return;
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (g_strchomp (lines[i]), ",", 3);
      int mo, d, y, cy = 0, cm = 0;
      char mon[4] = { 0 };
      g_autofree char *name = NULL;
      GString *text;
      gint64 day;

      if (g_strv_length (f) < 3 || sscanf (f[0], "%d/%d/%d", &mo, &d, &y) != 3 ||
          sscanf (f[1], "%*c (%3s %d)", mon, &cy) != 2)
        continue;
      for (int k = 0; k < 12; k++)
        if (strcmp (mon, months[k]) == 0)
          cm = k + 1;
      cy += 2000;
      day = alvh_fetch_vx_settlement_day (cy, cm);
      {
        int ey, em, ed;
        alvh_civil_from_days (day, &ey, &em, &ed);
        name = g_strdup_printf ("VX_%04d-%02d-%02d.csv", ey, em, ed);
      }
      text = g_hash_table_lookup (shared_cfe, name);
      if (text == NULL)
        {
          text = g_string_new ("Trade Date,Futures,Open,High,Low,Close,Settle,Change,Total Volume,EFP,Open Interest\n");
          g_hash_table_insert (shared_cfe, g_steal_pointer (&name), text);
        }
      g_string_append_printf (text, "%04d-%02d-%02d,%c (%s %04d),%s\n", y, mo, d, f[1][0], mon, cy, f[2]);
    }
}

static void
serve_cfe (SoupServerMessage *msg,
           const char        *path)
{
  const char *referer = soup_message_headers_get_one (soup_server_message_get_request_headers (msg), "Referer");
  const char *name = strrchr (path, '/') + 1;
  g_autofree char *full = g_test_build_filename (G_TEST_DIST, "fixtures", "cfe-vx", name, NULL);
  char *contents = NULL;
  gsize length = 0;

  /* as Cboe's file server: nothing for a request from elsewhere */
  if (g_strcmp0 (referer, "https://www.cboe.com/") != 0)
    {
      soup_server_message_set_status (msg, 403, NULL);
      return;
    }
  if (g_str_has_prefix (path, "/cfe-shared/"))
    {
      GString *text;

      if (shared_cfe == NULL)
        load_shared_cfe ();
      text = g_hash_table_lookup (shared_cfe, name);
      if (text != NULL)
        {
          contents = g_strndup (text->str, text->len);
          length = text->len;
        }
    }
  else if (!g_file_get_contents (full, &contents, &length, NULL))
    contents = NULL;
  if (contents == NULL)
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/csv", SOUP_MEMORY_TAKE, contents, length);
}

static void
serve_cb (SoupServer        *soup_server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  if (g_str_has_prefix (path, "/cfe/") || g_str_has_prefix (path, "/cfe-shared/"))
    serve_cfe (msg, path);
  else if (g_str_has_prefix (path, "/cboe/"))
    {
      const char *name = path + strlen ("/cboe/");
      const char *file = NULL;
      g_autofree char *full = NULL;
      char *contents = NULL;
      gsize length = 0;

      if (strcmp (name, "VIX_History.csv") == 0)
        file = "vix_daily_cboe.csv";
      else if (strcmp (name, "VVIX_History.csv") == 0)
        file = "vvix_daily_cboe.csv";
      else if (strcmp (name, "SKEW_History.csv") == 0)
        file = "skew_daily_cboe.csv";
      else if (strcmp (name, "VIX9D_History.csv") == 0)
        file = "vix9d_daily_cboe.csv";
      else if (strcmp (name, "VIX3M_History.csv") == 0)
        file = "vix3m_daily_cboe.csv";
      full = file ? shared_path (file) : NULL;
      if (full == NULL || !g_file_get_contents (full, &contents, &length, NULL))
        {
          soup_server_message_set_status (msg, 404, NULL);
          return;
        }
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/csv", SOUP_MEMORY_TAKE, contents, length);
    }
  else if (g_str_has_prefix (path, "/stooq/"))
    {
      g_autofree char *full = g_test_build_filename (G_TEST_DIST, "fixtures", "stooq-spx-small.csv", NULL);
      char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (full, &contents, &length, NULL));
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/csv", SOUP_MEMORY_TAKE, contents, length);
    }
  else if (strcmp (path, "/html") == 0)
    {
      static const char page[] = "<!DOCTYPE html><html><body>Too many requests</body></html>";
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
    }
  else if (strcmp (path, "/nd") == 0)
    {
      static const char nd[] = "N/D\r\n";
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/csv", SOUP_MEMORY_STATIC, nd, strlen (nd));
    }
  else if (strcmp (path, "/slow") == 0)
    {
      /* never answers: the client's timeout must fire */
      soup_server_message_pause (msg);
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

/* A raw socket that promises 100000 bytes and sends 64, then hangs up. */
static gboolean
raw_incoming_cb (GSocketService    *service,
                 GSocketConnection *connection,
                 GObject           *source,
                 gpointer           user_data)
{
  static const char answer[] =
    "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n"
    "DATE,OPEN,HIGH,LOW,CLOSE\r\n01/02/1990,17.24,17.24,17.24,17.24\r\n";
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  GInputStream *in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
  char buf[4096];

  /* read the request head before answering */
  g_input_stream_read (in, buf, sizeof buf, NULL, NULL);
  g_output_stream_write_all (out, answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static gpointer
server_thread (gpointer data)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (server.context);
  server.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server.server, NULL, serve_cb, NULL, NULL);
  g_assert_true (soup_server_listen_local (server.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server.server);
  server.port = (guint16) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  server.raw = g_threaded_socket_service_new (2);
  server.raw_port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (server.raw), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (server.raw, "run", G_CALLBACK (raw_incoming_cb), NULL);
  g_socket_service_start (server.raw);

  g_mutex_lock (&server.lock);
  server.ready = TRUE;
  g_cond_signal (&server.cond);
  g_mutex_unlock (&server.lock);

  g_main_loop_run (server.loop);

  g_socket_service_stop (server.raw);
  g_clear_object (&server.raw);
  soup_server_disconnect (server.server);
  g_clear_object (&server.server);
  g_main_context_pop_thread_default (server.context);
  return NULL;
}

static char *
url (const char *path)
{
  return g_strdup_printf ("http://127.0.0.1:%u%s", server.port, path);
}

static void
test_fetch_cboe_vix (void)
{
  g_autofree char *shared = shared_path ("vix_daily_cboe.csv");
  g_autofree char *dir = NULL;
  g_autofree char *base = url ("/cboe/");
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "vix", "vvix", NULL };
  g_autofree char *got = NULL;
  g_autofree char *want = NULL;
  gsize got_len, want_len;
  GStatBuf st;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data is absent: no real Cboe files to serve");
      return;
    }

  dir = test_make_tmp_dir ("alvh-fetch-XXXXXX");
  paths = alvh_fetch_all (ids, base, NULL, dir, 10, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (paths);
  g_assert_cmpuint (paths->len, ==, 2);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (paths, 0), "VIX_History.csv"));

  /* byte for byte what the server had, saved user-only */
  g_assert_true (g_file_get_contents (g_ptr_array_index (paths, 0), &got, &got_len, NULL));
  g_assert_true (g_file_get_contents (shared, &want, &want_len, NULL));
  g_assert_cmpuint (got_len, ==, want_len);
  g_assert_true (memcmp (got, want, got_len) == 0);
  g_assert_cmpint (g_stat (g_ptr_array_index (paths, 0), &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  for (guint i = 0; i < paths->len; i++)
    g_unlink (g_ptr_array_index (paths, i));
  g_rmdir (dir);
}

static void
test_fetch_stooq (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-fetch-XXXXXX", NULL);
  g_autofree char *base = url ("/stooq/");
  g_autoptr(GPtrArray) paths = NULL;
  g_autoptr(GError) error = NULL;
  const char *ids[] = { "spx", NULL };
  g_autofree char *got = NULL;

  paths = alvh_fetch_all (ids, NULL, base, dir, 10, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (g_ptr_array_index (paths, 0), &got, NULL, NULL));
  g_assert_true (g_str_has_prefix (got, "Date,Open,High,Low,Close,Volume"));
  g_unlink (g_ptr_array_index (paths, 0));
  g_rmdir (dir);
}

static void
expect_failure (const char *path,
                int         code,
                const char *fragment,
                guint       timeout)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-fetch-XXXXXX", NULL);
  g_autofree char *u = url (path);
  g_autofree char *dest = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *part = g_strconcat (dest, ".part", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (alvh_fetch_download (u, dest, timeout, NULL, &error));
  g_assert_error (error, ALVH_FETCH_ERROR, code);
  g_test_message ("%s -> %s", path, error->message);
  g_assert_nonnull (strstr (error->message, fragment));
  g_assert_nonnull (strstr (error->message, u));
  /* nothing is left behind */
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_fetch_html (void)
{
  expect_failure ("/html", ALVH_FETCH_ERROR_NOT_CSV, "HTML", 10);
}

static void
test_fetch_nd (void)
{
  expect_failure ("/nd", ALVH_FETCH_ERROR_NO_DATA, "N/D", 10);
}

static void
test_fetch_404 (void)
{
  expect_failure ("/cboe/NOPE_History.csv", ALVH_FETCH_ERROR_HTTP, "404", 10);
}

static void
test_fetch_slow (void)
{
  expect_failure ("/slow", ALVH_FETCH_ERROR_TIMEOUT, "1 seconds", 1);
}

static void
test_fetch_truncated (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-fetch-XXXXXX", NULL);
  g_autofree char *u = g_strdup_printf ("http://127.0.0.1:%u/VIX_History.csv", server.raw_port);
  g_autofree char *dest = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (alvh_fetch_download (u, dest, 10, NULL, &error));
  g_assert_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_TRUNCATED);
  g_test_message ("truncated -> %s", error->message);
  g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

static void
test_fetch_unknown_source (void)
{
  const char *ids[] = { "gold", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) paths = alvh_fetch_all (ids, NULL, NULL, "/nonexistent", 1, NULL, NULL, NULL, &error);

  g_assert_null (paths);
  g_assert_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_UNKNOWN_SOURCE);
}

static void
test_fetch_cli (void)
{
  g_autofree char *shared = shared_path ("vix_daily_cboe.csv");
  g_autofree char *dir = g_dir_make_tmp ("alvh-fetch-cli-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "market.sqlite", NULL);
  g_autofree char *cboe = url ("/cboe/");
  g_autofree char *stooq = url ("/stooq/");
  g_autofree char *html = url ("/html?");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out2 = NULL;
  g_autofree char *err2 = NULL;
  g_autofree char *out3 = NULL;
  g_autofree char *err3 = NULL;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data is absent: no real Cboe files to serve");
      return;
    }

  {
    const char *args[] = { "fetch", "--db", db, "--cboe-url", cboe, "--stooq-url", stooq,
                           "--source", "vix", "--source", "spx", "--json", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_test_message ("%s", out);
  /* 9234 VIX rows from 1990-01-02 to 2026-07-22 and our three Stooq rows */
  g_assert_nonnull (strstr (out, "\"rows\":9234"));
  g_assert_nonnull (strstr (out, "\"first\":\"1990-01-02\""));
  g_assert_nonnull (strstr (out, "\"last\":\"2026-07-22\""));
  g_assert_nonnull (strstr (out, "\"rows\":3"));

  /* an HTML answer fails with exit 1 and names the address */
  {
    const char *args[] = { "fetch", "--db", db, "--stooq-url", html, "--source", "spx", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out2, &err2), ==, 1);
  }
  g_assert_nonnull (strstr (err2, "HTML"));

  /* bad flags: exit 2 */
  {
    const char *args[] = { "fetch", "--db", db, "--source", "gold", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out3, &err3), ==, 2);
  }

  test_unlink_sqlite (db);
  g_rmdir (dir);
}

static void
test_fetch_urls (void)
{
  g_autofree char *a = alvh_fetch_source_url (alvh_fetch_find_source ("vix"), NULL, NULL);
  g_autofree char *b = alvh_fetch_source_url (alvh_fetch_find_source ("spx"), NULL, NULL);
  g_autofree char *c = alvh_fetch_source_url (alvh_fetch_find_source ("VVIX"), "http://h/x", NULL);

  g_assert_cmpstr (a, ==, "https://cdn.cboe.com/api/global/us_indices/daily_prices/VIX_History.csv");
  g_assert_cmpstr (b, ==, "https://stooq.com/q/d/l/?s=%5Espx&i=d");
  g_assert_cmpstr (c, ==, "http://h/x/VVIX_History.csv");
}

static char *
ymd (gint64 day)
{
  int y, m, d;

  alvh_civil_from_days (day, &y, &m, &d);
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

/* Settlement dates as Cboe names the files, and which contracts a store
 * still needs */
static void
test_fetch_vx_plan (void)
{
  struct { int y, m; const char *want; } days[] = {
    { 2014, 4, "2014-04-16" },
    { 2025, 3, "2025-03-18" },   /* SPX options expire Thursday 2025-04-17 (Good Friday) */
    { 2024, 6, "2024-06-18" },   /* Wednesday 2024-06-19 is Juneteenth */
    { 2025, 12, "2025-12-17" },
  };
  gint64 t1 = alvh_time_from_ny_date (2014, 4, 3);
  AlvhVxSettle stored[] = {
    { t1, alvh_time_from_ny_date (2014, 4, 16), 14.45 },
    { t1, alvh_time_from_ny_date (2014, 5, 21), 15.40 },
    { t1 - 86400 * 30, alvh_time_from_ny_date (2014, 3, 18), 14.0 },
    { t1 - 86400 * 80, alvh_time_from_ny_date (2014, 1, 22), 13.0 },
  };
  g_autoptr(GPtrArray) plan = NULL;
  g_autofree char *u = alvh_fetch_vx_url (NULL, 2025, 3);
  g_autofree char *v = alvh_fetch_vx_url ("http://h/x", 2014, 4);

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *got = ymd (alvh_fetch_vx_settlement_day (days[i].y, days[i].m));
      g_assert_cmpstr (got, ==, days[i].want);
    }
  g_assert_cmpstr (u, ==, "https://cdn.cboe.com/data/us/futures/market_statistics/historical_data/VX/VX_2025-03-18.csv");
  g_assert_cmpstr (v, ==, "http://h/x/VX_2014-04-16.csv");

  /* January expired before the store's last date: stored for good; March
   * too, but it is the last to expire before that date (VX1 with April as
   * VX2 up to its expiry); April and May still traded then; February and
   * June are missing */
  plan = alvh_fetch_vx_plan (stored, G_N_ELEMENTS (stored), 2014, 1, 2014, 6, NULL);
  g_assert_cmpuint (plan->len, ==, 5);
  for (guint i = 0; i < plan->len; i++)
    g_assert_cmpint (((AlvhFetchVxContract *) plan->pdata[i])->month, ==, (int) i + 2);
  g_clear_pointer (&plan, g_ptr_array_unref);

  /* an empty store needs every month; the default end is nine months on */
  alvh_time_set_now (alvh_time_from_ny_date (2014, 4, 3) + 20 * 3600);
  plan = alvh_fetch_vx_plan (NULL, 0, 2014, 1, 0, 0, NULL);
  alvh_time_set_now (0);
  g_assert_cmpuint (plan->len, ==, 3 + 1 + 9);
  g_assert_cmpint (((AlvhFetchVxContract *) plan->pdata[12])->year, ==, 2015);
  g_assert_cmpint (((AlvhFetchVxContract *) plan->pdata[12])->month, ==, 1);
}

/* Two contracts from the fixtures, one Cboe does not list yet; joined and
 * parsed by the CFE importer */
static void
test_fetch_vx_download (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-fetch-vx-XXXXXX");
  g_autofree char *base = url ("/cfe/");
  g_autoptr(GPtrArray) plan = alvh_fetch_vx_plan (NULL, 0, 2014, 4, 2014, 6, base);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) result = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *direct = g_strconcat (base, "VX_2014-04-16.csv", NULL);
  g_autofree char *dest = g_build_filename (dir, "direct.csv", NULL);
  const AlvhVxSettle *settles;
  AlvhSeries *vx;
  gsize n;

  /* the server wants Cboe's site as the referer, as Cboe's does */
  g_assert_false (alvh_fetch_download (direct, dest, 10, NULL, &error));
  g_assert_error (error, ALVH_FETCH_ERROR, ALVH_FETCH_ERROR_HTTP);
  g_clear_error (&error);

  alvh_time_set_now (alvh_time_from_ny_date (2014, 4, 3) + 20 * 3600);
  g_assert_true (alvh_fetch_vx_download (plan, dir, 10, NULL, NULL, NULL, &error));
  alvh_time_set_now (0);
  g_assert_no_error (error);
  g_assert_cmpint (((AlvhFetchVxContract *) plan->pdata[0])->status, ==, ALVH_FETCH_VX_DOWNLOADED);
  g_assert_cmpint (((AlvhFetchVxContract *) plan->pdata[1])->status, ==, ALVH_FETCH_VX_DOWNLOADED);
  g_assert_cmpint (((AlvhFetchVxContract *) plan->pdata[2])->status, ==, ALVH_FETCH_VX_NOT_LISTED);
  g_assert_null (((AlvhFetchVxContract *) plan->pdata[2])->error);

  joined = alvh_fetch_vx_join (plan, dir, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (joined, "VX_contracts_2014-04-16_2014-05-21.csv"));
  g_assert_cmpuint (((AlvhFetchVxContract *) plan->pdata[0])->n_rows, ==, 3);
  g_assert_cmpuint (((AlvhFetchVxContract *) plan->pdata[1])->n_rows, ==, 3);

  result = alvh_import_file (joined, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (alvh_import_result_get_format (result), ==, ALVH_IMPORT_FORMAT_CFE_CONTRACTS);
  settles = alvh_import_result_get_vx_contracts (result, &n);
  g_assert_cmpuint (n, ==, 6);
  /* Cboe's settles of 2014-04-01: April 14.50, May 15.45 */
  g_assert_cmpint (settles[0].time, ==, alvh_time_from_ny_date (2014, 4, 1));
  g_assert_cmpint (settles[0].expiry, ==, alvh_time_from_ny_date (2014, 4, 16));
  g_assert_cmpfloat (settles[0].settle, ==, 14.50);
  g_assert_cmpint (settles[1].expiry, ==, alvh_time_from_ny_date (2014, 5, 21));
  g_assert_cmpfloat (settles[1].settle, ==, 15.45);
  vx = alvh_import_result_get_series (result, 0);
  g_assert_cmpuint (alvh_series_get_length (vx), ==, 3);
  g_assert_cmpfloat (alvh_series_get_column_by_name (vx, "vx1")[2], ==, 14.45);
  g_assert_cmpfloat (alvh_series_get_column_by_name (vx, "vx2")[2], ==, 15.40);

  for (guint i = 0; i < plan->len; i++)
    if (((AlvhFetchVxContract *) plan->pdata[i])->path != NULL)
      g_unlink (((AlvhFetchVxContract *) plan->pdata[i])->path);
  g_unlink (joined);
  g_rmdir (dir);
}

static guint
count_substr (const char *s,
              const char *needle)
{
  guint n = 0;

  for (const char *p = s; (p = strstr (p, needle)) != NULL; p++)
    n++;
  return n;
}

/* `alvh fetch --source vx`: each contract's outcome; one that failed makes
 * exit 1 and the others are imported; offline is said plainly */
static void
test_fetch_vx_cli (void)
{
  g_autofree char *dir = test_make_tmp_dir ("alvh-fetch-vx-cli-XXXXXX");
  g_autofree char *db = g_build_filename (dir, "market.sqlite", NULL);
  g_autofree char *cfe = url ("/cfe/");
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autoptr(GArray) stored = NULL;
  g_autoptr(GError) error = NULL;

  {
    const char *args[] = { "fetch", "--db", db, "--source", "vx", "--cfe-url", cfe,
                           "--vx-from", "2014-04", "--vx-to", "2014-06", "--json", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 1);
  }
  g_test_message ("%s%s", out, err);
  g_assert_true (g_str_has_prefix (out, "[{\"file\":"));
  g_assert_nonnull (strstr (out, "\"format\":\"cfe-contracts\""));
  g_assert_nonnull (strstr (out, "{\"contract\":\"2014-04\",\"expiry\":\"2014-04-16\""));
  g_assert_cmpuint (count_substr (out, "\"status\":\"downloaded\",\"rows\":3,\"error\":null"), ==, 2);
  /* June 2014 has expired: a 404 is a failure, not "not listed yet" */
  g_assert_nonnull (strstr (out, "\"contract\":\"2014-06\",\"expiry\":\"2014-06-18\""));
  g_assert_nonnull (strstr (out, "\"status\":\"failed\""));
  g_assert_nonnull (strstr (out, "404"));
  g_assert_nonnull (strstr (err, "1 VX contract could not be downloaded"));

  store = alvh_market_store_open_mode (db, ALVH_STORE_READ, &error);
  g_assert_no_error (error);
  stored = alvh_market_store_load_vx_contracts (store, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 6);
  g_assert_cmpfloat (g_array_index (stored, AlvhVxSettle, 5).settle, ==, 15.40);
  g_clear_object (&store);

  /* text: one line per contract */
  {
    const char *args[] = { "fetch", "--db", db, "--source", "vx", "--cfe-url", cfe,
                           "--vx-from", "2014-04", "--vx-to", "2014-05", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out2, &err2), ==, 0);
  }
  g_test_message ("%s", out2);
  g_assert_nonnull (strstr (out2, "VX contracts: 2 downloaded, 0 not listed yet, 0 failed"));
  g_assert_nonnull (strstr (out2, "VX 2014-05 (expires 2014-05-21): 3 trade dates"));

  /* offline: nothing listens on port 1 */
  {
    const char *args[] = { "fetch", "--db", db, "--source", "vx", "--cfe-url", "http://127.0.0.1:1/",
                           "--vx-from", "2014-04", "--vx-to", "2014-05", "--timeout", "5", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out3, &err3), ==, 1);
  }
  g_test_message ("%s", err3);
  g_assert_nonnull (strstr (err3, "http://127.0.0.1:1/VX_2014-04-16.csv"));

  test_unlink_sqlite (db);
  g_rmdir (dir);
}

/* Every 2014 contract served as Cboe serves it today, made from the shared
 * CFE file: the store holds the same settles as after importing that file,
 * and a second fetch asks only for the contract still trading at the
 * store's last date */
static void
test_fetch_vx_shared (void)
{
  g_autofree char *shared = shared_path ("vix_futures_cfe_contracts_2006_2015.csv");
  g_autofree char *dir = NULL, *a = NULL, *b = NULL;
  g_autofree char *cfe = url ("/cfe-shared/");
  g_autofree char *out = NULL, *err = NULL, *out2 = NULL, *err2 = NULL, *out3 = NULL, *err3 = NULL;
  g_autoptr(AlvhMarketStore) sa = NULL, sb = NULL;
  g_autoptr(GArray) va = NULL, vb = NULL;
  g_autoptr(GError) error = NULL;
  gint64 lo = alvh_time_from_ny_date (2014, 1, 1), hi = alvh_time_from_ny_date (2014, 12, 31);
  guint k = 0, n_2014 = 0;

  if (shared == NULL || !g_file_test (shared, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("../shared/data is absent: no real CFE contract files to serve");
      return;
    }
  dir = test_make_tmp_dir ("alvh-fetch-vx-shared-XXXXXX");
  a = g_build_filename (dir, "a.sqlite", NULL);
  b = g_build_filename (dir, "b.sqlite", NULL);
  {
    const char *args[] = { "fetch", "--db", a, "--source", "vx", "--cfe-url", cfe,
                           "--vx-from", "2014-01", "--vx-to", "2014-12", NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out, &err), ==, 0);
  }
  g_test_message ("%s", out);
  g_assert_nonnull (strstr (out, "VX contracts: 12 downloaded, 0 not listed yet, 0 failed"));
  {
    const char *args[] = { "import", "--db", b, shared, NULL };
    g_assert_cmpint (test_run_cli_strv (args, &out2, &err2), ==, 0);
  }

  sa = alvh_market_store_open_mode (a, ALVH_STORE_READ, &error);
  g_assert_no_error (error);
  sb = alvh_market_store_open_mode (b, ALVH_STORE_READ, &error);
  g_assert_no_error (error);
  va = alvh_market_store_load_vx_contracts (sa, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  vb = alvh_market_store_load_vx_contracts (sb, G_MININT64, G_MAXINT64, &error);
  g_assert_no_error (error);
  /* every settle of a 2014 contract, the same in both, in the same order */
  for (guint i = 0; i < vb->len; i++)
    {
      const AlvhVxSettle *w = &g_array_index (vb, AlvhVxSettle, i);
      const AlvhVxSettle *g;

      if (w->expiry < lo || w->expiry > hi)
        continue;
      n_2014++;
      g_assert_cmpuint (k, <, va->len);
      g = &g_array_index (va, AlvhVxSettle, k++);
      g_assert_cmpint (g->time, ==, w->time);
      g_assert_cmpint (g->expiry, ==, w->expiry);
      g_assert_cmpfloat (g->settle, ==, w->settle);
    }
  g_assert_cmpuint (k, ==, va->len);
  g_assert_cmpuint (n_2014, >, 2000);
  g_test_message ("%u settles of the 2014 contracts", n_2014);
  g_clear_object (&sa);

  {
    const char *args[] = { "fetch", "--db", a, "--source", "vx", "--cfe-url", cfe,
                           "--vx-from", "2014-01", "--vx-to", "2014-12", "--json", NULL };
    int status = test_run_cli_strv (args, &out3, &err3);
    g_test_message ("%s%s", out3, err3);
    g_assert_cmpint (status, ==, 0);
  }
  g_assert_cmpuint (count_substr (out3, "\"contract\":"), ==, 2);
  g_assert_nonnull (strstr (out3, "\"contract\":\"2014-11\",\"expiry\":\"2014-11-19\""));
  g_assert_nonnull (strstr (out3, "\"contract\":\"2014-12\",\"expiry\":\"2014-12-17\""));

  g_clear_object (&sb);
  test_unlink_sqlite (a);
  test_unlink_sqlite (b);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_mutex_init (&server.lock);
  g_cond_init (&server.cond);
  server.context = g_main_context_new ();
  server.loop = g_main_loop_new (server.context, FALSE);
  server.thread = g_thread_new ("soup-server", server_thread, NULL);
  g_mutex_lock (&server.lock);
  while (!server.ready)
    g_cond_wait (&server.cond, &server.lock);
  g_mutex_unlock (&server.lock);

  g_test_add_func ("/core/fetch/urls", test_fetch_urls);
  g_test_add_func ("/core/fetch/cboe-vix", test_fetch_cboe_vix);
  g_test_add_func ("/core/fetch/stooq", test_fetch_stooq);
  g_test_add_func ("/core/fetch/html", test_fetch_html);
  g_test_add_func ("/core/fetch/nd", test_fetch_nd);
  g_test_add_func ("/core/fetch/404", test_fetch_404);
  g_test_add_func ("/core/fetch/slow", test_fetch_slow);
  g_test_add_func ("/core/fetch/truncated", test_fetch_truncated);
  g_test_add_func ("/core/fetch/unknown-source", test_fetch_unknown_source);
  g_test_add_func ("/cli/fetch/import", test_fetch_cli);
  g_test_add_func ("/core/fetch/vx-plan", test_fetch_vx_plan);
  g_test_add_func ("/core/fetch/vx-download", test_fetch_vx_download);
  g_test_add_func ("/cli/fetch/vx", test_fetch_vx_cli);
  g_test_add_func ("/cli/fetch/vx-shared", test_fetch_vx_shared);
  ret = g_test_run ();

  g_main_loop_quit (server.loop);
  g_main_context_wakeup (server.context);
  g_thread_join (server.thread);
  g_main_loop_unref (server.loop);
  g_main_context_unref (server.context);
  g_clear_pointer (&shared_cfe, g_hash_table_unref);
  return ret;
}
