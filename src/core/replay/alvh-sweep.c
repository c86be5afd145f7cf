/* alvh-sweep.c — replays of many profiles on one period, on every core */
#define G_LOG_DOMAIN "alvh-sweep"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-sweep.h"

G_DEFINE_BOXED_TYPE (AlvhSweep, alvh_sweep, alvh_sweep_ref, alvh_sweep_unref)

static void
profile_unref0 (gpointer data)
{
  if (data != NULL)
    alvh_profile_unref (data);
}

static void
row_clear (gpointer data)
{
  AlvhSweepRow *row = data;

  g_clear_pointer (&row->message, g_free);
}

AlvhSweep *
alvh_sweep_ref (AlvhSweep *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_sweep_unref (AlvhSweep *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_clear_pointer (&self->base, alvh_profile_unref);
  g_clear_pointer (&self->rows, g_array_unref);
  g_free (self);
}

static gboolean
parse_number (const char *text,
              double     *out)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return FALSE;
  *out = g_ascii_strtod (text, &end);
  return end != NULL && *end == '\0' && isfinite (*out);
}

static gboolean
check_axis_numbers (const AlvhProfileDescriptor *d,
                    AlvhSweepAxis               *axis,
                    GError                     **error)
{
  double span;

  if (axis->from < d->min || axis->to > d->max)
    {
      g_autofree char *range = alvh_profile_descriptor_dup_range (d);
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_RANGE,
                   _("--sweep %s: %g to %g leaves the key's range %s"), axis->key, axis->from, axis->to, range);
      return FALSE;
    }
  if (!(axis->step > 0.0) || axis->from > axis->to)
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_RANGE,
                   _("--sweep %s: expected FROM <= TO and STEP > 0"), axis->key);
      return FALSE;
    }
  if (d->type == ALVH_PROFILE_VALUE_INT
      && (axis->from != floor (axis->from) || axis->to != floor (axis->to) || axis->step != floor (axis->step)))
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE,
                   _("--sweep %s: an integer key takes whole numbers for FROM, TO and STEP"), axis->key);
      return FALSE;
    }
  span = floor ((axis->to - axis->from) / axis->step + 1e-9);
  if (span + 1.0 > ALVH_SWEEP_MAX_POINTS)
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_RANGE,
                   _("--sweep %s: %.0f values, at most %d"), axis->key, span + 1.0, ALVH_SWEEP_MAX_POINTS);
      return FALSE;
    }
  axis->n = (guint) span + 1;
  return TRUE;
}

gboolean
alvh_sweep_axis_parse (const char     *text,
                       AlvhSweepAxis  *out,
                       GError        **error)
{
  const AlvhProfileDescriptor *d;
  g_auto(GStrv) parts = NULL;
  const char *eq;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);
  eq = strchr (text, '=');
  if (eq == NULL || eq == text || (gsize) (eq - text) >= sizeof out->key)
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_PARSE,
                   _("--sweep: expected KEY=FROM:TO:STEP, found “%s”"), text);
      return FALSE;
    }
  memcpy (out->key, text, (gsize) (eq - text));
  d = alvh_profile_find_descriptor (out->key);
  if (d == NULL)
    {
      g_autofree char *near = alvh_profile_dup_nearest_keys (out->key);
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_UNKNOWN_KEY,
                   _("--sweep: unknown profile key “%s”; %s"), out->key, near);
      return FALSE;
    }
  if (d->type == ALVH_PROFILE_VALUE_RATIO)
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE,
                   _("--sweep: %s is a ratio, not a number, and cannot be swept"), out->key);
      return FALSE;
    }
  parts = g_strsplit (eq + 1, ":", -1);
  if (g_strv_length (parts) != 3 || !parse_number (parts[0], &out->from)
      || !parse_number (parts[1], &out->to) || !parse_number (parts[2], &out->step))
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_PARSE,
                   _("--sweep: expected KEY=FROM:TO:STEP with three numbers, found “%s”"), text);
      return FALSE;
    }
  return check_axis_numbers (d, out, error);
}

double
alvh_sweep_axis_value (const AlvhSweepAxis *axis,
                       guint                k)
{
  double v = axis->from + (double) k * axis->step;

  return round (v * 1e9) / 1e9;
}

guint
alvh_sweep_n_threads (void)
{
  const char *env = g_getenv ("ALVH_SWEEP_THREADS");

  if (env != NULL)
    {
      guint64 n = g_ascii_strtoull (env, NULL, 10);
      if (n >= 1 && n <= 64)
        return (guint) n;
    }
  return MAX (g_get_num_processors (), 1);
}

/* ---- the jobs: one replay each, in a thread pool ---- */

typedef struct
{
  AlvhMarketFrame       *frame;
  GPtrArray             *events;
  GPtrArray             *profiles;     /* NULL entries: skipped */
  gint64                 from;
  gint64                 to;
  AlvhReplayFlags        flags;
  AlvhReplayResult     **results;      /* keep the results here, or */
  AlvhSweepRow          *rows;         /* only the figures here */
  GCancellable          *cancellable;
  AlvhSweepProgressFunc  progress_func;
  gpointer               progress_data;
  GMutex                 lock;
  GCond                  cond;
  guint                  done;
  guint                  total;
  GError                *error;        /* the first job's error */
} Jobs;

static void
job_run (gpointer data,
         gpointer user_data)
{
  Jobs *jobs = user_data;
  guint j = GPOINTER_TO_UINT (data) - 1;
  AlvhProfile *profile = g_ptr_array_index (jobs->profiles, j);
  GError *error = NULL;
  guint done;

  if (profile != NULL && !g_cancellable_is_cancelled (jobs->cancellable))
    {
      g_autoptr(AlvhEvaluator) ev = alvh_evaluator_new (jobs->frame, profile, jobs->events);
      AlvhReplayOptions options;
      AlvhReplayResult *res;

      alvh_replay_options_init (&options);
      options.from = jobs->from;
      options.to = jobs->to;
      options.flags = jobs->flags;
      res = alvh_replay_run (ev, &options, jobs->cancellable, &error);

      if (res != NULL && jobs->rows != NULL)
        {
          alvh_sweep_row_from_result (res, &jobs->rows[j]);
          alvh_replay_result_unref (res);
        }
      else if (res != NULL)
        jobs->results[j] = res;
    }
  g_mutex_lock (&jobs->lock);
  if (error != NULL && jobs->error == NULL)
    jobs->error = g_steal_pointer (&error);
  done = ++jobs->done;
  g_cond_signal (&jobs->cond);
  g_mutex_unlock (&jobs->lock);
  g_clear_error (&error);
  if (jobs->progress_func != NULL)
    jobs->progress_func (done, jobs->total, jobs->progress_data);
}

static gboolean
jobs_wait (Jobs    *jobs,
           GError **error)
{
  GThreadPool *pool;
  guint n_threads = MIN (alvh_sweep_n_threads (), MAX (jobs->total, 1));

  g_mutex_init (&jobs->lock);
  g_cond_init (&jobs->cond);
  pool = g_thread_pool_new (job_run, jobs, (gint) n_threads, TRUE, error);
  if (pool == NULL)
    return FALSE;
  for (guint j = 0; j < jobs->total; j++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (j + 1), NULL);
  g_mutex_lock (&jobs->lock);
  while (jobs->done < jobs->total)
    g_cond_wait (&jobs->cond, &jobs->lock);
  g_mutex_unlock (&jobs->lock);
  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&jobs->lock);
  g_cond_clear (&jobs->cond);
  if (jobs->error == NULL && g_cancellable_set_error_if_cancelled (jobs->cancellable, error))
    return FALSE;
  if (jobs->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&jobs->error));
      return FALSE;
    }
  return TRUE;
}

/* Replays each of @profiles on @frame from @from to @to in a thread pool:
 * the results into @results, or only their figures into @rows */
static gboolean
jobs_run (AlvhMarketFrame        *frame,
          GPtrArray              *events,
          GPtrArray              *profiles,
          gint64                  from,
          gint64                  to,
          AlvhReplayFlags         flags,
          AlvhReplayResult      **results,
          AlvhSweepRow           *rows,
          AlvhSweepProgressFunc   progress_func,
          gpointer                progress_data,
          GCancellable           *cancellable,
          GError                **error)
{
  Jobs jobs = {
    .frame = frame, .events = events, .profiles = profiles, .from = from, .to = to, .flags = flags,
    .results = results, .rows = rows, .total = profiles->len, .cancellable = cancellable,
    .progress_func = progress_func, .progress_data = progress_data,
  };

  return jobs_wait (&jobs, error);
}

GPtrArray *
alvh_replay_batch_run (AlvhMarketFrame       *frame,
                       GPtrArray             *profiles,
                       GPtrArray             *events,
                       gint64                 from,
                       gint64                 to,
                       AlvhReplayFlags        flags,
                       AlvhSweepProgressFunc  progress_func,
                       gpointer               progress_data,
                       GCancellable          *cancellable,
                       GError               **error)
{
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (frame != NULL, NULL);
  g_return_val_if_fail (profiles != NULL, NULL);

  out = g_ptr_array_new_full (profiles->len, (GDestroyNotify) alvh_replay_result_unref);
  g_ptr_array_set_size (out, (gint) profiles->len);
  if (!jobs_run (frame, events, profiles, from, to, flags, (AlvhReplayResult **) out->pdata, NULL,
                 progress_func, progress_data, cancellable, error))
    return NULL;
  return g_steal_pointer (&out);
}

/* The profile of one combination; NULL with row->message when it breaks a rule. */
static AlvhProfile *
combination_profile (AlvhProfile   *base,
                     AlvhSweepAxis *axes,
                     guint          n_axes,
                     AlvhSweepRow  *row)
{
  g_autoptr(AlvhProfile) p = alvh_profile_copy (base);
  g_autoptr(GError) error = NULL;

  for (guint a = 0; a < n_axes; a++)
    if (!alvh_profile_set_value (p, axes[a].key, row->values[a], &error))
      break;
  if (error == NULL)
    alvh_profile_validate (p, &error);
  if (error != NULL)
    {
      row->valid = FALSE;
      row->message = g_strdup (error->message);
      return NULL;
    }
  row->valid = TRUE;
  return g_steal_pointer (&p);
}

static gboolean
check_axes (const AlvhSweepAxis *axes,
            guint                n_axes,
            GError             **error)
{
  if (n_axes < 1 || n_axes > ALVH_SWEEP_MAX_AXES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("A sweep takes one or two keys"));
      return FALSE;
    }
  if (n_axes == 2 && strcmp (axes[0].key, axes[1].key) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("--sweep: %s is given twice; sweep two different keys"), axes[0].key);
      return FALSE;
    }
  return TRUE;
}

AlvhSweep *
alvh_sweep_run (const AlvhSweepSpec   *spec,
                AlvhSweepProgressFunc  progress_func,
                gpointer               progress_data,
                GCancellable          *cancellable,
                GError               **error)
{
  g_autoptr(AlvhSweep) self = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  AlvhMarketFrame *frame;
  const AlvhSweepAxis *axes;
  gint64 from, to;
  gssize first, last;
  guint n_axes, n0, n1;

  g_return_val_if_fail (spec != NULL && spec->frame != NULL, NULL);
  g_return_val_if_fail (spec->base != NULL, NULL);
  frame = spec->frame;
  axes = spec->axes;
  n_axes = spec->n_axes;
  from = spec->from;
  to = spec->to;
  if (!check_axes (axes, n_axes, error))
    return NULL;

  self = g_new0 (AlvhSweep, 1);
  self->ref_count = 1;
  self->base = alvh_profile_copy (spec->base);
  memcpy (self->axes, axes, n_axes * sizeof *axes);
  self->n_axes = n_axes;
  self->rows = g_array_new (FALSE, TRUE, sizeof (AlvhSweepRow));
  g_array_set_clear_func (self->rows, row_clear);
  n0 = axes[0].n;
  n1 = n_axes > 1 ? axes[1].n : 1;
  g_array_set_size (self->rows, n0 * n1);
  profiles = g_ptr_array_new_full (n0 * n1, profile_unref0);
  for (guint i = 0; i < n0; i++)
    for (guint k = 0; k < n1; k++)
      {
        AlvhSweepRow *row = &g_array_index (self->rows, AlvhSweepRow, i * n1 + k);

        row->index[0] = i;
        row->index[1] = k;
        row->values[0] = alvh_sweep_axis_value (&axes[0], i);
        row->values[1] = n_axes > 1 ? alvh_sweep_axis_value (&axes[1], k) : NAN;
        g_ptr_array_add (profiles, combination_profile (self->base, self->axes, n_axes, row));
      }

  first = from == G_MININT64 ? 0 : alvh_market_frame_find_le (frame, from - 1) + 1;
  last = to == G_MAXINT64 ? (gssize) frame->n - 1 : alvh_market_frame_find_le (frame, to);
  if (last >= first && first >= 0 && (gsize) last < frame->n)
    {
      self->first = frame->time[first];
      self->last = frame->time[last];
      self->n_bars = (gsize) (last - first + 1);
    }

  if (!jobs_run (frame, spec->events, profiles, from, to, 0, NULL, (AlvhSweepRow *) (void *) self->rows->data,
                 progress_func, progress_data, cancellable, error))
    return NULL;
  return g_steal_pointer (&self);
}

typedef struct
{
  AlvhSweepSpec          spec;    /* owns its frame, profile and events */
  AlvhSweepProgressFunc  progress_func;
  gpointer               progress_data;
} SweepTaskData;

static void
sweep_task_data_free (gpointer data)
{
  SweepTaskData *td = data;

  alvh_market_frame_unref (td->spec.frame);
  alvh_profile_unref (td->spec.base);
  g_clear_pointer (&td->spec.events, g_ptr_array_unref);
  g_free (td);
}

static void
sweep_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SweepTaskData *td = task_data;
  GError *error = NULL;
  AlvhSweep *sweep;

  (void) source_object;
  sweep = alvh_sweep_run (&td->spec, td->progress_func, td->progress_data, cancellable, &error);
  if (sweep == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, sweep, (GDestroyNotify) alvh_sweep_unref);
}

void
alvh_sweep_run_async (const AlvhSweepSpec   *spec,
                      AlvhSweepProgressFunc  progress_func,
                      gpointer               progress_data,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  SweepTaskData *td = g_new0 (SweepTaskData, 1);

  g_return_if_fail (spec->n_axes >= 1 && spec->n_axes <= ALVH_SWEEP_MAX_AXES);
  g_task_set_source_tag (task, alvh_sweep_run_async);
  td->spec = *spec;
  td->spec.frame = alvh_market_frame_ref (spec->frame);
  td->spec.base = alvh_profile_copy (spec->base);
  if (spec->events != NULL)
    {
      td->spec.events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);
      for (guint i = 0; i < spec->events->len; i++)
        g_ptr_array_add (td->spec.events, alvh_event_copy (g_ptr_array_index (spec->events, i)));
    }
  td->progress_func = progress_func;
  td->progress_data = progress_data;
  g_task_set_task_data (task, td, sweep_task_data_free);
  g_task_run_in_thread (task, sweep_thread);
}

AlvhSweep *
alvh_sweep_run_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const AlvhSweepRow *
alvh_sweep_find_row (AlvhSweep *self,
                     guint      i0,
                     guint      i1)
{
  guint n1 = self->n_axes > 1 ? self->axes[1].n : 1;

  if (i0 >= self->axes[0].n || i1 >= n1)
    return NULL;
  return &g_array_index (self->rows, AlvhSweepRow, i0 * n1 + i1);
}

void
alvh_sweep_row_from_result (const AlvhReplayResult *result,
                            AlvhSweepRow           *out)
{
  out->hedged = result->hedged;
  out->unhedged = result->unhedged;
  out->n_trades = result->trades->len;
  out->n_add = result->n_add;
  out->n_blocked = result->n_blocked;
  memcpy (out->adds_by_branch, result->adds_by_branch, sizeof out->adds_by_branch);
}

/* ---- output ---- */

static const char *const csv_figures[] = {
  "valid", "hedged_total_pnl", "hedged_max_drawdown", "hedged_worst_trade", "hedge_cost",
  "unhedged_total_pnl", "unhedged_max_drawdown", "unhedged_worst_trade",
  "trades_count", "adds", "blocked", "adds_regime", "adds_fixed", "adds_confluence", "message",
};

void
alvh_sweep_append_csv_header (AlvhSweep *self,
                              GString   *out)
{
  for (guint a = 0; a < self->n_axes; a++)
    g_string_append_printf (out, "%s,", self->axes[a].key);
  for (guint k = 0; k < G_N_ELEMENTS (csv_figures); k++)
    g_string_append_printf (out, "%s%s", k > 0 ? "," : "", csv_figures[k]);
  g_string_append_c (out, '\n');
}

static void
append_csv_number (GString *out,
                   double   v)
{
  if (isfinite (v))
    alvh_json_append_number (out, v);
  g_string_append_c (out, ',');
}

void
alvh_sweep_append_csv_row (AlvhSweep          *self,
                           const AlvhSweepRow *row,
                           GString            *out)
{
  for (guint a = 0; a < self->n_axes; a++)
    append_csv_number (out, row->values[a]);
  g_string_append (out, row->valid ? "true," : "false,");
  if (row->valid)
    {
      append_csv_number (out, row->hedged.total_pnl);
      append_csv_number (out, row->hedged.max_drawdown);
      append_csv_number (out, row->hedged.worst_trade);
      append_csv_number (out, row->hedged.hedge_cost);
      append_csv_number (out, row->unhedged.total_pnl);
      append_csv_number (out, row->unhedged.max_drawdown);
      append_csv_number (out, row->unhedged.worst_trade);
      g_string_append_printf (out, "%u,%u,%u,%u,%u,%u,", row->n_trades, row->n_add, row->n_blocked,
                              row->adds_by_branch[ALVH_BRANCH_REGIME], row->adds_by_branch[ALVH_BRANCH_FIXED],
                              row->adds_by_branch[ALVH_BRANCH_CONFLUENCE]);
    }
  else
    {
      g_autofree char *quoted = NULL;
      g_autoptr(GString) q = g_string_new (row->message);

      g_string_replace (q, "\"", "\"\"", 0);
      quoted = g_strdup_printf ("\"%s\"", q->str);
      g_string_append (out, ",,,,,,,,,,,,,");
      g_string_append (out, quoted);
    }
  g_string_append_c (out, '\n');
}

void
alvh_sweep_append_json_row (AlvhSweep          *self,
                            const AlvhSweepRow *row,
                            GString            *out)
{
  g_string_append (out, "{\"values\":{");
  for (guint a = 0; a < self->n_axes; a++)
    {
      g_string_append_printf (out, "%s\"%s\":", a > 0 ? "," : "", self->axes[a].key);
      alvh_json_append_number (out, row->values[a]);
    }
  g_string_append_printf (out, "},\"valid\":%s", row->valid ? "true" : "false");
  if (!row->valid)
    {
      g_string_append (out, ",\"message\":");
      alvh_json_append_string (out, row->message);
      g_string_append_c (out, '}');
      return;
    }
  g_string_append_c (out, ',');
  alvh_replay_totals_append_json (out, "hedged", &row->hedged);
  g_string_append_c (out, ',');
  alvh_replay_totals_append_json (out, "unhedged", &row->unhedged);
  g_string_append_printf (out, ",\"trades_count\":%u,\"adds\":%u,\"blocked\":%u,\"adds_by_branch\":{",
                          row->n_trades, row->n_add, row->n_blocked);
  for (guint b = ALVH_BRANCH_REGIME; b <= ALVH_BRANCH_CONFLUENCE; b++)
    g_string_append_printf (out, "%s\"%s\":%u", b > ALVH_BRANCH_REGIME ? "," : "",
                            alvh_branch_to_string ((AlvhBranch) b), row->adds_by_branch[b]);
  g_string_append (out, "}}");
}

/* ---- objectives ---- */

static const char *const objective_names[] = { "pnl_per_drawdown", "pnl", "drawdown", "cost" };

gboolean
alvh_objective_parse (const char    *text,
                      AlvhObjective *out)
{
  for (guint k = 0; text != NULL && k < G_N_ELEMENTS (objective_names); k++)
    if (strcmp (text, objective_names[k]) == 0)
      {
        *out = (AlvhObjective) k;
        return TRUE;
      }
  return FALSE;
}

const char *
alvh_objective_to_string (AlvhObjective objective)
{
  return (guint) objective < G_N_ELEMENTS (objective_names) ? objective_names[objective] : "?";
}

double
alvh_objective_score (AlvhObjective       objective,
                      const AlvhSweepRow *row)
{
  if (row == NULL || !row->valid)
    return -INFINITY;
  switch (objective)
    {
    case ALVH_OBJECTIVE_PNL_PER_DRAWDOWN:
      /* a flat curve (no drawdown) is scored by its P&L over one dollar */
      return row->hedged.total_pnl / MAX (row->hedged.max_drawdown, 1.0);
    case ALVH_OBJECTIVE_PNL:
      return row->hedged.total_pnl;
    case ALVH_OBJECTIVE_DRAWDOWN:
      return -row->hedged.max_drawdown;
    case ALVH_OBJECTIVE_COST:
      return row->hedged.total_pnl - row->unhedged.total_pnl;
    default:
      return -INFINITY;
    }
}

const AlvhSweepRow *
alvh_sweep_best_row (AlvhSweep     *self,
                     AlvhObjective  objective)
{
  const AlvhSweepRow *best = NULL;
  double best_score = -INFINITY;

  for (guint r = 0; r < self->rows->len; r++)
    {
      const AlvhSweepRow *row = &g_array_index (self->rows, AlvhSweepRow, r);
      double s = alvh_objective_score (objective, row);

      if (row->valid && (best == NULL || s > best_score))
        {
          best = row;
          best_score = s;
        }
    }
  return best;
}

AlvhProfile *
alvh_sweep_dup_profile (AlvhSweep          *self,
                        const AlvhSweepRow *row)
{
  AlvhProfile *p = alvh_profile_copy (self->base);

  for (guint a = 0; a < self->n_axes; a++)
    if (!alvh_profile_set_value (p, self->axes[a].key, row->values[a], NULL))
      g_warning ("sweep value %g of %s refused", row->values[a], self->axes[a].key);
  return p;
}
