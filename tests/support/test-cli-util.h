/* test-cli-util.h — shared helpers for the tests that run the `alvh` command line tool
 *
 * Built into the static library alvh-test-support (tests/support/meson.build), which
 * knows the built tool's path; tests that spell the path themselves get -DALVH_CLI_PATH
 * from cli_c_args in tests/cli/meson.build.
 */
#pragma once

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>

#include "test-util.h"

G_BEGIN_DECLS

/* One finished run of the tool: exit status (-1 when it did not exit) and its output. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} TestRun;

void       test_run_clear           (TestRun            *run);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_run_clear)

GPtrArray *test_cli_argv_new        (const char         *subcommand);
void       test_cli_argv_add_valist (GPtrArray          *argv,
                                     const char         *first,
                                     va_list             ap);
char     **test_cli_environ_c       (void);
int        test_cli_spawn           (const char         *cwd,
                                     char              **envp,
                                     GPtrArray          *argv,
                                     char              **out,
                                     char              **err);
int        test_cli_run_valist      (const char         *cwd,
                                     char              **envp,
                                     const char         *subcommand,
                                     char              **out,
                                     char              **err,
                                     const char         *first,
                                     va_list             ap);
int        test_run_cli             (char              **out,
                                     char              **err,
                                     const char         *first_arg,
                                     ...) G_GNUC_NULL_TERMINATED;
int        test_run_cli_strv        (const char * const *args,
                                     char              **out,
                                     char              **err);

G_END_DECLS
