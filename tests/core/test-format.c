/* test-format.c — the one formatter: each style keeps the text it had */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "alvh-core.h"
#include "test-util.h"

static void
check_money (double          dollars,
             AlvhMoneyStyle  style,
             const char     *expected)
{
  g_autofree char *text = alvh_format_money (dollars, style);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_money_cents (void)
{
  check_money (1234.5, ALVH_MONEY_CENTS, "$1,234.50");
  check_money (130394, ALVH_MONEY_CENTS, "$130,394.00");
  check_money (-12, ALVH_MONEY_CENTS, "\u2212$12.00");
  check_money (-0.001, ALVH_MONEY_CENTS, "$0.00");          /* no sign on a zero */
  check_money (0, ALVH_MONEY_CENTS, "$0.00");
  check_money (NAN, ALVH_MONEY_CENTS, "n/a");
}

static void
test_money_whole (void)
{
  check_money (1234.4, ALVH_MONEY_WHOLE, "$1,234");
  check_money (-714.2, ALVH_MONEY_WHOLE, "\u2212$714");
  check_money (-12.3, ALVH_MONEY_WHOLE, "\u2212$12");
  check_money (INFINITY, ALVH_MONEY_WHOLE, "n/a");
}

static void
test_money_grouped (void)
{
  check_money (1234567.4, ALVH_MONEY_GROUPED, "$1,234,567");
  check_money (999, ALVH_MONEY_GROUPED, "$999");
  check_money (1000, ALVH_MONEY_GROUPED, "$1,000");
  check_money (-2500.5, ALVH_MONEY_GROUPED, "\u2212$2,501");   /* halves away from zero */
  check_money (-0.4, ALVH_MONEY_GROUPED, "$0");            /* no sign on a zero */
  check_money (NAN, ALVH_MONEY_GROUPED, "");
}

static void
test_money_plain (void)
{
  check_money (-1234.5, ALVH_MONEY_PLAIN, "-1234.50");
  check_money (-0.004, ALVH_MONEY_PLAIN, "0.00");           /* never "-0.00" */
  check_money (-0.0, ALVH_MONEY_PLAIN, "0.00");
  check_money (NAN, ALVH_MONEY_PLAIN, "n/a");
}

static void
test_money_summary (void)
{
  check_money (1234.4, ALVH_MONEY_SUMMARY, "$1,234");
  check_money (-12.3, ALVH_MONEY_SUMMARY, "\u2212$12");
  check_money (-0.2, ALVH_MONEY_SUMMARY, "$0");
}

static void
test_number (void)
{
  g_autofree char *a = alvh_format_number (3.14159, 3, ALVH_FORMAT_DATA);
  g_autofree char *b = alvh_format_number (-0.0001, 2, ALVH_FORMAT_DATA);
  g_autofree char *c = alvh_format_number (-0.0001, 2, ALVH_FORMAT_SCREEN);
  g_autofree char *d = alvh_format_number (NAN, 2, ALVH_FORMAT_DATA);
  g_autofree char *e = alvh_format_number (5280, 0, ALVH_FORMAT_DATA);

  g_assert_cmpstr (a, ==, "3.142");
  g_assert_cmpstr (b, ==, "0.00");
  g_assert_cmpstr (c, ==, "0.00");   /* no "−0.00" on screen either */
  g_assert_cmpstr (d, ==, "n/a");
  g_assert_cmpstr (e, ==, "5280");
}

static void
test_significant (void)
{
  g_autofree char *a = alvh_format_significant (-51.837123, 6, ALVH_FORMAT_DATA);
  g_autofree char *b = alvh_format_significant (5250, 6, ALVH_FORMAT_DATA);
  g_autofree char *c = alvh_format_significant (1e-7, 6, ALVH_FORMAT_DATA);
  g_autofree char *d = alvh_format_significant (NAN, 6, ALVH_FORMAT_DATA);

  g_assert_cmpstr (a, ==, "-51.8371");
  g_assert_cmpstr (b, ==, "5250");
  g_assert_cmpstr (c, ==, "1e-07");
  g_assert_cmpstr (d, ==, "n/a");
}

static void
test_percent_price (void)
{
  g_autofree char *a = alvh_format_percent (0.125, 1, ALVH_FORMAT_DATA);
  g_autofree char *b = alvh_format_percent (0.2, 0, ALVH_FORMAT_DATA);
  g_autofree char *c = alvh_format_percent (NAN, 0, ALVH_FORMAT_DATA);
  g_autofree char *d = alvh_format_price (12.345, ALVH_FORMAT_DATA);

  g_assert_cmpstr (a, ==, "12.5%");
  g_assert_cmpstr (b, ==, "20%");
  g_assert_cmpstr (c, ==, "n/a");
  g_assert_cmpstr (d, ==, "12.35");
}

static void
test_dates (void)
{
  g_autofree char *day = alvh_format_date (alvh_time_from_ny_date (2024, 8, 5));
  g_autofree char *intraday = alvh_format_date (alvh_time_from_ny_local (2024, 8, 5, 9, 30, 0));
  g_autofree char *none = alvh_format_date (0);
  g_autofree char *utc = alvh_format_utc (alvh_time_from_ny_local (2024, 8, 5, 9, 30, 0));

  g_assert_cmpstr (day, ==, "2024-08-05");
  g_assert_cmpstr (intraday, ==, "2024-08-05 09:30");
  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (utc, ==, "2024-08-05T13:30:00Z");
}

static void
test_contracts_keys (void)
{
  g_autofree char *one = alvh_format_contracts (1);
  g_autofree char *two = alvh_format_contracts (2);
  g_autofree char *half = alvh_format_contracts (0.5);
  g_autofree char *up = alvh_format_signed_percent (0.465, 1);
  g_autofree char *down = alvh_format_signed_percent (-0.03, 1);
  g_autofree char *list = alvh_format_key_list ("iv_expansion,wing_proximity");
  g_autofree char *big = alvh_format_number (-1234567.891, 2, ALVH_FORMAT_SCREEN);

  g_assert_cmpstr (one, ==, "1 contract");
  g_assert_cmpstr (two, ==, "2 contracts");
  g_assert_cmpstr (half, ==, "0.5 contracts");
  g_assert_cmpstr (up, ==, "+46.5%");
  g_assert_cmpstr (down, ==, "\u22123.0%");
  /* under 1 % keeps its plus; what rounds to zero has none */
  {
    g_autofree char *small = alvh_format_signed_percent (0.004, 2);
    g_autofree char *zero = alvh_format_signed_percent (0.00001, 2);

    g_assert_cmpstr (small, ==, "+0.40%");
    g_assert_cmpstr (zero, ==, "0.00%");
  }
  g_assert_cmpstr (alvh_format_key ("vix_call_spread"), ==, "VIX call spread");
  g_assert_cmpstr (alvh_format_key ("fixed"), ==, "Fixed trigger");
  g_assert_cmpstr (alvh_format_key ("something_new"), ==, "something_new");
  g_assert_cmpstr (list, ==, "IV expansion, Wing proximity");
  g_assert_cmpstr (big, ==, "\u22121,234,567.89");
}

/* LANGUAGE=de with the build tree's catalogue: German separators and words
 * even though LC_NUMERIC stays "C" */
static void
test_german (void)
{
  g_autofree char *money = NULL, *cents = NULL, *pct = NULL, *one = NULL, *two = NULL;

  if (!test_use_german ())
    return;
  /* this test binary runs from the build tree: the catalogue comes from it */
  g_assert_true (g_str_has_suffix (alvh_format_bind_textdomain (), "/po"));
  money = alvh_format_money (-130394.4, ALVH_MONEY_WHOLE);
  cents = alvh_format_money (1234.5, ALVH_MONEY_CENTS);
  pct = alvh_format_percent (0.125, 1, ALVH_FORMAT_SCREEN);
  one = alvh_format_contracts (1);
  two = alvh_format_contracts (2);
  g_assert_cmpstr (money, ==, "\u2212$130.394");
  g_assert_cmpstr (cents, ==, "$1.234,50");
  /* a no-break space: the sign stays with its number */
  g_assert_cmpstr (pct, ==, "12,5\u00a0%");
  g_assert_cmpstr (one, ==, "1 Kontrakt");
  g_assert_cmpstr (two, ==, "2 Kontrakte");
  g_assert_cmpstr (alvh_format_key ("wing_proximity"), ==, "Flügelnähe");
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/format/money/cents", test_money_cents);
  g_test_add_func ("/core/format/money/whole", test_money_whole);
  g_test_add_func ("/core/format/money/grouped", test_money_grouped);
  g_test_add_func ("/core/format/money/plain", test_money_plain);
  g_test_add_func ("/core/format/money/summary", test_money_summary);
  g_test_add_func ("/core/format/number", test_number);
  g_test_add_func ("/core/format/significant", test_significant);
  g_test_add_func ("/core/format/percent-price", test_percent_price);
  g_test_add_func ("/core/format/dates", test_dates);
  g_test_add_func ("/core/format/contracts-keys", test_contracts_keys);
  g_test_add_func ("/core/format/german", test_german);
  return g_test_run ();
}
