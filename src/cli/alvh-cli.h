/* alvh-cli.h — the subcommands of `alvh`
 *
 * Each subcommand is `int alvh_cmd_NAME (int argc, char **argv)` in its own
 * file src/cli/alvh-cmd-NAME.c.  argv[0] is the subcommand name.
 * Exit status: 0 success, 1 the work failed (message on stderr),
 * 2 bad flags or values (one-line message on stderr).
 */
#pragma once

#include <glib.h>

#include "alvh-market-frame.h"
#include "alvh-series.h"

G_BEGIN_DECLS

#define ALVH_EXIT_OK      0
#define ALVH_EXIT_FAILURE 1
#define ALVH_EXIT_USAGE   2

int alvh_cmd_demo   (int argc, char **argv);
int alvh_cmd_import (int argc, char **argv);
int alvh_cmd_fetch  (int argc, char **argv);
int alvh_cmd_eval   (int argc, char **argv);
int alvh_cmd_price  (int argc, char **argv);
int alvh_cmd_iv     (int argc, char **argv);
int alvh_cmd_replay (int argc, char **argv);
int alvh_cmd_journal (int argc, char **argv);
int alvh_cmd_report (int argc, char **argv);
int alvh_cmd_chart (int argc, char **argv);

/* helpers shared by subcommands (alvh-cli-util.c) */
int   alvh_cli_usage_error   (const char *command,
                              const char *format,
                              ...) G_GNUC_PRINTF (2, 3);
int   alvh_cli_fail          (const char *command,
                              GError     *error);
char *alvh_cli_default_db    (void);
char *alvh_cli_default_market_db (void);
char *alvh_cli_market_db_path (void);
gboolean    alvh_cli_parse_date  (const char         *text,
                                  gint64             *out);
AlvhSeries *alvh_cli_load_series (const char         *path,
                                  const char         *hint,
                                  const char * const *kinds,
                                  GError            **error);
AlvhMarketFrame *alvh_cli_load_frame (const char  *spx_path,
                                      const char  *vix_path,
                                      const char  *vx_path,
                                      const char  *vvix_path,
                                      const char  *breadth_path,
                                      const char  *events_path,
                                      gint64       from,
                                      gint64       to,
                                      GPtrArray  **events,
                                      GError     **error);

G_END_DECLS
