/* alvh-journal-records.c — the plain records the journal store returns and their free functions; market data for the review
 *
 * Part of AlvhJournalStore (alvh-journal-store.h); the store's internals are
 * in alvh-journal-store-private.h.
 */
#define G_LOG_DOMAIN "alvh-journal"

#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "alvh-db.h"
#include "alvh-journal-store.h"
#include "alvh-journal-store-private.h"

/* ---- records ------------------------------------------------------------ */

void
alvh_journal_account_free (AlvhJournalAccount *account)
{
  if (account == NULL)
    return;
  g_free (account->name);
  g_free (account);
}

void
alvh_journal_profile_free (AlvhJournalProfile *profile)
{
  if (profile == NULL)
    return;
  g_free (profile->name);
  g_free (profile->keyfile);
  g_free (profile);
}

void
alvh_journal_leg_close_free (AlvhJournalLegClose *close)
{
  g_free (close);
}

AlvhJournalEntry *
alvh_journal_entry_new (void)
{
  return g_new0 (AlvhJournalEntry, 1);
}

void
alvh_journal_entry_free (AlvhJournalEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->title);
  g_free (entry->body);
  g_strfreev (entry->tags);
  g_free (entry);
}

void
alvh_journal_attachment_free (AlvhJournalAttachment *attachment)
{
  if (attachment == NULL)
    return;
  g_clear_pointer (&attachment->png, g_bytes_unref);
  g_free (attachment->caption);
  g_free (attachment);
}

void
alvh_journal_leg_outcome_free (AlvhJournalLegOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->branch);
  g_strfreev (outcome->triggers);
  g_free (outcome);
}

void
alvh_journal_stat_row_free (AlvhJournalStatRow *row)
{
  if (row == NULL)
    return;
  g_free (row->group);
  g_free (row);
}

void
alvh_journal_stats_free (AlvhJournalStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->by_trigger, g_ptr_array_unref);
  g_clear_pointer (&stats->by_combination, g_ptr_array_unref);
  g_clear_pointer (&stats->by_branch, g_ptr_array_unref);
  g_clear_pointer (&stats->condors, g_ptr_array_unref);
  g_clear_pointer (&stats->adherence, g_ptr_array_unref);
  g_clear_pointer (&stats->by_adherence, g_ptr_array_unref);
  g_free (stats);
}

AlvhJournalMarket *
alvh_journal_market_new (const gint64 *times,
                         const double *spx,
                         const double *vix,
                         gsize         n_bars)
{
  AlvhJournalMarket *m = g_new0 (AlvhJournalMarket, 1);

  m->n_bars = n_bars;
  m->times = g_new (gint64, MAX (n_bars, 1));
  m->spx = g_new (double, MAX (n_bars, 1));
  m->vix = g_new (double, MAX (n_bars, 1));
  if (n_bars > 0)
    {
      memcpy (m->times, times, n_bars * sizeof (gint64));
      memcpy (m->spx, spx, n_bars * sizeof (double));
      memcpy (m->vix, vix, n_bars * sizeof (double));
    }
  m->frame = alvh_market_frame_new (n_bars);
  for (gsize i = 0; i < n_bars; i++)
    {
      m->frame->time[i] = times[i];
      m->frame->close[i] = spx[i];
      m->frame->vix[i] = vix[i];
    }
  return m;
}

/* The dates both series have, with their "close" columns. */
AlvhJournalMarket *
alvh_journal_market_join (AlvhSeries *spx,
                          AlvhSeries *vix)
{
  AlvhJournalMarket *m;
  const double *cs = alvh_series_get_column_by_name (spx, "close");
  const double *cv = alvh_series_get_column_by_name (vix, "close");
  gsize ns = alvh_series_get_length (spx), nv = alvh_series_get_length (vix);

  m = g_new0 (AlvhJournalMarket, 1);
  m->times = g_new (gint64, MAX (MIN (ns, nv), 1));
  m->spx = g_new (double, MAX (MIN (ns, nv), 1));
  m->vix = g_new (double, MAX (MIN (ns, nv), 1));
  if (cs == NULL || cv == NULL)
    {
      m->frame = alvh_market_frame_new (0);
      return m;
    }
  m->frame = alvh_market_frame_new_join (spx, vix, NULL, NULL, NULL, G_MININT64, G_MAXINT64);
  m->vix_series = alvh_series_ref (vix);
  /* the frame holds exactly the bars both series have */
  m->n_bars = m->frame->n;
  memcpy (m->times, m->frame->time, m->n_bars * sizeof (gint64));
  memcpy (m->spx, m->frame->close, m->n_bars * sizeof (double));
  memcpy (m->vix, m->frame->vix, m->n_bars * sizeof (double));
  return m;
}

void
alvh_journal_market_free (AlvhJournalMarket *market)
{
  if (market == NULL)
    return;
  g_free (market->times);
  g_free (market->spx);
  g_free (market->vix);
  g_clear_pointer (&market->frame, alvh_market_frame_unref);
  g_clear_pointer (&market->vix_series, alvh_series_unref);
  g_free (market);
}

