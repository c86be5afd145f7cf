/* alvh-market-service.c — the series by symbol and the market store */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "alvh-import.h"
#include "alvh-market-store.h"
#include "alvh-market-service.h"

struct _AlvhMarketService
{
  GObject          parent_instance;
  char            *data_dir;
  GHashTable      *series;       /* symbol -> AlvhSeries */
  AlvhMarketStore *market_store; /* main-thread connection, opened on first use */
  AlvhChainSet    *chains;       /* the stored SPX option chains, NULL when none */
  guint            storing_demo;
};

G_DEFINE_FINAL_TYPE (AlvhMarketService, alvh_market_service, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const market_symbols[] = { "SPX", "VIX", "VX", "VVIX", "BREADTH" };

static void
alvh_market_service_finalize (GObject *object)
{
  AlvhMarketService *self = ALVH_MARKET_SERVICE (object);

  g_clear_object (&self->market_store);
  g_clear_pointer (&self->chains, alvh_chain_set_unref);
  g_clear_pointer (&self->series, g_hash_table_unref);
  g_clear_pointer (&self->data_dir, g_free);
  G_OBJECT_CLASS (alvh_market_service_parent_class)->finalize (object);
}

static void
alvh_market_service_class_init (AlvhMarketServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = alvh_market_service_finalize;

  /**
   * AlvhMarketService::changed:
   *
   * Series were loaded, imported or replaced.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
alvh_market_service_init (AlvhMarketService *self)
{
  self->series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) alvh_series_unref);
}

/**
 * alvh_market_service_new:
 * @data_dir: the directory of market.sqlite
 *
 * Returns: (transfer full): a market service without series yet
 */
AlvhMarketService *
alvh_market_service_new (const char *data_dir)
{
  AlvhMarketService *self = g_object_new (ALVH_TYPE_MARKET_SERVICE, NULL);

  self->data_dir = g_strdup (data_dir);
  return self;
}

static void store_demo (AlvhMarketService *self,
                        AlvhDemoData      *demo);

/* ---- market ---------------------------------------------------------- */

/**
 * alvh_market_service_get_series:
 * @self: the service
 * @symbol: SPX, VIX, VX, VVIX or BREADTH
 *
 * The series of a symbol.
 *
 * Returns: (transfer none) (nullable): the series, NULL when there is none
 */
AlvhSeries *
alvh_market_service_get_series (AlvhMarketService *self,
                                const char        *symbol)
{
  g_return_val_if_fail (ALVH_IS_MARKET_SERVICE (self), NULL);
  return g_hash_table_lookup (self->series, symbol);
}

/* Replaces (or with NULL removes) a symbol's series; call
 * alvh_market_service_changed() once after a batch of changes. */
/**
 * alvh_market_service_set_series:
 * @self: the service
 * @symbol: SPX, VIX, VX, VVIX or BREADTH
 * @series: (nullable): the series, or NULL to remove it
 *
 * Replaces (or with NULL removes) a symbol's series; call
 * alvh_market_service_changed() once after a batch of changes.
 */
void
alvh_market_service_set_series (AlvhMarketService *self,
                                const char        *symbol,
                                AlvhSeries        *series)
{
  g_return_if_fail (ALVH_IS_MARKET_SERVICE (self));
  g_return_if_fail (symbol != NULL);

  if (series == NULL)
    g_hash_table_remove (self->series, symbol);
  else
    g_hash_table_replace (self->series, g_strdup (symbol), alvh_series_ref (series));
}

/**
 * alvh_market_service_has_market:
 * @self: the service
 *
 * Whether SPX and VIX both have bars: what the pages need.
 *
 * Returns: TRUE with SPX and VIX history
 */
gboolean
alvh_market_service_has_market (AlvhMarketService *self)
{
  AlvhSeries *spx, *vix;

  g_return_val_if_fail (ALVH_IS_MARKET_SERVICE (self), FALSE);
  spx = g_hash_table_lookup (self->series, "SPX");
  vix = g_hash_table_lookup (self->series, "VIX");
  return spx != NULL && vix != NULL &&
         alvh_series_get_length (spx) > 0 && alvh_series_get_length (vix) > 0;
}

/**
 * alvh_market_service_changed:
 * @self: the service
 *
 * Emits ::changed.
 */
void
alvh_market_service_changed (AlvhMarketService *self)
{
  g_return_if_fail (ALVH_IS_MARKET_SERVICE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * alvh_market_service_load_demo:
 * @self: the service
 *
 * Generates the bundled demo data set, keeps it, stores it in market.sqlite
 * (in a thread) and emits ::changed.
 */
void
alvh_market_service_load_demo (AlvhMarketService *self)
{
  g_autoptr(AlvhDemoData) demo = NULL;

  g_return_if_fail (ALVH_IS_MARKET_SERVICE (self));

  demo = alvh_demo_generate_default ();
  alvh_market_service_set_series (self, "SPX", demo->spx);
  alvh_market_service_set_series (self, "VIX", demo->vix);
  alvh_market_service_set_series (self, "VX", demo->vx);
  alvh_market_service_set_series (self, "VVIX", demo->vvix);
  alvh_market_service_set_series (self, "BREADTH", demo->breadth);
  store_demo (self, demo);
  alvh_market_service_changed (self);
}

/* ---- market store (market.sqlite in the data dir) --------------------- */

static char *
market_store_path (AlvhMarketService *self)
{
  return alvh_paths_market_db (self->data_dir);
}

static AlvhMarketStore *
get_market_store (AlvhMarketService  *self,
                  GError            **error)
{
  g_autofree char *path = NULL;

  if (self->market_store != NULL)
    return self->market_store;
  path = market_store_path (self);
  self->market_store = alvh_market_store_open (path, error);
  return self->market_store;
}

/* Reads SPX, VIX, VX, VVIX and BREADTH from the market store into the
 * service (symbols the store lacks keep what the service had).  FALSE when
 * the store holds nothing, or with @error when it cannot be read. */
static gboolean
reload_market_from_store (AlvhMarketService  *self,
                          GError            **error)
{
  AlvhMarketStore *store;
  gboolean any = FALSE;

  store = get_market_store (self, error);
  if (store == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (market_symbols); i++)
    {
      g_autoptr(AlvhSeries) series = NULL;
      g_autoptr(GError) local = NULL;
      gint64 rows = alvh_market_store_count_rows (store, market_symbols[i], &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (rows <= 0 && g_strcmp0 (market_symbols[i], "VX") != 0)
        continue;
      series = alvh_market_store_load_series (store, market_symbols[i], G_MININT64, G_MAXINT64, &local);
      /* an instrument the store does not hold (VX without futures) is none */
      if (series == NULL && !g_error_matches (local, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (series == NULL || alvh_series_get_length (series) == 0)
        continue;
      g_hash_table_replace (self->series, g_strdup (market_symbols[i]), g_steal_pointer (&series));
      any = TRUE;
    }
  /* option chains: iv_t and marks (ALVH-SPEC.md sections 1 and 6); a store
   * without any gives an empty set, one that cannot be read an error (the
   * model's marks must not stand in silently for the market's) */
  g_clear_pointer (&self->chains, alvh_chain_set_unref);
  self->chains = alvh_market_store_load_chains (store, "SPX", error);
  if (self->chains == NULL)
    return FALSE;
  return any;
}

/**
 * alvh_market_service_get_chains:
 * @self: the service
 *
 * Returns: (transfer none) (nullable): the stored SPX option chains, for
 *   alvh_market_frame_set_chains()
 */
AlvhChainSet *
alvh_market_service_get_chains (AlvhMarketService *self)
{
  g_return_val_if_fail (ALVH_IS_MARKET_SERVICE (self), NULL);
  return self->chains;
}

/**
 * alvh_market_service_load_stored_market:
 * @self: the service
 *
 * Loads what the market store holds and emits ::changed.
 *
 * Returns: FALSE when the store holds nothing, or with @error when it
 *   cannot be read
 */
gboolean
alvh_market_service_load_stored_market (AlvhMarketService  *self,
                                        GError            **error)
{
  g_return_val_if_fail (ALVH_IS_MARKET_SERVICE (self), FALSE);

  if (!reload_market_from_store (self, error))
    return FALSE;
  alvh_market_service_changed (self);
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
  AlvhMarketService *self = ALVH_MARKET_SERVICE (object);

  self->storing_demo--;
}

static void
store_demo (AlvhMarketService *self,
            AlvhDemoData      *demo)
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

/**
 * alvh_market_service_is_busy:
 * @self: the service
 *
 * Whether the demo data is still being written to the market store.
 *
 * Returns: TRUE while it is
 */
gboolean
alvh_market_service_is_busy (AlvhMarketService *self)
{
  g_return_val_if_fail (ALVH_IS_MARKET_SERVICE (self), FALSE);
  return self->storing_demo > 0;
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

/* SPX, VIX, VIX9D, VIX3M, VX, VVIX, BREADTH, then any other by name */
static int
symbol_rank (const char *symbol)
{
  static const char *order[] = { "SPX", "VIX", "VIX9D", "VIX3M", "VX", "VVIX", "BREADTH" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_str_equal (symbol, order[i]))
      return (int) i;
  return G_N_ELEMENTS (order);
}

static int
compare_symbols (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char * const *) a;
  const char *y = *(const char * const *) b;
  int rx = symbol_rank (x), ry = symbol_rank (y);

  return rx != ry ? rx - ry : strcmp (x, y);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  AlvhMarketService *self = ALVH_MARKET_SERVICE (object);
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
  {
    /* each series once, in the order people know them */
    g_autoptr(GPtrArray) symbols = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < data->results->len; i++)
      {
        AlvhImportResult *r = g_ptr_array_index (data->results, i);
        /* "VIX, VX, SPX"; "SPX options" for a chain */
        g_autofree char *names = alvh_import_result_dup_symbols (r);
        g_auto(GStrv) parts = g_strsplit (names, ", ", -1);

        rows += alvh_import_result_get_n_rows (r);
        for (guint k = 0; parts[k] != NULL; k++)
          if (*parts[k] != '\0' &&
              !g_ptr_array_find_with_equal_func (symbols, parts[k], g_str_equal, NULL))
            g_ptr_array_add (symbols, g_strdup (parts[k]));
      }
    g_ptr_array_sort (symbols, compare_symbols);
    for (guint i = 0; i < symbols->len; i++)
      g_string_append_printf (summary, "%s%s", i > 0 ? ", " : "", (const char *) g_ptr_array_index (symbols, i));
  }
  if (n_ok > 0)
    {
      g_autoptr(GError) reload_error = NULL;

      if (!reload_market_from_store (self, &reload_error) && reload_error != NULL)
        {
          if (data->errors->len > 0)
            g_string_append_c (data->errors, '\n');
          g_string_append (data->errors, reload_error->message);
          data->n_failed++;
        }
      alvh_market_service_changed (self);
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
  {
    g_autofree char *n_rows = alvh_format_number ((double) rows, 0, ALVH_FORMAT_SCREEN);

    /* TRANSLATORS: "Imported 3 files: SPX, VIX, VX (12,345 rows)" */
    g_task_return_pointer (outer,
                           g_strdup_printf (ngettext ("Imported %u file: %s (%s rows)",
                                                      "Imported %u files: %s (%s rows)",
                                                      n_ok),
                                            n_ok, summary->str, n_rows),
                           g_free);
  }
}

/**
 * alvh_market_service_import_async:
 * @self: the service
 * @paths: (array zero-terminated=1): the CSV files
 * @cancellable: (nullable): cancels the import
 * @callback: (scope async): called when the import is done
 * @user_data: data for @callback
 *
 * Imports CSV files into the market store in a thread (each file one
 * transaction), then reloads the series and emits ::changed.
 */
void
alvh_market_service_import_async (AlvhMarketService   *self,
                                  const char * const  *paths,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *outer;
  g_autoptr(GTask) worker = NULL;
  g_autoptr(GError) error = NULL;
  ImportData *data;

  g_return_if_fail (ALVH_IS_MARKET_SERVICE (self));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, alvh_market_service_import_async);
  /* creates the schema first, see store_demo(); a store that cannot be
   * opened fails the import before any file is read */
  if (get_market_store (self, &error) == NULL)
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }

  data = g_new0 (ImportData, 1);
  data->paths = g_strdupv ((char **) paths);
  data->store_path = market_store_path (self);
  data->results = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_import_result_unref);
  data->errors = g_string_new (NULL);
  worker = g_task_new (self, cancellable, import_done_cb, outer);
  g_task_set_task_data (worker, data, (GDestroyNotify) import_data_free);
  g_task_run_in_thread (worker, import_thread);
}

/**
 * alvh_market_service_import_finish:
 * @self: the service
 * @result: the result given to @callback
 * @error: return location for an error
 *
 * Finishes alvh_market_service_import_async().
 *
 * Returns: (transfer full) (nullable): a summary for the user, or NULL with
 *   @error set (the files that failed, and how many others were imported)
 */
char *
alvh_market_service_import_finish (AlvhMarketService  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

