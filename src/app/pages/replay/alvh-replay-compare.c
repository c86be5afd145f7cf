/* alvh-replay-compare.c — the Replay page's Compare view (issue 20)
 *
 * Up to four profiles (the profile store's, or the spec's defaults) replayed
 * over the page's period with alvh_replay_batch_run() in a GTask thread (the
 * batch uses every core); their hedged equity curves on one chart and a table
 * of P&L, max drawdown, worst trade, hedge cost and layers by branch.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-form.h"
#include "alvh-replay-compare.h"
#include "alvh-replay-curves-view.h"
#include "alvh-replay-page.h"

#define N_PROFILES 4
#define SPEC_DEFAULTS 1   /* position of "Spec defaults" in the lists; 0 is "None" */

typedef struct
{
  AlvhReplayInputs *inputs;
  GPtrArray        *profiles;   /* AlvhProfile */
  GStrv             labels;     /* the choices' names */
  gint              done;       /* atomic */
  guint             total;
} CompareJob;

struct _AlvhReplayCompare
{
  GtkWidget             parent_instance;

  GtkDropDown          *profile_1;
  GtkDropDown          *profile_2;
  GtkDropDown          *profile_3;
  GtkDropDown          *profile_4;
  GtkProgressBar       *progress_bar;
  GtkStack             *stack;
  AlvhReplayCurvesView *curves_view;
  GtkGrid              *table;

  GtkStringList        *names;
  GCancellable         *cancellable;
  CompareJob           *job;          /* rc box while running */
  guint                 progress_source;
  GPtrArray            *results;
  GStrv                 labels;        /* as chosen, one per result */
};

G_DEFINE_FINAL_TYPE (AlvhReplayCompare, alvh_replay_compare, GTK_TYPE_WIDGET)

static void
job_clear (gpointer data)
{
  CompareJob *job = data;

  g_clear_pointer (&job->inputs, alvh_replay_inputs_free);
  g_clear_pointer (&job->profiles, g_ptr_array_unref);
  g_clear_pointer (&job->labels, g_strfreev);
}

static void
job_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, job_clear);
}

static GtkDropDown *
dropdown (AlvhReplayCompare *self,
          guint              k)
{
  GtkDropDown *all[N_PROFILES] = { self->profile_1, self->profile_2, self->profile_3, self->profile_4 };

  return all[k];
}

static void
update_actions (AlvhReplayCompare *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.run", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.cancel", running);
}

void
alvh_replay_compare_reload_profiles (AlvhReplayCompare *self)
{
  AlvhContext *context;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  AlvhProfile *active;
  const char *fixed[] = { C_("profile", "None"), _("Spec defaults"), NULL };
  guint select = SPEC_DEFAULTS;

  g_return_if_fail (ALVH_IS_REPLAY_COMPARE (self));
  context = alvh_page_get_context_for (GTK_WIDGET (self));
  g_return_if_fail (context != NULL);
  names = alvh_profile_service_dup_profile_names (alvh_context_get_profiles (context), &error);
  active = alvh_profile_service_get_profile (alvh_context_get_profiles (context));
  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)), fixed);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (self->names, names[i]);
      if (active != NULL && g_strcmp0 (names[i], alvh_profile_get_name (active)) == 0)
        select = i + 2;
    }
  /* the active profile against the spec's values; the other two empty */
  gtk_drop_down_set_selected (self->profile_1, select);
  gtk_drop_down_set_selected (self->profile_2, select == SPEC_DEFAULTS ? 0 : SPEC_DEFAULTS);
  gtk_drop_down_set_selected (self->profile_3, 0);
  gtk_drop_down_set_selected (self->profile_4, 0);
}

/* ---- the table ---- */

static void
attach_label (AlvhReplayCompare *self,
              const char        *text,
              int                column,
              int                row,
              gboolean           heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  gtk_label_set_selectable (GTK_LABEL (label), !heading && column > 0);
  gtk_widget_add_css_class (label, heading ? "heading" : "numeric");
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

typedef double (*FigureFunc) (const AlvhReplayResult *r);

static double fig_pnl (const AlvhReplayResult *r) { return r->hedged.total_pnl; }
static double fig_dd (const AlvhReplayResult *r) { return r->hedged.max_drawdown; }
static double fig_worst (const AlvhReplayResult *r) { return r->hedged.worst_trade; }
static double fig_cost (const AlvhReplayResult *r) { return r->hedged.hedge_cost; }
static double fig_upnl (const AlvhReplayResult *r) { return r->unhedged.total_pnl; }
static double fig_udd (const AlvhReplayResult *r) { return r->unhedged.max_drawdown; }

static void
fill_table (AlvhReplayCompare *self)
{
  static const struct { const char *title; FigureFunc get; } money[] = {
    { N_("Total P&L"), fig_pnl }, { N_("Max drawdown"), fig_dd }, { N_("Worst trade"), fig_worst },
    { N_("Hedge cost"), fig_cost }, { N_("Unhedged P&L"), fig_upnl }, { N_("Unhedged drawdown"), fig_udd },
  };
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  for (guint k = 0; k < self->results->len; k++)
    {
      const AlvhReplayResult *r = g_ptr_array_index (self->results, k);
      /* the choice's name, and the version for a stored profile */
      g_autofree char *name = g_strcmp0 (self->labels[k], r->profile_name) == 0
                                ? g_strdup_printf ("%s v%d", self->labels[k], r->profile_version)
                                : g_strdup (self->labels[k]);

      attach_label (self, name, k + 1, 0, TRUE);
    }
  for (guint f = 0; f < G_N_ELEMENTS (money); f++, row++)
    {
      attach_label (self, _(money[f].title), 0, row, FALSE);
      for (guint k = 0; k < self->results->len; k++)
        {
          g_autofree char *v = alvh_format_money (money[f].get (g_ptr_array_index (self->results, k)), ALVH_MONEY_WHOLE);
          attach_label (self, v, k + 1, row, FALSE);
        }
    }
  attach_label (self, _("Condor trades"), 0, row, FALSE);
  for (guint k = 0; k < self->results->len; k++)
    {
      g_autofree char *v = g_strdup_printf ("%u", ((AlvhReplayResult *) g_ptr_array_index (self->results, k))->trades->len);
      attach_label (self, v, k + 1, row, FALSE);
    }
  row++;
  attach_label (self, _("Layers by Branch"), 0, row++, TRUE);
  for (int b = 0; b < ALVH_N_BRANCHES; b++)
    {
      gboolean any = FALSE;

      for (guint k = 0; k < self->results->len; k++)
        any |= ((AlvhReplayResult *) g_ptr_array_index (self->results, k))->adds_by_branch[b] > 0;
      if (!any)
        continue;
      attach_label (self, alvh_format_key (alvh_branch_to_string ((AlvhBranch) b)), 0, row, FALSE);
      for (guint k = 0; k < self->results->len; k++)
        {
          g_autofree char *v = g_strdup_printf ("%u", ((AlvhReplayResult *) g_ptr_array_index (self->results, k))->adds_by_branch[b]);
          attach_label (self, v, k + 1, row, FALSE);
        }
      row++;
    }
}

/* ---- running ---- */

static void
job_progress_cb (guint    done,
                 guint    total,
                 gpointer user_data)
{
  CompareJob *job = user_data;

  g_atomic_int_set (&job->done, (gint) done);
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompareJob *job = task_data;
  GError *error = NULL;
  GPtrArray *results = alvh_replay_batch_run (job->inputs->frame, job->profiles, job->inputs->events,
                                              job->inputs->from, job->inputs->to, ALVH_REPLAY_FLAGS_NONE,
                                              job_progress_cb, job, cancellable, &error);

  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  AlvhReplayCompare *self = user_data;
  g_autofree char *text = NULL;
  guint done;

  if (self->job == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }
  done = (guint) g_atomic_int_get (&self->job->done);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / MAX (self->job->total, 1));
  text = g_strdup_printf (_("%u of %u replays"), done, self->job->total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

static void
compare_done_cb (GObject      *object,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  AlvhReplayCompare *self = ALVH_REPLAY_COMPARE (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = g_task_propagate_pointer (G_TASK (res), &error);

  g_clear_pointer (&self->labels, g_strfreev);
  self->labels = g_strdupv (self->job->labels);
  g_clear_pointer (&self->job, job_unref);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  update_actions (self);
  if (results == NULL)
    {
      gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      gtk_progress_bar_set_text (self->progress_bar, cancelled ? _("Cancelled") : _("Failed"));
      if (!cancelled)
        alvh_replay_page_toast (GTK_WIDGET (self), error->message);
      return;
    }
  gtk_progress_bar_set_fraction (self->progress_bar, 1);
  gtk_progress_bar_set_text (self->progress_bar, _("Done"));
  g_clear_pointer (&self->results, g_ptr_array_unref);
  self->results = g_steal_pointer (&results);
  alvh_replay_curves_view_set_results (self->curves_view, self->results, (const char * const *) self->labels);
  fill_table (self);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

/* The chosen profiles, "None" left out, and their names in @labels; NULL
 * with @error when one cannot be loaded. */
static GPtrArray *
chosen_profiles (AlvhReplayCompare  *self,
                 GStrvBuilder       *labels,
                 GError            **error)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_profile_unref);

  for (guint k = 0; k < N_PROFILES; k++)
    {
      guint pos = gtk_drop_down_get_selected (dropdown (self, k));
      const char *name = pos != GTK_INVALID_LIST_POSITION ? gtk_string_list_get_string (self->names, pos) : NULL;
      AlvhProfile *p;

      if (pos == 0 || name == NULL)
        continue;
      p = pos == SPEC_DEFAULTS ? alvh_profile_new ()
                               : alvh_profile_service_load_profile (alvh_context_get_profiles (alvh_page_get_context_for (GTK_WIDGET (self))),
                                                                    name, error);
      if (p == NULL)
        return NULL;
      g_ptr_array_add (profiles, p);
      g_strv_builder_add (labels, name);
    }
  return g_steal_pointer (&profiles);
}

gboolean
alvh_replay_compare_run (AlvhReplayCompare *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  AlvhReplayInputs *inputs;
  CompareJob *job;

  g_return_val_if_fail (ALVH_IS_REPLAY_COMPARE (self), FALSE);
  if (self->cancellable != NULL || alvh_page_get_context_for (GTK_WIDGET (self)) == NULL)
    return FALSE;
  profiles = chosen_profiles (self, labels, &error);
  if (profiles == NULL || profiles->len == 0)
    {
      alvh_replay_page_toast (GTK_WIDGET (self), profiles == NULL ? error->message : _("Choose at least one profile"));
      return FALSE;
    }
  inputs = alvh_replay_page_dup_inputs_for (GTK_WIDGET (self), &error);
  if (inputs == NULL)
    {
      alvh_replay_page_toast (GTK_WIDGET (self), error->message);
      return FALSE;
    }
  job = g_atomic_rc_box_new0 (CompareJob);
  job->inputs = inputs;
  job->profiles = g_steal_pointer (&profiles);
  job->labels = g_strv_builder_end (labels);
  job->total = job->profiles->len;
  self->job = g_atomic_rc_box_acquire (job);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, compare_done_cb, NULL);
  g_task_set_source_tag (task, alvh_replay_compare_run);
  g_task_set_task_data (task, job, job_unref);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  progress_timeout_cb (self);
  self->progress_source = g_timeout_add (100, progress_timeout_cb, self);
  update_actions (self);
  g_task_run_in_thread (task, compare_thread);
  return TRUE;
}

void
alvh_replay_compare_cancel (AlvhReplayCompare *self)
{
  g_return_if_fail (ALVH_IS_REPLAY_COMPARE (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
alvh_replay_compare_is_running (AlvhReplayCompare *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_COMPARE (self), FALSE);
  return self->cancellable != NULL;
}

GPtrArray *
alvh_replay_compare_get_results (AlvhReplayCompare *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_COMPARE (self), NULL);
  return self->results;
}

/* ---- GObject ---- */

static void
run_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  alvh_replay_compare_run (ALVH_REPLAY_COMPARE (widget));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  alvh_replay_compare_cancel (ALVH_REPLAY_COMPARE (widget));
}

static void
alvh_replay_compare_dispose (GObject *object)
{
  GtkWidget *child;
  AlvhReplayCompare *self = ALVH_REPLAY_COMPARE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_REPLAY_COMPARE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (alvh_replay_compare_parent_class)->dispose (object);
}

static void
alvh_replay_compare_finalize (GObject *object)
{
  AlvhReplayCompare *self = ALVH_REPLAY_COMPARE (object);

  g_clear_pointer (&self->job, job_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_strfreev);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->names);
  G_OBJECT_CLASS (alvh_replay_compare_parent_class)->finalize (object);
}

static void
alvh_replay_compare_class_init (AlvhReplayCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_replay_compare_dispose;
  object_class->finalize = alvh_replay_compare_finalize;

  g_type_ensure (ALVH_TYPE_REPLAY_CURVES_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/replay/alvh-replay-compare.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayCompare, profile_1);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayCompare, profile_2);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayCompare, profile_3);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayCompare, profile_4);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayCompare, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayCompare, stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayCompare, curves_view);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayCompare, table);
  gtk_widget_class_install_action (widget_class, "compare.run", NULL, run_action_cb);
  gtk_widget_class_install_action (widget_class, "compare.cancel", NULL, cancel_action_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "replaycompare");
}

static void
alvh_replay_compare_init (AlvhReplayCompare *self)
{
  static const char *labels[N_PROFILES] = { N_("Compared profile 1"), N_("Compared profile 2"),
                                            N_("Compared profile 3"), N_("Compared profile 4") };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->names = gtk_string_list_new (NULL);
  for (guint k = 0; k < N_PROFILES; k++)
    {
      gtk_drop_down_set_model (dropdown (self, k), G_LIST_MODEL (self->names));
      alvh_form_set_ellipsizing_factory (dropdown (self, k), 12);
      alvh_a11y_set_label (GTK_WIDGET (dropdown (self, k)), _(labels[k]));
    }
  alvh_a11y_set_label (GTK_WIDGET (self->progress_bar), _("Comparison progress"));
  gtk_progress_bar_set_text (self->progress_bar, _("Ready"));
  update_actions (self);
}
