/* alvh-replay-walk-forward.c — the Replay page's Walk-Forward view (issue 20)
 *
 * The Sweep view's keys and ranges, TRAIN and TEST years and an objective:
 * alvh_walk_forward_run() in a GTask thread (its sweeps on every core), with
 * progress and Cancel.  A row per window: the periods, the combination chosen
 * in sample with its figures, the same combination out of sample and the
 * base profile on the same test window; then the test windows chained, the
 * chosen combinations against the base profile.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-replay-page.h"
#include "alvh-replay-walk-forward.h"

typedef struct
{
  AlvhReplayInputs *inputs;
  AlvhSweepAxis     axes[ALVH_SWEEP_MAX_AXES];
  guint             n_axes;
  guint             train;
  guint             test;
  AlvhObjective     objective;
  gint              done;      /* atomic */
  gint              total;     /* atomic */
} WalkJob;

struct _AlvhReplayWalkForward
{
  GtkWidget        parent_instance;

  GtkSpinButton   *train_spin;
  GtkSpinButton   *test_spin;
  GtkDropDown     *objective_dropdown;
  GtkProgressBar  *progress_bar;
  GtkStack        *stack;
  GtkGrid         *table;

  GCancellable    *cancellable;
  WalkJob         *job;           /* rc box while running */
  guint            progress_source;
  AlvhWalkForward *result;
};

G_DEFINE_FINAL_TYPE (AlvhReplayWalkForward, alvh_replay_walk_forward, GTK_TYPE_WIDGET)

static void
job_clear (gpointer data)
{
  g_clear_pointer (&((WalkJob *) data)->inputs, alvh_replay_inputs_free);
}

static void
job_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, job_clear);
}

static void
update_actions (AlvhReplayWalkForward *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "walk.run", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "walk.cancel", running);
}

/* ---- the table ---- */

static void
cell (AlvhReplayWalkForward *self,
      const char            *text,
      int                    column,
      int                    row,
      const char            *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column < 2 ? 0.0f : 1.0f);
  gtk_label_set_justify (GTK_LABEL (label), column < 2 ? GTK_JUSTIFY_LEFT : GTK_JUSTIFY_RIGHT);
  gtk_widget_add_css_class (label, css);
  gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static void
money_cells (AlvhReplayWalkForward  *self,
             const AlvhReplayTotals *t,
             int                     column,
             int                     row)
{
  g_autofree char *pnl = alvh_format_money (t->total_pnl, ALVH_MONEY_WHOLE);
  g_autofree char *dd = alvh_format_money (t->max_drawdown, ALVH_MONEY_WHOLE);

  cell (self, pnl, column, row, t->total_pnl < 0 ? "error" : "numeric");
  cell (self, dd, column + 1, row, "numeric");
}

static char *
period_text (gint64 from,
             gint64 to)
{
  g_autofree char *a = alvh_time_format_ny_date (from);
  g_autofree char *b = alvh_time_format_ny_date (to);

  return g_strdup_printf ("%s –\n%s", a, b);
}

static void
fill_table (AlvhReplayWalkForward *self)
{
  /* two lines each: the table fits a 1024 px window */
  const char *headings[] = { _("Training"), _("Test"), _("Chosen"), _("In sample\nP&L"), _("In sample\ndrawdown"),
                             _("Out of sample\nP&L"), _("Out of sample\ndrawdown"), _("Base profile\nP&L"),
                             _("Base profile\ndrawdown") };
  AlvhWalkForward *wf = self->result;
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    cell (self, headings[h], h, 0, "heading");
  gtk_grid_set_row_spacing (self->table, 8);
  for (guint k = 0; k < wf->windows->len; k++, row++)
    {
      const AlvhWalkWindow *w = &g_array_index (wf->windows, AlvhWalkWindow, k);
      g_autofree char *train = period_text (w->train_from, w->train_to);
      g_autofree char *test = period_text (w->test_from, w->test_to);
      g_autoptr(GString) chosen = g_string_new (NULL);

      for (guint a = 0; a < wf->n_axes && w->chosen; a++)
        g_string_append_printf (chosen, "%s%s %g", a > 0 ? "\n" : "", wf->axes[a].key, w->train.values[a]);
      cell (self, train, 0, row, "numeric");
      cell (self, test, 1, row, "numeric");
      cell (self, w->chosen ? chosen->str : _("none valid"), 2, row, "numeric");
      if (!w->chosen)
        continue;
      money_cells (self, &w->train.hedged, 3, row);
      money_cells (self, &w->test.hedged, 5, row);
      money_cells (self, &w->base_test.hedged, 7, row);
    }
  {
    GtkWidget *total = gtk_label_new (_("Out of sample, chained"));

    /* over the periods and the choice, so that it does not widen the first column */
    gtk_label_set_xalign (GTK_LABEL (total), 0.0f);
    gtk_widget_add_css_class (total, "heading");
    gtk_grid_attach (self->table, total, 0, row, 3, 1);
  }
  money_cells (self, &wf->oos, 5, row);
  money_cells (self, &wf->base_oos, 7, row);
  row++;
  {
    g_autofree char *gain = alvh_format_money (wf->oos.total_pnl - wf->base_oos.total_pnl, ALVH_MONEY_WHOLE);
    g_autofree char *dd = alvh_format_money (wf->oos.max_drawdown - wf->base_oos.max_drawdown, ALVH_MONEY_WHOLE);
    g_autofree char *cost = alvh_format_money (wf->oos.hedge_cost - wf->base_oos.hedge_cost, ALVH_MONEY_WHOLE);
    /* TRANSLATORS: the walk-forward's chosen combinations minus the base profile, out of sample */
    g_autofree char *text = g_strdup_printf (_("Chosen minus base profile, out of sample: P&L %s, max drawdown %s, "
                                               "hedge cost %s"), gain, dd, cost);
    GtkWidget *label = gtk_label_new (text);

    gtk_label_set_xalign (GTK_LABEL (label), 0);
    gtk_label_set_wrap (GTK_LABEL (label), TRUE);
    gtk_grid_attach (self->table, label, 0, row, G_N_ELEMENTS (headings), 1);
  }
}

/* ---- running ---- */

static void
job_progress_cb (guint    done,
                 guint    total,
                 gpointer user_data)
{
  WalkJob *job = user_data;

  g_atomic_int_set (&job->total, (gint) total);
  g_atomic_int_set (&job->done, (gint) done);
}

static void
walk_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  WalkJob *job = task_data;
  GError *error = NULL;
  AlvhSweepSpec spec = { job->inputs->frame, job->inputs->profile, job->inputs->events,
                         { job->axes[0], job->axes[1] }, job->n_axes, job->inputs->from, job->inputs->to };
  AlvhWalkForward *wf = alvh_walk_forward_run (&spec, job->train, job->test, job->objective, job_progress_cb, job,
                                               cancellable, &error);

  if (wf == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, wf, (GDestroyNotify) alvh_walk_forward_unref);
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  AlvhReplayWalkForward *self = user_data;

  if (self->job == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }
  alvh_replay_page_show_progress (self->progress_bar, (guint) g_atomic_int_get (&self->job->done),
                                  (guint) g_atomic_int_get (&self->job->total));
  return G_SOURCE_CONTINUE;
}

static void
walk_done_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  AlvhReplayWalkForward *self = ALVH_REPLAY_WALK_FORWARD (object);
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhWalkForward) wf = g_task_propagate_pointer (G_TASK (res), &error);

  g_clear_pointer (&self->job, job_unref);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->cancellable);
  update_actions (self);
  alvh_replay_page_show_outcome (GTK_WIDGET (self), self->progress_bar, error);
  if (wf == NULL)
    return;
  g_clear_pointer (&self->result, alvh_walk_forward_unref);
  self->result = g_steal_pointer (&wf);
  fill_table (self);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

gboolean
alvh_replay_walk_forward_run (AlvhReplayWalkForward *self)
{
  static const AlvhObjective objectives[] = { ALVH_OBJECTIVE_PNL_PER_DRAWDOWN, ALVH_OBJECTIVE_PNL,
                                              ALVH_OBJECTIVE_DRAWDOWN, ALVH_OBJECTIVE_COST };
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  AlvhSweepAxis axes[ALVH_SWEEP_MAX_AXES];
  AlvhReplayInputs *inputs = NULL;
  guint n, pos;
  WalkJob *job;

  g_return_val_if_fail (ALVH_IS_REPLAY_WALK_FORWARD (self), FALSE);
  if (self->cancellable != NULL)
    return FALSE;
  n = alvh_replay_page_get_sweep_axes_for (GTK_WIDGET (self), axes, &error);
  if (n > 0)
    inputs = alvh_replay_page_dup_inputs_for (GTK_WIDGET (self), &error);
  if (inputs == NULL)
    {
      alvh_replay_page_toast (GTK_WIDGET (self), error != NULL ? error->message : _("Choose a key to sweep"));
      return FALSE;
    }
  job = g_atomic_rc_box_new0 (WalkJob);
  job->inputs = inputs;
  memcpy (job->axes, axes, sizeof axes);
  job->n_axes = n;
  job->train = (guint) gtk_spin_button_get_value_as_int (self->train_spin);
  job->test = (guint) gtk_spin_button_get_value_as_int (self->test_spin);
  pos = gtk_drop_down_get_selected (self->objective_dropdown);
  job->objective = objectives[pos < G_N_ELEMENTS (objectives) ? pos : 0];
  self->job = g_atomic_rc_box_acquire (job);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, walk_done_cb, NULL);
  g_task_set_source_tag (task, alvh_replay_walk_forward_run);
  g_task_set_task_data (task, job, job_unref);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  progress_timeout_cb (self);
  self->progress_source = g_timeout_add (100, progress_timeout_cb, self);
  update_actions (self);
  g_task_run_in_thread (task, walk_thread);
  return TRUE;
}

void
alvh_replay_walk_forward_cancel (AlvhReplayWalkForward *self)
{
  g_return_if_fail (ALVH_IS_REPLAY_WALK_FORWARD (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
alvh_replay_walk_forward_is_running (AlvhReplayWalkForward *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_WALK_FORWARD (self), FALSE);
  return self->cancellable != NULL;
}

AlvhWalkForward *
alvh_replay_walk_forward_get_result (AlvhReplayWalkForward *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_WALK_FORWARD (self), NULL);
  return self->result;
}

/* ---- GObject ---- */

static void
run_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  alvh_replay_walk_forward_run (ALVH_REPLAY_WALK_FORWARD (widget));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  alvh_replay_walk_forward_cancel (ALVH_REPLAY_WALK_FORWARD (widget));
}

static void
alvh_replay_walk_forward_dispose (GObject *object)
{
  GtkWidget *child;
  AlvhReplayWalkForward *self = ALVH_REPLAY_WALK_FORWARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_REPLAY_WALK_FORWARD);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (alvh_replay_walk_forward_parent_class)->dispose (object);
}

static void
alvh_replay_walk_forward_finalize (GObject *object)
{
  AlvhReplayWalkForward *self = ALVH_REPLAY_WALK_FORWARD (object);

  g_clear_pointer (&self->job, job_unref);
  g_clear_pointer (&self->result, alvh_walk_forward_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (alvh_replay_walk_forward_parent_class)->finalize (object);
}

static void
alvh_replay_walk_forward_class_init (AlvhReplayWalkForwardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_replay_walk_forward_dispose;
  object_class->finalize = alvh_replay_walk_forward_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/replay/alvh-replay-walk-forward.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayWalkForward, train_spin);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayWalkForward, test_spin);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayWalkForward, objective_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayWalkForward, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayWalkForward, stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayWalkForward, table);
  gtk_widget_class_install_action (widget_class, "walk.run", NULL, run_action_cb);
  gtk_widget_class_install_action (widget_class, "walk.cancel", NULL, cancel_action_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "replaywalkforward");
}

static void
alvh_replay_walk_forward_init (AlvhReplayWalkForward *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  alvh_a11y_set_label (GTK_WIDGET (self->train_spin), _("Training years"));
  alvh_a11y_set_label (GTK_WIDGET (self->test_spin), _("Test years"));
  alvh_a11y_set_label (GTK_WIDGET (self->objective_dropdown), _("Walk-forward objective"));
  alvh_a11y_set_label (GTK_WIDGET (self->progress_bar), _("Walk-forward progress"));
  gtk_progress_bar_set_text (self->progress_bar, _("Ready"));
  update_actions (self);
}
