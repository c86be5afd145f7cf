/* alvh-cli.h — the subcommands of `alvh`
 *
 * Each subcommand is `int alvh_cmd_NAME (int argc, char **argv)` in its own
 * file src/cli/alvh-cmd-NAME.c.  argv[0] is the subcommand name.
 * Exit status: 0 success, 1 the work failed (message on stderr),
 * 2 bad flags or values (one-line message on stderr).
 */
#pragma once

#include <stdio.h>

#include <glib.h>
#include <json-glib/json-glib.h>

#include "alvh-journal-store.h"
#include "alvh-market-frame.h"
#include "alvh-market-store.h"
#include "alvh-series.h"
#include "alvh-journal-store.h"
#include "alvh-ledger.h"

G_BEGIN_DECLS

#define ALVH_EXIT_OK      0
#define ALVH_EXIT_FAILURE 1
#define ALVH_EXIT_USAGE   2

/**
 * alvh_cmd_demo:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh demo`: writes the bundled demo data set as CSV files.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_demo   (int argc, char **argv);

/**
 * alvh_cmd_import:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh import`: imports market data files into the market database.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_import (int argc, char **argv);

/**
 * alvh_cmd_fetch:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh fetch`: downloads the daily histories and imports them.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_fetch  (int argc, char **argv);

/**
 * alvh_cmd_eval:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh eval`: the ALVH decision for the current book in the journal.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_eval   (int argc, char **argv);

/**
 * alvh_cmd_price:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh price`: the price and greeks of one European option as JSON.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_price  (int argc, char **argv);

/**
 * alvh_cmd_iv:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh iv`: the implied volatility of one option price as JSON.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_iv     (int argc, char **argv);

/**
 * alvh_cmd_chain:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh chain`: a stored option chain with our IV and greeks and Cboe's.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_chain  (int argc, char **argv);

/**
 * alvh_cmd_replay:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh replay`: replays the rules over CSV history.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_replay (int argc, char **argv);

/**
 * alvh_cmd_journal:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh journal`: lists, shows, annotates, summarises and exports the journal.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_journal (int argc, char **argv);

/**
 * alvh_cmd_report:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh report`: writes a PDF, HTML or CSV report of the journal or a replay.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_report (int argc, char **argv);

/**
 * alvh_cmd_chart:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh chart`: draws the market chart to a PNG, PDF or SVG file.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_chart (int argc, char **argv);

/**
 * alvh_cmd_profile:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh profile`: prints, checks, imports and exports rule profiles.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_profile (int argc, char **argv);

/**
 * alvh_cmd_book:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] = "book"
 *
 * `alvh book add-condor|add-leg|close|list`: the book as fills.
 *
 * Returns: the exit status
 */
int alvh_cmd_book (int argc, char **argv);

/**
 * alvh_cmd_import_fills:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] = "import-fills"
 *
 * `alvh import-fills FILE…`: brokers' statements into the journal as fills.
 *
 * Returns: the exit status
 */
int alvh_cmd_import_fills (int argc, char **argv);

/**
 * alvh_cmd_pnl:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] = "pnl"
 *
 * `alvh pnl --from DATE --to DATE`: the P&L of a period.
 *
 * Returns: the exit status
 */
int alvh_cmd_pnl (int argc, char **argv);

/**
 * alvh_cmd_whatif:
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the subcommand's name
 *
 * `alvh whatif`: the book under a moved date, SPX vol and VIX, the scenario
 * grid and the probabilities.
 *
 * Returns: the exit status: %ALVH_EXIT_OK, %ALVH_EXIT_FAILURE or %ALVH_EXIT_USAGE
 */
int alvh_cmd_whatif (int argc, char **argv);

/* helpers shared by subcommands (alvh-cli-util.c) */

/**
 * alvh_cli_usage_error:
 * @command: the subcommand's name
 * @format: printf()-style format of the message
 * @...: the arguments of @format
 *
 * Prints "alvh COMMAND: message (see 'alvh COMMAND --help')" on stderr.
 *
 * Returns: %ALVH_EXIT_USAGE
 */
int   alvh_cli_usage_error   (const char *command,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);

/**
 * alvh_cli_fail:
 * @command: the subcommand's name
 * @error: (transfer none) (nullable): what failed; not freed
 *
 * Prints "alvh COMMAND: message" on stderr.
 *
 * Returns: %ALVH_EXIT_FAILURE
 */
int   alvh_cli_fail          (const char *command,
                              GError     *error);

/**
 * alvh_cli_default_db:
 * Returns: (transfer full) (type filename): the journal the app uses,
 *   $XDG_DATA_HOME/alvh-desk/alvh.sqlite, unless ALVH_DB is set
 */
char *alvh_cli_default_db    (void);

/**
 * alvh_cli_default_market_db:
 * Returns: (transfer full) (type filename): alvh_cli_market_db_path(); without
 *   ALVH_MARKET_DB it also creates the folder (user-only)
 */
char *alvh_cli_default_market_db (void);

/**
 * alvh_cli_market_db_path:
 * Returns: (transfer full) (type filename): the market database the app uses,
 *   $XDG_DATA_HOME/alvh-desk/market.sqlite, unless ALVH_MARKET_DB is set;
 *   creates nothing
 */
char *alvh_cli_market_db_path (void);

/**
 * alvh_cli_open_journal:
 * @command: the subcommand's name, for the message
 * @path: (nullable) (type filename): the journal, or %NULL for alvh_cli_default_db()
 * @mode: %ALVH_STORE_READ for commands that only read, %ALVH_STORE_WRITE to
 *   write an existing journal, %ALVH_STORE_CREATE to create a missing one
 * @error: return location for a #GError
 *
 * Opens the journal; when it creates the file it says so on stderr.
 *
 * Returns: (transfer full) (nullable): the journal, or %NULL with @error set
 */
AlvhJournalStore *alvh_cli_open_journal (const char     *command,
                                         const char     *path,
                                         AlvhStoreMode   mode,
                                         GError        **error);

/**
 * alvh_cli_open_market:
 * @command: the subcommand's name, for the message
 * @path: (nullable) (type filename): the market store, or %NULL for the default
 * @mode: as for alvh_cli_open_journal()
 * @error: return location for a #GError
 *
 * Opens the market store; when it creates the file it says so on stderr.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
AlvhMarketStore  *alvh_cli_open_market  (const char     *command,
                                         const char     *path,
                                         AlvhStoreMode   mode,
                                         GError        **error);

/**
 * alvh_cli_parse_date:
 * @text: (nullable): a date as alvh_time_parse_date() reads it
 * @out: (out): the Unix time
 *
 * Returns: %TRUE when @text is a date
 */
gboolean    alvh_cli_parse_date  (const char         *text,
                                  gint64             *out);

/**
 * alvh_cli_load_series:
 * @path: a market data file
 * @hint: (nullable): the symbol for files whose header names none
 * @kinds: (array zero-terminated=1): the series kinds wanted, in order
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the file's first series whose kind is
 *   one of @kinds, or %NULL with @error set
 */
AlvhSeries *alvh_cli_load_series (const char         *path,
                                  const char         *hint,
                                  const char * const *kinds,
                                  GError            **error);

/**
 * alvh_cli_load_frame:
 * @spx_path: SPX bars
 * @vix_path: VIX bars
 * @vx_path: (nullable): VX settles by term (VX1, VX2 ... up to VX8)
 * @vvix_path: (nullable): VVIX closes
 * @vix3m_path: (nullable): VIX3M closes
 * @breadth_path: (nullable): advancers and decliners
 * @events_path: (nullable): macro events
 * @events: (out) (transfer full) (nullable) (element-type AlvhEvent): the
 *   events, %NULL without @events_path
 * @error: return location for an error
 *
 * Loads the replay's CSV files in this order and joins all their history
 * (a replay limits what it books with alvh_replay_run(), never what
 * it knows).
 *
 * Returns: (transfer full) (nullable): the frame, or %NULL with @error set
 */
AlvhMarketFrame *alvh_cli_load_frame (const char  *spx_path,
                                      const char  *vix_path,
                                      const char  *vx_path,
                                      const char  *vvix_path,
                                      const char  *vix3m_path,
                                      const char  *breadth_path,
                                      const char  *events_path,
                                      GPtrArray  **events,
                                      GError     **error);

/**
 * AlvhCliSubcommand:
 * @name: the word that selects it ("list")
 * @func: runs it with argv[0] = @name
 *
 * One subcommand of a command with subcommands (`alvh journal list`).
 */
typedef struct
{
  const char *name;
  int       (*func) (int argc, char **argv);
} AlvhCliSubcommand;

/**
 * alvh_cli_dispatch:
 * @command: the command's name ("journal")
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments, argv[0] the command
 * @subs: (array length=n_subs): the subcommands
 * @n_subs: how many
 * @print_usage: prints the command's help to the stream it is given
 *
 * Runs the subcommand that argv names, wherever it stands among the options
 * (see alvh_cli_hoist_word()); prints the help for `--help`, `-h` and `help`
 * (exit 0) and when no subcommand is given (exit 2); refuses an unknown word
 * naming the ones expected (exit 2).
 *
 * Returns: the exit status
 */
int         alvh_cli_dispatch    (const char               *command,
                                  int                       argc,
                                  char                    **argv,
                                  const AlvhCliSubcommand  *subs,
                                  guint                     n_subs,
                                  void                    (*print_usage) (FILE *out));

/**
 * alvh_cli_json_add_string:
 * @builder: a JSON builder
 * @member: (nullable): the member's name inside an object, %NULL in an array
 * @text: (nullable): the value (%NULL: null); bytes that are not UTF-8
 *   (from a file name or another program's database) become U+FFFD
 *
 * Adds a string value, so that the JSON written is always valid UTF-8.
 */
void        alvh_cli_json_add_string     (JsonBuilder *builder,
                                          const char  *member,
                                          const char  *text);

/**
 * alvh_cli_json_add_int:
 * @builder: a JSON builder inside an object
 * @member: the member's name
 * @value: the value
 */
void        alvh_cli_json_add_int        (JsonBuilder *builder,
                                          const char  *member,
                                          gint64       value);

/**
 * alvh_cli_json_add_number:
 * @builder: a JSON builder inside an object
 * @member: the member's name
 * @value: the value; NAN or infinite is written as null
 */
void        alvh_cli_json_add_number     (JsonBuilder *builder,
                                          const char  *member,
                                          double       value);

/**
 * alvh_cli_json_finish:
 * @builder: a JSON builder with one complete value
 *
 * Returns: (transfer full): the value as compact JSON (no newline)
 */
char       *alvh_cli_json_finish         (JsonBuilder *builder);

/**
 * alvh_cli_terminal_text:
 * @text: (nullable): a text from a file or a database
 * @multiline: keep newlines and tabs (else they are shown as \n and \t)
 *
 * The text as it may go to a terminal: valid UTF-8, and every control
 * character (escape sequences, carriage returns, bells, C1 controls) shown
 * as \xNN or \uNNNN instead of acting on the terminal.
 *
 * Returns: (transfer full): the text to print
 */
char       *alvh_cli_terminal_text       (const char *text,
                                          gboolean    multiline);

/**
 * alvh_cli_drop_end_of_options:
 * @argc: (inout): the number of arguments
 * @argv: (array length=argc) (inout): the arguments after g_option_context_parse()
 *
 * Removes the first `--` (the end of the options, which GOption leaves in
 * place), so that an argument after it may begin with `-`
 * (`alvh journal add-note 3 -- "-5% today"`).
 */
void        alvh_cli_drop_end_of_options (int    *argc,
                                          char  **argv);

/**
 * alvh_cli_parse_options:
 * @parameter: (nullable): the operands for `--help` ("ID TEXT"), or %NULL
 * @summary: (nullable): the summary for `--help`
 * @entries: (array zero-terminated=1): the flags
 * @argc: (inout): the number of arguments
 * @argv: (array length=argc) (inout): the arguments, argv[0] the command
 * @error: return location for an error
 *
 * Parses the flags @entries out of @argv (the options' strings translated
 * in GETTEXT_PACKAGE); the operands stay in @argv.
 *
 * Returns: %FALSE with @error for a flag GOption refuses
 */
gboolean    alvh_cli_parse_options (const char          *parameter,
                                    const char          *summary,
                                    const GOptionEntry  *entries,
                                    int                 *argc,
                                    char              ***argv,
                                    GError             **error);

/**
 * alvh_cli_parse_flags:
 * @command: the subcommand's name, for the messages
 * @summary: the summary for `--help`
 * @entries: (array zero-terminated=1): the flags
 * @argc: (inout): the number of arguments
 * @argv: (array length=argc) (inout): the arguments, argv[0] the command
 * @status: (out): the exit status when it returns %FALSE
 *
 * alvh_cli_parse_options() for a command that takes flags only: a flag
 * GOption refuses or any operand is a usage error ("unexpected argument").
 *
 * Returns: %FALSE (with the usage error printed and *@status set) when the
 *   command line is wrong
 */
gboolean    alvh_cli_parse_flags   (const char          *command,
                                    const char          *summary,
                                    const GOptionEntry  *entries,
                                    int                 *argc,
                                    char              ***argv,
                                    int                 *status);

/**
 * alvh_cli_hoist_word:
 * @argc: the number of arguments
 * @argv: (array length=argc) (inout): the arguments, argv[0] the command
 * @words: (array zero-terminated=1): the (sub)command words
 *
 * Lets options come before or after a (sub)command word: when the first
 * argument that is neither an option nor an option's value is one of
 * @words, moves it to argv[1], keeping the order of the rest
 * (`alvh journal --db F list` reads as `alvh journal list --db F`).
 *
 * Returns: %TRUE when a word was found (and is now argv[1])
 */
gboolean    alvh_cli_hoist_word  (int                 argc,
                                  char              **argv,
                                  const char * const *words);

/**
 * alvh_cli_make_parent:
 * @path: a file about to be written
 * @error: return location for an error naming the folder
 *
 * Creates the missing folders above @path.
 *
 * Returns: %TRUE when the folder of @path exists
 */
gboolean    alvh_cli_make_parent (const char         *path,
                                  GError            **error);

/**
 * alvh_cli_write_output:
 * @path: (nullable): the file to write (its folders made, mode 0600,
 *   replaced whole), or %NULL for stdout
 * @data: (array length=length): what to write
 * @length: its length in bytes
 * @error: return location for an error
 *
 * Writes an export where `--output` says, or to stdout.
 *
 * Returns: %TRUE when all of @data was written
 */
gboolean    alvh_cli_write_output (const char        *path,
                                   const char        *data,
                                   gsize              length,
                                   GError           **error);

/**
 * alvh_cli_scan_number:
 * @text: (inout): a flag's value; moved past its leading blanks
 * @out: (out): the number
 *
 * Reads *@text (in the C locale) as one finite number.
 *
 * Returns: %TRUE when all of *@text is that number
 */
gboolean    alvh_cli_scan_number (const char        **text,
                                  double             *out);

/**
 * alvh_cli_parse_number_flag:
 * @command: the subcommand's name
 * @flag: the flag, "--vol"
 * @text: (nullable): the flag's value; %NULL leaves @out unchanged
 * @min: the smallest value allowed
 * @max: the largest value allowed
 * @unit: what the number is, "a fraction (0.20 = 20 %)"
 * @out: (out): the number
 * @status: (out): %ALVH_EXIT_USAGE when %FALSE is returned
 *
 * The one rule for numeric flags: a finite number in [@min, @max], else a
 * usage error that names the flag, the value and the range.
 *
 * Returns: %TRUE when @text is absent or allowed
 */
gboolean    alvh_cli_parse_number_flag (const char   *command,
                                        const char   *flag,
                                        const char   *text,
                                        double        min,
                                        double        max,
                                        const char   *unit,
                                        double       *out,
                                        int          *status);

/**
 * alvh_cli_check_int_flag:
 * @command: the subcommand's name
 * @flag: the flag, "--width"
 * @value: the flag's value
 * @min: the smallest value allowed
 * @max: the largest value allowed; %G_MAXINT64 for no limit
 * @unit: what the number is, "pixels"
 * @status: (out): %ALVH_EXIT_USAGE when %FALSE is returned
 *
 * alvh_cli_parse_number_flag()'s rule for integer flags that GOption has
 * already read: a usage error naming the flag, the value and the range.
 *
 * Returns: %TRUE when @value lies in [@min, @max]
 */
gboolean    alvh_cli_check_int_flag (const char   *command,
                                     const char   *flag,
                                     gint64        value,
                                     gint64        min,
                                     gint64        max,
                                     const char   *unit,
                                     int          *status);

/**
 * alvh_cli_parse_datetime:
 * @text: (nullable): YYYY-MM-DD[ HH:MM[:SS]] in New York (or with T), or
 *   ISO 8601 with a zone
 * @end_of_day: a date alone means the end of that day (else 16:00, the close)
 * @out: (out): the Unix time
 *
 * Returns: %TRUE when @text is a date-time
 */
gboolean    alvh_cli_parse_datetime (const char   *text,
                                     gboolean      end_of_day,
                                     gint64       *out);

/**
 * alvh_cli_format_datetime:
 * @t: Unix seconds
 *
 * Returns: (transfer full): @t in New York as ISO 8601 with its offset
 */
char       *alvh_cli_format_datetime (gint64       t);

/**
 * alvh_cli_load_ledger:
 * @store: the journal
 * @account_id: the account
 * @market_db: (nullable): the market database (default: the app's)
 * @error: return location for an error
 *
 * The account's ledger, marked on the stored market (at cost, said on
 * stderr, when there is none).
 *
 * Returns: (transfer full) (nullable): the ledger, or %NULL with @error set
 */
AlvhLedger *alvh_cli_load_ledger     (AlvhJournalStore *store,
                                      gint64            account_id,
                                      const char       *market_db,
                                      GError          **error);

/**
 * alvh_cli_print_signals:
 * @d: a decision
 * @out: the stream
 * @indent: (nullable): written before every line
 *
 * Prints the decision's signals as a table a person reads (alvh-cli-table.c):
 * their names, values in their units and thresholds as the Evaluator page
 * shows them, "FIRED" for the ones that fired (`eval --format text`,
 * `journal show`).
 */
void        alvh_cli_print_signals      (const AlvhDecision *d,
                                         FILE               *out,
                                         const char         *indent);

G_END_DECLS
