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
  for (guint i = 0; i < legs->len; i++)
    {
      const AlvhLeg *leg = g_ptr_array_index (legs, i);

      /* an SPX put entered by hand is in the journal, not in the model book */
      if (alvh_leg_is_vix_hedge (leg))
        alvh_book_add_leg (book, leg);
    }
  return book;
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

static AlvhSeries *
load_optional (AlvhMarketStore *market,
               const char      *symbol,
               gint64           from,
               gint64           to)
{
  g_autoptr(GError) error = NULL;
  AlvhSeries *series = alvh_market_store_load_series (market, symbol, from, to, &error);

  if (series != NULL && alvh_series_get_length (series) == 0)
    g_clear_pointer (&series, alvh_series_unref);
  return series;
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
  gint64 lo = from != 0 ? from : G_MININT64;
  gint64 hi = to != 0 ? to : G_MAXINT64;

  spx = load_optional (market, "SPX", lo, hi);
  vix = load_optional (market, "VIX", lo, hi);
  if (spx == NULL || vix == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("%s: no %s history stored; import one first (alvh import FILE, alvh fetch, or Import… in the app)"),
                   alvh_market_store_get_path (market), spx == NULL ? "SPX" : "VIX");
      return NULL;
    }
  vx = load_optional (market, "VX", lo, hi);
  vvix = load_optional (market, "VVIX", lo, hi);
  breadth = load_optional (market, "BREADTH", lo, hi);

  return alvh_market_frame_new_join (spx, vix, vx, vvix, breadth, lo, hi);
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
  AlvhDecision *decision;
  gssize i;

  g_return_val_if_fail (frame != NULL, NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  if (frame->n == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "%s", _("No date has both an SPX and a VIX close: nothing to evaluate"));
      return NULL;
    }
  i = at == 0 ? (gssize) frame->n - 1 : alvh_market_frame_find_le (frame, at);
  if (i < 0)
    {
      g_autofree char *day = alvh_time_format_ny_date (at);
      g_autofree char *first = alvh_time_format_ny_date (frame->time[0]);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No bar on or before %s (the history starts on %s)"), day, first);
      return NULL;
    }

  evaluator = alvh_evaluator_new (frame, profile, events);
  decision = alvh_decision_new ();
  alvh_evaluator_evaluate (evaluator, (gsize) i, book, decision);
  return decision;
}
