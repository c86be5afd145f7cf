/* alvh-session.c — what the window's pages share */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-evaluator.h"
#include "alvh-import.h"
#include "alvh-market-frame.h"
#include "alvh-market-store.h"
#include "alvh-session.h"
#include "alvh-stored-eval.h"


struct _AlvhSession
{
  GObject           parent_instance;
  char             *data_dir;
  GHashTable       *series;   /* symbol -> AlvhSeries */
  GSettings        *settings; /* NULL when the schema is not installed */

  AlvhJournalStore *store;
  GError           *store_error;
  AlvhMarketStore  *market_store; /* main-thread connection, opened on first use */
  guint             storing_demo;

  gint64            account_id;
  char             *account_name;
  AlvhBook         *book;
  GPtrArray        *condors;  /* AlvhCondor */
  GPtrArray        *legs;     /* AlvhLeg */

  AlvhProfile      *profile;
  AlvhEvaluator    *evaluator; /* cached: market + profile + events */
};

G_DEFINE_FINAL_TYPE (AlvhSession, alvh_session, G_TYPE_OBJECT)
G_DEFINE_QUARK (alvh-session-error-quark, alvh_session_error)

enum {
  MARKET_CHANGED,
  BOOK_CHANGED,
  JOURNAL_CHANGED,
  PROFILE_CHANGED,
  EVENTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const market_symbols[] = { "SPX", "VIX", "VX", "VVIX", "BREADTH" };

/* ---- helpers --------------------------------------------------------- */

static gboolean
need_store (AlvhSession  *self,
            GError      **error)
{
  if (self->store != NULL)
    return TRUE;
  g_set_error (error, ALVH_SESSION_ERROR, ALVH_SESSION_ERROR_NO_STORE,
               _("The app database %s/alvh.sqlite is not open: %s"), self->data_dir,
               self->store_error ? self->store_error->message : _("unknown error"));
  return FALSE;
}

static void
invalidate_evaluator (AlvhSession *self)
{
  g_clear_pointer (&self->evaluator, alvh_evaluator_unref);
}

const char *
alvh_condor_settlement_style (gint64 expiry)
{
  int y, m, d;

  alvh_time_to_ny_date (expiry, &y, &m, &d);
  /* the third Friday falls on day 15..21 */
  if (alvh_time_ny_weekday (expiry) == 5 && d >= 15 && d <= 21)
    return "SPX AM";
  return "SPXW PM";
}

/* ---- market store (market.sqlite in the data dir) --------------------- */

static char *
market_store_path (AlvhSession *self)
{
  return g_build_filename (self->data_dir, "market.sqlite", NULL);
}

static AlvhMarketStore *
get_market_store (AlvhSession  *self,
                  GError      **error)
{
  g_autofree char *path = NULL;

  if (self->market_store != NULL)
    return self->market_store;
  path = market_store_path (self);
  self->market_store = alvh_market_store_open (path, error);
  return self->market_store;
}

/* Reads SPX, VIX, VX, VVIX and BREADTH from the market store into the
 * session (symbols the store lacks keep what the session had). */
static gboolean
reload_market_from_store (AlvhSession *self)
{
  AlvhMarketStore *store;
  g_autoptr(GError) error = NULL;
  gboolean any = FALSE;

  store = get_market_store (self, &error);
  if (store == NULL)
    {
      g_warning ("Cannot open the market store: %s", error->message);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (market_symbols); i++)
    {
      g_autoptr(AlvhSeries) series = NULL;

      if (alvh_market_store_count_rows (store, market_symbols[i], NULL) <= 0 &&
          g_strcmp0 (market_symbols[i], "VX") != 0)
        continue;
      series = alvh_market_store_load_series (store, market_symbols[i], G_MININT64, G_MAXINT64, NULL);
      if (series == NULL || alvh_series_get_length (series) == 0)
        continue;
      g_hash_table_replace (self->series, g_strdup (market_symbols[i]), g_steal_pointer (&series));
      any = TRUE;
    }
  return any;
}

gboolean
alvh_session_load_stored_market (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);

  if (!reload_market_from_store (self))
    return FALSE;
  alvh_session_market_changed (self);
  return TRUE;
}

typedef struct
{
  char       *store_path;
  AlvhSeries *series[G_N_ELEMENTS (market_symbols)];
} StoreDemoData;

static void
store_demo_data_free (StoreDemoData *data)
{
  g_free (data->store_path);
  for (guint i = 0; i < G_N_ELEMENTS (market_symbols); i++)
    g_clear_pointer (&data->series[i], alvh_series_unref);
  g_free (data);
}

/* Writes the demo series as CSV into a temporary folder and imports them
 * into the market store (its own connection, in a thread). */
static void
store_demo_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  StoreDemoData *data = task_data;
  AlvhDemoData demo = { data->series[0], data->series[1], data->series[2], data->series[3], data->series[4] };
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("alvh-demo-XXXXXX", &error);
  static const char * const files[] = { "spx.csv", "vix.csv", "vx.csv", "vvix.csv", "breadth.csv" };

  if (dir == NULL || !alvh_demo_write_csv (&demo, dir, &error))
    goto out;
  store = alvh_market_store_open (data->store_path, &error);
  if (store == NULL)
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i], NULL);
      g_autoptr(AlvhImportResult) result = alvh_import_file (path, market_symbols[i], cancellable, &error);

      if (result == NULL || !alvh_market_store_import_result (store, result, cancellable, &error))
        break;
    }

out:
  if (dir != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (files); i++)
        {
          g_autofree char *path = g_build_filename (dir, files[i], NULL);
          g_unlink (path);
        }
      g_rmdir (dir);
    }
  if (error != NULL)
    {
      g_warning ("Cannot store the demo data in %s: %s", data->store_path, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_boolean (task, TRUE);
}

static void
store_demo_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  AlvhSession *self = ALVH_SESSION (object);

  self->storing_demo--;
}

static void
store_demo (AlvhSession  *self,
            AlvhDemoData *demo)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  StoreDemoData *data;

  /* the main connection creates the schema before another connection opens
   * the file (two connections migrating a new file at once collide) */
  if (get_market_store (self, &error) == NULL)
    {
      g_warning ("Cannot open the market store: %s", error->message);
      return;
    }
  task = g_task_new (self, NULL, store_demo_done_cb, NULL);
  data = g_new0 (StoreDemoData, 1);

  data->store_path = market_store_path (self);
  data->series[0] = alvh_series_ref (demo->spx);
  data->series[1] = alvh_series_ref (demo->vix);
  data->series[2] = alvh_series_ref (demo->vx);
  data->series[3] = alvh_series_ref (demo->vvix);
  data->series[4] = alvh_series_ref (demo->breadth);
  g_task_set_task_data (task, data, (GDestroyNotify) store_demo_data_free);
  self->storing_demo++;
  g_task_run_in_thread (task, store_demo_thread);
}

gboolean
alvh_session_is_busy (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  return self->storing_demo > 0;
}

/* ---- book ------------------------------------------------------------ */

static void
book_changed (AlvhSession *self)
{
  alvh_session_reload_book (self);
  g_signal_emit (self, signals[BOOK_CHANGED], 0);
}

void
alvh_session_reload_book (AlvhSession *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ALVH_IS_SESSION (self));

  alvh_book_clear (self->book);
  g_clear_pointer (&self->condors, g_ptr_array_unref);
  g_clear_pointer (&self->legs, g_ptr_array_unref);
  if (self->store == NULL || self->account_id == 0)
    goto empty;

  self->condors = alvh_journal_store_list_open_condors (self->store, self->account_id, &error);
  if (self->condors == NULL)
    {
      g_warning ("Cannot list condors: %s", error->message);
      goto empty;
    }
  self->legs = alvh_journal_store_list_open_legs (self->store, self->account_id, &error);
  if (self->legs == NULL)
    {
      g_warning ("Cannot list hedge legs: %s", error->message);
      goto empty;
    }

  for (guint i = 0; i < self->condors->len; i++)
    alvh_book_add_condor (self->book, g_ptr_array_index (self->condors, i));
  for (guint i = 0; i < self->legs->len; i++)
    {
      const AlvhLeg *l = g_ptr_array_index (self->legs, i);

      /* not a VIX hedge (an SPX put entered by hand): not in the model book */
      if (alvh_leg_is_vix_hedge (l))
        alvh_book_add_leg (self->book, l);
    }
  return;

empty:
  if (self->condors == NULL)
    self->condors = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_condor_free);
  if (self->legs == NULL)
    self->legs = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_leg_free);
}

/* ---- object ---------------------------------------------------------- */

static void
alvh_session_finalize (GObject *object)
{
  AlvhSession *self = ALVH_SESSION (object);

  g_clear_pointer (&self->evaluator, alvh_evaluator_unref);
  g_clear_pointer (&self->profile, alvh_profile_unref);
  g_clear_pointer (&self->condors, g_ptr_array_unref);
  g_clear_pointer (&self->legs, g_ptr_array_unref);
  g_clear_pointer (&self->book, alvh_book_unref);
  g_clear_pointer (&self->account_name, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->market_store);
  g_clear_error (&self->store_error);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->series, g_hash_table_unref);
  g_clear_pointer (&self->data_dir, g_free);
  G_OBJECT_CLASS (alvh_session_parent_class)->finalize (object);
}

static void
alvh_session_class_init (AlvhSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = alvh_session_finalize;

  signals[MARKET_CHANGED] = g_signal_new ("market-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  signals[BOOK_CHANGED] = g_signal_new ("book-changed", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 0);
  signals[JOURNAL_CHANGED] = g_signal_new ("journal-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  signals[PROFILE_CHANGED] = g_signal_new ("profile-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);
  signals[EVENTS_CHANGED] = g_signal_new ("events-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
}

static void
alvh_session_init (AlvhSession *self)
{
  self->series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) alvh_series_unref);
  self->book = alvh_book_new ();
}

static void
open_account (AlvhSession *self)
{
  g_autofree char *wanted = self->settings ? g_settings_get_string (self->settings, "active-account")
                                           : g_strdup ("Main");
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  if (wanted == NULL || *wanted == '\0')
    {
      g_free (wanted);
      wanted = g_strdup ("Main");
    }
  accounts = alvh_journal_store_list_accounts (self->store, &error);
  if (accounts == NULL)
    {
      g_warning ("Cannot list accounts: %s", error->message);
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    {
      AlvhJournalAccount *a = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (a->name, wanted) == 0)
        {
          self->account_id = a->id;
          self->account_name = g_strdup (a->name);
          return;
        }
    }
  if (accounts->len > 0)
    {
      AlvhJournalAccount *a = g_ptr_array_index (accounts, 0);

      self->account_id = a->id;
      self->account_name = g_strdup (a->name);
      return;
    }
  self->account_id = alvh_journal_store_create_account (self->store, wanted, &error);
  if (self->account_id <= 0)
    {
      g_warning ("Cannot create the account %s: %s", wanted, error ? error->message : "");
      self->account_id = 0;
      return;
    }
  self->account_name = g_strdup (wanted);
}

static void
open_profile (AlvhSession *self)
{
  g_autofree char *wanted = self->settings ? g_settings_get_string (self->settings, "active-profile")
                                           : g_strdup ("Default");
  g_autoptr(GError) error = NULL;

  if (self->store != NULL)
    {
      g_autoptr(AlvhJournalProfile) stored = alvh_journal_store_get_profile (self->store, "Default", 0, NULL);

      if (stored == NULL)
        {
          /* the spec defaults as version 1 of "Default" */
          g_autoptr(AlvhProfile) def = alvh_profile_new ();

          if (!alvh_session_save_profile (self, def, &error))
            g_warning ("Cannot store the default profile: %s", error->message);
          g_clear_error (&error);
        }
    }

  if (g_ascii_strcasecmp (wanted, "default") == 0)
    {
      g_free (wanted);
      wanted = g_strdup ("Default");
    }
  self->profile = alvh_session_load_profile (self, wanted, &error);
  if (self->profile == NULL)
    {
      g_debug ("Profile %s: %s; using the defaults", wanted, error ? error->message : "");
      g_clear_error (&error);
      self->profile = alvh_session_load_profile (self, "Default", NULL);
      if (self->profile == NULL)
        self->profile = alvh_profile_new ();
    }
}

AlvhSession *
alvh_session_new (const char *data_dir)
{
  return alvh_session_new_full (data_dir, NULL);
}

/**
 * alvh_session_new_full:
 * @data_dir: (nullable): the data directory ($ALVH_DATA_DIR wins)
 * @settings: (nullable): the application's settings, borrowed and kept: the
 *   active account and profile are read from and written to it
 *
 * Returns: (transfer full): a new session
 */
AlvhSession *
alvh_session_new_full (const char *data_dir,
                       GSettings  *settings)
{
  AlvhSession *self = g_object_new (ALVH_TYPE_SESSION, NULL);
  const char *env = g_getenv ("ALVH_DATA_DIR");
  g_autofree char *path = NULL;

  if (env != NULL && *env != '\0')
    self->data_dir = g_strdup (env);
  else if (data_dir != NULL)
    self->data_dir = g_strdup (data_dir);
  else
    self->data_dir = g_build_filename (g_get_user_data_dir (), "alvh-desk", NULL);

  self->settings = settings != NULL ? g_object_ref (settings) : NULL;

  path = g_build_filename (self->data_dir, "alvh.sqlite", NULL);
  if (g_mkdir_with_parents (self->data_dir, 0700) != 0)
    g_set_error (&self->store_error, G_IO_ERROR, g_io_error_from_errno (errno),
                 _("Cannot create %s: %s"), self->data_dir, g_strerror (errno));
  else
    self->store = alvh_journal_store_open (path, &self->store_error);
  if (self->store == NULL)
    g_warning ("Cannot open the app database %s: %s", path,
               self->store_error ? self->store_error->message : "");
  else
    open_account (self);

  open_profile (self);
  alvh_session_reload_book (self);
  return self;
}

const char *
alvh_session_get_data_dir (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return self->data_dir;
}

/* ---- market ---------------------------------------------------------- */

AlvhSeries *
alvh_session_get_series (AlvhSession *self,
                         const char  *symbol)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return g_hash_table_lookup (self->series, symbol);
}

/* Replaces (or with NULL removes) a symbol's series; call
 * alvh_session_market_changed() once after a batch of changes. */
void
alvh_session_set_series (AlvhSession *self,
                         const char  *symbol,
                         AlvhSeries  *series)
{
  g_return_if_fail (ALVH_IS_SESSION (self));
  g_return_if_fail (symbol != NULL);

  if (series == NULL)
    g_hash_table_remove (self->series, symbol);
  else
    g_hash_table_replace (self->series, g_strdup (symbol), alvh_series_ref (series));
}

gboolean
alvh_session_has_market (AlvhSession *self)
{
  AlvhSeries *spx, *vix;

  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  spx = g_hash_table_lookup (self->series, "SPX");
  vix = g_hash_table_lookup (self->series, "VIX");
  return spx != NULL && vix != NULL &&
         alvh_series_get_length (spx) > 0 && alvh_series_get_length (vix) > 0;
}

void
alvh_session_market_changed (AlvhSession *self)
{
  g_return_if_fail (ALVH_IS_SESSION (self));
  invalidate_evaluator (self);
  g_signal_emit (self, signals[MARKET_CHANGED], 0);
}

void
alvh_session_load_demo (AlvhSession *self)
{
  g_autoptr(AlvhDemoData) demo = NULL;

  g_return_if_fail (ALVH_IS_SESSION (self));

  demo = alvh_demo_generate_default ();
  alvh_session_set_series (self, "SPX", demo->spx);
  alvh_session_set_series (self, "VIX", demo->vix);
  alvh_session_set_series (self, "VX", demo->vx);
  alvh_session_set_series (self, "VVIX", demo->vvix);
  alvh_session_set_series (self, "BREADTH", demo->breadth);
  store_demo (self, demo);
  alvh_session_market_changed (self);
}

static AlvhEvaluator *
get_evaluator (AlvhSession  *self,
               GError      **error)
{
  g_autoptr(AlvhMarketFrame) frame = NULL;
  g_autoptr(GPtrArray) events = NULL;

  if (self->evaluator != NULL)
    return self->evaluator;
  if (!alvh_session_has_market (self))
    {
      g_set_error_literal (error, ALVH_SESSION_ERROR, ALVH_SESSION_ERROR_NO_MARKET,
                           _("The evaluator needs SPX and VIX history: import it or load the demo data"));
      return NULL;
    }
  frame = alvh_market_frame_new_join (g_hash_table_lookup (self->series, "SPX"),
                                      g_hash_table_lookup (self->series, "VIX"),
                                      g_hash_table_lookup (self->series, "VX"),
                                      g_hash_table_lookup (self->series, "VVIX"),
                                      g_hash_table_lookup (self->series, "BREADTH"),
                                      G_MININT64, G_MAXINT64);
  if (frame == NULL || frame->n == 0)
    {
      g_set_error_literal (error, ALVH_SESSION_ERROR, ALVH_SESSION_ERROR_NO_MARKET,
                           _("SPX and VIX have no date in common"));
      return NULL;
    }
  if (self->store != NULL)
    events = alvh_stored_load_events (self->store, NULL);
  if (events == NULL)
    events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
  self->evaluator = alvh_evaluator_new (frame, self->profile, events);
  return self->evaluator;
}

gint64
alvh_session_get_last_bar_time (AlvhSession *self)
{
  AlvhEvaluator *ev;
  AlvhMarketFrame *frame;

  g_return_val_if_fail (ALVH_IS_SESSION (self), 0);
  ev = get_evaluator (self, NULL);
  if (ev == NULL)
    return 0;
  frame = alvh_evaluator_get_frame (ev);
  return frame->time[frame->n - 1];
}

gboolean
alvh_session_get_market_state (AlvhSession     *self,
                               AlvhMarketState *out)
{
  AlvhEvaluator *ev;
  AlvhMarketFrame *frame;

  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  ev = get_evaluator (self, NULL);
  if (ev == NULL)
    return FALSE;
  frame = alvh_evaluator_get_frame (ev);
  alvh_evaluator_market_state (ev, frame->n - 1, out);
  return TRUE;
}

/* ---- import ---------------------------------------------------------- */

typedef struct
{
  char      **paths;
  char       *store_path;
  GPtrArray  *results;  /* AlvhImportResult of the files that were stored */
  GString    *errors;
  guint       n_failed;
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_strfreev (data->paths);
  g_free (data->store_path);
  g_ptr_array_unref (data->results);
  g_string_free (data->errors, TRUE);
  g_free (data);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhMarketStore) store = alvh_market_store_open (data->store_path, &error);

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* each file is one transaction in the store: all or nothing per file */
  for (guint i = 0; data->paths[i] != NULL; i++)
    {
      AlvhImportResult *result = NULL;

      if (!alvh_market_store_import_file (store, data->paths[i], cancellable, &result, &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
              g_cancellable_is_cancelled (cancellable))
            {
              g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Import cancelled"));
              g_clear_pointer (&result, alvh_import_result_unref);
              return;
            }
          if (data->errors->len > 0)
            g_string_append_c (data->errors, '\n');
          g_string_append (data->errors, error->message);
          data->n_failed++;
          g_clear_error (&error);
          g_clear_pointer (&result, alvh_import_result_unref);
          continue;
        }
      if (result != NULL)
        g_ptr_array_add (data->results, result);
    }
  g_task_return_boolean (task, TRUE);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AlvhSession *self = ALVH_SESSION (object);
  g_autoptr(GTask) outer = user_data;
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  gsize rows = 0;
  guint n_ok;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      return;
    }

  n_ok = g_strv_length (data->paths) - data->n_failed;
  for (guint i = 0; i < data->results->len; i++)
    {
      AlvhImportResult *r = g_ptr_array_index (data->results, i);

      rows += alvh_import_result_get_n_rows (r);
      for (guint k = 0; k < alvh_import_result_get_n_series (r); k++)
        {
          if (summary->len > 0)
            g_string_append (summary, ", ");
          g_string_append (summary, alvh_import_result_get_symbol (r, k));
        }
    }
  if (n_ok > 0)
    {
      reload_market_from_store (self);
      alvh_session_market_changed (self);
    }

  if (data->n_failed > 0)
    {
      if (n_ok > 0)
        g_string_append_printf (data->errors,
                                ngettext ("\n(%u other file was imported)", "\n(%u other files were imported)",
                                          n_ok),
                                n_ok);
      g_task_return_new_error (outer, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s", data->errors->str);
      return;
    }
  g_task_return_pointer (outer,
                         g_strdup_printf (ngettext ("Imported %u file: %s (%zu rows)",
                                                    "Imported %u files: %s (%zu rows)",
                                                    n_ok),
                                          n_ok, summary->str, rows),
                         g_free);
}

void
alvh_session_import_async (AlvhSession         *self,
                           const char * const  *paths,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) worker = NULL;
  ImportData *data;

  g_return_if_fail (ALVH_IS_SESSION (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, alvh_session_import_async);
  get_market_store (self, NULL); /* creates the schema first, see store_demo() */

  data = g_new0 (ImportData, 1);
  data->paths = g_strdupv ((char **) paths);
  data->store_path = market_store_path (self);
  data->results = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_import_result_unref);
  data->errors = g_string_new (NULL);
  worker = g_task_new (self, cancellable, import_done_cb, outer);
  g_task_set_task_data (worker, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (worker, import_thread);
}

char *
alvh_session_import_finish (AlvhSession   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- store ----------------------------------------------------------- */

AlvhJournalStore *
alvh_session_get_store (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return self->store;
}

const GError *
alvh_session_get_store_error (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return self->store_error;
}

/* ---- accounts -------------------------------------------------------- */

GPtrArray *
alvh_session_list_accounts (AlvhSession *self)
{
  GPtrArray *accounts = NULL;

  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  if (self->store != NULL)
    accounts = alvh_journal_store_list_accounts (self->store, NULL);
  if (accounts == NULL)
    accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_journal_account_free);
  return accounts;
}

gint64
alvh_session_get_account_id (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), 0);
  return self->account_id;
}

const char *
alvh_session_get_account_name (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return self->account_name;
}

gboolean
alvh_session_set_account (AlvhSession *self,
                          gint64       account_id)
{
  g_autoptr(GPtrArray) accounts = NULL;

  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (account_id == self->account_id)
    return TRUE;
  accounts = alvh_session_list_accounts (self);
  for (guint i = 0; i < accounts->len; i++)
    {
      AlvhJournalAccount *a = g_ptr_array_index (accounts, i);

      if (a->id != account_id)
        continue;
      self->account_id = a->id;
      g_free (self->account_name);
      self->account_name = g_strdup (a->name);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "active-account", a->name);
      book_changed (self);
      g_signal_emit (self, signals[JOURNAL_CHANGED], 0);
      return TRUE;
    }
  return FALSE;
}

gint64
alvh_session_create_account (AlvhSession  *self,
                             const char   *name,
                             GError      **error)
{
  g_autofree char *stripped = NULL;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_SESSION (self), 0);
  if (!need_store (self, error))
    return 0;
  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, ALVH_SESSION_ERROR, ALVH_SESSION_ERROR_INVALID,
                           _("An account needs a name"));
      return 0;
    }
  id = alvh_journal_store_create_account (self->store, stripped, error);
  if (id <= 0)
    return 0;
  alvh_session_set_account (self, id);
  return id;
}

/* ---- book ------------------------------------------------------------ */

AlvhBook *
alvh_session_get_book (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return self->book;
}

GPtrArray *
alvh_session_get_condors (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return self->condors;
}

GPtrArray *
alvh_session_get_legs (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return self->legs;
}

gint64
alvh_session_add_condor (AlvhSession              *self,
                         const AlvhCondor  *condor,
                         GError                  **error)
{
  AlvhCondor copy;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_SESSION (self), 0);
  if (!need_store (self, error))
    return 0;
  copy = *condor;
  copy.account_id = self->account_id;
  if (copy.opened == 0)
    copy.opened = g_get_real_time () / G_USEC_PER_SEC;
  id = alvh_journal_store_add_condor (self->store, &copy, error);
  if (id > 0)
    book_changed (self);
  return id;
}

gboolean
alvh_session_update_condor (AlvhSession              *self,
                            const AlvhCondor  *condor,
                            GError                  **error)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (!need_store (self, error))
    return FALSE;
  if (!alvh_journal_store_update_condor (self->store, condor, error))
    return FALSE;
  book_changed (self);
  return TRUE;
}

gboolean
alvh_session_close_condor (AlvhSession  *self,
                           gint64        id,
                           double        price,
                           GError      **error)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (!need_store (self, error))
    return FALSE;
  if (!alvh_journal_store_close_condor (self->store, id, g_get_real_time () / G_USEC_PER_SEC, price, error))
    return FALSE;
  book_changed (self);
  return TRUE;
}

gint64
alvh_session_add_leg (AlvhSession           *self,
                      const AlvhLeg  *leg,
                      GError               **error)
{
  AlvhLeg copy;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_SESSION (self), 0);
  if (!need_store (self, error))
    return 0;
  copy = *leg;
  copy.account_id = self->account_id;
  if (copy.opened == 0)
    copy.opened = g_get_real_time () / G_USEC_PER_SEC;
  id = alvh_journal_store_add_leg (self->store, &copy, error);
  if (id > 0)
    {
      book_changed (self);
      g_signal_emit (self, signals[JOURNAL_CHANGED], 0);
    }
  return id;
}

gboolean
alvh_session_update_leg (AlvhSession           *self,
                         const AlvhLeg  *leg,
                         GError               **error)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (!need_store (self, error))
    return FALSE;
  if (!alvh_journal_store_update_leg (self->store, leg, error))
    return FALSE;
  book_changed (self);
  return TRUE;
}

gboolean
alvh_session_close_leg (AlvhSession  *self,
                        gint64        id,
                        double        quantity,
                        double        price,
                        GError      **error)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (!need_store (self, error))
    return FALSE;
  if (!alvh_journal_store_close_leg (self->store, id, g_get_real_time () / G_USEC_PER_SEC,
                                     quantity, price, error))
    return FALSE;
  book_changed (self);
  g_signal_emit (self, signals[JOURNAL_CHANGED], 0);
  return TRUE;
}

/* ---- profiles -------------------------------------------------------- */

AlvhProfile *
alvh_session_get_profile (AlvhSession *self)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  return self->profile;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

char **
alvh_session_dup_profile_names (AlvhSession *self)
{
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *names = g_ptr_array_new ();

  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  if (self->store != NULL)
    profiles = alvh_journal_store_list_profiles (self->store, NULL);
  g_hash_table_add (seen, (gpointer) "Default");
  g_ptr_array_add (names, g_strdup ("Default"));
  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    {
      AlvhJournalProfile *p = g_ptr_array_index (profiles, i);

      if (g_hash_table_contains (seen, p->name))
        continue;
      g_hash_table_add (seen, p->name);
      g_ptr_array_add (names, g_strdup (p->name));
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

AlvhProfile *
alvh_session_load_profile (AlvhSession  *self,
                           const char   *name,
                           GError      **error)
{
  g_autoptr(AlvhJournalProfile) stored = NULL;
  AlvhProfile *profile;

  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  if (!need_store (self, error))
    return NULL;
  stored = alvh_journal_store_get_profile (self->store, name, 0, error);
  if (stored == NULL)
    return NULL;
  profile = alvh_profile_new_from_data (stored->keyfile, -1, name, error);
  if (profile == NULL)
    return NULL;
  alvh_profile_set_name (profile, stored->name);
  alvh_profile_set_version (profile, stored->version);
  return profile;
}

gboolean
alvh_session_set_active_profile (AlvhSession  *self,
                                 const char   *name,
                                 GError      **error)
{
  AlvhProfile *profile;

  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  profile = alvh_session_load_profile (self, name, error);
  if (profile == NULL)
    return FALSE;
  g_clear_pointer (&self->profile, alvh_profile_unref);
  self->profile = profile;
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "active-profile", name);
  invalidate_evaluator (self);
  g_signal_emit (self, signals[PROFILE_CHANGED], 0);
  return TRUE;
}

gboolean
alvh_session_save_profile (AlvhSession  *self,
                           AlvhProfile  *profile,
                           GError      **error)
{
  g_autoptr(AlvhJournalProfile) latest = NULL;
  g_autofree char *text = NULL;
  int version = 1;

  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (!need_store (self, error))
    return FALSE;

  latest = alvh_journal_store_get_profile (self->store, alvh_profile_get_name (profile), 0, NULL);
  if (latest != NULL)
    {
      g_autoptr(AlvhProfile) old = alvh_profile_new_from_data (latest->keyfile, -1, latest->name, NULL);

      if (old != NULL && alvh_profile_equal_values (old, profile))
        version = latest->version; /* nothing changed: same version */
      else
        version = latest->version + 1;
    }
  alvh_profile_set_version (profile, version);
  text = alvh_profile_to_data (profile, NULL);
  if (alvh_journal_store_save_profile (self->store, alvh_profile_get_name (profile), text,
                                       &version, error) <= 0)
    return FALSE;
  alvh_profile_set_version (profile, version);

  if (self->profile != NULL &&
      g_strcmp0 (alvh_profile_get_name (self->profile), alvh_profile_get_name (profile)) == 0)
    {
      g_clear_pointer (&self->profile, alvh_profile_unref);
      self->profile = alvh_profile_copy (profile);
      invalidate_evaluator (self);
      g_signal_emit (self, signals[PROFILE_CHANGED], 0);
    }
  return TRUE;
}

static gboolean
profile_exists (AlvhSession *self,
                const char  *name)
{
  g_autoptr(AlvhJournalProfile) p = alvh_journal_store_get_profile (self->store, name, 0, NULL);

  return p != NULL;
}

gboolean
alvh_session_rename_profile (AlvhSession  *self,
                             const char   *old_name,
                             const char   *new_name,
                             GError      **error)
{
  g_autofree char *name = NULL;
  gboolean active;

  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (!need_store (self, error))
    return FALSE;
  name = g_strstrip (g_strdup (new_name ? new_name : ""));
  if (*name == '\0' || g_strcmp0 (old_name, "Default") == 0)
    {
      g_set_error (error, ALVH_SESSION_ERROR, ALVH_SESSION_ERROR_INVALID,
                   *name == '\0' ? _("A profile needs a name") : _("The Default profile keeps its name"));
      return FALSE;
    }
  if (profile_exists (self, name))
    {
      g_set_error (error, ALVH_SESSION_ERROR, ALVH_SESSION_ERROR_INVALID,
                   _("A profile named “%s” exists already"), name);
      return FALSE;
    }
  if (!alvh_journal_store_rename_profile (self->store, old_name, name, error))
    return FALSE;
  active = self->profile != NULL && g_strcmp0 (alvh_profile_get_name (self->profile), old_name) == 0;
  if (active)
    return alvh_session_set_active_profile (self, name, error);
  return TRUE;
}

gboolean
alvh_session_delete_profile (AlvhSession  *self,
                             const char   *name,
                             GError      **error)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (!need_store (self, error))
    return FALSE;
  if (g_strcmp0 (name, "Default") == 0)
    {
      g_set_error_literal (error, ALVH_SESSION_ERROR, ALVH_SESSION_ERROR_INVALID,
                           _("The Default profile cannot be deleted"));
      return FALSE;
    }
  if (!alvh_journal_store_delete_profile (self->store, name, error))
    return FALSE;
  if (self->profile != NULL && g_strcmp0 (alvh_profile_get_name (self->profile), name) == 0)
    return alvh_session_set_active_profile (self, "Default", error);
  return TRUE;
}

/* ---- events ---------------------------------------------------------- */

GPtrArray *
alvh_session_list_events (AlvhSession *self)
{
  GPtrArray *events = NULL;

  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  if (self->store != NULL)
    events = alvh_journal_store_list_events (self->store, 0, 0, NULL);
  if (events == NULL)
    events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
  return events;
}

static void
events_changed (AlvhSession *self)
{
  invalidate_evaluator (self);
  g_signal_emit (self, signals[EVENTS_CHANGED], 0);
}

gint64
alvh_session_add_event (AlvhSession             *self,
                        const AlvhEvent  *event,
                        GError                 **error)
{
  gint64 id;

  g_return_val_if_fail (ALVH_IS_SESSION (self), 0);
  if (!need_store (self, error))
    return 0;
  id = alvh_journal_store_add_event (self->store, event, error);
  if (id > 0)
    events_changed (self);
  return id;
}

gboolean
alvh_session_update_event (AlvhSession             *self,
                           const AlvhEvent  *event,
                           GError                 **error)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (!need_store (self, error) ||
      !alvh_journal_store_update_event (self->store, event, error))
    return FALSE;
  events_changed (self);
  return TRUE;
}

gboolean
alvh_session_delete_event (AlvhSession  *self,
                           gint64        id,
                           GError      **error)
{
  g_return_val_if_fail (ALVH_IS_SESSION (self), FALSE);
  if (!need_store (self, error) ||
      !alvh_journal_store_delete_event (self->store, id, error))
    return FALSE;
  events_changed (self);
  return TRUE;
}

/* ---- the evaluator --------------------------------------------------- */

AlvhDecision *
alvh_session_evaluate (AlvhSession  *self,
                       GError      **error)
{
  AlvhEvaluator *ev;
  AlvhMarketFrame *frame;
  AlvhDecision *decision;

  g_return_val_if_fail (ALVH_IS_SESSION (self), NULL);
  ev = get_evaluator (self, error);
  if (ev == NULL)
    return NULL;
  frame = alvh_evaluator_get_frame (ev);
  decision = alvh_decision_new ();
  alvh_evaluator_evaluate (ev, frame->n - 1, self->book, decision);
  return decision;
}

/* The decision as the journal stores it; a decision without a leg is filed
 * under the book's first condor. */
static AlvhJournalDecision *
journal_decision_from (AlvhSession        *self,
                       const AlvhDecision *decision)
{
  gint64 condor_id = decision->has_leg ? decision->leg.condor_id : 0;

  if (condor_id == 0 && alvh_book_get_n_condors (self->book) > 0)
    condor_id = alvh_book_get_condor (self->book, 0)->id;
  return alvh_journal_decision_from_evaluator (decision, self->account_id, condor_id);
}

gint64
alvh_session_record_decision (AlvhSession         *self,
                              const AlvhDecision  *decision,
                              GError             **error)
{
  g_autoptr(AlvhJournalDecision) jd = NULL;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_SESSION (self), 0);
  if (!need_store (self, error))
    return 0;
  jd = journal_decision_from (self, decision);
  id = alvh_journal_store_record_decision (self->store, jd, error);
  if (id > 0)
    g_signal_emit (self, signals[JOURNAL_CHANGED], 0);
  return id;
}

gint64
alvh_session_add_leg_from_decision (AlvhSession         *self,
                                    const AlvhDecision  *decision,
                                    double               fill_price,
                                    double               size,
                                    const char          *note,
                                    gint64              *out_decision_id,
                                    GError             **error)
{
  g_autoptr(AlvhJournalDecision) jd = NULL;
  g_autoptr(AlvhLeg) leg = NULL;
  gint64 decision_id, leg_id, entry_id = 0;

  g_return_val_if_fail (ALVH_IS_SESSION (self), 0);
  if (!need_store (self, error))
    return 0;
  if (!decision->has_leg)
    {
      g_set_error_literal (error, ALVH_SESSION_ERROR, ALVH_SESSION_ERROR_INVALID,
                           _("This decision proposes no hedge leg"));
      return 0;
    }
  if (!(fill_price >= 0) || !(size > 0))
    {
      g_set_error (error, ALVH_SESSION_ERROR, ALVH_SESSION_ERROR_INVALID,
                   _("A fill price of at least 0 and a size above 0 are needed (got %g and %g)"),
                   fill_price, size);
      return 0;
    }

  jd = journal_decision_from (self, decision);
  decision_id = alvh_journal_store_record_decision (self->store, jd, error);
  if (decision_id <= 0)
    return 0;
  if (out_decision_id != NULL)
    *out_decision_id = decision_id;

  leg = alvh_leg_new ();
  leg->account_id = self->account_id;
  leg->condor_id = jd->condor_id;
  leg->decision_id = decision_id;
  leg->kind = decision->leg.kind;
  leg->long_strike = decision->leg.long_strike;
  leg->short_strike = decision->leg.short_strike;
  leg->expiry = decision->leg.expiry;
  leg->quantity = size;
  leg->premium = fill_price;
  leg->layer = decision->layer;
  leg->opened = g_get_real_time () / G_USEC_PER_SEC;
  leg->manual = FALSE;
  g_free (leg->notes);
  leg->notes = g_strdup (note ? note : "");

  leg_id = alvh_journal_store_add_leg_from_decision (self->store, decision_id, leg, fill_price, size,
                                                     note, &entry_id, error);
  if (leg_id <= 0)
    return 0;
  book_changed (self);
  g_signal_emit (self, signals[JOURNAL_CHANGED], 0);
  return leg_id;
}

gint64
alvh_session_skip_decision (AlvhSession         *self,
                            const AlvhDecision  *decision,
                            const char          *reason,
                            GError             **error)
{
  gint64 id;

  g_return_val_if_fail (ALVH_IS_SESSION (self), 0);
  id = alvh_session_record_decision (self, decision, error);
  if (id <= 0)
    return 0;
  if (!alvh_journal_store_skip_decision (self->store, id, reason ? reason : "", error))
    return 0;
  g_signal_emit (self, signals[JOURNAL_CHANGED], 0);
  return id;
}
