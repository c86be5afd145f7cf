/* alvh-stored-eval.c — the evaluator on the stored book and market */
#define G_LOG_DOMAIN "alvh-stored-eval"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-evaluator.h"
#include "alvh-stored-eval.h"
#include "alvh-time.h"

gint64
alvh_stored_find_account (AlvhJournalStore  *store,
                          const char        *name,
                          gboolean           create,
                          GError           **error)
{
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GString) known = g_string_new (NULL);

  g_return_val_if_fail (store != NULL, 0);

  if (name == NULL || *name == '\0')
    name = ALVH_DEFAULT_ACCOUNT_NAME;

  accounts = alvh_journal_store_list_accounts (store, error);
  if (accounts == NULL)
    return 0;
  for (guint i = 0; i < accounts->len; i++)
    {
      AlvhJournalAccount *account = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (account->name, name) == 0)
        return account->id;
      g_string_append_printf (known, "%s“%s”", known->len ? ", " : "", account->name);
    }
  if (create)
    return alvh_journal_store_ensure_account (store, name, error);  /* another process may create it meanwhile */

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               _("%s: there is no account “%s” (accounts: %s)"),
               alvh_journal_store_get_path (store), name,
               known->len ? known->str : _("none yet"));
  return 0;
}

AlvhBook *
alvh_stored_load_book (AlvhJournalStore  *store,
                       gint64             account_id,
                       GError           **error)
{
  g_autoptr(GPtrArray) condors = NULL;
  g_autoptr(GPtrArray) legs = NULL;
  AlvhBook *book;

  condors = alvh_journal_store_list_open_condors (store, account_id, error);
  if (condors == NULL)
    return NULL;
  legs = alvh_journal_store_list_open_legs (store, account_id, error);
  if (legs == NULL)
    return NULL;

  book = alvh_book_new ();
  for (guint i = 0; i < condors->len; i++)
    alvh_book_add_condor (book, g_ptr_array_index (condors, i));
  /* an SPX put entered by hand joins the book's other legs: in book_delta,
   * not in the layers or the hedge budget (alvh_book_add_leg()) */
  for (guint i = 0; i < legs->len; i++)
    alvh_book_add_leg (book, g_ptr_array_index (legs, i));
  return book;
}

/* contracts of leg @leg closed by @t */
static gboolean
closed_by (AlvhJournalStore  *store,
           const AlvhLeg     *leg,
           gint64             t,
           double            *out,
           GError           **error)
{
  g_autoptr(GPtrArray) closes = NULL;

  *out = 0.0;
  if (!(leg->closed_quantity > 0.0))
    return TRUE;
  closes = alvh_journal_store_list_leg_closes (store, leg->id, error);
  if (closes == NULL)
    return FALSE;
  for (guint i = 0; i < closes->len; i++)
    {
      const AlvhJournalLegClose *c = g_ptr_array_index (closes, i);

      if (c->time <= t)
        *out += c->quantity;
    }
  return TRUE;
}

AlvhBook *
alvh_stored_load_book_at (AlvhJournalStore  *store,
                          gint64             account_id,
                          gint64             t,
                          GError           **error)
{
  g_autoptr(GPtrArray) condors = NULL;
  g_autoptr(GPtrArray) legs = NULL;
  g_autoptr(AlvhBook) book = NULL;

  g_return_val_if_fail (store != NULL, NULL);

  condors = alvh_journal_store_list_condors (store, account_id, 0, t == G_MAXINT64 ? 0 : t + 1, error);
  if (condors == NULL)
    return NULL;
  legs = alvh_journal_store_list_legs (store, account_id, 0, t == G_MAXINT64 ? 0 : t + 1, error);
  if (legs == NULL)
    return NULL;

  book = alvh_book_new ();
  for (guint i = 0; i < condors->len; i++)
    {
      const AlvhCondor *c = g_ptr_array_index (condors, i);

      if (alvh_condor_is_held_at (c, t))
        alvh_book_add_condor (book, c);
    }
  for (guint i = 0; i < legs->len; i++)
    {
      AlvhLeg *leg = g_ptr_array_index (legs, i);
      double closed;

      if (leg->opened > t)
        continue;
      if (!closed_by (store, leg, t, &closed, error))
        return NULL;
      leg->closed_quantity = closed;
      if (alvh_leg_is_held_at (leg, t))
        alvh_book_add_leg (book, leg);
    }
  return g_steal_pointer (&book);
}

gint64
alvh_stored_eval_instant (AlvhMarketFrame *frame,
                          gint64           at)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (at != 0)
    return at;
  if (frame == NULL || frame->n == 0)
    return now;
  return MAX (now, alvh_time_bar_close (frame->time[frame->n - 1]));
}

gssize
alvh_stored_bar_at (AlvhMarketFrame  *frame,
                    gint64            at,
                    GError          **error)
{
  gssize i;

  g_return_val_if_fail (frame != NULL && frame->n > 0, -1);

  if (at == 0)
    return (gssize) frame->n - 1;
  i = alvh_market_frame_find_le (frame, at);
  while (i >= 0 && alvh_time_bar_close (frame->time[i]) > at)
    i--;
  if (i < 0)
    {
      g_autofree char *day = alvh_time_format_ny_date (at);
      g_autofree char *first = alvh_time_format_ny_date (frame->time[0]);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No bar on or before %s (the history starts on %s)"), day, first);
    }
  return i;
}

GPtrArray *
alvh_stored_load_events (AlvhJournalStore  *store,
                         GError           **error)
{
  GPtrArray *events;

  events = alvh_journal_store_list_events (store, G_MININT64, G_MAXINT64, error);
  if (events == NULL)
    return NULL;
  alvh_events_sort (events);
  return events;
}

AlvhProfile *
alvh_stored_load_profile (AlvhJournalStore  *store,
                          const char        *name,
                          GError           **error)
{
  g_autoptr(AlvhJournalProfile) stored = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *source = NULL;

  if (name == NULL || *name == '\0')
    {
      stored = alvh_journal_store_get_profile (store, "default", 0, &local_error);
      if (stored == NULL)
        {
          /* no stored "default": the spec's defaults; any other failure is reported */
          if (!g_error_matches (local_error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          return alvh_profile_new ();
        }
    }
  else
    {
      stored = alvh_journal_store_get_profile (store, name, 0, &local_error);
      if (stored == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                       _("%s: there is no rule profile “%s”%s%s"),
                       alvh_journal_store_get_path (store), name,
                       local_error ? ": " : "", local_error ? local_error->message : "");
          return NULL;
        }
    }

  source = g_strdup_printf ("%s (profile %s v%d)", alvh_journal_store_get_path (store),
                            stored->name, stored->version);
  return alvh_profile_new_from_data (stored->keyfile, -1, source, error);
}

/* @symbol's bars in [@from, @to]: TRUE with *out NULL when the store has
 * none (an unknown symbol or no bar in the period); FALSE with @error when
 * the store cannot be read. */
static gboolean
load_optional (AlvhMarketStore  *market,
               const char       *symbol,
               gint64            from,
               gint64            to,
               AlvhSeries      **out,
               GError          **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(AlvhSeries) series = alvh_market_store_load_series (market, symbol, from, to, &local);

  *out = NULL;
  if (series == NULL && !g_error_matches (local, ALVH_MARKET_STORE_ERROR, ALVH_MARKET_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (series != NULL && alvh_series_get_length (series) > 0)
    *out = g_steal_pointer (&series);
  return TRUE;
}

AlvhMarketFrame *
alvh_stored_load_frame (AlvhMarketStore  *market,
                        gint64            from,
                        gint64            to,
                        GError          **error)
{
  g_autoptr(AlvhSeries) spx = NULL;
  g_autoptr(AlvhSeries) vix = NULL;
  g_autoptr(AlvhSeries) vx = NULL;
  g_autoptr(AlvhSeries) vvix = NULL;
  g_autoptr(AlvhSeries) breadth = NULL;
  g_autoptr(AlvhSeries) vix3m = NULL;
  g_autoptr(AlvhChainSet) chains = NULL;
  g_autoptr(GArray) contracts = NULL;
  AlvhMarketFrame *frame;
  gint64 lo = from != 0 ? from : G_MININT64;
  gint64 hi = to != 0 ? to : G_MAXINT64;

  if (!load_optional (market, "SPX", lo, hi, &spx, error) ||
      !load_optional (market, "VIX", lo, hi, &vix, error))
    return NULL;
  if (spx == NULL || vix == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: no %s history stored; import one first (alvh import FILE, alvh fetch, or Import… in the app)"),
                   alvh_market_store_get_path (market), spx == NULL ? "SPX" : "VIX");
      return NULL;
    }
  if (!load_optional (market, "VX", lo, hi, &vx, error) ||
      !load_optional (market, "VVIX", lo, hi, &vvix, error) ||
      !load_optional (market, "BREADTH", lo, hi, &breadth, error) ||
      !load_optional (market, "VIX3M", lo, hi, &vix3m, error))
    return NULL;
  /* stored option chains: iv_t and marks (ALVH-SPEC.md sections 1, 6);
   * VIX futures by contract: section 4's future of the expiry */
  chains = alvh_market_store_load_chains (market, "SPX", error);
  if (chains == NULL)
    return NULL;
  contracts = alvh_market_store_load_vx_contracts (market, lo, hi, error);
  if (contracts == NULL)
    return NULL;

  frame = alvh_market_frame_new_join (spx, vix, vx, vvix, breadth, lo, hi);
  /* VX1/VX2 come joined as "VX"; the later terms and VIX3M one by one */
  for (guint k = 0; k < ALVH_VX_TERMS; k++)
    {
      char symbol[8];
      g_autoptr(AlvhSeries) term = NULL;

      g_snprintf (symbol, sizeof symbol, "VX%u", k + 1);
      if (!load_optional (market, symbol, lo, hi, &term, error))
        {
          alvh_market_frame_unref (frame);
          return NULL;
        }
      if (term != NULL)
        alvh_market_frame_match (frame, term, "close", frame->vx[k]);
    }
  alvh_market_frame_match (frame, vix3m, "close", frame->vix3m);
  alvh_market_frame_set_chains (frame, chains);
  /* the future of an option's expiry: its own contract when stored */
  alvh_market_frame_set_vx_contracts (frame, (const AlvhVxSettle *) (gpointer) contracts->data, contracts->len);
  return frame;
}

AlvhDecision *
alvh_stored_evaluate (AlvhMarketFrame  *frame,
                      AlvhProfile      *profile,
                      GPtrArray        *events,
                      AlvhBook         *book,
                      gint64            at,
                      GError          **error)
{
  g_autoptr(AlvhEvaluator) evaluator = NULL;
  g_autoptr(AlvhBook) held = NULL;
  AlvhDecision *decision;
  gssize i;
  gint64 t;

  g_return_val_if_fail (frame != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  if (frame->n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s", _("No date has both an SPX and a VIX close: nothing to evaluate"));
      return NULL;
    }
  i = alvh_stored_bar_at (frame, at, error);
  if (i < 0)
    return NULL;

  evaluator = alvh_evaluator_new (frame, profile, events);
  t = alvh_stored_eval_instant (frame, at);
  t = MAX (t, alvh_evaluator_get_bar_instant (evaluator, (gsize) i));
  held = alvh_book_copy_as_of (book, t);
  decision = alvh_decision_new ();
  alvh_evaluator_evaluate_at (evaluator, (gsize) i, t, held, decision);
  return decision;
}
