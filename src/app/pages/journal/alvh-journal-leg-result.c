/* alvh-journal-leg-result.c — a journal leg's fills, settlement and P&L
 *
 * The Journal's detail shows what became of a hedge leg with the same money
 * as the Positions page, `alvh book list` and the reports: one row per fill,
 * the settlement at expiry or the mark of what is still open, and the
 * realised and unrealised P&L with the fees (the ledger's, ALVH-SPEC
 * section 6).
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-form.h"
#include "alvh-journal-leg-result.h"

struct _AlvhJournalLegResult
{
  AdwPreferencesGroup  parent_instance;

  /* Owned */
  GPtrArray           *rows;   /* the rows added to the group */
};

G_DEFINE_FINAL_TYPE (AlvhJournalLegResult, alvh_journal_leg_result, ADW_TYPE_PREFERENCES_GROUP)

static void
add_row (AlvhJournalLegResult *self,
         const char           *title,
         const char           *subtitle,
         const char           *value)
{
  GtkWidget *row = adw_action_row_new ();

  /* plain text: "P&L" and notes are not markup */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (value != NULL)
    {
      GtkWidget *label = gtk_label_new (value);

      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
clear_rows (AlvhJournalLegResult *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_fill_rows (AlvhJournalLegResult *self,
               GPtrArray            *fills,
               gint64                leg_id,
               gint64                at)
{
  for (guint i = 0; i < fills->len; i++)
    {
      const AlvhFill *f = g_ptr_array_index (fills, i);
      g_autofree char *when = NULL, *fees = NULL, *price = NULL, *title = NULL, *subtitle = NULL;

      if (f->leg_id != leg_id || f->time > at)
        continue;
      when = alvh_form_format_time (f->time);
      fees = alvh_format_money (f->fees, ALVH_MONEY_CENTS);
      price = alvh_format_price (f->price, ALVH_FORMAT_SCREEN);
      /* TRANSLATORS: a fill: "Bought 4 at 0.80", "Sold 2 at 3.10" (a hedge leg is bought to open) */
      title = f->close ? g_strdup_printf (_("Sold %g at %s"), f->quantity, price)
                       : g_strdup_printf (_("Bought %g at %s"), f->quantity, price);
      /* TRANSLATORS: a fill's time (in the zone the user chose) and its fees */
      subtitle = g_strdup_printf (_("%s · fees %s"), when, fees);
      add_row (self, title, subtitle, NULL);
    }
}

static void
add_state_rows (AlvhJournalLegResult  *self,
                const AlvhLedgerEntry *e)
{
  if (e->settled)
    {
      g_autofree char *day = alvh_time_format_ny_date (e->settle_time);
      g_autofree char *print = alvh_format_price (e->settle_underlying, ALVH_FORMAT_SCREEN);
      g_autofree char *value = alvh_format_price (e->settle_price, ALVH_FORMAT_SCREEN);
      const char *source = e->settle_style == ALVH_SETTLE_VIX_AM ? _("VIX open")
                           : e->settle_style == ALVH_SETTLE_SPX_AM ? _("SPX open") : _("SPX close");
      /* TRANSLATORS: "2020-02-19, VIX open 14.66" */
      g_autofree char *subtitle = g_strdup_printf (_("%s, %s %s"), day, source, print);

      add_row (self, _("Settled at Expiry"), subtitle, value);
    }
  else if (e->settle_pending)
    add_row (self, _("Expired"), _("No print in the market data to settle at yet"), NULL);
  if (e->open_quantity > 0)
    {
      g_autofree char *mark = alvh_format_price (e->mark, ALVH_FORMAT_SCREEN);
      g_autofree char *title = g_strdup_printf (_("Open: %g of %g"), e->open_quantity, e->quantity);
      g_autofree char *day = e->mark_time != 0 ? alvh_time_format_ny_date (e->mark_time) : NULL;
      g_autofree char *subtitle = day != NULL ? g_strdup_printf (_("Marked at the close of %s"), day)
                                              : g_strdup (_("At cost: no bar since the fill"));

      add_row (self, title, subtitle, mark);
    }
}

static void
add_money_rows (AlvhJournalLegResult  *self,
                const AlvhLedgerEntry *e)
{
  g_autofree char *realized = alvh_format_money (e->realized, ALVH_MONEY_CENTS);
  g_autofree char *unrealized = alvh_format_money (e->unrealized, ALVH_MONEY_CENTS);
  g_autofree char *fees = alvh_format_money (e->fees, ALVH_MONEY_CENTS);
  g_autofree char *mae = alvh_format_money (e->mae, ALVH_MONEY_CENTS);
  g_autofree char *mfe = alvh_format_money (e->mfe, ALVH_MONEY_CENTS);
  g_autofree char *excursion = g_strdup_printf (_("Worst %s · best %s over the daily marks"), mae, mfe);

  add_row (self, _("Realised P&L"), _("Net of fees"), realized);
  add_row (self, _("Unrealised P&L"), NULL, unrealized);
  add_row (self, _("Fees"), excursion, fees);
}

/**
 * alvh_journal_leg_result_show_leg:
 * @self: the group
 * @context: the app's context (its journal store, book and market)
 * @leg_id: a leg, 0 to hide the group
 * @at: the time the result stands at (Unix seconds)
 * @error: return location for a #GError
 *
 * Shows the leg's fills up to @at, its settlement or mark and its P&L.
 *
 * Returns: %FALSE with @error set when the journal cannot be read (the group
 *   is hidden)
 */
gboolean
alvh_journal_leg_result_show_leg (AlvhJournalLegResult  *self,
                                  AlvhContext           *context,
                                  gint64                 leg_id,
                                  gint64                 at,
                                  GError               **error)
{
  AlvhJournalStore *store;
  g_autoptr(AlvhLeg) leg = NULL;
  g_autoptr(GPtrArray) fills = NULL;
  g_autoptr(AlvhLedger) ledger = NULL;
  AlvhLedgerEntry e;
  gssize i;

  g_return_val_if_fail (ALVH_IS_JOURNAL_LEG_RESULT (self), FALSE);
  g_return_val_if_fail (ALVH_IS_CONTEXT (context), FALSE);

  clear_rows (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  store = alvh_context_get_store (context);
  if (leg_id <= 0 || store == NULL)
    return TRUE;
  leg = alvh_journal_store_get_leg (store, leg_id, error);
  if (leg == NULL)
    return FALSE;
  fills = alvh_journal_store_list_fills (store, leg->account_id, error);
  if (fills == NULL)
    return FALSE;
  ledger = alvh_book_service_load_ledger (alvh_context_get_book (context), alvh_context_get_market (context),
                                          leg->account_id, error);
  if (ledger == NULL)
    return FALSE;
  i = alvh_ledger_find (ledger, leg_id, FALSE);
  if (i < 0 || !alvh_ledger_entry_at (ledger, (guint) i, at, &e))
    return TRUE;

  add_fill_rows (self, fills, leg_id, at);
  add_state_rows (self, &e);
  add_money_rows (self, &e);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  return TRUE;
}

guint
alvh_journal_leg_result_get_n_rows (AlvhJournalLegResult *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_LEG_RESULT (self), 0);
  return self->rows->len;
}

static void
alvh_journal_leg_result_dispose (GObject *object)
{
  AlvhJournalLegResult *self = ALVH_JOURNAL_LEG_RESULT (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), ALVH_TYPE_JOURNAL_LEG_RESULT);
  G_OBJECT_CLASS (alvh_journal_leg_result_parent_class)->dispose (object);
}

static void
alvh_journal_leg_result_class_init (AlvhJournalLegResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_journal_leg_result_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/alvhdesk/AlvhDesk/ui/pages/journal/alvh-journal-leg-result.ui");
}

static void
alvh_journal_leg_result_init (AlvhJournalLegResult *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
