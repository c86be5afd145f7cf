/* test-report.c — report model, PDF, HTML and CSV exports from a fixture journal */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "alvh-csv.h"
#include "alvh-journal-store.h"
#include "alvh-profile.h"
#include "alvh-replay.h"
#include "alvh-report.h"
#include "alvh-report-render.h"
#include "alvh-time.h"
#include "test-util.h"
#include "test-journal-util.h"

#define NASTY_ACCOUNT   "Desk <A> & \"B\""
#define NASTY_TITLE     "Hedge <b>now</b> & \"why\" it's done"
#define NASTY_BODY      "VIX > 25 & SPX < 4000, said \"Bob\" <script>alert('x')</script>"
#define FORMULA_BODY    "=HYPERLINK(\"http://x\")"
#define SKIP_REASON     "Too \"expensive\", <skip>"

typedef struct
{
  char              *dir;
  AlvhJournalStore  *store;
  AlvhSeries        *spx;
  AlvhSeries        *vix;
  gint64             account_id;
  gint64             from;
  gint64             to;
  gint64             decision_add;
  gint64             decision_skip;
  gint64             leg_id;
} Fixture;

static AlvhDecision *
make_decision (gint64      account_id,
               gint64      condor_id,
               gint64      time,
               const char *action,
               const char *branch,
               int         layer,
               gboolean    iv_fired)
{
  AlvhDecision *d = test_decision_new (account_id, condor_id, time, action, branch);

  if (layer > 0)
    test_decision_set_vix_spread (d, layer, layer, 25, alvh_time_from_ny_date (2026, 12, 16), 123.5 * layer);
  g_strlcpy (d->profile_name, "Default", sizeof d->profile_name);
  d->profile_version = 1;
  d->explanation = g_strdup_printf ("IV expanded by 18%% over 48 hours & the term structure <inverted>; decision at %s.",
                                    action);
  alvh_decision_set_signal (d, ALVH_SIGNAL_IV_EXPANSION, 0.18, 0.15, iv_fired);
  alvh_decision_set_signal (d, ALVH_SIGNAL_TERM_INVERSION, 0.021, 0.0, TRUE);
  alvh_decision_set_signal (d, ALVH_SIGNAL_AD_DIVERGENCE, NAN, NAN, FALSE);
  alvh_decision_set_signal (d, ALVH_SIGNAL_RSI_EXTREME, 55.2, 30, FALSE);
  d->signals[ALVH_SIGNAL_RSI_EXTREME].threshold_high = 70;
  alvh_decision_set_signal (d, ALVH_SIGNAL_WING_PROXIMITY, 1.2, 0.65, FALSE);
  return d;
}

/* A journal entry of the fixture's account */
static void
add_note (Fixture           *f,
          gint64             time,
          const char        *title,
          const char        *body,
          const char *const *tags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhJournalEntry) e = alvh_journal_entry_new ();

  e->time = time;
  e->title = g_strdup (title);
  e->body = g_strdup (body);
  e->tags = g_strdupv ((char **) tags);
  e->account_id = f->account_id;
  alvh_journal_store_add_entry (f->store, e, &error);
  g_assert_no_error (error);
}

/* The fixture's market: SPX and VIX closes on weekdays from 2026-08-03 to
 * 2026-11-24 */
static void
fill_market (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  const char *close_col[] = { "close", NULL };

  f->spx = alvh_series_new ("SPX", close_col);
  f->vix = alvh_series_new ("VIX", close_col);
  {
    gint64 day = alvh_time_ny_day (alvh_time_from_ny_date (2026, 8, 3));
    gint64 last = alvh_time_ny_day (alvh_time_from_ny_date (2026, 11, 24));
    int k = 0;

    for (; day <= last; day++)
      {
        double s, v;

        if (alvh_weekday_from_days (day) > 5)
          continue;
        s = 6700 + 120 * sin (k / 9.0) + 2.0 * k;
        v = 16 + 4 * cos (k / 7.0) + (k > 70 ? 3 : 0);
        alvh_series_append (f->spx, alvh_time_from_ny_day (day), &s, &error);
        g_assert_no_error (error);
        alvh_series_append (f->vix, alvh_time_from_ny_day (day), &v, &error);
        g_assert_no_error (error);
        k++;
      }
  }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(AlvhProfile) profile = alvh_profile_new ();
  g_autofree char *keyfile = alvh_profile_to_data (profile, NULL);
  g_autoptr(AlvhCondor) condor = alvh_condor_new ();
  gint64 condor_id, entry_id = 0, d3;
  int version = 0;

  f->dir = test_make_tmp_dir ("alvh-report-XXXXXX");
  path = g_build_filename (f->dir, "alvh.sqlite", NULL);
  f->store = alvh_journal_store_open (path, &error);
  g_assert_no_error (error);

  f->account_id = alvh_journal_store_create_account (f->store, NASTY_ACCOUNT, &error);
  g_assert_no_error (error);
  alvh_journal_store_create_account (f->store, "Other", &error);
  g_assert_no_error (error);
  alvh_journal_store_save_profile (f->store, "Default", keyfile, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 1);

  /* the week Mon 2026-11-16 .. Fri 2026-11-20 */
  f->from = alvh_time_from_ny_date (2026, 11, 16);
  f->to = alvh_time_from_ny_date (2026, 11, 20);

  condor->account_id = f->account_id;
  condor->long_put = 6300;
  condor->short_put = 6350;
  condor->short_call = 7000;
  condor->long_call = 7050;
  condor->expiry = alvh_time_from_ny_date (2026, 12, 18);
  condor->units = 1;
  condor->credit = 8.4;
  condor->opened = alvh_time_from_ny_date (2026, 11, 2);
  condor_id = alvh_journal_store_add_condor (f->store, condor, &error);
  g_assert_no_error (error);

  /* a decision before the period (not in the report) */
  {
    g_autoptr(AlvhDecision) d = make_decision (f->account_id, condor_id,
                                                      alvh_time_from_ny_date (2026, 11, 10),
                                                      "HOLD", "none", 0, FALSE);
    alvh_journal_store_record_decision (f->store, d, &error);
    g_assert_no_error (error);
  }
  /* Tuesday: ADD followed (leg + entry) */
  {
    g_autoptr(AlvhDecision) d = make_decision (f->account_id, condor_id,
                                                      alvh_time_from_ny_date (2026, 11, 17),
                                                      "ADD", "confluence", 1, TRUE);
    f->decision_add = alvh_journal_store_record_decision (f->store, d, &error);
    g_assert_no_error (error);
    f->leg_id = alvh_journal_store_add_leg_from_decision (f->store, f->decision_add, NULL, 1.30, 1,
                                                          "filled at 1.30 & \"quick\"", &entry_id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (f->leg_id, >, 0);
  }
  /* Thursday: ADD skipped */
  {
    g_autoptr(AlvhDecision) d = make_decision (f->account_id, condor_id,
                                                      alvh_time_from_ny_date (2026, 11, 19),
                                                      "ADD", "fixed", 2, FALSE);
    f->decision_skip = alvh_journal_store_record_decision (f->store, d, &error);
    g_assert_no_error (error);
    alvh_journal_store_skip_decision (f->store, f->decision_skip, SKIP_REASON, &error);
    g_assert_no_error (error);
  }
  /* Friday: HOLD */
  {
    g_autoptr(AlvhDecision) d = make_decision (f->account_id, condor_id,
                                                      alvh_time_from_ny_date (2026, 11, 20),
                                                      "HOLD", "none", 0, FALSE);
    d3 = alvh_journal_store_record_decision (f->store, d, &error);
    g_assert_no_error (error);
    g_assert_cmpint (d3, >, 0);
  }
  /* notes in the period, a long one that wraps over many lines, and one
   * after the period (not in the report) */
  {
    const char *tags[] = { "review", "vix", NULL };
    g_autoptr(GString) body = g_string_new (NULL);

    add_note (f, alvh_time_from_ny_date (2026, 11, 18) + 15 * 3600, NASTY_TITLE,
              NASTY_BODY "\nSecond line of the note.", tags);
    add_note (f, alvh_time_from_ny_date (2026, 11, 19) + 16 * 3600, "Formula note", FORMULA_BODY, NULL);
    for (int i = 0; i < 40; i++)
      g_string_append_printf (body, "Sentence %d of a long review note about the hedge layers and the VIX term structure. ", i + 1);
    add_note (f, alvh_time_from_ny_date (2026, 11, 20) + 17 * 3600, "Long weekly review", body->str, NULL);
    add_note (f, alvh_time_from_ny_date (2026, 11, 23) + 12 * 3600, "Next week", "outside", NULL);
  }

  fill_market (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data G_GNUC_UNUSED)
{
  g_clear_object (&f->store);
  g_clear_pointer (&f->spx, alvh_series_unref);
  g_clear_pointer (&f->vix, alvh_series_unref);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

static AlvhReport *
build_report (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  AlvhReport *report = alvh_report_new_from_journal (f->store, f->account_id, f->from, f->to,
                                                     f->spx, f->vix, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static const char *
summary_value (AlvhReport *report,
               const char *item)
{
  AlvhReportTable *t = alvh_report_get_table (report, "summary");

  for (guint i = 0; i < t->rows->len; i++)
    {
      char **row = g_ptr_array_index (t->rows, i);

      if (strcmp (row[0], item) == 0)
        return row[1];
    }
  g_error ("no summary row %s", item);
  return NULL;
}

/* ---- presets ------------------------------------------------------------- */

static void
check_preset (AlvhReportPreset preset,
              gint64           now,
              const char      *from,
              const char      *to)
{
  g_autoptr(GError) error = NULL;
  gint64 a = 0, b = 0;
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  g_assert_true (alvh_report_preset_period (preset, now, &a, &b, &error));
  g_assert_no_error (error);
  fa = alvh_time_format_ny_date (a);
  fb = alvh_time_format_ny_date (b);
  g_assert_cmpstr (fa, ==, from);
  g_assert_cmpstr (fb, ==, to);
  g_assert_cmpint (a, ==, alvh_time_from_ny_day (alvh_time_ny_day (a)));
}

static void
test_preset_weekly (void)
{
  /* Wednesday 2026-11-25 */
  check_preset (ALVH_REPORT_PRESET_WEEKLY, alvh_time_from_ny_local (2026, 11, 25, 9, 0, 0), "2026-11-16", "2026-11-20");
  /* Saturday after the week */
  check_preset (ALVH_REPORT_PRESET_WEEKLY, alvh_time_from_ny_local (2026, 11, 21, 10, 0, 0), "2026-11-16", "2026-11-20");
  /* Friday itself: that week is not over yet */
  check_preset (ALVH_REPORT_PRESET_WEEKLY, alvh_time_from_ny_local (2026, 11, 20, 18, 0, 0), "2026-11-09", "2026-11-13");
  /* Monday */
  check_preset (ALVH_REPORT_PRESET_WEEKLY, alvh_time_from_ny_local (2026, 11, 23, 0, 30, 0), "2026-11-16", "2026-11-20");
  /* across a year end */
  check_preset (ALVH_REPORT_PRESET_WEEKLY, alvh_time_from_ny_local (2027, 1, 4, 8, 0, 0), "2026-12-28", "2027-01-01");
  /* 02:00 UTC on a Saturday is still Friday evening in New York */
  check_preset (ALVH_REPORT_PRESET_WEEKLY, alvh_time_from_ny_local (2026, 11, 20, 21, 0, 0), "2026-11-09", "2026-11-13");
}

static void
test_preset_monthly (void)
{
  g_autoptr(GError) error = NULL;
  AlvhReportPreset p;
  gint64 a, b;

  check_preset (ALVH_REPORT_PRESET_MONTHLY, alvh_time_from_ny_local (2026, 11, 25, 9, 0, 0), "2026-10-01", "2026-10-31");
  check_preset (ALVH_REPORT_PRESET_MONTHLY, alvh_time_from_ny_local (2026, 1, 5, 9, 0, 0), "2025-12-01", "2025-12-31");
  check_preset (ALVH_REPORT_PRESET_MONTHLY, alvh_time_from_ny_local (2028, 3, 1, 0, 5, 0), "2028-02-01", "2028-02-29");
  /* 2026-12-01 03:00 UTC is still November 30 in New York */
  check_preset (ALVH_REPORT_PRESET_MONTHLY, alvh_time_from_ny_local (2026, 11, 30, 22, 0, 0), "2026-10-01", "2026-10-31");

  g_assert_true (alvh_report_preset_from_string ("weekly", &p));
  g_assert_cmpint (p, ==, ALVH_REPORT_PRESET_WEEKLY);
  g_assert_false (alvh_report_preset_from_string ("yearly", &p));
  g_assert_false (alvh_report_preset_period (ALVH_REPORT_PRESET_CUSTOM, 0, &a, &b, &error));
  g_assert_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_INVALID);
}

/* ---- the model ----------------------------------------------------------- */

static void
test_model (Fixture       *f,
            gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(AlvhReport) report = build_report (f);
  g_autoptr(GError) error = NULL;
  AlvhReportTable *signals, *notes, *legs, *decisions, *stats, *positions;
  gboolean found_iv = FALSE;

  g_assert_cmpstr (report->account_name, ==, NASTY_ACCOUNT);
  g_assert_cmpuint (report->decisions->len, ==, 3);    /* Tue, Thu, Fri; not the 10th */
  g_assert_cmpuint (report->notes->len, ==, 5);        /* leg + skip entries, 3 notes; not the 23rd */
  g_assert_cmpstr (report->profile_name, ==, "Default");
  g_assert_cmpint (report->profile_version, ==, 1);
  for (guint i = 0; report->profile_lines[i] != NULL; i++)
    if (strcmp (report->profile_lines[i], "iv_expansion=0.15") == 0)
      found_iv = TRUE;
  g_assert_true (found_iv);

  g_assert_cmpstr (summary_value (report, "Decisions"), ==, "3");
  g_assert_cmpstr (summary_value (report, "ADD / BLOCKED / HOLD"), ==, "2 / 0 / 1");
  g_assert_cmpstr (summary_value (report, "Followed / skipped / manual / pending"), ==, "1 / 1 / 0 / 0");
  g_assert_cmpstr (summary_value (report, "Hedge legs added"), ==, "1");
  g_assert_cmpstr (summary_value (report, "Hedge layers added"), ==, "1");
  g_assert_cmpstr (summary_value (report, "Hedge cost $"), ==, "130.00");   /* 1.30 x 100 x 1 */
  g_assert_cmpstr (summary_value (report, "Positions held"), ==, "1");
  g_assert_cmpstr (summary_value (report, "Marked at"), ==, "2026-11-20");
  g_assert_cmpstr (summary_value (report, "Journal notes"), ==, "5");
  g_assert_cmpstr (summary_value (report, "Period"), ==, "2026-11-16 – 2026-11-20");

  decisions = alvh_report_get_table (report, "decisions");
  signals = alvh_report_get_table (report, "signals");
  notes = alvh_report_get_table (report, "notes");
  legs = alvh_report_get_table (report, "legs");
  stats = alvh_report_get_table (report, "stats");
  positions = alvh_report_get_table (report, "positions");
  g_assert_nonnull (decisions);
  g_assert_cmpuint (decisions->rows->len, ==, 3);
  /* 3 decisions x every signal (the ones the test did not set are n/a) */
  g_assert_cmpuint (signals->rows->len, ==, 3 * ALVH_N_SIGNALS);
  g_assert_cmpuint (notes->rows->len, ==, 5);
  g_assert_cmpuint (legs->rows->len, ==, 1);
  g_assert_cmpuint (positions->rows->len, ==, 1);
  g_assert_cmpuint (stats->rows->len, >, 0);
  {
    char **row = g_ptr_array_index (signals->rows, ALVH_SIGNAL_AD_DIVERGENCE);   /* of the first decision */

    g_assert_cmpstr (row[2], ==, "ad_divergence");
    g_assert_cmpstr (row[4], ==, "n/a");
    g_assert_cmpstr (row[7], ==, "n/a");
    row = g_ptr_array_index (signals->rows, 0);
    g_assert_cmpstr (row[4], ==, "0.1800");
    g_assert_cmpstr (row[7], ==, "fired");
  }
  {
    char **row = g_ptr_array_index (decisions->rows, 1);

    g_assert_cmpstr (row[2], ==, "ADD");
    g_assert_cmpstr (row[11], ==, "skipped");
    g_assert_cmpstr (row[12], ==, SKIP_REASON);
    g_assert_cmpstr (row[9], ==, "247.00");
  }
  /* the chart: the period and a month before it; one marker at the leg */
  g_assert_cmpuint (report->n_bars, >, 20);
  g_assert_cmpint (report->bar_times[report->n_bars - 1], ==, f->to);
  g_assert_cmpuint (report->markers->len, ==, 1);

  /* another account has nothing in the period */
  {
    g_autoptr(AlvhReport) other = alvh_report_new_for_account_name (f->store, "Other", f->from, f->to,
                                                                    NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (other->decisions->len, ==, 0);
    g_assert_cmpuint (other->n_bars, ==, 0);
    g_assert_cmpstr (summary_value (other, "P&L hedged $"), ==, "n/a");
  }
  {
    g_autoptr(AlvhReport) none = alvh_report_new_for_account_name (f->store, "Nobody", f->from, f->to,
                                                                   NULL, NULL, NULL, &error);
    g_assert_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_NOT_FOUND);
    g_assert_null (none);
    g_clear_error (&error);
  }
  {
    g_autoptr(AlvhReport) bad = alvh_report_new_from_journal (f->store, f->account_id, f->to, f->from,
                                                              NULL, NULL, NULL, NULL, &error);
    g_assert_error (error, ALVH_REPORT_ERROR, ALVH_REPORT_ERROR_INVALID);
    g_assert_null (bad);
  }
}

/* ---- escaping ------------------------------------------------------------ */

static void
test_escape (void)
{
  struct { const char *in, *out; } csv[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=1+2", "'=1+2" },
    { "+cmd", "'+cmd" },
    { "-2+3", "'-2+3" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "\"'\tx\"" },
    { "\rx", "\"'\rx\"" },
    { "-1234.50", "-1234.50" },
    { "+7", "+7" },
    { "=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"" },
  };
  g_autofree char *html = alvh_report_escape_html ("<a href=\"x\">Tom's & \x01</a>");

  for (guint i = 0; i < G_N_ELEMENTS (csv); i++)
    {
      g_autofree char *got = alvh_report_escape_csv_cell (csv[i].in);

      g_assert_cmpstr (got, ==, csv[i].out);
    }
  g_assert_cmpstr (html, ==, "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; &lt;/a&gt;");
}

/* ---- helpers for files --------------------------------------------------- */

static char *
run (const char * const *argv,
     int                *out_status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_test_message ("%s: %s", argv[0], error->message);
      *out_status = -1;
      return NULL;
    }
  if (err != NULL && *err != '\0')
    g_test_message ("%s stderr: %s", argv[0], err);
  *out_status = status;
  return out;
}

static void
assert_mode_0600 (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static char *
pages_dir (const char *name)
{
  return g_test_build_filename (G_TEST_BUILT, "..", "report-pages", name, NULL);
}

/* ---- PDF ----------------------------------------------------------------- */

static void
test_pdf (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(AlvhReport) report = build_report (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "week.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *last_page = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GBytes) bytes = NULL;
  guint n_pages = 0;
  int status = 0;

  bytes = alvh_report_render_pdf_bytes (report, ALVH_REPORT_PAPER_A4, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 2);
  g_assert_true (alvh_report_write (report, path, ALVH_REPORT_FORMAT_PDF, ALVH_REPORT_PAPER_A4, NULL, &error));
  g_assert_no_error (error);
  assert_mode_0600 (path);

  {
    const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

    text = run (argv, &status);
  }
  if (text == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is absent");
      return;
    }
  g_assert_cmpint (status, ==, 0);
  /* every decision, the notes (user text unescaped), the profile, page numbers */
  {
    g_autofree char *d1 = g_strdup_printf ("Decision %" G_GINT64_FORMAT, f->decision_add);
    g_autofree char *d2 = g_strdup_printf ("Decision %" G_GINT64_FORMAT, f->decision_skip);

    g_assert_nonnull (strstr (text, d1));
    g_assert_nonnull (strstr (text, d2));
  }
  g_assert_nonnull (strstr (text, "confluence"));
  g_assert_nonnull (strstr (text, "iv_expansion"));
  g_assert_nonnull (strstr (text, NASTY_TITLE));
  g_assert_nonnull (strstr (text, "VIX > 25 & SPX < 4000"));
  g_assert_nonnull (strstr (text, FORMULA_BODY));
  g_assert_nonnull (strstr (text, "Sentence 40 "));
  g_assert_nonnull (strstr (text, "Journal notes"));
  g_assert_nonnull (strstr (text, "Trigger statistics"));
  g_assert_nonnull (strstr (text, "iv_expansion=0.15"));
  g_assert_nonnull (strstr (text, "2026-11-16 – 2026-11-20"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  last_page = g_strdup_printf ("Page %u of %u", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last_page));
  g_assert_null (strstr (text, "of 999"));
  g_assert_null (strstr (text, "Next week"));

  /* pages as PNG for a look (kept in the build dir) */
  pages = pages_dir ("week");
  g_mkdir_with_parents (pages, 0700);
  stem = g_build_filename (pages, "page", NULL);
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "60", path, stem, NULL };
    g_autofree char *out = run (argv, &status);

    g_assert_cmpint (status, ==, 0);
  }

  /* Letter paper works too */
  {
    g_autoptr(GBytes) letter = alvh_report_render_pdf_bytes (report, ALVH_REPORT_PAPER_LETTER, &n_pages, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (g_bytes_get_size (letter), >, 1000);
  }
}

/* ---- HTML ---------------------------------------------------------------- */

static void
test_html (Fixture       *f,
           gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(AlvhReport) report = build_report (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "week.html", NULL);
  g_autofree char *html = NULL;
  int status = 0;

  g_assert_true (alvh_report_write (report, path, ALVH_REPORT_FORMAT_HTML, ALVH_REPORT_PAPER_A4, NULL, &error));
  g_assert_no_error (error);
  assert_mode_0600 (path);
  g_file_get_contents (path, &html, NULL, &error);
  g_assert_no_error (error);

  /* user text escaped, never raw */
  g_assert_nonnull (strstr (html, "Hedge &lt;b&gt;now&lt;/b&gt; &amp; &quot;why&quot; it&#39;s done"));
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
  g_assert_nonnull (strstr (html, "Desk &lt;A&gt; &amp; &quot;B&quot;"));
  g_assert_nonnull (strstr (html, "Too &quot;expensive&quot;, &lt;skip&gt;"));
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, "<b>"));
  g_assert_null (strstr (html, "<skip>"));
  g_assert_nonnull (strstr (html, "<svg"));
  g_assert_nonnull (strstr (html, "iv_expansion=0.15"));

  /* what a person reads: names and the one formatter, not keys and decimals
   * (the CSV keeps those: test_model, test_csv) */
  g_assert_nonnull (strstr (html, "<td>IV expansion</td>"));
  g_assert_nonnull (strstr (html, ">+18.0%</td>"));
  g_assert_nonnull (strstr (html, ">≥ +15.0%</td>"));
  g_assert_nonnull (strstr (html, ">$130.00</td>"));
  g_assert_nonnull (strstr (html, "VIX call spread"));
  g_assert_nonnull (strstr (html, "1 contract,"));
  g_assert_null (strstr (html, ">iv_expansion<"));
  g_assert_null (strstr (html, "vix_call_spread"));
  g_assert_null (strstr (html, ">130.00<"));

  /* strict: the document is well-formed XML */
  {
    const char *argv[] = { "xmllint", "--noout", "--nonet", path, NULL };
    g_autofree char *out = run (argv, &status);

    if (status == -1)
      g_test_message ("xmllint is absent; only the own tag check runs");
    else
      g_assert_cmpint (status, ==, 0);
  }
  /* and by our own check: every open tag is closed in order */
  {
    g_autoptr(GPtrArray) stack = g_ptr_array_new_with_free_func (g_free);
    const char *p = strstr (html, "<html");

    g_assert_nonnull (p);
    while ((p = strchr (p, '<')) != NULL)
      {
        const char *end = strchr (p, '>');
        gboolean closing = p[1] == '/';
        gboolean self_closing;
        const char *name = p + (closing ? 2 : 1);
        gsize len = strcspn (name, " \t\r\n/>");

        g_assert_nonnull (end);
        self_closing = end[-1] == '/';
        if (p[1] == '!' || p[1] == '?')
          {
            p = end + 1;
            continue;
          }
        if (closing)
          {
            g_autofree char *want = g_strndup (name, len);

            g_assert_cmpuint (stack->len, >, 0);
            g_assert_cmpstr (g_ptr_array_index (stack, stack->len - 1), ==, want);
            g_ptr_array_remove_index (stack, stack->len - 1);
          }
        else if (!self_closing)
          g_ptr_array_add (stack, g_strndup (name, len));
        p = end + 1;
      }
    g_assert_cmpuint (stack->len, ==, 0);
  }
}

/* the text the PDF and HTML show of a table's plain cells */
static void
test_shown_cells (void)
{
  const char *cols[] = { "Item", "Cost $", "Kind", "Rate", "Count", NULL };
  const char *money[] = { "Hedge cost $", "-130394.5", "vix_call_spread", "46.5%", "12345", NULL };
  const char *words[] = { "n/a", "n/a", "fixed", "n/a", "2025-12-31", NULL };
  g_autoptr(AlvhReportTable) t = alvh_report_table_new ("t", NULL, cols, NULL, NULL);
  g_auto(GStrv) head = NULL, a = NULL, b = NULL;

  alvh_report_table_set_kinds (t, (const AlvhReportCell[]) { ALVH_REPORT_CELL_TEXT, ALVH_REPORT_CELL_MONEY,
                                                           ALVH_REPORT_CELL_KEY, ALVH_REPORT_CELL_PERCENT,
                                                           ALVH_REPORT_CELL_NUMBER });
  alvh_report_table_add_row (t, money);
  alvh_report_table_add_row (t, words);
  head = alvh_report_table_dup_shown_row (t, -1);
  a = alvh_report_table_dup_shown_row (t, 0);
  b = alvh_report_table_dup_shown_row (t, 1);
  g_assert_cmpstr (head[1], ==, "Cost");
  g_assert_cmpstr (a[0], ==, "Hedge cost $");                 /* text stays text */
  g_assert_cmpstr (a[1], ==, "\u2212$130,394.50");
  g_assert_cmpstr (a[2], ==, "VIX call spread");
  g_assert_cmpstr (a[3], ==, "46.5%");
  g_assert_cmpstr (a[4], ==, "12,345");
  g_assert_cmpstr (b[1], ==, "n/a");
  g_assert_cmpstr (b[2], ==, "Fixed trigger");
  g_assert_cmpstr (b[4], ==, "2025-12-31");                   /* a date is no number */
  /* the table itself keeps the plain cells for CSV */
  g_assert_cmpstr (((char **) g_ptr_array_index (t->rows, 0))[1], ==, "-130394.5");
}

/* ---- CSV ----------------------------------------------------------------- */

/* A strict RFC 4180 parser: records end with CRLF, quoted fields may hold
 * anything with "" for a quote; nothing may follow a closing quote. */
static GPtrArray *
parse_rfc4180 (const char *data)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *p = data;

  while (*p != '\0')
    {
      GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);

      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (*p == '"')
            {
              p++;
              for (;;)
                {
                  g_assert_true (*p != '\0');   /* unterminated quote */
                  if (*p == '"' && p[1] == '"')
                    g_string_append_c (field, '"'), p += 2;
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    g_string_append_c (field, *p++);
                }
              g_assert_true (*p == ',' || (*p == '\r' && p[1] == '\n'));
            }
          else
            {
              while (*p != ',' && *p != '\r' && *p != '\0')
                {
                  g_assert_true (*p != '"' && *p != '\n');
                  g_string_append_c (field, *p++);
                }
            }
          g_ptr_array_add (fields, g_string_free (field, FALSE));
          if (*p == ',')
            {
              p++;
              continue;
            }
          g_assert_true (p[0] == '\r' && p[1] == '\n');
          p += 2;
          break;
        }
      g_ptr_array_add (records, fields);
    }
  return records;
}

static GPtrArray *
read_csv_strict (const char *path,
                 guint       n_columns)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GPtrArray *records;

  g_file_get_contents (path, &data, NULL, &error);
  g_assert_no_error (error);
  records = parse_rfc4180 (data);
  for (guint i = 0; i < records->len; i++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (records, i))->len, ==, n_columns);
  return records;
}

static void
test_csv (Fixture       *f,
          gconstpointer  data G_GNUC_UNUSED)
{
  g_autoptr(AlvhReport) report = build_report (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "week.csv", NULL);
  g_auto(GStrv) files = NULL;
  const char *suffixes[] = { "", "-decisions", "-signals", "-notes", "-stats", "-legs", "-positions", "-profile" };
  gboolean formula_seen = FALSE;

  g_assert_true (alvh_report_write (report, path, ALVH_REPORT_FORMAT_CSV, ALVH_REPORT_PAPER_A4, &files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (files), ==, report->tables->len);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strdup_printf ("%s/week%s.csv", f->dir, suffixes[i]);

      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      assert_mode_0600 (file);
    }

  /* every table round-trips through a strict RFC 4180 parser */
  for (guint i = 0; i < report->tables->len; i++)
    {
      AlvhReportTable *t = g_ptr_array_index (report->tables, i);
      g_autoptr(GPtrArray) records = read_csv_strict (files[i], t->n_columns);

      g_assert_cmpuint (records->len, ==, t->rows->len + 1);
      for (guint r = 0; r < t->rows->len; r++)
        {
          char **want = g_ptr_array_index (t->rows, r);
          GPtrArray *got = g_ptr_array_index (records, r + 1);

          for (guint c = 0; c < t->n_columns; c++)
            {
              const char *g = g_ptr_array_index (got, c);
              const char *w = want[c];

              /* a neutralised cell is the original behind an apostrophe */
              if (g[0] == '\'' && w[0] != '\'')
                {
                  g_assert_true (strchr ("=+-@\t\r", w[0]) != NULL);
                  g_assert_cmpstr (g + 1, ==, w);
                  if (strcmp (w, FORMULA_BODY) == 0)
                    formula_seen = TRUE;
                }
              else
                g_assert_cmpstr (g, ==, w);
            }
        }
    }
  g_assert_true (formula_seen);

  /* and through the project's reader */
  {
    g_autofree char *notes_path = g_strdup_printf ("%s/week-notes.csv", f->dir);
    g_autoptr(AlvhCsvReader) reader = alvh_csv_reader_new_for_path (notes_path, &error);
    gboolean header = TRUE, found = FALSE, nasty = FALSE;
    guint rows = 0;

    g_assert_no_error (error);
    while (alvh_csv_reader_next (reader, &error))
      {
        g_autofree char *title = NULL;
        g_autofree char *body = NULL;

        g_assert_cmpuint (alvh_csv_reader_get_n_fields (reader), ==, 7);
        title = alvh_csv_reader_dup_field (reader, 2);
        body = alvh_csv_reader_dup_field (reader, 6);
        if (header && g_strcmp0 (title, "Title") == 0)
          {
            header = FALSE;
            continue;
          }
        header = FALSE;
        rows++;
        if (g_strcmp0 (body, "'" FORMULA_BODY) == 0)
          found = TRUE;
        if (g_strcmp0 (title, NASTY_TITLE) == 0)
          nasty = TRUE;
        g_assert_false (body[0] == '=');
      }
    g_assert_no_error (error);
    g_assert_cmpuint (rows, ==, 5);
    g_assert_true (found);
    g_assert_true (nasty);
  }

  /* a folder gets one file per table */
  {
    g_autofree char *folder = g_build_filename (f->dir, "out", NULL);
    g_autofree char *dec = NULL;
    g_auto(GStrv) files2 = NULL;
    AlvhReportFormat format;

    g_mkdir (folder, 0700);
    g_assert_true (alvh_report_format_from_path (folder, &format));
    g_assert_cmpint (format, ==, ALVH_REPORT_FORMAT_CSV);
    g_assert_true (alvh_report_write (report, folder, format, ALVH_REPORT_PAPER_A4, &files2, &error));
    g_assert_no_error (error);
    dec = g_build_filename (folder, "decisions.csv", NULL);
    g_assert_true (g_file_test (dec, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_format_from_path (void)
{
  AlvhReportFormat f;

  g_assert_true (alvh_report_format_from_path ("/x/a.PDF", &f));
  g_assert_cmpint (f, ==, ALVH_REPORT_FORMAT_PDF);
  g_assert_true (alvh_report_format_from_path ("a.htm", &f));
  g_assert_cmpint (f, ==, ALVH_REPORT_FORMAT_HTML);
  g_assert_true (alvh_report_format_from_path ("a.b.csv", &f));
  g_assert_cmpint (f, ==, ALVH_REPORT_FORMAT_CSV);
  g_assert_false (alvh_report_format_from_path ("a.txt", &f));
  g_assert_false (alvh_report_format_from_path ("noext", &f));
}

/* ---- a replay report ----------------------------------------------------- */

static void
test_replay (void)
{
  AlvhReplayResult *result = g_new0 (AlvhReplayResult, 1);
  g_autoptr(AlvhProfile) profile = alvh_profile_new ();
  g_autoptr(AlvhReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autofree char *html = NULL;
  g_autofree char *trades_csv = NULL;
  g_autofree char *pages = NULL;
  AlvhReplayTrade trade = { 0 };
  gsize n = 120;
  guint n_pages = 0;

  result->ref_count = 1;
  result->profile_name = g_strdup ("Default");
  result->profile_version = 2;
  result->n_bars = n;
  result->time = g_new (gint64, n);
  result->equity_hedged = g_new (double, n);
  result->equity_unhedged = g_new (double, n);
  result->action = g_new0 (guint8, n);
  result->branch = g_new0 (guint8, n);
  for (gsize i = 0; i < n; i++)
    {
      result->time[i] = alvh_time_from_ny_date (2020, 1, 2) + (gint64) i * ALVH_SECONDS_PER_DAY;
      result->equity_hedged[i] = 300.0 * sin (i / 12.0) + 5.0 * i;
      result->equity_unhedged[i] = 500.0 * sin (i / 12.0) + 4.0 * i - (i > 60 ? 900 : 0);
    }
  result->trades = g_array_new (FALSE, TRUE, sizeof (AlvhReplayTrade));
  trade.condor.long_put = 3000;
  trade.condor.short_put = 3050;
  trade.condor.short_call = 3400;
  trade.condor.long_call = 3450;
  trade.condor.credit = 9.5;
  trade.condor.opened = result->time[0];
  trade.condor.expiry = result->time[44];
  trade.close_time = result->time[24];
  trade.condor_pnl = -1234.5;
  trade.hedge_pnl = 456.25;
  trade.hedge_cost = 210;
  trade.n_layers = 2;
  g_array_append_val (result->trades, trade);
  result->hedged.total_pnl = 595;
  result->unhedged.total_pnl = -424;
  result->hedged.max_drawdown = 320.5;
  result->n_add = 2;
  result->fired[0] = 7;
  result->available[0] = 100;

  report = alvh_report_new_from_replay (result, profile);
  alvh_replay_result_unref (result);

  g_assert_cmpint (report->kind, ==, ALVH_REPORT_KIND_REPLAY);
  g_assert_cmpuint (report->n_bars, ==, n);
  g_assert_cmpstr (alvh_report_get_table (report, "summary")->columns[1], ==, "Hedged");
  {
    AlvhReportTable *t = alvh_report_get_table (report, "trades");
    char **row = g_ptr_array_index (t->rows, 0);

    g_assert_cmpuint (t->rows->len, ==, 1);
    g_assert_cmpstr (row[4], ==, "3000/3050/3400/3450");
    g_assert_cmpstr (row[7], ==, "-1234.50");
    g_assert_cmpstr (row[10], ==, "-778.25");
    trades_csv = alvh_report_render_csv_table (t);
    g_assert_nonnull (strstr (trades_csv, ",-1234.50,"));   /* numbers are not neutralised */
  }
  pdf = alvh_report_render_pdf_bytes (report, ALVH_REPORT_PAPER_LETTER, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 1);
  html = alvh_report_render_html_string (report);
  g_assert_nonnull (strstr (html, "<svg"));
  g_assert_nonnull (strstr (html, "Max drawdown"));

  pages = pages_dir ("replay");
  g_mkdir_with_parents (pages, 0700);
  {
    g_autofree char *pdf_path = g_build_filename (pages, "replay.pdf", NULL);
    g_autofree char *stem = g_build_filename (pages, "page", NULL);
    const char *argv[] = { "pdftoppm", "-png", "-r", "60", pdf_path, stem, NULL };
    g_autofree char *out = NULL;
    int status;

    g_assert_true (alvh_report_write (report, pdf_path, ALVH_REPORT_FORMAT_PDF, ALVH_REPORT_PAPER_LETTER, NULL, &error));
    g_assert_no_error (error);
    out = run (argv, &status);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/report/preset/weekly", test_preset_weekly);
  g_test_add_func ("/core/report/preset/monthly", test_preset_monthly);
  g_test_add_func ("/core/report/escape", test_escape);
  g_test_add_func ("/core/report/shown-cells", test_shown_cells);
  g_test_add_func ("/core/report/format-from-path", test_format_from_path);
  g_test_add ("/core/report/model", Fixture, NULL, fixture_set_up, test_model, fixture_tear_down);
  g_test_add ("/core/report/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/core/report/html", Fixture, NULL, fixture_set_up, test_html, fixture_tear_down);
  g_test_add ("/core/report/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add_func ("/core/report/replay", test_replay);

  return g_test_run ();
}
