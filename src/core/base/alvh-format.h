/* alvh-format.h — the one formatter for numbers people read
 *
 * Money, plain numbers, percentages, prices and dates are turned into text
 * here and nowhere else, so that one place decides the minus sign, the
 * decimals, the thousands separators and the text for a missing value.
 * A style names where the text goes; the rules of each style live in one
 * table in alvh-format.c.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AlvhMoneyStyle:
 * @ALVH_MONEY_CENTS: amounts on screen with cents, "$1,234.50" and "−$12.00"
 * @ALVH_MONEY_WHOLE: P&L on screen in whole dollars, "$1,235" and "−$12"
 * @ALVH_MONEY_GROUPED: whole dollars in sentences, "$1,235" and "−$12"
 *   (halves away from zero, "" when missing)
 * @ALVH_MONEY_PLAIN: amounts in reports' tables, CSV and terminal tables,
 *   "1234.50" and "-12.00" (no symbol, always '.', never "-0.00", "n/a" when
 *   missing): text that programs read back
 * @ALVH_MONEY_SUMMARY: whole dollars in plain-text summaries, "$1,235" and "−$12"
 *
 * Where a money amount is shown.  Every style but %ALVH_MONEY_PLAIN is text a
 * person reads: U+2212 minus, no sign on an amount that rounds to zero, the
 * thousands separator and decimal point of the locale (or of the translation
 * when LC_NUMERIC is "C": "$1.234,50" with LANGUAGE=de), a translated "n/a".
 */
typedef enum
{
  ALVH_MONEY_CENTS,
  ALVH_MONEY_WHOLE,
  ALVH_MONEY_GROUPED,
  ALVH_MONEY_PLAIN,
  ALVH_MONEY_SUMMARY,
} AlvhMoneyStyle;

/**
 * AlvhFormatTarget:
 * @ALVH_FORMAT_SCREEN: text for widgets and people: separators as money's,
 *   U+2212 minus, no "−0", a translated "n/a"
 * @ALVH_FORMAT_DATA: text for files, reports and the CLI: always '.', never
 *   "-0", an untranslated "n/a"
 *
 * Where a plain number, a percentage or a price is shown.
 */
typedef enum
{
  ALVH_FORMAT_SCREEN,
  ALVH_FORMAT_DATA,
} AlvhFormatTarget;

/**
 * alvh_format_money:
 * @dollars: an amount in dollars, possibly NaN
 * @style: where the amount is shown
 *
 * Formats a money amount.  The sign follows @dollars (not its rounded
 * digits) unless @style drops the sign of amounts that round to zero.
 *
 * Returns: (transfer full) (not nullable): the text, e.g. "−$1234.50"
 */
char *alvh_format_money   (double            dollars,
                           AlvhMoneyStyle    style);

/**
 * alvh_format_number:
 * @value: the number, possibly NaN
 * @digits: decimals after the point, 0 to 10
 * @target: where the number is shown
 *
 * Formats a number with a fixed number of decimals, e.g. "1234.500".
 *
 * Returns: (transfer full) (not nullable): the text
 */
char *alvh_format_number  (double            value,
                           int               digits,
                           AlvhFormatTarget  target);

/**
 * alvh_format_significant:
 * @value: the number, possibly NaN
 * @digits: significant digits, 1 to 17
 * @target: where the number is shown
 *
 * Formats a number with at most @digits significant digits and no trailing
 * zeros (printf's "%g"), e.g. "-51.8371" or "1e-07", for values whose size
 * varies (signal values, strikes, averages in terminal tables).
 *
 * Returns: (transfer full) (not nullable): the text
 */
char *alvh_format_significant (double            value,
                               int               digits,
                               AlvhFormatTarget  target);

/**
 * alvh_format_percent:
 * @fraction: a fraction (0.125 for 12.5 %), possibly NaN
 * @digits: decimals after the point, 0 to 10
 * @target: where the percentage is shown
 *
 * Formats a fraction as a percentage with the sign right after the digits,
 * e.g. "12.5%".  A missing value is written as alvh_format_number() writes it.
 *
 * Returns: (transfer full) (not nullable): the text
 */
char *alvh_format_percent (double            fraction,
                           int               digits,
                           AlvhFormatTarget  target);

/**
 * alvh_format_price:
 * @price: an option or index price in points, possibly NaN
 * @target: where the price is shown
 *
 * Formats a price with two decimals, e.g. "12.35".
 *
 * Returns: (transfer full) (not nullable): the text
 */
char *alvh_format_price   (double            price,
                           AlvhFormatTarget  target);

/**
 * alvh_format_date:
 * @t: Unix seconds, or 0 for none
 *
 * Formats a time in New York as "YYYY-MM-DD" when it is a day's midnight
 * (a daily bar) and as "YYYY-MM-DD HH:MM" otherwise.
 *
 * Returns: (transfer full) (not nullable): the text, "" when @t is 0
 */
char *alvh_format_date    (gint64            t);

/**
 * alvh_format_utc:
 * @t: Unix seconds
 *
 * Formats a time in UTC as ISO 8601, e.g. "2024-08-05T13:30:00Z".
 *
 * Returns: (transfer full) (not nullable): the text, "" when @t is out of range
 */
char *alvh_format_utc     (gint64            t);

/**
 * alvh_format_contracts:
 * @n: a number of contracts or units
 *
 * Formats a count of contracts with the plural the language wants, e.g.
 * "1 contract", "2 contracts", "1,5 Kontrakte".
 *
 * Returns: (transfer full) (not nullable): the text
 */
char *alvh_format_contracts (double n);

/**
 * alvh_format_signed_percent:
 * @fraction: a fraction (0.465 for 46.5 %), possibly NaN
 * @digits: decimals after the point
 *
 * Formats a fraction as a percentage on screen with an explicit sign,
 * "+46.5%" and "−3.0%" (U+2212).
 *
 * Returns: (transfer full) (not nullable): the text
 */
char *alvh_format_signed_percent (double fraction,
                                  int    digits);

/**
 * alvh_format_key:
 * @key: (nullable): a key of the spec: a signal ("wing_proximity"), a signal
 *   kind, a decision branch ("fixed") or an instrument ("vix_call_spread")
 *
 * The translated name a person reads for a key that JSON and CSV keep.
 *
 * Returns: (transfer none) (not nullable): the name, or @key when unknown
 */
const char *alvh_format_key (const char *key);

/**
 * alvh_format_key_list:
 * @keys: (nullable): keys separated by commas, e.g. "iv_expansion,rsi_extreme"
 *
 * Returns: (transfer full) (not nullable): their names separated by ", "
 */
char *alvh_format_key_list (const char *keys);

/**
 * alvh_format_bind_textdomain:
 *
 * Binds the program's message catalogue: from `ALVH_LOCALEDIR` when set,
 * else from the build tree's `po/` when the binary runs from the build tree
 * it was built in (so `LANGUAGE=de build/src/app/alvh-desk` speaks German),
 * else from the installed locale folder.  Call after setlocale().
 *
 * Returns: (transfer none): the folder bound
 */
const char *alvh_format_bind_textdomain (void);

G_END_DECLS
