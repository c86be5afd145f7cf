/* test-cli-util.c — running the `alvh` command line tool from the tests */
#include "test-cli-util.h"

#include <string.h>
#include <sys/wait.h>

#ifndef ALVH_CLI_PATH
#error "test-cli-util.c needs -DALVH_CLI_PATH (tests/support/meson.build sets it)"
#endif

/**
 * test_run_clear:
 * @run: a run
 *
 * Frees the output of @run and resets it.
 */
void
test_run_clear (TestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->status = 0;
}

/**
 * test_cli_argv_new:
 * @subcommand: (nullable): the tool's subcommand
 *
 * A new argv holding the built tool's path, then @subcommand when it is not %NULL.
 *
 * Returns: (transfer full): the argv, its strings not owned
 */
GPtrArray *
test_cli_argv_new (const char *subcommand)
{
  GPtrArray *argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) ALVH_CLI_PATH);
  if (subcommand != NULL)
    g_ptr_array_add (argv, (char *) subcommand);
  return argv;
}

/**
 * test_cli_argv_add_valist:
 * @argv: an argv from test_cli_argv_new()
 * @first: (nullable): the first argument
 * @ap: the arguments after @first, ending with %NULL
 *
 * Appends @first and the arguments of @ap up to the %NULL, then the %NULL that ends @argv.
 */
void
test_cli_argv_add_valist (GPtrArray  *argv,
                          const char *first,
                          va_list     ap)
{
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
}

/**
 * test_cli_environ_c:
 *
 * The test's environment with LANGUAGE=C and LC_ALL=C.UTF-8 (untranslated, stable messages).
 *
 * Returns: (transfer full): the environment, free it with g_strfreev()
 */
char **
test_cli_environ_c (void)
{
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  return env;
}

/**
 * test_cli_spawn:
 * @cwd: (nullable): the folder to run in, %NULL for the test's own
 * @envp: (nullable): the environment, %NULL for the test's own
 * @argv: the %NULL-terminated argv
 * @out: (inout) (optional) (transfer full): freed and replaced by the standard output
 * @err: (inout) (optional) (transfer full): freed and replaced by the standard error
 *
 * Runs @argv and asserts that the spawn worked.
 *
 * Returns: the exit status, -1 when the tool did not exit normally
 */
int
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

/**
 * test_run_cli:
 * @out: (inout) (optional) (transfer full): as for test_cli_spawn()
 * @err: (inout) (optional) (transfer full): as for test_cli_spawn()
 * @first_arg: the first argument, then more, ending with %NULL
 *
 * Runs `alvh FIRST_ARG ...` in the test's folder and environment.
 *
 * Returns: the exit status, -1 when the tool did not exit normally
 */
int
test_run_cli (char       **out,
              char       **err,
              const char  *first_arg,
              ...)
{
  va_list ap;
  int status;

  va_start (ap, first_arg);
  status = test_cli_run_valist (NULL, NULL, NULL, out, err, first_arg, ap);
  va_end (ap);
  return status;
}

/**
 * test_cli_run_valist:
 * @cwd: (nullable): as for test_cli_spawn()
 * @envp: (nullable): as for test_cli_spawn()
 * @subcommand: (nullable): the tool's subcommand, before @first
 * @out: (inout) (optional) (transfer full): as for test_cli_spawn()
 * @err: (inout) (optional) (transfer full): as for test_cli_spawn()
 * @first: (nullable): the first argument
 * @ap: the arguments after @first, ending with %NULL
 *
 * Runs `alvh SUBCOMMAND FIRST ...`: what the tests' variadic runners share.
 *
 * Returns: the exit status, -1 when the tool did not exit normally
 */
int
test_cli_run_valist (const char  *cwd,
                     char       **envp,
                     const char  *subcommand,
                     char       **out,
                     char       **err,
                     const char  *first,
                     va_list      ap)
{
  g_autoptr(GPtrArray) argv = test_cli_argv_new (subcommand);

  test_cli_argv_add_valist (argv, first, ap);
  return test_cli_spawn (cwd, envp, argv, out, err);
}

/**
 * test_run_cli_strv:
 * @args: (array zero-terminated=1): the arguments
 * @out: (inout) (optional) (transfer full): as for test_cli_spawn()
 * @err: (inout) (optional) (transfer full): as for test_cli_spawn()
 *
 * Runs `alvh ARGS...`.
 *
 * Returns: the exit status, -1 when the tool did not exit normally
 */
int
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
