/* bench-report.c — building and writing a report of a busy year
 *
 * A journal with one decision per trading day (252, nine signals each), a leg
 * every ten days and 200 notes; then the yearly report is built from it and
 * laid out as PDF (A4), HTML and CSV.  Aim: the whole export under 2 s.
 * ALVH_BENCH_KEEP=1 keeps the PDF as ./bench-report.pdf.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>

#include "alvh-core.h"
#include "alvh-report-render.h"
#include "test-journal-util.h"


static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The day's decision (an ADD with its leg every tenth, else a HOLD), all
 * nine signals recorded */
static void
record_decision (AlvhJournalStore *store,
                 gint64            account,
                 gint64            condor_id,
                 gint64            t,
                 gboolean          add)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhDecision) d = alvh_decision_new ();
  gint64 id;

  d->account_id = account;
  d->condor_id = condor_id;
  d->time = t;
  d->action = add ? ALVH_ACTION_ADD : ALVH_ACTION_HOLD;
  d->branch = add ? ALVH_BRANCH_CONFLUENCE : ALVH_BRANCH_NONE;
  if (add)
    test_decision_set_vix_spread (d, 1, 1, 22, t + 35 * ALVH_SECONDS_PER_DAY, 150);
  g_strlcpy (d->profile_name, "Default", sizeof d->profile_name);
  d->profile_version = 1;
  d->explanation = g_strdup ("IV expanded by 16% over 48 hours and the VIX term structure is inverted.");
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    alvh_decision_set_signal (d, (AlvhSignalId) i, i != 3 ? 0.1 * i : NAN, 0.15, add && i < 2);
  id = alvh_journal_store_record_decision (store, d, &error);
  g_assert_no_error (error);
  if (add)
    {
      alvh_journal_store_add_leg_from_decision (store, id, NULL, 1.5, 1, "bench", NULL, &error);
      g_assert_no_error (error);
    }
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("alvh-bench-report-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "alvh.sqlite", NULL);
  g_autoptr(AlvhJournalStore) store = alvh_journal_store_open (path, &error);
  g_autoptr(AlvhCondor) condor = alvh_condor_new ();
  g_autoptr(AlvhSeries) spx = NULL;
  g_autoptr(AlvhSeries) vix = NULL;
  g_autoptr(AlvhReport) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *html = NULL;
  const char *close_col[] = { "close", NULL };
  gint64 account, condor_id, day, first, last, start;
  guint n_pages = 0, n_decisions = 0;
  double csv_ms;
  int k = 0;

  g_assert_no_error (error);
  account = alvh_journal_store_create_account (store, "Bench", &error);
  condor->account_id = account;
  condor->long_put = 4000;
  condor->short_put = 4050;
  condor->short_call = 4700;
  condor->long_call = 4750;
  condor->expiry = alvh_time_from_ny_date (2026, 1, 16);
  condor->credit = 12;
  condor->opened = alvh_time_from_ny_date (2024, 12, 20);
  condor_id = alvh_journal_store_add_condor (store, condor, &error);
  g_assert_no_error (error);

  spx = alvh_series_new ("SPX", close_col);
  vix = alvh_series_new ("VIX", close_col);
  first = alvh_time_ny_day (alvh_time_from_ny_date (2025, 1, 1));
  last = alvh_time_ny_day (alvh_time_from_ny_date (2025, 12, 31));
  start = g_get_monotonic_time ();
  for (day = first - 60; day <= last; day++)
    {
      gint64 t = alvh_time_from_ny_day (day);
      double s = 5000 + 300 * sin (k / 30.0) + k, v = 17 + 5 * cos (k / 11.0);

      if (alvh_weekday_from_days (day) > 5)
        continue;
      alvh_series_append (spx, t, &s, &error);
      alvh_series_append (vix, t, &v, &error);
      g_assert_no_error (error);
      k++;
      if (day < first)
        continue;
      record_decision (store, account, condor_id, t, n_decisions % 10 == 0);
      n_decisions++;
      if (n_decisions % 5 != 0)
        {
          g_autoptr(AlvhJournalEntry) e = alvh_journal_entry_new ();

          e->time = t + 12 * 3600;
          e->title = g_strdup_printf ("Note %u", n_decisions);
          e->body = g_strdup ("Routine check of the wings, the VIX futures curve and the breadth. "
                              "Nothing to do today; the hedge layers stay as they are.");
          e->account_id = account;
          alvh_journal_store_add_entry (store, e, &error);
          g_assert_no_error (error);
        }
    }
  printf ("report: fixture (%u decisions): %.0f ms\n", n_decisions, ms_since (start));

  start = g_get_monotonic_time ();
  report = alvh_report_new_from_journal (store, account, alvh_time_from_ny_day (first),
                                         alvh_time_from_ny_day (last), spx, vix, NULL, NULL, &error);
  g_assert_no_error (error);
  printf ("report: build the yearly report (%u decisions, %u notes): %.1f ms\n",
          report->decisions->len, report->notes->len, ms_since (start));

  start = g_get_monotonic_time ();
  pdf = alvh_report_render_pdf_bytes (report, ALVH_REPORT_PAPER_A4, &n_pages, &error);
  g_assert_no_error (error);
  printf ("report: PDF, %u pages, %.0f kB: %.0f ms (%.1f ms/page)\n", n_pages,
          g_bytes_get_size (pdf) / 1024.0, ms_since (start), ms_since (start) / MAX (n_pages, 1));
  if (g_getenv ("ALVH_BENCH_KEEP") != NULL)
    {
      g_file_set_contents ("bench-report.pdf", g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL);
      printf ("report: kept bench-report.pdf\n");
    }

  start = g_get_monotonic_time ();
  html = alvh_report_render_html_string (report);
  printf ("report: HTML, %.0f kB: %.1f ms\n", strlen (html) / 1024.0, ms_since (start));

  start = g_get_monotonic_time ();
  {
    g_autofree char *csv_path = g_build_filename (dir, "year.csv", NULL);
    g_auto(GStrv) files = NULL;

    alvh_report_write (report, csv_path, ALVH_REPORT_FORMAT_CSV, ALVH_REPORT_PAPER_A4, &files, &error);
    g_assert_no_error (error);
    csv_ms = ms_since (start);
    printf ("report: CSV, %u files: %.1f ms\n", g_strv_length (files), csv_ms);
    for (guint i = 0; files[i] != NULL; i++)
      g_unlink (files[i]);
  }

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *p = g_build_filename (dir, name, NULL);
        g_unlink (p);
      }
  }
  g_rmdir (dir);
  return 0;
}
