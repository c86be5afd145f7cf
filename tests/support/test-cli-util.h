/* test-cli-util.h — shared helpers for the tests that run the `alvh` command line tool
 *
 * Header only (static inline): include it after config.h in a test compiled with
 * -DALVH_CLI_PATH (see cli_test_names in tests/meson.build).
 */
#pragma once

#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>

#include <glib.h>

#include "test-util.h"

G_BEGIN_DECLS

#ifndef ALVH_CLI_PATH
#error "test-cli-util.h needs -DALVH_CLI_PATH"
#endif

/* One finished run of the tool: exit status (-1 when it did not exit) and its output. */
typedef struct
{
  int   status;
  char *out;
  char *err;
} TestRun;

static inline void
test_run_clear (TestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->status = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TestRun, test_run_clear)

/* A new argv holding ALVH_CLI_PATH, then SUBCOMMAND when it is not NULL. */
static inline GPtrArray *
test_cli_argv_new (const char *subcommand)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) ALVH_CLI_PATH);
  if (subcommand != NULL)
    g_ptr_array_add (argv, (char *) subcommand);
  return argv;
}

/* Appends FIRST and the arguments of AP up to the NULL, then the NULL that ends argv. */
static inline void
test_cli_argv_add_valist (GPtrArray  *argv,
                          const char *first,
                          va_list     ap)
{
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
}

/* The test's environment with LANGUAGE=C and LC_ALL=C.UTF-8 (untranslated, stable messages). */
static inline char **
test_cli_environ_c (void)
{
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  return env;
}

/* Runs ARGV (NULL-terminated) in CWD with ENVP (NULL: the test's own for either) and asserts
 * the spawn worked. *OUT and *ERR (each may be NULL) are freed and replaced by the output.
 * Returns the exit status, -1 when the tool did not exit normally. */
static inline int
test_cli_spawn (const char *cwd,
                char      **envp,
                GPtrArray  *argv,
                char      **out,
                char      **err)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *o = NULL, *e = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (cwd, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                               &o, &e, &status, &error));
  g_assert_no_error (error);
  /* callers reuse their out/err variables across calls */
  if (out != NULL)
    {
      g_free (*out);
      *out = g_steal_pointer (&o);
    }
  if (err != NULL)
    {
      g_free (*err);
      *err = g_steal_pointer (&e);
    }
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* Runs `alvh FIRST_ARG ...` (NULL-terminated) in the test's folder and environment. */
static inline int
test_run_cli (char       **out,
              char       **err,
              const char  *first_arg,
              ...)
{
  g_autoptr(GPtrArray) argv = test_cli_argv_new (NULL);
  va_list ap;

  va_start (ap, first_arg);
  test_cli_argv_add_valist (argv, first_arg, ap);
  va_end (ap);
  return test_cli_spawn (NULL, NULL, argv, out, err);
}

/* Runs `alvh ARGS...` where ARGS is a NULL-terminated array. */
static inline int
test_run_cli_strv (const char * const *args,
                   char              **out,
                   char              **err)
{
  g_autoptr(GPtrArray) argv = test_cli_argv_new (NULL);

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  return test_cli_spawn (NULL, NULL, argv, out, err);
}

G_END_DECLS
