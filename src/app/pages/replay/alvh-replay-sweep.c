/* alvh-replay-sweep.c — the Replay page's Sweep view (issue 20)
 *
 * One or two numeric profile keys, each with a range, chosen from lists; the
 * grid replayed over the page's period by alvh_sweep_run_async() (a GTask
 * thread driving a pool of one worker per core), with progress and Cancel.
 * The hedged P&L and the max drawdown of every combination are drawn as heat
 * maps (columns: key 1, rows: key 2); a click on a cell shows that
 * combination's figures.  The profile's own values are outlined.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-chart-ticks.h"
#include "alvh-form.h"
#include "alvh-replay-heatmap-view.h"
#include "alvh-replay-page.h"
#include "alvh-replay-sweep.h"

typedef struct
{
  gint   done;      /* atomic */
  gint   total;     /* atomic */
} SweepProgress;

struct _AlvhReplaySweep
{
  GtkWidget              parent_instance;

  GtkDropDown           *key_1;
  GtkDropDown           *key_2;
  GtkSpinButton         *from_1;
  GtkSpinButton         *to_1;
  GtkSpinButton         *step_1;
  GtkSpinButton         *from_2;
  GtkSpinButton         *to_2;
  GtkSpinButton         *step_2;
  GtkProgressBar        *progress_bar;
  GtkStack              *stack;
  AlvhReplayHeatmapView *pnl_map;
  AlvhReplayHeatmapView *drawdown_map;
  GtkLabel              *cell_label;

  GPtrArray             *keys;          /* const AlvhProfileDescriptor *, numeric keys */
  GCancellable          *cancellable;
  SweepProgress         *progress;      /* rc box while running */
  guint                  progress_source;
  AlvhSweep             *sweep;
};

G_DEFINE_FINAL_TYPE (AlvhReplaySweep, alvh_replay_sweep, GTK_TYPE_WIDGET)

/* ---- the axes ---- */

static void
axis_widgets (AlvhReplaySweep  *self,
              guint             axis,
              GtkDropDown     **key,
              GtkSpinButton   **spins)
{
  *key = axis == 0 ? self->key_1 : self->key_2;
  spins[0] = axis == 0 ? self->from_1 : self->from_2;
  spins[1] = axis == 0 ? self->to_1 : self->to_2;
  spins[2] = axis == 0 ? self->step_1 : self->step_2;
}

/* The key chosen on an axis, NULL for "None" (axis 1's first item). */
static const AlvhProfileDescriptor *
axis_key (AlvhReplaySweep *self,
          guint            axis)
{
  GtkDropDown *key;
  GtkSpinButton *spins[3];
  guint pos;

  axis_widgets (self, axis, &key, spins);
  pos = gtk_drop_down_get_selected (key);
  if (pos == GTK_INVALID_LIST_POSITION)
    return NULL;
  if (axis == 1)
    {
      if (pos == 0)
        return NULL;
      pos--;
    }
  return pos < self->keys->len ? g_ptr_array_index (self->keys, pos) : NULL;
}

static AlvhProfile *
active_profile (AlvhReplaySweep *self)
{
  AlvhContext *context = alvh_page_get_context_for (GTK_WIDGET (self));
  AlvhProfile *p = context != NULL ? alvh_profile_service_get_profile (alvh_context_get_profiles (context)) : NULL;

  return p != NULL ? alvh_profile_ref (p) : alvh_profile_new ();
}

/* the decimals a step needs: 0.05 -> 2, 0.005 -> 3, 5 -> 0 */
static int
step_digits (double step)
{
  return step > 0.0 && step < 1.0 ? (int) MIN (6.0, ceil (-log10 (step) - 1e-9)) : 0;
}

static void
set_spins (GtkSpinButton               **spins,
           const AlvhProfileDescriptor  *d,
           double                        from,
           double                        to,
           double                        step)
{
  gboolean integer = d->type == ALVH_PROFILE_VALUE_INT;
  guint digits = integer ? 0 : (guint) MAX (2, step_digits (step));

  for (guint s = 0; s < 3; s++)
    {
      double lo = s == 2 ? (integer ? 1.0 : pow (10.0, -(double) digits)) : d->min;
      double hi = s == 2 ? d->max - d->min : d->max;

      gtk_spin_button_set_digits (spins[s], digits);
      gtk_spin_button_set_range (spins[s], lo, MAX (hi, lo));
      gtk_spin_button_set_increments (spins[s], integer ? 1.0 : pow (10.0, -(double) digits), 0.0);
    }
  gtk_spin_button_set_value (spins[0], from);
  gtk_spin_button_set_value (spins[1], to);
  gtk_spin_button_set_value (spins[2], step);
}

/* A new key on an axis: two steps either side of the profile's value. */
static void
key_changed_cb (AlvhReplaySweep *self)
{
  g_autoptr(AlvhProfile) p = active_profile (self);

  for (guint axis = 0; axis < ALVH_SWEEP_MAX_AXES; axis++)
    {
      const AlvhProfileDescriptor *d = axis_key (self, axis);
      GtkDropDown *key;
      GtkSpinButton *spins[3];
      double v, step;

      axis_widgets (self, axis, &key, spins);
      for (guint s = 0; s < 3; s++)
        gtk_widget_set_sensitive (GTK_WIDGET (spins[s]), d != NULL);
      if (d == NULL || g_strcmp0 (g_object_get_data (G_OBJECT (key), "alvh-key"), d->key) == 0)
        continue;
      g_object_set_data (G_OBJECT (key), "alvh-key", (gpointer) d->key);
      v = alvh_profile_get_value (p, d->key);
      /* 1, 2 or 5 times a power of ten, about a tenth of |v| (of the key's span for 0) */
      step = d->type == ALVH_PROFILE_VALUE_INT ? MAX (1.0, round (fabs (v) / 10.0))
                                                : alvh_chart_nice_step (v != 0.0 ? fabs (v) : d->max - d->min, 10,
                                                                        ALVH_CHART_STEP_NEAREST);
      set_spins (spins, d, MAX (d->min, v - 2 * step), MIN (d->max, v + 2 * step), step);
    }
}

static guint
key_position (AlvhReplaySweep *self,
              const char      *key)
{
  for (guint k = 0; k < self->keys->len; k++)
    if (g_str_equal (((const AlvhProfileDescriptor *) g_ptr_array_index (self->keys, k))->key, key))
      return k;
  return GTK_INVALID_LIST_POSITION;
}

gboolean
alvh_replay_sweep_set_axis (AlvhReplaySweep *self,
                            guint            axis,
                            const char      *key,
                            double           from,
                            double           to,
                            double           step)
{
  GtkDropDown *dd;
  GtkSpinButton *spins[3];
  guint pos;

  g_return_val_if_fail (ALVH_IS_REPLAY_SWEEP (self), FALSE);
  g_return_val_if_fail (axis < ALVH_SWEEP_MAX_AXES, FALSE);
  axis_widgets (self, axis, &dd, spins);
  if (key == NULL)
    {
      if (axis == 0)
        return FALSE;
      gtk_drop_down_set_selected (dd, 0);
      return TRUE;
    }
  pos = key_position (self, key);
  if (pos == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (dd, axis == 0 ? pos : pos + 1);
  set_spins (spins, g_ptr_array_index (self->keys, pos), from, to, step);
  return TRUE;
}

guint
alvh_replay_sweep_get_axes (AlvhReplaySweep *self,
                            AlvhSweepAxis   *axes,
                            GError         **error)
{
  guint n = 0;

  g_return_val_if_fail (ALVH_IS_REPLAY_SWEEP (self), 0);
  for (guint axis = 0; axis < ALVH_SWEEP_MAX_AXES; axis++)
    {
      const AlvhProfileDescriptor *d = axis_key (self, axis);
      GtkDropDown *key;
      GtkSpinButton *spins[3];
      g_autofree char *text = NULL;
      char v[3][G_ASCII_DTOSTR_BUF_SIZE];

      if (d == NULL)
        continue;
      axis_widgets (self, axis, &key, spins);
      for (guint s = 0; s < 3; s++)
        g_ascii_formatd (v[s], sizeof v[s], "%.6g", gtk_spin_button_get_value (spins[s]));
      text = g_strdup_printf ("%s=%s:%s:%s", d->key, v[0], v[1], v[2]);
      if (!alvh_sweep_axis_parse (text, &axes[n], error))
        return 0;
      n++;
    }
  if (n == 2 && g_str_equal (axes[0].key, axes[1].key))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("Sweep two different keys, not %s twice"),
                   axes[0].key);
      return 0;
    }
  return n;
}

/* ---- the result ---- */

static char *
format_value (const AlvhSweepAxis *axis,
              double               v)
{
  return g_strdup_printf ("%.*f", step_digits (axis->step), v);
}

/* Both maps from the sweep: columns axis 0, rows axis 1 (one row for one key). */
static void
show_maps (AlvhReplaySweep *self)
{
  AlvhSweep *s = self->sweep;
  guint nc = s->axes[0].n, nr = s->n_axes > 1 ? s->axes[1].n : 1;
  g_autofree double *pnl = g_new (double, nc * nr);
  g_autofree double *dd = g_new (double, nc * nr);
  g_auto(GStrv) columns = g_new0 (char *, nc + 1);
  g_auto(GStrv) rows = g_new0 (char *, nr + 1);
  g_autoptr(AlvhProfile) base = alvh_profile_ref (s->base);
  gint own_column = -1, own_row = -1;

  for (guint c = 0; c < nc; c++)
    {
      columns[c] = format_value (&s->axes[0], alvh_sweep_axis_value (&s->axes[0], c));
      if (alvh_sweep_axis_value (&s->axes[0], c) == alvh_profile_get_value (base, s->axes[0].key))
        own_column = c;
    }
  for (guint r = 0; r < nr; r++)
    {
      rows[r] = s->n_axes > 1 ? format_value (&s->axes[1], alvh_sweep_axis_value (&s->axes[1], r)) : g_strdup ("");
      if (s->n_axes < 2 || alvh_sweep_axis_value (&s->axes[1], r) == alvh_profile_get_value (base, s->axes[1].key))
        own_row = r;
    }
  for (guint r = 0; r < nr; r++)
    for (guint c = 0; c < nc; c++)
      {
        const AlvhSweepRow *row = alvh_sweep_find_row (s, c, r);

        pnl[r * nc + c] = row != NULL && row->valid ? row->hedged.total_pnl : NAN;
        /* drawn as a loss: the deeper, the redder */
        dd[r * nc + c] = row != NULL && row->valid ? -row->hedged.max_drawdown : NAN;
      }
  alvh_replay_heatmap_view_set_grid (self->pnl_map, _("Hedged P&L"), pnl, nc, nr,
                                     (const char * const *) columns, (const char * const *) rows,
                                     s->axes[0].key, s->n_axes > 1 ? s->axes[1].key : NULL);
  alvh_replay_heatmap_view_set_grid (self->drawdown_map, _("Max drawdown (hedged)"), dd, nc, nr,
                                     (const char * const *) columns, (const char * const *) rows,
                                     s->axes[0].key, s->n_axes > 1 ? s->axes[1].key : NULL);
  if (own_column >= 0 && own_row >= 0)
    alvh_replay_sweep_select_cell (self, own_column, own_row);
  else
    {
      alvh_replay_sweep_select_cell (self, 0, 0);
      alvh_replay_heatmap_view_set_mark (self->pnl_map, -1, -1);
      alvh_replay_heatmap_view_set_mark (self->drawdown_map, -1, -1);
    }
}

void
alvh_replay_sweep_select_cell (AlvhReplaySweep *self,
                               guint            column,
                               guint            row)
{
  const AlvhSweepRow *r;
  g_autoptr(GString) s = g_string_new (NULL);

  g_return_if_fail (ALVH_IS_REPLAY_SWEEP (self));
  if (self->sweep == NULL || (r = alvh_sweep_find_row (self->sweep, column, row)) == NULL)
    return;
  alvh_replay_heatmap_view_set_mark (self->pnl_map, column, row);
  alvh_replay_heatmap_view_set_mark (self->drawdown_map, column, row);
  for (guint a = 0; a < self->sweep->n_axes; a++)
    g_string_append_printf (s, "%s%s = %g", a > 0 ? ", " : "", self->sweep->axes[a].key, r->values[a]);
  if (!r->valid)
    g_string_append_printf (s, ": %s", r->message != NULL ? r->message : _("not a valid profile"));
  else
    {
      g_autofree char *pnl = alvh_format_money (r->hedged.total_pnl, ALVH_MONEY_WHOLE);
      g_autofree char *dd = alvh_format_money (r->hedged.max_drawdown, ALVH_MONEY_WHOLE);
      g_autofree char *worst = alvh_format_money (r->hedged.worst_trade, ALVH_MONEY_WHOLE);
      g_autofree char *cost = alvh_format_money (r->hedged.hedge_cost, ALVH_MONEY_WHOLE);
      g_autofree char *upnl = alvh_format_money (r->unhedged.total_pnl, ALVH_MONEY_WHOLE);
      g_autofree char *udd = alvh_format_money (r->unhedged.max_drawdown, ALVH_MONEY_WHOLE);

      /* TRANSLATORS: one combination of a sweep: its figures after the keys' values */
      g_string_append_printf (s, _(": hedged P&L %s, max drawdown %s, worst trade %s, hedge cost %s; "
                                   "unhedged P&L %s, max drawdown %s; %u trades, %u hedge legs added"),
                              pnl, dd, worst, cost, upnl, udd, r->n_trades, r->n_add);
    }
  gtk_label_set_text (self->cell_label, s->str);
}

static void
cell_activated_cb (AlvhReplayHeatmapView *map,
                   guint                  column,
                   guint                  row,
                   AlvhReplaySweep       *self)
{
  alvh_replay_sweep_select_cell (self, column, row);
}

/* ---- running ---- */

static void
progress_unref (gpointer data)
{
  g_atomic_rc_box_release (data);
}

static void
sweep_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  SweepProgress *progress = user_data;

  g_atomic_int_set (&progress->total, (gint) total);
  g_atomic_int_set (&progress->done, (gint) done);
}

static gboolean
progress_timeout_cb (gpointer user_data)
{
  AlvhReplaySweep *self = user_data;

  if (self->progress == NULL)
    {
      self->progress_source = 0;
      return G_SOURCE_REMOVE;
    }
  alvh_replay_page_show_progress (self->progress_bar, (guint) g_atomic_int_get (&self->progress->done),
                                  (guint) g_atomic_int_get (&self->progress->total));
  return G_SOURCE_CONTINUE;
}

static void
update_actions (AlvhReplaySweep *self)
{
  gboolean running = self->cancellable != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sweep.run", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sweep.cancel", running);
}

static void
sweep_done_cb (GObject      *source,
               GAsyncResult *res,
               gpointer      user_data)
{
  g_autoptr(AlvhReplaySweep) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhSweep) sweep = alvh_sweep_run_finish (res, &error);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_pointer (&self->progress, progress_unref);
  g_clear_object (&self->cancellable);
  update_actions (self);
  alvh_replay_page_show_outcome (GTK_WIDGET (self), self->progress_bar, error);
  if (sweep == NULL)
    return;
  g_clear_pointer (&self->sweep, alvh_sweep_unref);
  self->sweep = g_steal_pointer (&sweep);
  show_maps (self);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

gboolean
alvh_replay_sweep_run (AlvhReplaySweep *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhReplayInputs) inputs = NULL;
  AlvhSweepAxis axes[ALVH_SWEEP_MAX_AXES];
  guint n;

  g_return_val_if_fail (ALVH_IS_REPLAY_SWEEP (self), FALSE);
  if (self->cancellable != NULL)
    return FALSE;
  n = alvh_replay_sweep_get_axes (self, axes, &error);
  if (n > 0)
    inputs = alvh_replay_page_dup_inputs_for (GTK_WIDGET (self), &error);
  if (n == 0 || inputs == NULL)
    {
      alvh_replay_page_toast (GTK_WIDGET (self), error != NULL ? error->message : _("Choose a key to sweep"));
      return FALSE;
    }
  self->progress = g_atomic_rc_box_new0 (SweepProgress);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  progress_timeout_cb (self);
  self->progress_source = g_timeout_add (100, progress_timeout_cb, self);
  update_actions (self);
  /* the progress box lives until sweep_done_cb (which holds the page), after the last worker */
  {
    AlvhSweepSpec spec = { inputs->frame, inputs->profile, inputs->events, { axes[0], axes[1] }, n,
                           inputs->from, inputs->to };

    alvh_sweep_run_async (&spec, sweep_progress_cb, self->progress, self->cancellable, sweep_done_cb,
                          g_object_ref (self));
  }
  return TRUE;
}

void
alvh_replay_sweep_cancel (AlvhReplaySweep *self)
{
  g_return_if_fail (ALVH_IS_REPLAY_SWEEP (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

gboolean
alvh_replay_sweep_is_running (AlvhReplaySweep *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_SWEEP (self), FALSE);
  return self->cancellable != NULL;
}

AlvhSweep *
alvh_replay_sweep_get_sweep (AlvhReplaySweep *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_SWEEP (self), NULL);
  return self->sweep;
}

void
alvh_replay_sweep_reset_ranges (AlvhReplaySweep *self)
{
  g_return_if_fail (ALVH_IS_REPLAY_SWEEP (self));
  g_object_set_data (G_OBJECT (self->key_1), "alvh-key", NULL);
  g_object_set_data (G_OBJECT (self->key_2), "alvh-key", NULL);
  key_changed_cb (self);
}

/* ---- GObject ---- */

static void
run_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  alvh_replay_sweep_run (ALVH_REPLAY_SWEEP (widget));
}

static void
cancel_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  alvh_replay_sweep_cancel (ALVH_REPLAY_SWEEP (widget));
}

static void
alvh_replay_sweep_dispose (GObject *object)
{
  GtkWidget *child;
  AlvhReplaySweep *self = ALVH_REPLAY_SWEEP (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_REPLAY_SWEEP);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (alvh_replay_sweep_parent_class)->dispose (object);
}

static void
alvh_replay_sweep_finalize (GObject *object)
{
  AlvhReplaySweep *self = ALVH_REPLAY_SWEEP (object);

  g_clear_pointer (&self->progress, progress_unref);
  g_clear_pointer (&self->sweep, alvh_sweep_unref);
  g_clear_pointer (&self->keys, g_ptr_array_unref);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (alvh_replay_sweep_parent_class)->finalize (object);
}

static void
alvh_replay_sweep_class_init (AlvhReplaySweepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_replay_sweep_dispose;
  object_class->finalize = alvh_replay_sweep_finalize;

  g_type_ensure (ALVH_TYPE_REPLAY_HEATMAP_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/replay/alvh-replay-sweep.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, key_1);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, key_2);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, from_1);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, to_1);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, step_1);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, from_2);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, to_2);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, step_2);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, pnl_map);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, drawdown_map);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplaySweep, cell_label);
  gtk_widget_class_install_action (widget_class, "sweep.run", NULL, run_action_cb);
  gtk_widget_class_install_action (widget_class, "sweep.cancel", NULL, cancel_action_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "replaysweep");
}

/* The sweepable keys (numbers, not ratios) in both lists; key 2 starts with "None". */
static void
fill_keys (AlvhReplaySweep *self)
{
  guint n_descriptors = 0;
  const AlvhProfileDescriptor *descriptors = alvh_profile_get_descriptors (&n_descriptors);
  g_autoptr(GtkStringList) list_1 = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) list_2 = gtk_string_list_new (NULL);

  self->keys = g_ptr_array_new ();
  gtk_string_list_append (list_2, C_("sweep key", "None"));
  for (guint k = 0; k < n_descriptors; k++)
    if (descriptors[k].type != ALVH_PROFILE_VALUE_RATIO)
      {
        g_ptr_array_add (self->keys, (gpointer) &descriptors[k]);
        gtk_string_list_append (list_1, descriptors[k].key);
        gtk_string_list_append (list_2, descriptors[k].key);
      }
  gtk_drop_down_set_model (self->key_1, G_LIST_MODEL (list_1));
  gtk_drop_down_set_model (self->key_2, G_LIST_MODEL (list_2));
  /* the question: which wing and delta thresholds */
  gtk_drop_down_set_selected (self->key_1, key_position (self, "wing_sd"));
  gtk_drop_down_set_selected (self->key_2, key_position (self, "delta_tolerance") + 1);
}

static void
alvh_replay_sweep_init (AlvhReplaySweep *self)
{
  struct { GtkWidget *w; const char *label; } named[] = {
    { NULL, N_("Sweep key 1") }, { NULL, N_("Sweep key 2") },
    { NULL, N_("Key 1 from") }, { NULL, N_("Key 1 to") }, { NULL, N_("Key 1 step") },
    { NULL, N_("Key 2 from") }, { NULL, N_("Key 2 to") }, { NULL, N_("Key 2 step") },
    { NULL, N_("Sweep progress") },
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  named[0].w = GTK_WIDGET (self->key_1);
  named[1].w = GTK_WIDGET (self->key_2);
  named[2].w = GTK_WIDGET (self->from_1);
  named[3].w = GTK_WIDGET (self->to_1);
  named[4].w = GTK_WIDGET (self->step_1);
  named[5].w = GTK_WIDGET (self->from_2);
  named[6].w = GTK_WIDGET (self->to_2);
  named[7].w = GTK_WIDGET (self->step_2);
  named[8].w = GTK_WIDGET (self->progress_bar);
  for (guint k = 0; k < G_N_ELEMENTS (named); k++)
    alvh_a11y_set_label_and_tooltip (named[k].w, _(named[k].label));
  alvh_form_set_ellipsizing_factory (self->key_1, 12);
  alvh_form_set_ellipsizing_factory (self->key_2, 12);
  fill_keys (self);
  g_signal_connect_swapped (self->key_1, "notify::selected", G_CALLBACK (key_changed_cb), self);
  g_signal_connect_swapped (self->key_2, "notify::selected", G_CALLBACK (key_changed_cb), self);
  g_signal_connect (self->pnl_map, "cell-activated", G_CALLBACK (cell_activated_cb), self);
  g_signal_connect (self->drawdown_map, "cell-activated", G_CALLBACK (cell_activated_cb), self);
  key_changed_cb (self);
  gtk_progress_bar_set_text (self->progress_bar, _("Ready"));
  update_actions (self);
}
