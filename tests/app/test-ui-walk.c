/* test-ui-walk.c — a screen-reader user's walk through the window: every
 * page is reached by pressing the view switcher's button that carries the
 * page's name, and on every page the controls a person needs are found by
 * their accessible names, which never hold a mnemonic underscore. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "alvh-a11y.h"
#include "alvh-window.h"
#include "alvh-window-private.h"
#include "alvh-format.h"
#include "test-demo-book.h"
#include "test-ui-util.h"
#include "test-util.h"

/* The name a screen reader reads for a control, as far as GTK 4.8 lets a
 * test know it: the label set through alvh-a11y, else the button's own
 * label (with its underscores: GTK names a mnemonic button after them), else
 * the text of the labels shown inside it, else the tooltip. */
static char *
accessible_name (GtkWidget *widget)
{
  const char *set = alvh_a11y_get_label (widget);
  g_autoptr(GString) text = g_string_new (NULL);

  if (set != NULL)
    return g_strdup (set);
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
      gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return g_strdup (gtk_button_get_label (GTK_BUTTON (widget)));
  if (ADW_IS_PREFERENCES_ROW (widget))
    return g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)));
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      g_autofree char *inner = NULL;

      if (!gtk_widget_get_mapped (c))
        continue;   /* a hidden page of a stack inside */
      if (GTK_IS_LABEL (c))
        inner = g_strdup (gtk_label_get_text (GTK_LABEL (c)));   /* GtkLabel's name: no mnemonic */
      else if (!GTK_IS_LABEL (c))
        inner = accessible_name (c);
      if (inner != NULL && *inner != '\0')
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", inner);
    }
  if (text->len == 0 && gtk_widget_get_tooltip_text (widget) != NULL)
    g_string_append (text, gtk_widget_get_tooltip_text (widget));
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* every visible control under @widget: name → widget */
static void
collect (GtkWidget  *widget,
         GHashTable *names)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (alvh_a11y_is_control (widget))
    {
      g_autofree char *name = accessible_name (widget);

      if (name != NULL)
        g_hash_table_insert (names, g_steal_pointer (&name), widget);
    }
  if (alvh_a11y_is_opaque (widget))
    return;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect (c, names);
}

/* the view switcher's button whose name is @title */
static GtkWidget *
switcher_button (GtkWidget  *root,
                 const char *title)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && gtk_widget_get_mapped (root))
    {
      g_autofree char *name = accessible_name (root);

      if (g_strcmp0 (name, title) == 0)
        return root;
    }
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = switcher_button (c, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* per page (by its name): controls a person needs there, by the names a
 * screen reader reads */
static const struct
{
  const char *page;
  const char *controls[5];
} key_controls[] = {
  { "Charts", { "Show the last month", "Show the whole history", "Go to a date (YYYY-MM-DD)",
                "Logarithmic SPX price axis", NULL } },
  { "Positions", { "Add Condor", "Add Leg", "Active account", NULL } },
  { "Evaluator", { "Add This Leg…", "Skip…", "Macro Events…", NULL } },
  { "Journal", { "Search the journal", "Entries", "Statistics", NULL } },
  { "Replay", { "Run Replay", "Record in Journal", NULL } },
};

static void
test_walk (void)
{
  AlvhWindow *window = test_ui_demo_book_window (1400, 900);
  g_autoptr(GtkSelectionModel) pages = NULL;
  guint n, n_found = 0;

  pages = adw_view_stack_get_pages (window->view_stack);
  n = g_list_model_get_n_items (G_LIST_MODEL (pages));
  g_assert_cmpuint (n, ==, 5);
  /* backwards, so that every page is a change from the one shown */
  for (guint k = n; k-- > 0;)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), k);
      const char *title = adw_view_stack_page_get_title (page);
      GtkWidget *child = adw_view_stack_page_get_child (page);
      GtkWidget *button = switcher_button (GTK_WIDGET (window), title);
      g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      gpointer key;

      if (button == NULL)
        g_error ("no view switcher button named “%s”", title);
      gtk_widget_activate (button);
      test_ui_wait_for (adw_view_stack_get_visible_child (window->view_stack) == child);
      test_ui_wait_mapped (child);

      collect (child, names);
      g_test_message ("%s: %u named controls", title, g_hash_table_size (names));
      g_hash_table_iter_init (&iter, names);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          g_test_message ("  %s", (const char *) key);
          if (strchr (key, '_') != NULL)
            g_error ("%s: a control is named “%s”, mnemonic underscore and all", title, (const char *) key);
        }
      for (guint p = 0; p < G_N_ELEMENTS (key_controls); p++)
        for (guint c = 0; g_strcmp0 (key_controls[p].page, title) == 0 && key_controls[p].controls[c] != NULL; c++)
          {
            GtkWidget *control = g_hash_table_lookup (names, key_controls[p].controls[c]);

            if (control == NULL)
              g_error ("%s: no control named “%s”", title, key_controls[p].controls[c]);
            g_assert_true (gtk_widget_get_mapped (control));
            n_found++;
          }
    }
  g_assert_cmpuint (n_found, ==, 15);   /* every page's were looked for */
  test_ui_close (GTK_WINDOW (window));
}

/* In German, with the demo book open, every page fits a 720 px window (half
 * of a 1440 px screen): no page asks for more */
static void
test_german_720 (void)
{
  static const char *pages[] = { "charts", "positions", "evaluator", "journal", "replay" };
  AlvhWindow *window;
  int min_width = 0;

  if (!test_use_german ())
    return;
  alvh_format_bind_textdomain ();
  g_assert_cmpstr (_("Layers"), !=, "Layers");
  test_ui_use_fresh_data_dir ("alvh-ui-walk-de-XXXXXX");
  window = test_ui_demo_window (720, 700, "positions");
  test_demo_book_position (alvh_window_get_context (window));
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      GtkWidget *page = alvh_window_get_page (window, pages[i]);
      int page_min = 0;

      alvh_window_show_page (window, pages[i]);
      test_ui_wait_drawn (page);
      gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &page_min, NULL, NULL, NULL);
      g_test_message ("%s: asks for %d px", pages[i], page_min);
      if (page_min > 720 - 10)
        test_ui_log_too_wide (page, 720 - 10, 1);
    }
  gtk_widget_measure (GTK_WIDGET (window), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_test_message ("window asks for %d px, is %d px wide", min_width, gtk_widget_get_width (GTK_WIDGET (window)));
  g_unsetenv ("LANGUAGE");
  setlocale (LC_ALL, "C");
  g_assert_cmpint (min_width, <=, 720);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 720);
  test_ui_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv, "/ui/walk/pages-by-name", test_walk,
                       "/ui/walk/german-720", test_german_720, NULL);
}
