/* alvh-desk-driver.c — the app as tools/screenshot.sh and manual checks start
 * it: the same AlvhApplication as alvh-desk, then the window is set up through
 * its public API and actions from the environment.  Not installed; the shipped
 * binary reads none of these variables.
 *
 *   ALVH_PAGE=charts|positions|evaluator|journal|replay   page to show
 *   ALVH_STYLE=dark                                       dark style
 *   ALVH_DEMO_BOOK=1      demo data without a toast, a demo condor and the
 *                         evaluator's first hedge leg, its journal entry selected
 *   ALVH_TODAY=YYYY-MM-DD the date positions are marked at
 *   ALVH_AS_OF=DATE[THH:MM] the Evaluator's "as of" (a date: its 16:00 close)
 *   ALVH_WINDOW_SIZE=WxH, ALVH_CHART_RANGE=3m, ALVH_CHART_VIEW=payoff
 *   ALVH_RUN_REPLAY=1     runs a replay of the demo history on the Replay page
 *   ALVH_REPLAY_VIEW=compare|sweep|walk-forward|attribution  shows that view of
 *                         the Replay page and runs it (attribution: a replay)
 *   ALVH_LOCALEDIR=DIR    the message catalogue (e.g. BUILD/po)
 *
 * Arguments are the app's (--demo-if-empty, files to import).
 */
#define G_LOG_DOMAIN "alvh-desk-driver"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-charts-page.h"
#include "alvh-core.h"
#include "alvh-evaluator-page.h"
#include "alvh-form.h"
#include "alvh-journal-item.h"
#include "alvh-journal-page.h"
#include "alvh-replay-page.h"
#include "alvh-window.h"
#include "test-demo-book.h"

static gboolean
select_first_entry_cb (gpointer data)
{
  AlvhJournalPage *journal = data;
  GListModel *entries = G_LIST_MODEL (alvh_journal_page_get_model (journal));

  static guint tries;

  if (g_list_model_get_n_items (entries) > 0)
    {
      g_autoptr(AlvhJournalItem) item = g_list_model_get_item (entries, 0);
      alvh_journal_page_select_entry (journal, alvh_journal_item_get_id (item));
    }
  else if (++tries < 40)
    return G_SOURCE_CONTINUE;   /* the page lists its entries a little later on a busy machine */
  return G_SOURCE_REMOVE;
}

static gboolean
env_is (const char *name,
        const char *value)
{
  return g_strcmp0 (g_getenv (name), value) == 0;
}

/* After the application's own activate: its window exists and shows what
 * the settings and the data folder hold. */
/* ALVH_REPLAY_VIEW: the view shown and its run started (each view's own action) */
static void
replay_view (AlvhReplayPage *page,
             const char     *view)
{
  const char *actions[][3] = { { "compare", "replay-compare", "compare.run" },
                               { "sweep", "replay-sweep", "sweep.run" },
                               { "walk-forward", "replay-walk-forward", "walk.run" },
                               { "attribution", NULL, "replay.run" } };

  alvh_replay_page_show_view (page, view);
  for (guint k = 0; k < G_N_ELEMENTS (actions); k++)
    if (strcmp (view, actions[k][0]) == 0)
      {
        GtkWidget *w = actions[k][1] != NULL ? alvh_form_find_by_name (GTK_WIDGET (page), actions[k][1])
                                             : GTK_WIDGET (page);

        if (w != NULL)
          gtk_widget_activate_action (w, actions[k][2], NULL);
      }
}

static void
activate_cb (GApplication *app,
             gpointer      user_data)
{
  AlvhWindow *window = ALVH_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  AlvhContext *context = alvh_window_get_context (window);
  GtkWidget *charts = alvh_window_get_page (window, "charts");
  const char *page = g_getenv ("ALVH_PAGE");
  const char *size = g_getenv ("ALVH_WINDOW_SIZE");
  int w = 0, h = 0;

  if (env_is ("ALVH_STYLE", "dark"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  if (env_is ("ALVH_DEMO_BOOK", "1"))
    {
      /* the context's demo (no toast over the pages) */
      if (!alvh_market_service_has_market (alvh_context_get_market (context)))
        alvh_market_service_load_demo (alvh_context_get_market (context));
      if (alvh_market_service_has_market (alvh_context_get_market (context)))
        {
          test_demo_book_position (context);
          /* show the leg's journal entry once the page has listed it */
          g_timeout_add_full (G_PRIORITY_DEFAULT, 250, select_first_entry_cb,
                              g_object_ref (alvh_window_get_page (window, "journal")), g_object_unref);
        }
    }
  if (g_getenv ("ALVH_AS_OF") != NULL)
    {
      const char *text = g_getenv ("ALVH_AS_OF");
      gint64 at;

      /* a date alone is its 16:00 New York close */
      if (alvh_time_parse_date (text, strlen (text), &at))
        alvh_evaluator_page_set_as_of (ALVH_EVALUATOR_PAGE (alvh_window_get_page (window, "evaluator")),
                                       strchr (text, ':') != NULL ? at : alvh_time_bar_close (at));
    }
  if (page != NULL && *page != '\0')
    gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", page);
  if (size != NULL && sscanf (size, "%dx%d", &w, &h) == 2 && w > 0 && h > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), w, h);
  if (g_getenv ("ALVH_CHART_RANGE") != NULL)
    alvh_charts_page_set_range (ALVH_CHARTS_PAGE (charts), g_getenv ("ALVH_CHART_RANGE"));
  if (env_is ("ALVH_RUN_REPLAY", "1"))
    gtk_widget_activate_action (alvh_window_get_page (window, "replay"), "replay.run", NULL);
  if (g_getenv ("ALVH_REPLAY_VIEW") != NULL)
    replay_view (ALVH_REPLAY_PAGE (alvh_window_get_page (window, "replay")), g_getenv ("ALVH_REPLAY_VIEW"));
  if (g_getenv ("ALVH_CHART_VIEW") != NULL)
    alvh_charts_page_set_view (ALVH_CHARTS_PAGE (charts), g_getenv ("ALVH_CHART_VIEW"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AlvhApplication) app = NULL;
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *today = g_getenv ("ALVH_TODAY");
  gint64 t;

  setlocale (LC_ALL, "");
  /* ALVH_LOCALEDIR, else the build tree's catalogues when run from it */
  alvh_format_bind_textdomain ();
  g_set_application_name (_("ALVH Desk"));

  if (today != NULL && alvh_time_parse_date (today, strlen (today), &t))
    alvh_form_set_today (t);

  /* with a demo book the driver loads the demo itself, without the toast */
  for (int i = 0; i < argc; i++)
    if (!env_is ("ALVH_DEMO_BOOK", "1") || strcmp (argv[i], "--demo-if-empty") != 0)
      g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  app = alvh_application_new ();
  /* a second instance beside a running ALVH Desk */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), (int) args->len - 1, (char **) args->pdata);
}
