/* alvh-journal-page.c — the Journal page: entries, detail, statistics
 *
 * The list is a GtkColumnView over AlvhJournalModel (a compact array filled
 * in a thread); the column sorters only tell which column the user picked,
 * and the model sorts its array.  The detail pane shows the decision and its
 * frozen signals, a chart around the entry's date and editable notes and
 * tags that are saved 500 ms after the last keystroke.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-a11y.h"
#include "alvh-form.h"
#include "alvh-equity-view.h"
#include "alvh-evaluator-page.h"
#include "alvh-journal-leg-result.h"
#include "alvh-journal-page.h"
#include "alvh-journal-adherence.h"
#include "alvh-journal-cells.h"

#define SAVE_DELAY_MS 500
#define FILTER_DELAY_MS 200

typedef struct
{
  AlvhJournalPage *page;
  const char      *key;
} ColumnSort;

struct _AlvhJournalPage
{
  AlvhPage           parent_instance;

  /* template children */
  AdwToastOverlay   *toast_overlay;
  AdwViewStack      *view_stack;
  GtkSearchEntry    *search_entry;
  GtkEntry          *from_entry;
  GtkEntry          *to_entry;
  GtkDropDown       *branch_dropdown;
  GtkDropDown       *trigger_dropdown;
  GtkEntry          *tag_entry;
  GtkLabel          *count_label;
  GtkColumnView     *column_view;
  GtkStack          *detail_stack;
  AdwLeaflet        *leaflet;
  GtkWidget         *back_button;
  GtkEntry          *title_entry;
  GtkLabel          *date_label;
  GtkLabel          *decision_label;
  GtkLabel          *explanation_label;
  AlvhJournalLegResult *leg_result;
  GtkGrid           *signals_grid;
  GtkStack          *snapshot_stack;
  AlvhEquityView    *snapshot_view;
  GtkPicture        *snapshot_picture;
  GtkTextView       *notes_view;
  GtkEntry          *tags_entry;
  GtkLabel          *save_label;
  GtkBox            *stats_box;

  AlvhJournalModel  *model;
  GtkSingleSelection *selection;

  gint64             current_id;    /* the entry in the detail pane */
  gint64             current_time;  /* its time, for the date label */
  gboolean           filling;       /* detail being filled: edits are not user edits */
  gboolean           dirty;
  guint              save_source;
  guint              reload_source;
  guint              filter_source;
  gint64             deleted_id;    /* for undo */
  gint64             select_after_load;
  gboolean           probing;       /* asking the column view which column sorts */
  const char        *probe_key;
  GCancellable      *stats_cancellable;
  gboolean           stats_stale;
  int                list_width;    /* the list's width the columns were fitted to */
  gboolean           fit_show_all;  /* show every column again before fitting */
  guint              fit_source;
};

G_DEFINE_FINAL_TYPE (AlvhJournalPage, alvh_journal_page, ALVH_TYPE_PAGE)

static void alvh_journal_page_context_set (AlvhPage    *page,
                                           AlvhContext *context);

enum {
  STATS_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *branch_keys[] = {
  NULL, "regime", "fixed", "confluence", "none", "not_accretive",
  "cooldown", "max_layers", "no_position", "manual",
};

static const char *trigger_keys[] = {
  NULL, "iv_expansion", "term_inversion", "rsi_extreme", "ad_divergence",
  "vix_macd_cross", "theta_erosion", "wing_proximity", "book_delta", "macro_regime",
};

static gboolean save_now (AlvhJournalPage *self);

/* what a person reads for a decision's action (the store keeps keys) */
static const char *
action_title (AlvhAction action)
{
  switch (action)
    {
    case ALVH_ACTION_ADD:     return _("Add a hedge");
    case ALVH_ACTION_BLOCKED: return _("Blocked");
    case ALVH_ACTION_HOLD:
    default:                  return _("Hold");
    }
}

static void     show_entry (AlvhJournalPage *self, gint64 id);

/* ---- filters ---- */

static gboolean
parse_date_entry (GtkEntry *entry,
                  gint64   *out)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  *out = 0;
  if (*stripped == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      return TRUE;
    }
  if (!alvh_time_parse_date (stripped, strlen (stripped), out))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      *out = 0;
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  return TRUE;
}

static void
apply_filter (AlvhJournalPage *self)
{
  AlvhJournalFilter filter = { 0 };
  g_autofree char *query = NULL;
  g_autofree char *tag = NULL;
  const char *text;
  guint b, t;
  gint64 to = 0;

  /* the journal of the account the context has active (Positions switches it) */
  filter.account_id = ALVH_PAGE_CONTEXT (self) ? alvh_book_service_get_account_id (alvh_context_get_book (ALVH_PAGE_CONTEXT (self))) : 0;
  parse_date_entry (self->from_entry, &filter.from);
  if (parse_date_entry (self->to_entry, &to) && to != 0)
    filter.to = alvh_time_from_ny_day (alvh_time_ny_day (to) + 1);  /* inclusive */

  b = gtk_drop_down_get_selected (self->branch_dropdown);
  if (b != GTK_INVALID_LIST_POSITION && b < G_N_ELEMENTS (branch_keys))
    filter.branch = branch_keys[b];
  t = gtk_drop_down_get_selected (self->trigger_dropdown);
  if (t != GTK_INVALID_LIST_POSITION && t < G_N_ELEMENTS (trigger_keys))
    filter.trigger = trigger_keys[t];

  tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->tag_entry))));
  if (*tag != '\0')
    filter.tag = tag;

  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query = g_strstrip (g_strdup (text));
  if (*query != '\0')
    {
      gsize len = strlen (query);

      /* search as you type: the last word matches a prefix */
      if (g_ascii_isalnum (query[len - 1]))
        {
          char *q = g_strconcat (query, "*", NULL);
          g_free (query);
          query = q;
        }
      filter.query = query;
    }

  alvh_journal_model_set_filter (self->model, &filter);
  alvh_journal_page_reload (self);
}

static void
filter_changed_cb (AlvhJournalPage *self)
{
  g_clear_handle_id (&self->filter_source, g_source_remove);
  apply_filter (self);
}

static gboolean
filter_timeout_cb (gpointer user_data)
{
  AlvhJournalPage *self = user_data;

  self->filter_source = 0;
  apply_filter (self);
  return G_SOURCE_REMOVE;
}

/* typing in the date and tag entries: read again after a short pause */
static void
filter_typed_cb (AlvhJournalPage *self)
{
  g_clear_handle_id (&self->filter_source, g_source_remove);
  self->filter_source = g_timeout_add (FILTER_DELAY_MS, filter_timeout_cb, self);
}

/* ---- sorting through the column view's sorter ---- */

static int
column_sort_cb (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  ColumnSort *cs = user_data;

  if (cs->page->probing && cs->page->probe_key == NULL)
    cs->page->probe_key = cs->key;
  return GTK_ORDERING_SMALLER;
}

static void
view_sorter_changed_cb (AlvhJournalPage *self,
                        GtkSorterChange  change,
                        GtkSorter       *sorter)
{
  g_autoptr(AlvhJournalItem) a = NULL;
  g_autoptr(AlvhJournalItem) b = NULL;
  AlvhJournalRow row = { 0 };
  GtkOrdering order;

  a = alvh_journal_item_new (&row);
  b = alvh_journal_item_new (&row);
  self->probing = TRUE;
  self->probe_key = NULL;
  order = gtk_sorter_compare (sorter, a, b);
  self->probing = FALSE;

  if (order == GTK_ORDERING_EQUAL || self->probe_key == NULL)
    alvh_journal_model_sort (self->model, "date", TRUE);
  else
    alvh_journal_model_sort (self->model, self->probe_key, order == GTK_ORDERING_LARGER);
}

/* ---- columns ---- */

static void
add_column (AlvhJournalPage *self,
            const char      *key,
            const char      *title,
            gboolean         expand,
            int              fixed_width)
{
  GtkListItemFactory *factory = alvh_journal_cell_factory_new (key);
  GtkColumnViewColumn *column;
  ColumnSort *cs = g_new0 (ColumnSort, 1);
  GtkSorter *sorter;

  column = gtk_column_view_column_new (title, factory);
  cs->page = self;
  cs->key = key;
  sorter = GTK_SORTER (gtk_custom_sorter_new (column_sort_cb, cs, g_free));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  g_object_set_data (G_OBJECT (column), "alvh-key", (gpointer) key);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (column, fixed_width);
  gtk_column_view_append_column (self->column_view, column);
  g_object_unref (column);
}

/* ---- detail pane ---- */

static void
set_save_state (AlvhJournalPage *self,
                const char      *text)
{
  gtk_label_set_text (self->save_label, text ? text : "");
}

/* A store error the user must hear of (a missing row is not one). */
static void
toast_error (AlvhJournalPage *self,
             const GError    *error)
{
  if (error == NULL || g_error_matches (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
    return;
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
fill_snapshot (AlvhJournalPage *self,
               gint64           entry_id,
               gint64           time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  AlvhSeries *spx;
  const double *close;
  const gint64 *times;
  gssize i;
  gsize n, lo, hi;

  attachments = alvh_journal_service_list_attachments (alvh_context_get_journal (ALVH_PAGE_CONTEXT (self)), entry_id, &error);
  toast_error (self, error);
  if (attachments != NULL && attachments->len > 0)
    {
      AlvhJournalAttachment *att = g_ptr_array_index (attachments, 0);
      g_autoptr(GdkTexture) texture = gdk_texture_new_from_bytes (att->png, NULL);

      if (texture != NULL)
        {
          gtk_picture_set_paintable (self->snapshot_picture, GDK_PAINTABLE (texture));
          gtk_stack_set_visible_child_name (self->snapshot_stack, "picture");
          gtk_widget_set_visible (GTK_WIDGET (self->snapshot_stack), TRUE);
          return;
        }
    }

  gtk_stack_set_visible_child_name (self->snapshot_stack, "chart");
  spx = alvh_market_service_get_series (alvh_context_get_market (ALVH_PAGE_CONTEXT (self)), "SPX");
  if (spx == NULL || alvh_series_get_length (spx) == 0 ||
      (close = alvh_series_get_column_by_name (spx, "close")) == NULL)
    {
      alvh_equity_view_clear (self->snapshot_view);
      gtk_widget_set_visible (GTK_WIDGET (self->snapshot_stack), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->snapshot_stack), TRUE);
  n = alvh_series_get_length (spx);
  times = alvh_series_get_times (spx);
  i = alvh_series_find_time_le (spx, time);
  if (i < 0)
    i = 0;
  lo = (gsize) MAX (0, i - 60);
  hi = MIN (n, (gsize) i + 31);
  alvh_equity_view_set_money (self->snapshot_view, FALSE);
  alvh_equity_view_set_data (self->snapshot_view, times + lo, hi - lo, close + lo, "SPX", NULL, NULL);
  alvh_equity_view_set_marker (self->snapshot_view, time);
}

static void
show_entry (AlvhJournalPage *self,
            gint64           id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalEntry) entry = NULL;
  g_autoptr(AlvhDecision) decision = NULL;
  g_autofree char *date = NULL;
  g_autofree char *tags = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  if (self->current_id != 0 && self->current_id != id)
    save_now (self);

  if (id == 0 ||
      (entry = alvh_journal_service_get_entry (alvh_context_get_journal (ALVH_PAGE_CONTEXT (self)), id, &error)) == NULL)
    {
      toast_error (self, error);
      self->current_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.delete", FALSE);
      return;
    }
  if (id == self->current_id)
    return;

  self->current_id = id;
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_entry), entry->title ? entry->title : "");
  self->current_time = entry->time;
  date = alvh_form_format_time (entry->time);
  gtk_label_set_text (self->date_label, date);

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, entry->body ? entry->body : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  tags = entry->tags ? g_strjoinv (", ", entry->tags) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->tags_entry), tags);

  if (entry->decision_id != 0)
    decision = alvh_decision_service_get_recorded (alvh_context_get_decisions (ALVH_PAGE_CONTEXT (self)),
                                                   entry->decision_id, &error);
  toast_error (self, error);
  if (decision != NULL)
    {
      g_autoptr(GString) s = g_string_new (NULL);

      g_string_append_printf (s, "%s \u00b7 %s", action_title (decision->action),
                              alvh_format_key (alvh_branch_to_string (decision->branch)));
      if (decision->layer > 0)
        g_string_append_printf (s, " \u00b7 %s %d", _("layer"), decision->layer);
      if (decision->size > 0)
        {
          g_autofree char *size = alvh_format_contracts (decision->size);

          g_string_append_printf (s, " \u00b7 %s", size);
        }
      if (decision->has_leg)
        {
          g_autofree char *lo = alvh_format_significant (decision->leg.long_strike, 6, ALVH_FORMAT_SCREEN);
          g_autofree char *hi = alvh_format_significant (decision->leg.short_strike, 6, ALVH_FORMAT_SCREEN);

          g_string_append_printf (s, " \u00b7 %s %s/%s", alvh_leg_kind_get_title (decision->leg.kind), lo, hi);
        }
      if (isfinite (decision->estimated_cost))
        {
          g_autofree char *cost = alvh_format_money (decision->estimated_cost, ALVH_MONEY_WHOLE);

          g_string_append_printf (s, " \u00b7 %s %s", _("est. cost"), cost);
        }
      /* the real status: followed, deviated (how), skipped, pending, hold, blocked */
      alvh_journal_adherence_append_status (ALVH_PAGE_CONTEXT (self), decision, entry->leg_id, s);
      if (decision->profile_name[0] != '\0')
        g_string_append_printf (s, " \u00b7 %s %s v%d", _("profile"), decision->profile_name,
                                decision->profile_version);
      gtk_label_set_text (self->decision_label, s->str);
      gtk_label_set_text (self->explanation_label, decision->explanation ? decision->explanation : "");
      gtk_widget_set_visible (GTK_WIDGET (self->decision_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->explanation_label),
                              decision->explanation != NULL && *decision->explanation != '\0');
    }
  else
    {
      /* a leg no decision proposed (imported or entered by hand) says so */
      gboolean unprompted = entry->leg_id != 0 && alvh_journal_adherence_leg_unprompted (ALVH_PAGE_CONTEXT (self), entry->leg_id);

      gtk_label_set_text (self->decision_label, unprompted ? _("Unprompted: no ADD decision that day before the fill") : "");
      gtk_widget_set_visible (GTK_WIDGET (self->decision_label), unprompted);
      gtk_widget_set_visible (GTK_WIDGET (self->explanation_label), FALSE);
    }
  alvh_journal_fill_signal_grid (self->signals_grid, decision);
  fill_snapshot (self, entry->id, entry->time);
  {
    g_autoptr(GError) leg_error = NULL;

    if (!alvh_journal_leg_result_show_leg (self->leg_result, ALVH_PAGE_CONTEXT (self), entry->leg_id, alvh_time_now (), &leg_error))
      toast_error (self, leg_error);
  }

  self->dirty = FALSE;
  set_save_state (self, NULL);
  self->filling = FALSE;
  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.delete", TRUE);
}

static void
selection_changed_cb (AlvhJournalPage *self)
{
  AlvhJournalItem *item = gtk_single_selection_get_selected_item (self->selection);

  show_entry (self, item ? alvh_journal_item_get_id (item) : 0);
  /* a narrow window shows the list or the entry: a click in the list opens it */
  if (item != NULL && adw_leaflet_get_folded (self->leaflet) &&
      gtk_widget_get_focus_child (GTK_WIDGET (self->column_view)) != NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
back_clicked_cb (AlvhJournalPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* ---- saving ---- */

static char **
split_tags (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  GPtrArray *tags = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *t = g_strstrip (parts[i]);

      if (*t != '\0')
        g_ptr_array_add (tags, g_strdup (t));
    }
  g_ptr_array_add (tags, NULL);
  return (char **) g_ptr_array_free (tags, FALSE);
}

static gboolean
save_now (AlvhJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_auto(GStrv) tags = NULL;
  g_autofree char *tags_text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  const char *title;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->current_id == 0 || alvh_journal_service_get_path (alvh_context_get_journal (ALVH_PAGE_CONTEXT (self))) == NULL)
    return TRUE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  title = gtk_editable_get_text (GTK_EDITABLE (self->title_entry));
  tags = split_tags (gtk_editable_get_text (GTK_EDITABLE (self->tags_entry)));
  if (!alvh_journal_service_update_entry (alvh_context_get_journal (ALVH_PAGE_CONTEXT (self)), self->current_id, title, body,
                                          (const char * const *) tags, &error))
    {
      g_autofree char *msg = g_strdup_printf (_("Not saved: %s"), error->message);
      set_save_state (self, msg);
      return FALSE;
    }
  self->dirty = FALSE;
  set_save_state (self, _("Saved"));
  tags_text = g_strjoinv (", ", tags);
  alvh_journal_model_update_text (self->model, self->current_id, title, tags_text);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  AlvhJournalPage *self = user_data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
edited_cb (AlvhJournalPage *self)
{
  if (self->filling || self->current_id == 0)
    return;
  self->dirty = TRUE;
  set_save_state (self, _("Editing\u2026"));
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

/* ---- delete / undo ---- */

static void
undo_clicked_cb (AlvhJournalPage *self)
{
  alvh_journal_page_undo_delete (self);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  alvh_journal_page_delete_selected (ALVH_JOURNAL_PAGE (widget));
}

static void
focus_search_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  AlvhJournalPage *self = ALVH_JOURNAL_PAGE (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "entries");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ---- statistics ---- */

static void
add_stats_table (AlvhJournalPage *self,
                 const char      *heading,
                 const char      *group_title,
                 GPtrArray       *rows)
{
  const char *headers[] = { group_title, _("Count"), _("Hit rate"), _("Avg P&L"),
                            _("Avg MAE"), _("Avg MFE"), _("Total P&L") };
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *grid = gtk_grid_new ();

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (self->stats_box, title);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  for (guint c = 0; c < G_N_ELEMENTS (headers); c++)
    gtk_grid_attach (GTK_GRID (grid), alvh_journal_grid_label (headers[c], c == 0 ? 0.0f : 1.0f, "heading"), (int) c, 0, 1, 1);
  if (rows == NULL || rows->len == 0)
    gtk_grid_attach (GTK_GRID (grid), alvh_journal_grid_label (_("No legs yet"), 0, "dim-label"), 0, 1, 7, 1);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const AlvhJournalStatRow *r = g_ptr_array_index (rows, i);
      g_autofree char *count = g_strdup_printf ("%u", r->count);
      g_autofree char *hit = alvh_format_percent (r->hit_rate, 0, ALVH_FORMAT_SCREEN);
      g_autofree char *group = alvh_format_key_list (r->group);
      g_autofree char *avg = alvh_format_money (r->avg_pnl, ALVH_MONEY_WHOLE);
      g_autofree char *mae = alvh_format_money (r->avg_mae, ALVH_MONEY_WHOLE);
      g_autofree char *mfe = alvh_format_money (r->avg_mfe, ALVH_MONEY_WHOLE);
      g_autofree char *total = alvh_format_money (r->total_pnl, ALVH_MONEY_WHOLE);
      const char *cells[] = { group, count, hit, avg, mae, mfe, total };
      int row = (int) i + 1;

      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        gtk_grid_attach (GTK_GRID (grid),
                         alvh_journal_grid_label (cells[c] ? cells[c] : "", c == 0 ? 0.0f : 1.0f, c == 0 ? NULL : "numeric"),
                         (int) c, row, 1, 1);
    }
  gtk_box_append (self->stats_box, grid);
}

static void
clear_stats (AlvhJournalPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->stats_box))) != NULL)
    gtk_box_remove (self->stats_box, child);
}

static void
stats_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(AlvhJournalPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalStats) stats =
    alvh_journal_service_compute_stats_finish (ALVH_JOURNAL_SERVICE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  clear_stats (self);
  if (stats == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "alvh-journal-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Statistics"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      gtk_box_append (self->stats_box, status);
    }
  else
    {
      double hedged = 0, unhedged = 0;
      g_autofree char *h = NULL;
      g_autofree char *u = NULL;
      g_autofree char *summary = NULL;
      GtkWidget *label;

      for (guint i = 0; stats->condors != NULL && i < stats->condors->len; i++)
        {
          const AlvhJournalCondorStat *c = g_ptr_array_index (stats->condors, i);
          hedged += c->pnl_hedged;
          unhedged += c->pnl_unhedged;
        }
      h = alvh_format_money (hedged, ALVH_MONEY_WHOLE);
      u = alvh_format_money (unhedged, ALVH_MONEY_WHOLE);
      {
        guint n = stats->condors ? stats->condors->len : 0;

        summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u condor: %s hedged, %s without the hedges",
                                                "%u condors: %s hedged, %s without the hedges", n), n, h, u);
      }
      label = gtk_label_new (summary);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->stats_box, label);

      add_stats_table (self, _("By Trigger"), _("Trigger"), stats->by_trigger);
      add_stats_table (self, _("By Combination"), _("Triggers"), stats->by_combination);
      add_stats_table (self, _("By Branch"), _("Branch"), stats->by_branch);
      add_stats_table (self, _("Adherence"), _("Followed or overridden"), stats->adherence);
      if (stats->by_adherence != NULL && stats->by_adherence->len > 0)
        add_stats_table (self, _("Adherence of the Legs"), _("Followed, deviated or unprompted"), stats->by_adherence);
      if (stats->n_skipped > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u ADD decision no leg followed (skipped)",
                                                                "%u ADD decisions no leg followed (skipped)", stats->n_skipped),
                                                   stats->n_skipped);
          GtkWidget *skipped = gtk_label_new (text);

          gtk_label_set_xalign (GTK_LABEL (skipped), 0);
          gtk_box_append (self->stats_box, skipped);
        }
    }
  self->stats_stale = FALSE;
  g_signal_emit (self, signals[STATS_READY], 0);
}

static void
view_changed_cb (AlvhJournalPage *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "stats") == 0 && self->stats_stale)
    alvh_journal_page_refresh_stats (self);
}

/* ---- model / context ---- */

static void
update_count (AlvhJournalPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;

  if (alvh_journal_model_get_loading (self->model))
    text = g_strdup (_("Loading\u2026"));
  else if (alvh_journal_model_get_error (self->model) != NULL)
    text = g_strdup (alvh_journal_model_get_error (self->model));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);
  gtk_label_set_text (self->count_label, text);
}

static void
model_loading_cb (AlvhJournalPage *self)
{
  gint64 id;

  update_count (self);
  if (alvh_journal_model_get_loading (self->model))
    return;
  /* keep (or, after an undo, restore) the entry in the detail pane */
  id = self->select_after_load != 0 ? self->select_after_load : self->current_id;
  self->select_after_load = 0;
  if (id != 0)
    {
      guint pos = alvh_journal_model_find (self->model, id);

      if (pos != G_MAXUINT)
        {
          gtk_single_selection_set_selected (self->selection, pos);
          show_entry (self, id);
        }
    }
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  AlvhJournalPage *self = user_data;

  self->reload_source = 0;
  /* the active account may have changed: build the filter anew, then reload */
  apply_filter (self);
  return G_SOURCE_REMOVE;
}

static void
session_journal_changed_cb (AlvhJournalPage *self)
{
  self->stats_stale = TRUE;
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
  view_changed_cb (self);
}

/* the display time zone changed: times of day are shown anew */
static void
time_zone_changed_cb (AlvhJournalPage *self)
{
  if (self->current_id != 0)
    {
      g_autofree char *date = alvh_form_format_time (self->current_time);

      gtk_label_set_text (self->date_label, date);
    }
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_idle_cb, self);
}

/* The journal list marks on the same joined bars as the ledger everywhere
 * (SPX, VIX, VX, VVIX). */
static void
set_model_market (AlvhJournalModel  *model,
                  AlvhMarketService *market)
{
  alvh_journal_model_set_market (model,
                                 alvh_market_service_get_series (market, "SPX"),
                                 alvh_market_service_get_series (market, "VIX"),
                                 alvh_market_service_get_series (market, "VX"),
                                 alvh_market_service_get_series (market, "VVIX"));
}

static void
session_market_changed_cb (AlvhJournalPage *self)
{
  set_model_market (self->model, alvh_context_get_market (ALVH_PAGE_CONTEXT (self)));
  session_journal_changed_cb (self);
}

/* ---- GObject ---- */

static void
alvh_journal_page_dispose (GObject *object)
{
  AlvhJournalPage *self = ALVH_JOURNAL_PAGE (object);

  if (self->dirty)
    save_now (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->filter_source, g_source_remove);
  g_clear_handle_id (&self->fit_source, g_source_remove);
  g_cancellable_cancel (self->stats_cancellable);
  g_clear_object (&self->stats_cancellable);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  alvh_page_dispose_template (ALVH_PAGE (self), ALVH_TYPE_JOURNAL_PAGE);
  G_OBJECT_CLASS (alvh_journal_page_parent_class)->dispose (object);
}

/* after an allocation: every column again on a new width, then one column
 * less for each allocation that still overflows, so that no column is cut
 * or scrolled away */
static gboolean
fit_columns_cb (gpointer data)
{
  AlvhJournalPage *self = data;
  GtkAdjustment *adjustment = gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view));
  gboolean overflows = gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment) + 0.5;

  self->fit_source = 0;
  if (self->fit_show_all)
    {
      self->fit_show_all = FALSE;
      if (alvh_journal_fit_columns (self->column_view, TRUE))
        return G_SOURCE_REMOVE; /* the next allocation tells whether it overflows */
    }
  if (overflows)
    alvh_journal_fit_columns (self->column_view, FALSE);
  return G_SOURCE_REMOVE;
}

/* the list's visible width or its columns' width changed (its scroller's
 * page size and upper bound) */
static void
list_width_changed_cb (AlvhJournalPage *self,
                       GtkAdjustment   *adjustment)
{
  int width = (int) gtk_adjustment_get_page_size (adjustment);

  if (width <= 0)
    return;
  if (width != self->list_width)
    {
      self->list_width = width;
      self->fit_show_all = TRUE;
    }
  else if (gtk_adjustment_get_upper (adjustment) <= width + 0.5)
    return;
  if (self->fit_source == 0)
    self->fit_source = g_idle_add (fit_columns_cb, self);
}

static void
alvh_journal_page_finalize (GObject *object)
{
  AlvhJournalPage *self = ALVH_JOURNAL_PAGE (object);

  g_clear_object (&self->model);
  G_OBJECT_CLASS (alvh_journal_page_parent_class)->finalize (object);
}

static void
alvh_journal_page_class_init (AlvhJournalPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_journal_page_dispose;
  ALVH_PAGE_CLASS (klass)->context_set = alvh_journal_page_context_set;
  object_class->finalize = alvh_journal_page_finalize;

  signals[STATS_READY] = g_signal_new ("stats-ready", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 0);

  g_type_ensure (ALVH_TYPE_EQUITY_VIEW);
  g_type_ensure (ALVH_TYPE_JOURNAL_LEG_RESULT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/journal/alvh-journal-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, from_entry);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, to_entry);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, trigger_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, tag_entry);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, title_entry);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, date_label);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, decision_label);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, leg_result);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, signals_grid);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, snapshot_stack);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, snapshot_view);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, snapshot_picture);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, tags_entry);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, save_label);
  gtk_widget_class_bind_template_child (widget_class, AlvhJournalPage, stats_box);

  gtk_widget_class_install_action (widget_class, "journal.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "journal.focus-search", NULL, focus_search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "journal.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "journal.focus-search", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "journalpage");
}

static void
alvh_journal_page_init (AlvhJournalPage *self)
{
  g_autoptr(GtkStringList) branches = NULL;
  g_autoptr(GtkStringList) triggers = NULL;
  GtkSorter *view_sorter;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* accessible names the UI tests can read back (alvh-a11y.h) */
  alvh_a11y_set_label (GTK_WIDGET (self->search_entry), _("Search the journal"));
  alvh_a11y_set_label (GTK_WIDGET (self->tag_entry), _("Tag filter"));
  alvh_a11y_set_label (GTK_WIDGET (self->title_entry), _("Entry title"));
  alvh_a11y_set_label (GTK_WIDGET (self->tags_entry), _("Tags"));

  branches = gtk_string_list_new (NULL);
  gtk_string_list_append (branches, _("All branches"));
  for (guint i = 1; i < G_N_ELEMENTS (branch_keys); i++)
    gtk_string_list_append (branches, alvh_format_key (branch_keys[i]));
  gtk_drop_down_set_model (self->branch_dropdown, G_LIST_MODEL (branches));
  alvh_form_set_ellipsizing_factory (self->branch_dropdown, 10);
  triggers = gtk_string_list_new (NULL);
  gtk_string_list_append (triggers, _("All triggers"));
  for (guint i = 1; i < G_N_ELEMENTS (trigger_keys); i++)
    gtk_string_list_append (triggers, alvh_format_key (trigger_keys[i]));
  gtk_drop_down_set_model (self->trigger_dropdown, G_LIST_MODEL (triggers));
  alvh_form_set_ellipsizing_factory (self->trigger_dropdown, 10);

  self->model = alvh_journal_model_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* the date and the P&L first, whole; the title takes what is left; the
   * rest follows, the least needed left out when the list is narrow
   * (alvh_journal_fit_columns); every column resizes */
  add_column (self, "date", _("Date"), FALSE, -1);
  add_column (self, "pnl", _("P&L"), FALSE, -1);
  add_column (self, "title", _("Title"), TRUE, -1);
  add_column (self, "layer", _("Layer"), FALSE, -1);
  add_column (self, "size", _("Size"), FALSE, -1);
  add_column (self, "instrument", _("Instrument"), FALSE, -1);
  add_column (self, "branch", _("Branch"), FALSE, -1);
  add_column (self, "triggers", _("Triggers"), TRUE, -1);

  g_signal_connect_object (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (self->column_view)), "changed",
                           G_CALLBACK (list_width_changed_cb), self, G_CONNECT_SWAPPED);
  view_sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (view_sorter, "changed", G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (model_loading_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::n-items", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->from_entry, "activate", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->to_entry, "activate", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->tag_entry, "activate", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->from_entry, "changed", G_CALLBACK (filter_typed_cb), self);
  g_signal_connect_swapped (self->to_entry, "changed", G_CALLBACK (filter_typed_cb), self);
  g_signal_connect_swapped (self->tag_entry, "changed", G_CALLBACK (filter_typed_cb), self);
  g_signal_connect_swapped (self->branch_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);
  g_signal_connect_swapped (self->trigger_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (edited_cb), self);
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->notes_view), TRUE);
  g_signal_connect_swapped (self->title_entry, "changed", G_CALLBACK (edited_cb), self);
  g_signal_connect_swapped (self->tags_entry, "changed", G_CALLBACK (edited_cb), self);

  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name", G_CALLBACK (view_changed_cb), self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "journal.delete", FALSE);
  self->stats_stale = TRUE;
  update_count (self);
}

/* ---- the context arrives ---- */

static void
alvh_journal_page_context_set (AlvhPage    *page,
                               AlvhContext *context)
{
  AlvhJournalPage *self = ALVH_JOURNAL_PAGE (page);

  alvh_journal_model_set_store_path (self->model, alvh_journal_service_get_path (alvh_context_get_journal (context)));
  set_model_market (self->model, alvh_context_get_market (context));
  alvh_context_connect (context, "journal", G_CALLBACK (session_journal_changed_cb), self);
  alvh_context_connect (context, "market", G_CALLBACK (session_market_changed_cb), self);
  {
    GSettings *settings = alvh_context_get_settings (context);

    if (settings != NULL)
      g_signal_connect_object (settings, "changed::time-zone", G_CALLBACK (time_zone_changed_cb),
                               self, G_CONNECT_SWAPPED);
  }
  {
    g_autoptr(GtkColumnViewColumn) date_column =
      g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

    gtk_column_view_sort_by_column (self->column_view, date_column, GTK_SORT_DESCENDING);
  }
  alvh_journal_page_reload (self);
}

/* ---- public API ---- */

GtkWidget *
alvh_journal_page_new (AlvhContext *context)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (context), NULL);
  return g_object_new (ALVH_TYPE_JOURNAL_PAGE, "context", context, NULL);
}

AlvhContext *
alvh_journal_page_get_context (AlvhJournalPage *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_PAGE (self), NULL);
  return ALVH_PAGE_CONTEXT (self);
}

AlvhJournalModel *
alvh_journal_page_get_model (AlvhJournalPage *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_PAGE (self), NULL);
  return self->model;
}

void
alvh_journal_page_reload (AlvhJournalPage *self)
{
  g_return_if_fail (ALVH_IS_JOURNAL_PAGE (self));
  if (ALVH_PAGE_CONTEXT (self) == NULL)
    return;
  alvh_journal_model_set_store_path (self->model, alvh_journal_service_get_path (alvh_context_get_journal (ALVH_PAGE_CONTEXT (self))));
  alvh_journal_model_reload (self->model);
  update_count (self);
}

gboolean
alvh_journal_page_select_entry (AlvhJournalPage *self,
                                gint64           id)
{
  guint pos;

  g_return_val_if_fail (ALVH_IS_JOURNAL_PAGE (self), FALSE);
  pos = alvh_journal_model_find (self->model, id);
  if (pos == G_MAXUINT)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, pos);
  show_entry (self, id);
  return TRUE;
}

gint64
alvh_journal_page_get_selected_id (AlvhJournalPage *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_PAGE (self), 0);
  return self->current_id;
}

gboolean
alvh_journal_page_flush_save (AlvhJournalPage *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_PAGE (self), FALSE);
  return save_now (self);
}

gboolean
alvh_journal_page_delete_selected (AlvhJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_JOURNAL_PAGE (self), FALSE);
  id = self->current_id;
  if (id == 0 || alvh_journal_service_get_path (alvh_context_get_journal (ALVH_PAGE_CONTEXT (self))) == NULL)
    return FALSE;
  save_now (self);
  if (!alvh_journal_service_delete_entry (alvh_context_get_journal (ALVH_PAGE_CONTEXT (self)), id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }
  self->deleted_id = id;
  self->current_id = 0;
  alvh_journal_model_remove (self->model, id);
  show_entry (self, 0);
  self->stats_stale = TRUE;

  toast = adw_toast_new (_("Entry deleted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return TRUE;
}

gboolean
alvh_journal_page_undo_delete (AlvhJournalPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_JOURNAL_PAGE (self), FALSE);
  id = self->deleted_id;
  if (id == 0 || alvh_journal_service_get_path (alvh_context_get_journal (ALVH_PAGE_CONTEXT (self))) == NULL)
    return FALSE;
  if (!alvh_journal_service_undelete_entry (alvh_context_get_journal (ALVH_PAGE_CONTEXT (self)), id, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }
  self->deleted_id = 0;
  self->select_after_load = id;   /* reselected once the rows are in */
  self->stats_stale = TRUE;
  alvh_journal_page_reload (self);
  return TRUE;
}

void
alvh_journal_page_refresh_stats (AlvhJournalPage *self)
{
  AlvhJournalService *journal;

  g_return_if_fail (ALVH_IS_JOURNAL_PAGE (self));
  journal = alvh_context_get_journal (ALVH_PAGE_CONTEXT (self));
  if (alvh_journal_service_get_path (journal) == NULL)
    return;
  if (self->stats_cancellable != NULL)
    g_cancellable_cancel (self->stats_cancellable);
  g_clear_object (&self->stats_cancellable);
  self->stats_cancellable = g_cancellable_new ();

  alvh_journal_service_compute_stats_async (journal,
                                            alvh_book_service_get_account_id (alvh_context_get_book (ALVH_PAGE_CONTEXT (self))),
                                            alvh_market_service_get_series (alvh_context_get_market (ALVH_PAGE_CONTEXT (self)), "SPX"),
                                            alvh_market_service_get_series (alvh_context_get_market (ALVH_PAGE_CONTEXT (self)), "VIX"),
                                            alvh_market_service_get_series (alvh_context_get_market (ALVH_PAGE_CONTEXT (self)), "VX"),
                                            alvh_market_service_get_series (alvh_context_get_market (ALVH_PAGE_CONTEXT (self)), "VVIX"),
                                            self->stats_cancellable, stats_done_cb, g_object_ref (self));
}

void
alvh_journal_page_show_view (AlvhJournalPage *self,
                             const char      *name)
{
  g_return_if_fail (ALVH_IS_JOURNAL_PAGE (self));
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
