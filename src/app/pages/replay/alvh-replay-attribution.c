/* alvh-replay-attribution.c — the Replay page's Attribution view (issue 20)
 *
 * After each replay: per trigger (every hedge whose decision it fired for),
 * the hedges added, their cost and P&L, what they saved in their condors'
 * worst stretches (with the mean per hedge and its bootstrap 95 % interval)
 * and the hit rate with Wilson's 95 % interval.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-replay-attribution.h"

struct _AlvhReplayAttribution
{
  GtkWidget        parent_instance;

  GtkStack        *stack;
  GtkLabel        *caption;
  GtkGrid         *table;

  AlvhAttribution *attribution;
};

G_DEFINE_FINAL_TYPE (AlvhReplayAttribution, alvh_replay_attribution, GTK_TYPE_WIDGET)

static void
cell (AlvhReplayAttribution *self,
      const char            *text,
      int                    column,
      int                    row,
      const char            *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0.0f : 1.0f);
  gtk_label_set_selectable (GTK_LABEL (label), row > 0);
  gtk_widget_add_css_class (label, css);
  gtk_grid_attach (self->table, label, column, row, 1, 1);
}

static char *
money (double v)
{
  return isfinite (v) ? alvh_format_money (v, ALVH_MONEY_WHOLE) : g_strdup ("–");
}

static char *
mean_interval (double mean,
               double low,
               double high)
{
  g_autofree char *m = money (mean);
  g_autofree char *l = money (low);
  g_autofree char *h = money (high);

  return isfinite (low) ? g_strdup_printf ("%s [%s, %s]", m, l, h) : g_steal_pointer (&m);
}

static void
fill_row (AlvhReplayAttribution    *self,
          const AlvhAttributionRow *r,
          int                       row)
{
  g_autofree char *n = g_strdup_printf ("%u", r->n_hedges);
  g_autofree char *cost = money (r->cost);
  g_autofree char *pnl = money (r->pnl);
  g_autofree char *saved = money (r->saved_stretch);
  g_autofree char *mean_saved = mean_interval (r->mean_saved_stretch, r->mean_saved_stretch_low,
                                               r->mean_saved_stretch_high);
  g_autofree char *mean_pnl = mean_interval (r->mean_pnl, r->mean_pnl_low, r->mean_pnl_high);
  g_autofree char *hit = g_strdup_printf ("%.0f %% [%.0f–%.0f]", 100.0 * r->hit_rate, 100.0 * r->hit_low,
                                          100.0 * r->hit_high);

  cell (self, r->group, 0, row, "numeric");
  cell (self, n, 1, row, "numeric");
  cell (self, cost, 2, row, "numeric");
  cell (self, pnl, 3, row, r->pnl < 0 ? "error" : "numeric");
  cell (self, saved, 4, row, "numeric");
  cell (self, mean_saved, 5, row, "numeric");
  cell (self, mean_pnl, 6, row, "numeric");
  cell (self, hit, 7, row, "numeric");
}

void
alvh_replay_attribution_set_hedges (AlvhReplayAttribution *self,
                                    GArray                *hedges)
{
  const char *headings[] = { _("Trigger"), _("Hedges"), _("Cost"), _("P&L"), _("Saved in worst stretch"),
                             _("Saved per hedge (95 %)"), _("P&L per hedge (95 %)"), _("Hit rate (95 %)") };
  GtkWidget *child;
  g_autofree char *caption = NULL;

  g_return_if_fail (ALVH_IS_REPLAY_ATTRIBUTION (self));
  g_clear_pointer (&self->attribution, alvh_attribution_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  if (hedges == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->attribution = alvh_attribution_compute (hedges);
  for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
    cell (self, headings[h], h, 0, "heading");
  for (guint k = 0; k < self->attribution->by_trigger->len; k++)
    fill_row (self, &g_array_index (self->attribution->by_trigger, AlvhAttributionRow, k), k + 1);
  caption = g_strdup_printf (_("%u hedges. A hedge counts for every trigger that fired for its decision. Saved: "
                               "its P&L from the peak to the trough of its condor's marked P&L during the trade. "
                               "Hit: P&L > 0, Wilson interval; per-hedge means: bootstrap percentile intervals, "
                               "%d resamples."), self->attribution->n_hedges, ALVH_ATTRIBUTION_BOOTSTRAP);
  gtk_label_set_text (self->caption, caption);
  gtk_stack_set_visible_child_name (self->stack, "result");
}

AlvhAttribution *
alvh_replay_attribution_get_attribution (AlvhReplayAttribution *self)
{
  g_return_val_if_fail (ALVH_IS_REPLAY_ATTRIBUTION (self), NULL);
  return self->attribution;
}

static void
alvh_replay_attribution_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALVH_TYPE_REPLAY_ATTRIBUTION);
  G_OBJECT_CLASS (alvh_replay_attribution_parent_class)->dispose (object);
}

static void
alvh_replay_attribution_finalize (GObject *object)
{
  g_clear_pointer (&ALVH_REPLAY_ATTRIBUTION (object)->attribution, alvh_attribution_unref);
  G_OBJECT_CLASS (alvh_replay_attribution_parent_class)->finalize (object);
}

static void
alvh_replay_attribution_class_init (AlvhReplayAttributionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_replay_attribution_dispose;
  object_class->finalize = alvh_replay_attribution_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/replay/alvh-replay-attribution.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayAttribution, stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayAttribution, caption);
  gtk_widget_class_bind_template_child (widget_class, AlvhReplayAttribution, table);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "replayattribution");
}

static void
alvh_replay_attribution_init (AlvhReplayAttribution *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
