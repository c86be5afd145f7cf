/* test-fetch.c — downloads against a local SoupServer serving real Cboe files,
 * an HTML page, a 404, a truncated body and a slow answer */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "alvh-fetch.h"
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

static void
serve_cb (SoupServer        *soup_server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  if (g_str_has_prefix (path, "/cboe/"))
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

  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
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
  ret = g_test_run ();

  g_main_loop_quit (server.loop);
  g_main_context_wakeup (server.context);
  g_thread_join (server.thread);
  g_main_loop_unref (server.loop);
  g_main_context_unref (server.context);
  return ret;
}
