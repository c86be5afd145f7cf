/* alvh-positions-page.c — the Positions page: the active account's book
 *
 * An account switcher, the book's greeks, break-evens and extrinsic value
 * marked at the latest bar, hedge coverage at SPX -1/-2/-3 SD, settlement
 * warnings (VIX Wednesday AM vs SPX AM / SPXW PM), and the open condors and
 * hedge legs with buttons to add, edit and close them.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <inttypes.h>
#include <math.h>

#include <glib/gi18n.h>

#include "alvh-account-dialog.h"
#include "alvh-condor-close-dialog.h"
#include "alvh-condor-dialog.h"
#include "alvh-form.h"
#include "alvh-leg-close-dialog.h"
#include "alvh-leg-dialog.h"
#include "alvh-positions-page.h"
#include "alvh-scenario.h"
#include "alvh-template.h"

struct _AlvhPositionsPage
{
  AlvhPage      parent_instance;

  /* Template */
  GtkWidget    *account_row;
  GtkWidget    *book_group;
  GtkWidget    *coverage_group;
  GtkWidget    *warnings_group;
  GtkWidget    *warnings_list;
  GtkWidget    *condor_list;
  GtkWidget    *leg_list;
  GtkWidget    *stale_row;      /* the value rows of the book group */
  GtkWidget    *market_row;
  GtkWidget    *delta_label;
  GtkWidget    *gamma_label;
  GtkWidget    *theta_label;
  GtkWidget    *vega_label;
  GtkWidget    *extrinsic_label;
  GtkWidget    *breakeven_label;
  GtkWidget    *pnl_label;
  GtkWidget    *ledger_label;   /* the account's P&L to date: the ledger's */
  GtkWidget    *ledger_row;
  GtkWidget    *coverage_rows[3];
  GtkWidget    *coverage_labels[3];

  /* Owned */
  GArray       *account_ids;    /* gint64 by combo position */
  gboolean      updating;
  gint64        bar_time;
  double        marked_pnl;     /* what pnl_label shows, dollars */
  AlvhLedgerPnl ledger_pnl;
};

G_DEFINE_FINAL_TYPE (AlvhPositionsPage, alvh_positions_page, ALVH_TYPE_PAGE)

static void alvh_positions_page_context_set (AlvhPage    *page,
                                             AlvhContext *context);

static GtkWindow *
parent_window (AlvhPositionsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child = gtk_widget_get_first_child (list);

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (GTK_LIST_BOX (list), child);
      child = next;
    }
}

/* rows show user text and numbers, never markup */
static char *
price (double v)
{
  return alvh_format_price (v, ALVH_FORMAT_SCREEN);
}

static GtkWidget *
plain_row (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* read-only: Tab goes to the buttons on it, not to the row */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
set_value (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text);
  /* the row reads "Title: value" to a screen reader */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static double
years_between (gint64 from,
               gint64 to)
{
  return MAX (0.0, (double) alvh_time_calendar_days (from, to)) / 365.0;
}

static const AlvhCondor *
find_condor (AlvhPositionsPage *self,
             gint64             id)
{
  GPtrArray *condors = alvh_book_service_get_condors (alvh_context_get_book (ALVH_PAGE_CONTEXT (self)));

  for (guint i = 0; condors != NULL && i < condors->len; i++)
    {
      const AlvhCondor *c = g_ptr_array_index (condors, i);

      if (c->id == id)
        return c;
    }
  return NULL;
}

static const AlvhLeg *
find_leg (AlvhPositionsPage *self,
          gint64             id)
{
  GPtrArray *legs = alvh_book_service_get_legs (alvh_context_get_book (ALVH_PAGE_CONTEXT (self)));

  for (guint i = 0; legs != NULL && i < legs->len; i++)
    {
      const AlvhLeg *l = g_ptr_array_index (legs, i);

      if (l->id == id)
        return l;
    }
  return NULL;
}

/* A store error in a plain message dialog, as the entry dialogs show theirs. */
static void
show_error (AlvhPositionsPage *self,
            const char        *heading,
            const GError      *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_accounts (AlvhPositionsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = alvh_book_service_list_accounts (alvh_context_get_book (ALVH_PAGE_CONTEXT (self)), &error);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  if (accounts == NULL)
    {
      show_error (self, _("Cannot Read the Accounts"), error);
      return;
    }
  self->updating = TRUE;
  g_array_set_size (self->account_ids, 0);
  for (guint i = 0; i < accounts->len; i++)
    {
      AlvhJournalAccount *a = g_ptr_array_index (accounts, i);

      gtk_string_list_append (names, a->name);
      g_array_append_val (self->account_ids, a->id);
      if (a->id == alvh_book_service_get_account_id (alvh_context_get_book (ALVH_PAGE_CONTEXT (self))))
        selected = i;
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (self->account_row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->account_row), selected);
  self->updating = FALSE;
}

/* The row that says which closes mark the book */
static void
refresh_market_row (AlvhPositionsPage *self,
                    AlvhMarketState   *ms,
                    gboolean           have_market)
{
  g_autofree char *text = NULL;

  if (have_market)
    {
      g_autofree char *date = alvh_time_format_ny_date (self->bar_time);
      g_autofree char *subtitle = NULL;
      g_autofree char *beta = alvh_format_number (ms->beta, 2, ALVH_FORMAT_SCREEN);
      g_autofree char *spx = price (ms->spx), *vix = price (ms->vix);
      g_autofree char *iv = alvh_format_percent (ms->iv, 1, ALVH_FORMAT_SCREEN);

      subtitle = g_strdup_printf (_("SPX %s · VIX %s · IV %s · VIX-on-SPX beta %s"), spx, vix, iv, beta);
      if (self->bar_time < ms->time)
        {
          g_autofree char *today = alvh_time_format_ny_date (ms->time);

          text = g_strdup_printf (_("Marked on %s with the closes of %s"), today, date);
        }
      else
        text = g_strdup_printf (_("Marked at the close of %s"), date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->market_row), text);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->market_row), subtitle);
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->market_row), _("No market data"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->market_row),
                                   _("Import SPX and VIX history or load the demo data to mark the book"));
    }
}

/* The book marked as the what-if and the ledger mark it, every open
 * position (its SPX puts and VIX puts too), so that Marked P&L is the
 * ledger's unrealised P&L. */
static void
book_mark (AlvhPositionsPage *self,
           AlvhBook          *book,
           AlvhMarketState   *ms,
           AlvhBookMark      *mark)
{
  g_autoptr(AlvhBook) held = alvh_book_copy (book);
  AlvhScenario scenario;

  /* held at the close the page marks at: a put settled that day is the ledger's realised P&L */
  alvh_book_drop_other_legs_settled_by (held, MAX (alvh_time_now (), alvh_time_bar_close (ms->time)));
  alvh_scenario_init (&scenario);
  alvh_scenario_mark (held, ms, &scenario, mark);
  self->marked_pnl = mark->total_pnl;
}

/* The book's greeks, extrinsic value, break-evens and P&L */
static void
refresh_greeks (AlvhPositionsPage *self,
                AlvhBook          *book,
                AlvhMarketState   *ms,
                gboolean           have_market)
{
  gboolean have_condors = alvh_book_get_n_condors (book) > 0;
  double mult = have_market ? ms->multiplier : 100;

  if (have_market && (have_condors || alvh_book_get_n_legs (book) > 0 || alvh_book_get_n_other_legs (book) > 0))
    {
      AlvhBookGreeks g;
      AlvhBookMark mark;
      double be[16];
      guint n_be;
      double extrinsic = 0;
      g_autoptr(GString) bes = g_string_new (NULL);
      g_autofree char *delta = NULL, *gamma = NULL, *theta = NULL, *vega = NULL, *ext = NULL, *pnl = NULL;
      g_autofree char *theta_money = NULL, *vega_money = NULL;

      alvh_book_greeks (book, ms, &g);
      book_mark (self, book, ms, &mark);
      n_be = alvh_book_break_evens (book, be, G_N_ELEMENTS (be));
      for (guint i = 0; i < n_be; i++)
        {
          g_autofree char *p = price (be[i]);

          g_string_append_printf (bes, "%s%s", i ? " / " : "", p);
        }
      for (guint i = 0; i < alvh_book_get_n_condors (book); i++)
        {
          const AlvhCondor *c = alvh_book_get_condor (book, i);

          extrinsic += alvh_condor_extrinsic (c, ms->spx, years_between (ms->time, c->expiry), ms->iv,
                                              ms->rate, ms->div_yield, NULL) * c->units * mult;
        }
      {
        g_autofree char *per = alvh_format_number (g.delta_per_unit, 3, ALVH_FORMAT_SCREEN);
        g_autofree char *tot = alvh_format_number (g.total_delta, 2, ALVH_FORMAT_SCREEN);

        if (isfinite (g.delta_per_unit))
          delta = g_strdup_printf (_("%s per condor unit (total %s)"), per, tot);
        else
          delta = g_strdup_printf (_("%s (n/a per unit)"), tot);
      }
      gamma = alvh_format_number (g.spx_gamma, 5, ALVH_FORMAT_SCREEN);
      theta_money = alvh_format_money ((g.spx_theta + g.vix_theta) * mult, ALVH_MONEY_CENTS);
      theta = g_strdup_printf (_("%s per day"), theta_money);
      vega_money = alvh_format_money ((g.spx_vega + g.vix_vega) * mult, ALVH_MONEY_CENTS);
      vega = g_strdup_printf (_("%s per vol point"), vega_money);
      ext = alvh_format_money (extrinsic, ALVH_MONEY_CENTS);
      pnl = alvh_format_money (mark.total_pnl, ALVH_MONEY_CENTS);
      set_value (self->delta_label, delta);
      set_value (self->gamma_label, gamma);
      set_value (self->theta_label, theta);
      set_value (self->vega_label, vega);
      set_value (self->extrinsic_label, have_condors ? ext : _("n/a"));
      set_value (self->breakeven_label, n_be > 0 ? bes->str : _("n/a"));
      set_value (self->pnl_label, pnl);
    }
  else
    {
      GtkWidget *labels[] = { self->delta_label, self->gamma_label, self->theta_label, self->vega_label,
                              self->extrinsic_label, self->breakeven_label, self->pnl_label };

      self->marked_pnl = NAN;

      for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
        set_value (labels[i], "—");
    }
}

/* When a leg settles: VIX options on Wednesday at the open (SOQ), SPX
 * options as a condor of that expiry does (SPX AM, SPXW PM). */
static const char *
leg_settlement (const AlvhLeg *l)
{
  if (l->kind == ALVH_LEG_SPX_PUT || l->kind == ALVH_LEG_SPX_PUT_SPREAD)
    return alvh_condor_settlement_style (l->expiry);
  return _("Wed AM, SOQ");
}

/* The warning for a leg that settles on another day than its condor: a VIX
 * hedge leaves the condor unhedged or outlives it; a put bought by hand is
 * said as it is. */
static void
settlement_warning (const AlvhLeg    *l,
                    const AlvhCondor *c,
                    char            **title,
                    char            **text)
{
  g_autofree char *date = alvh_time_format_ny_date (l->expiry);
  g_autofree char *cdate = alvh_time_format_ny_date (c->expiry);
  const char *kind = alvh_leg_kind_get_title (l->kind);
  const char *style = alvh_condor_settlement_style (c->expiry);
  gint64 gap = alvh_time_calendar_days (l->expiry, c->expiry);

  if (!alvh_leg_is_vix_hedge (l))
    {
      *title = g_strdup_printf (_("%s settles at a different time than its condor"), kind);
      if (gap > 0)
        *text = g_strdup_printf (_("The %s settles on %s (%s), %" PRId64 " days before the condor settles on %s (%s)."),
                                 kind, date, leg_settlement (l), gap, cdate, style);
      else
        *text = g_strdup_printf (_("The %s settles on %s (%s), %" PRId64 " days after the condor settles on %s (%s)."),
                                 kind, date, leg_settlement (l), -gap, cdate, style);
      return;
    }
  *title = g_strdup_printf (_("Layer %d settles at a different time than its condor"), l->layer);
  if (gap > 0)
    *text = g_strdup_printf (_("The VIX hedge settles on %s at the morning open (SOQ), %" PRId64
                               " days before the condor settles on %s (%s): the condor is unhedged for those days."),
                             date, gap, cdate, style);
  else
    *text = g_strdup_printf (_("The VIX hedge settles on %s at the morning open (SOQ), %" PRId64
                               " days after the condor settles on %s (%s): close or roll it with the condor."),
                             date, -gap, cdate, style);
}

/* The hedges' coverage at −1, −2 and −3 SD */
static void
refresh_coverage (AlvhPositionsPage *self,
                  AlvhBook          *book,
                  AlvhMarketState   *ms,
                  gboolean           have_market)
{
  gboolean have_condors = alvh_book_get_n_condors (book) > 0;

  if (have_market && have_condors)
    {
      AlvhHedgeCoverage cov[3];

      alvh_book_hedge_coverage (book, ms, cov);
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *title = NULL, *subtitle = NULL, *value = NULL;
          g_autofree char *cl = alvh_format_money (cov[i].condor_pnl, ALVH_MONEY_CENTS);
          g_autofree char *hl = alvh_format_money (cov[i].hedge_pnl, ALVH_MONEY_CENTS);

          g_autofree char *spx = alvh_format_number (cov[i].spx, 0, ALVH_FORMAT_SCREEN);
          g_autofree char *vix = alvh_format_number (cov[i].vix, 1, ALVH_FORMAT_SCREEN);

          title = g_strdup_printf (_("SPX −%g SD: %s, VIX %s"), cov[i].n_sd, spx, vix);
          subtitle = g_strdup_printf (_("Condors %s · hedges %s"), cl, hl);
          value = alvh_format_percent (cov[i].coverage, 0, ALVH_FORMAT_SCREEN);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->coverage_rows[i]), title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->coverage_rows[i]), subtitle);
          set_value (self->coverage_labels[i], value);
        }
    }
  else
    for (guint i = 0; i < 3; i++)
      {
        g_autofree char *title = g_strdup_printf (_("SPX −%u SD"), i + 1);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->coverage_rows[i]), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->coverage_rows[i]),
                                     have_market ? _("No open condor") : _("No market data"));
        set_value (self->coverage_labels[i], _("n/a"));
      }
}

static void
refresh_book (AlvhPositionsPage *self,
              AlvhMarketState   *ms,
              gboolean           have_market)
{
  /* expired positions are settled: not in the book that is marked */
  g_autoptr(AlvhBook) book = alvh_book_copy_as_of (alvh_book_service_get_book (alvh_context_get_book (ALVH_PAGE_CONTEXT (self))),
                                                   MAX (alvh_time_now (), ms->time));

  refresh_market_row (self, ms, have_market);
  refresh_greeks (self, book, ms, have_market);
  refresh_coverage (self, book, ms, have_market);
}

static void
refresh_condors (AlvhPositionsPage *self,
                 AlvhMarketState   *ms,
                 gboolean           have_market)
{
  GPtrArray *condors = alvh_book_service_get_condors (alvh_context_get_book (ALVH_PAGE_CONTEXT (self)));
  gint64 today = alvh_form_today ();

  clear_list (self->condor_list);
  for (guint i = 0; condors != NULL && i < condors->len; i++)
    {
      const AlvhCondor *c = g_ptr_array_index (condors, i);
      AlvhCondor model = { .id = c->id, .long_put = c->long_put, .short_put = c->short_put,
                           .short_call = c->short_call, .long_call = c->long_call,
                           .expiry = c->expiry, .units = c->units, .credit = c->credit,
                           .opened = c->opened };
      GtkWidget *row = plain_row ();
      g_autofree char *title = NULL, *subtitle = NULL, *date = alvh_time_format_ny_date (c->expiry);
      g_autofree char *ext = NULL, *value = NULL;
      double lo, hi;
      gint64 dte = alvh_time_calendar_days (today, c->expiry);

      alvh_condor_break_evens (&model, &lo, &hi);
      if (have_market)
        {
          double t = years_between (ms->time, c->expiry);

          ext = price (alvh_condor_extrinsic (&model, ms->spx, t, ms->iv, ms->rate, ms->div_yield, NULL));
          value = price (alvh_condor_value (&model, ms->spx, t, ms->iv, ms->rate, ms->div_yield));
        }
      title = g_strdup_printf (_("%g × %g / %g — %g / %g"), c->units, c->long_put, c->short_put,
                               c->short_call, c->long_call);
      g_autofree char *credit = price (c->credit), *lo_text = price (lo), *hi_text = price (hi);

      if (alvh_time_is_expired_at (c->expiry, MAX (alvh_time_now (), ms->time)))
        subtitle = g_strdup_printf (_("Expired on %s (%s): settled, no longer open · credit %s · "
                                      "close it at its settlement to book the P&L"),
                                    date, alvh_condor_settlement_style (c->expiry), credit);
      else
        subtitle = g_strdup_printf (ngettext ("Expires %s (%s), %" PRId64 " day · credit %s · value %s · "
                                              "extrinsic %s · break-evens %s / %s",
                                              "Expires %s (%s), %" PRId64 " days · credit %s · value %s · "
                                              "extrinsic %s · break-evens %s / %s", (gulong) MAX (dte, 0)),
                                    date, alvh_condor_settlement_style (c->expiry), dte, credit,
                                    value ? value : _("n/a"), ext ? ext : _("n/a"), lo_text, hi_text);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_widget_add_css_class (row, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 alvh_form_row_button ("document-edit-symbolic", _("Edit Condor"), "positions.edit-condor", c->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 alvh_form_row_button ("window-close-symbolic", _("Close Condor"), "positions.close-condor", c->id));
      gtk_list_box_append (GTK_LIST_BOX (self->condor_list), row);
    }
}

static void
add_warning (AlvhPositionsPage *self,
             const char        *title,
             const char        *text)
{
  GtkWidget *row = plain_row ();
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  gtk_list_box_append (GTK_LIST_BOX (self->warnings_list), row);
}

static void
refresh_legs (AlvhPositionsPage *self,
              AlvhMarketState   *ms,
              gboolean           have_market)
{
  GPtrArray *legs = alvh_book_service_get_legs (alvh_context_get_book (ALVH_PAGE_CONTEXT (self)));
  GPtrArray *condors = alvh_book_service_get_condors (alvh_context_get_book (ALVH_PAGE_CONTEXT (self)));
  gint64 today = alvh_form_today ();
  guint n_warnings = 0;

  clear_list (self->leg_list);
  clear_list (self->warnings_list);
  for (guint i = 0; legs != NULL && i < legs->len; i++)
    {
      const AlvhLeg *l = g_ptr_array_index (legs, i);
      const AlvhCondor *c = find_condor (self, l->condor_id);
      GtkWidget *row = plain_row ();
      g_autofree char *title = NULL, *subtitle = NULL, *strikes = NULL, *value = NULL;
      g_autofree char *date = alvh_time_format_ny_date (l->expiry);
      double open_qty = l->quantity - l->closed_quantity;

      if (l->kind == ALVH_LEG_VIX_FUTURE)
        strikes = g_strdup ("");
      else if (isfinite (l->short_strike))
        strikes = g_strdup_printf (" %g/%g", l->long_strike, l->short_strike);
      else
        strikes = g_strdup_printf (" %g", l->long_strike);
      if (have_market && alvh_leg_is_vix_hedge (l))
        {
          /* section 4: the future of the leg's own expiry, as of the bar */
          AlvhMarketState bar = *ms;
          double f;

          bar.time = self->bar_time;
          f = alvh_market_state_vix_forward (&bar, l->expiry);
          value = price (alvh_leg_value (l, f, years_between (ms->time, l->expiry), ms->vix_vol, ms->rate));
        }
      else if (have_market)
        value = price (alvh_other_leg_value (l, ms));   /* as Marked P&L values it */
      /* a put bought by hand is in the book but no hedge layer */
      if (alvh_leg_is_vix_hedge (l))
        title = g_strdup_printf (_("Layer %d · %s%s × %g"), l->layer, alvh_leg_kind_get_title (l->kind), strikes, open_qty);
      else
        title = g_strdup_printf ("%s%s × %g", alvh_leg_kind_get_title (l->kind), strikes, open_qty);
      g_autofree char *premium = price (l->premium), *open_text = alvh_format_contracts (open_qty);

      if (alvh_time_is_expired_at (l->expiry, MAX (alvh_time_now (), ms->time)))
        subtitle = g_strdup_printf (_("Expired on %s (%s): settled, no longer open · premium %s · "
                                      "%s of %g open%s"),
                                    date, leg_settlement (l), premium, open_text, l->quantity,
                                    l->manual ? _(" · entered by hand") : "");
      else
        subtitle = g_strdup_printf (_("Expires %s (%s), %" PRId64 " days · premium %s · value %s · "
                                      "%s of %g open%s"),
                                    date, leg_settlement (l), alvh_time_calendar_days (today, l->expiry), premium,
                                    value ? value : _("n/a"), open_text, l->quantity,
                                    l->manual ? _(" · entered by hand") : "");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 alvh_form_row_button ("document-edit-symbolic", _("Edit Leg"), "positions.edit-leg", l->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 alvh_form_row_button ("window-close-symbolic", _("Close Contracts"), "positions.close-leg", l->id));
      gtk_list_box_append (GTK_LIST_BOX (self->leg_list), row);

      /* settlement: VIX options settle Wednesday at the open (SOQ); an SPX
       * third-Friday condor at the open (AM), SPXW at the close (PM) */
      if (c == NULL && condors != NULL && condors->len > 0)
        c = g_ptr_array_index (condors, 0);
      if (c != NULL && l->kind != ALVH_LEG_VIX_FUTURE && l->expiry != c->expiry)
        {
          g_autofree char *wtitle = NULL, *text = NULL;

          settlement_warning (l, c, &wtitle, &text);
          add_warning (self, wtitle, text);
          n_warnings++;
        }
    }
  gtk_widget_set_visible (self->warnings_group, n_warnings > 0);
}

/* The account's P&L to now from its fills (ALVH-SPEC section 6): the same
 * money as the Journal, the reports and `alvh pnl`. */
static void
refresh_ledger (AlvhPositionsPage *self)
{
  g_autoptr(AlvhLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *total = NULL, *realized = NULL, *unrealized = NULL, *fees = NULL, *subtitle = NULL;

  ledger = alvh_book_service_load_ledger (alvh_context_get_book (ALVH_PAGE_CONTEXT (self)), alvh_context_get_market (ALVH_PAGE_CONTEXT (self)),
                                          0, &error);
  if (ledger == NULL)
    {
      set_value (self->ledger_label, "—");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ledger_row), error != NULL ? error->message : "");
      return;
    }
  alvh_ledger_total_at (ledger, alvh_time_now (), 0, &self->ledger_pnl);
  total = alvh_format_money (self->ledger_pnl.pnl, ALVH_MONEY_CENTS);
  realized = alvh_format_money (self->ledger_pnl.realized, ALVH_MONEY_CENTS);
  unrealized = alvh_format_money (self->ledger_pnl.unrealized_end, ALVH_MONEY_CENTS);
  fees = alvh_format_money (self->ledger_pnl.fees, ALVH_MONEY_CENTS);
  subtitle = g_strdup_printf (_("Realised %s (net of fees %s) · unrealised %s"), realized, fees, unrealized);
  set_value (self->ledger_label, total);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->ledger_row), subtitle);
}

/**
 * alvh_positions_page_get_marked_pnl:
 * @self: the page
 *
 * Returns: the Marked P&L the page shows (the open book at model prices,
 *   SPX puts included), dollars; NAN when it shows none
 */
double
alvh_positions_page_get_marked_pnl (AlvhPositionsPage *self)
{
  g_return_val_if_fail (ALVH_IS_POSITIONS_PAGE (self), NAN);
  return self->marked_pnl;
}

/**
 * alvh_positions_page_get_ledger_pnl:
 * @self: the page
 * @out: (out caller-allocates): the account's P&L to date as the page shows it
 */
void
alvh_positions_page_get_ledger_pnl (AlvhPositionsPage *self,
                                    AlvhLedgerPnl     *out)
{
  g_return_if_fail (ALVH_IS_POSITIONS_PAGE (self));
  *out = self->ledger_pnl;
}

void
alvh_positions_page_refresh (AlvhPositionsPage *self)
{
  AlvhMarketState ms = { 0 };
  gboolean have_market;

  g_return_if_fail (ALVH_IS_POSITIONS_PAGE (self));

  have_market = alvh_decision_service_get_market_state (alvh_context_get_decisions (ALVH_PAGE_CONTEXT (self)), &ms);
  /* a live book: time to expiry counts from today even when the latest bar is older */
  self->bar_time = ms.time;
  if (have_market && ms.time < alvh_form_today ())
    ms.time = alvh_form_today ();
  {
    AlvhDecisionService *decisions = alvh_context_get_decisions (ALVH_PAGE_CONTEXT (self));
    gint64 now = alvh_time_now ();
    gboolean stale = have_market && alvh_decision_service_is_stale (decisions, now);

    if (stale)
      {
        g_autofree char *last = alvh_time_format_ny_date (self->bar_time);
        g_autofree char *session = alvh_time_format_ny_date (alvh_time_from_ny_day (alvh_calendar_last_session_day (now)));
        g_autofree char *title = g_strdup_printf (_("The data is stale: the latest bar is of %s"), last);
        g_autofree char *subtitle = g_strdup_printf (_("The NYSE has closed a session on %s since: the marks below use the closes of %s."),
                                                     session, last);

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->stale_row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (self->stale_row), subtitle);
      }
    gtk_widget_set_visible (self->stale_row, stale);
  }
  refresh_accounts (self);
  refresh_book (self, &ms, have_market);
  refresh_condors (self, &ms, have_market);
  refresh_legs (self, &ms, have_market);
  refresh_ledger (self);
}

static void
account_selected_cb (AlvhPositionsPage *self)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (self->account_row));
  g_autoptr(GError) error = NULL;

  if (self->updating || i >= self->account_ids->len)
    return;
  if (!alvh_book_service_set_account (alvh_context_get_book (ALVH_PAGE_CONTEXT (self)), g_array_index (self->account_ids, gint64, i), &error))
    show_error (self, _("Cannot Switch the Account"), error);
}

/* ---- actions ----------------------------------------------------------- */

GtkWidget *
alvh_positions_page_add_condor (AlvhPositionsPage *self)
{
  AlvhCondorDialog *dialog;

  g_return_val_if_fail (ALVH_IS_POSITIONS_PAGE (self), NULL);
  dialog = alvh_condor_dialog_new (parent_window (self), ALVH_PAGE_CONTEXT (self), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

GtkWidget *
alvh_positions_page_add_leg (AlvhPositionsPage *self)
{
  AlvhLegDialog *dialog;

  g_return_val_if_fail (ALVH_IS_POSITIONS_PAGE (self), NULL);
  dialog = alvh_leg_dialog_new (parent_window (self), ALVH_PAGE_CONTEXT (self), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

/* Every positions.* action opens a dialog: the new ones without a
 * parameter, the others for the condor or leg whose id is the parameter. */
static void
dialog_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  AlvhPositionsPage *self = ALVH_POSITIONS_PAGE (widget);
  AlvhContext *context = ALVH_PAGE_CONTEXT (self);
  gint64 id = param != NULL ? g_variant_get_int64 (param) : 0;
  const AlvhCondor *c = id > 0 ? find_condor (self, id) : NULL;
  const AlvhLeg *l = id > 0 ? find_leg (self, id) : NULL;
  gpointer dialog = NULL;

  if (g_str_equal (name, "positions.add-condor"))
    alvh_positions_page_add_condor (self);
  else if (g_str_equal (name, "positions.add-leg"))
    alvh_positions_page_add_leg (self);
  else if (g_str_equal (name, "positions.new-account"))
    dialog = alvh_account_dialog_new (parent_window (self), context);
  else if (g_str_equal (name, "positions.edit-condor") && c != NULL)
    dialog = alvh_condor_dialog_new (parent_window (self), context, c);
  else if (g_str_equal (name, "positions.close-condor") && c != NULL)
    dialog = alvh_condor_close_dialog_new (parent_window (self), context, c);
  else if (g_str_equal (name, "positions.edit-leg") && l != NULL)
    dialog = alvh_leg_dialog_new (parent_window (self), context, l);
  else if (g_str_equal (name, "positions.close-leg") && l != NULL)
    dialog = alvh_leg_close_dialog_new (parent_window (self), context, l);
  if (dialog != NULL)
    gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- object ------------------------------------------------------------ */

static void
alvh_positions_page_dispose (GObject *object)
{
  AlvhPositionsPage *self = ALVH_POSITIONS_PAGE (object);

  alvh_page_dispose_template (ALVH_PAGE (self), ALVH_TYPE_POSITIONS_PAGE);
  G_OBJECT_CLASS (alvh_positions_page_parent_class)->dispose (object);
}

static void
alvh_positions_page_finalize (GObject *object)
{
  AlvhPositionsPage *self = ALVH_POSITIONS_PAGE (object);

  g_clear_pointer (&self->account_ids, g_array_unref);
  G_OBJECT_CLASS (alvh_positions_page_parent_class)->finalize (object);
}

static void
alvh_positions_page_class_init (AlvhPositionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  static const AlvhTemplateChild children[] = {
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, account_row),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, book_group),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, coverage_group),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, warnings_group),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, warnings_list),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, condor_list),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, leg_list),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, stale_row),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, market_row),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, delta_label),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, gamma_label),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, theta_label),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, vega_label),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, extrinsic_label),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, breakeven_label),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, pnl_label),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, ledger_label),
    ALVH_TEMPLATE_CHILD (AlvhPositionsPage, ledger_row),
    /* one a standard deviation, into their arrays */
    { "coverage_row1", G_STRUCT_OFFSET (AlvhPositionsPage, coverage_rows[0]) },
    { "coverage_row2", G_STRUCT_OFFSET (AlvhPositionsPage, coverage_rows[1]) },
    { "coverage_row3", G_STRUCT_OFFSET (AlvhPositionsPage, coverage_rows[2]) },
    { "coverage_label1", G_STRUCT_OFFSET (AlvhPositionsPage, coverage_labels[0]) },
    { "coverage_label2", G_STRUCT_OFFSET (AlvhPositionsPage, coverage_labels[1]) },
    { "coverage_label3", G_STRUCT_OFFSET (AlvhPositionsPage, coverage_labels[2]) },
  };

  object_class->dispose = alvh_positions_page_dispose;
  ALVH_PAGE_CLASS (klass)->context_set = alvh_positions_page_context_set;
  object_class->finalize = alvh_positions_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/positions/alvh-positions-page.ui");
  alvh_template_bind_children (widget_class, children, G_N_ELEMENTS (children));
  gtk_widget_class_bind_template_callback (widget_class, account_selected_cb);

  gtk_widget_class_install_action (widget_class, "positions.add-condor", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "positions.add-leg", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "positions.new-account", NULL, dialog_action);
  gtk_widget_class_install_action (widget_class, "positions.edit-condor", "x", dialog_action);
  gtk_widget_class_install_action (widget_class, "positions.close-condor", "x", dialog_action);
  gtk_widget_class_install_action (widget_class, "positions.edit-leg", "x", dialog_action);
  gtk_widget_class_install_action (widget_class, "positions.close-leg", "x", dialog_action);
}

static void
alvh_positions_page_init (AlvhPositionsPage *self)
{
  self->marked_pnl = NAN;
  self->account_ids = g_array_new (FALSE, TRUE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
alvh_positions_page_context_set (AlvhPage    *page,
                                 AlvhContext *context)
{
  AlvhPositionsPage *self = ALVH_POSITIONS_PAGE (page);

  alvh_context_connect (context, "book", G_CALLBACK (alvh_positions_page_refresh), self);
  alvh_context_connect (context, "market", G_CALLBACK (alvh_positions_page_refresh), self);
  alvh_context_connect (context, "profile", G_CALLBACK (alvh_positions_page_refresh), self);
  alvh_positions_page_refresh (self);
}

GtkWidget *
alvh_positions_page_new (AlvhContext *context)
{
  g_return_val_if_fail (ALVH_IS_CONTEXT (context), NULL);
  return g_object_new (ALVH_TYPE_POSITIONS_PAGE, "context", context, NULL);
}

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_ACTION_ROW (c))
      n++;
  return n;
}

guint
alvh_positions_page_get_n_condor_rows (AlvhPositionsPage *self)
{
  g_return_val_if_fail (ALVH_IS_POSITIONS_PAGE (self), 0);
  return count_rows (self->condor_list);
}

guint
alvh_positions_page_get_n_leg_rows (AlvhPositionsPage *self)
{
  g_return_val_if_fail (ALVH_IS_POSITIONS_PAGE (self), 0);
  return count_rows (self->leg_list);
}

AlvhContext *
alvh_positions_page_get_context (AlvhPositionsPage *self)
{
  g_return_val_if_fail (ALVH_IS_POSITIONS_PAGE (self), NULL);
  return ALVH_PAGE_CONTEXT (self);
}
