/* alvh-cli-table.c — the aligned text tables of the CLI */
#define G_LOG_DOMAIN "alvh-cli"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-cli.h"
#include "alvh-cli-table.h"
#include "alvh-core.h"

struct _AlvhCliTable
{
  guint      n_columns;
  char      *align;
  GPtrArray *rows;     /* of char ** (n_columns cells), the header first */
};

AlvhCliTable *
alvh_cli_table_new (const char *align,
                    ...)
{
  AlvhCliTable *t = g_new0 (AlvhCliTable, 1);
  char **header;
  va_list args;

  g_return_val_if_fail (align != NULL && *align != '\0', NULL);

  t->n_columns = (guint) strlen (align);
  t->align = g_strdup (align);
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  header = g_new0 (char *, t->n_columns + 1);
  va_start (args, align);
  for (guint c = 0; c < t->n_columns; c++)
    {
      const char *h = va_arg (args, const char *);

      header[c] = g_strdup (h != NULL ? h : "");
    }
  va_end (args);
  g_ptr_array_add (t->rows, header);
  return t;
}

void
alvh_cli_table_add (AlvhCliTable *table,
                    ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint c = 0; c < table->n_columns; c++)
    {
      char *cell = va_arg (args, char *);

      row[c] = cell != NULL ? cell : g_strdup ("");
    }
  va_end (args);
  g_ptr_array_add (table->rows, row);
}

/* the width a terminal gives @text: one per character, two for wide ones */
static gsize
text_width (const char *text)
{
  gsize w = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    w += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return w;
}

static void
print_rows (AlvhCliTable *table,
            FILE         *out,
            const char   *indent,
            guint         first)
{
  g_autofree gsize *width = g_new0 (gsize, table->n_columns);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        width[c] = MAX (width[c], text_width (row[c]));
    }
  for (guint r = first; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);
      g_autoptr(GString) line = g_string_new (indent);

      for (guint c = 0; c < table->n_columns; c++)
        {
          gsize pad = width[c] - text_width (row[c]);
          gboolean right = table->align[c] == 'r';

          if (c > 0)
            g_string_append (line, "  ");
          if (right)
            for (gsize i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
          g_string_append (line, row[c]);
          if (!right)
            for (gsize i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      fprintf (out, "%s\n", line->str);
    }
}

void
alvh_cli_table_print (AlvhCliTable *table,
                      FILE         *out,
                      const char   *indent)
{
  print_rows (table, out, indent, 0);
}

void
alvh_cli_table_print_body (AlvhCliTable *table,
                           FILE         *out,
                           const char   *indent)
{
  print_rows (table, out, indent, 1);
}

void
alvh_cli_table_free (AlvhCliTable *table)
{
  if (table == NULL)
    return;
  g_free (table->align);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

void
alvh_cli_print_signals (const AlvhDecision *d,
                        FILE               *out,
                        const char         *indent)
{
  g_autoptr(AlvhCliTable) table = alvh_cli_table_new ("llrrl", _("signal"), _("kind"), _("value"), _("threshold"), "");

  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *s = &d->signals[i];

      if (!alvh_decision_has_signal (d, (AlvhSignalId) i))
        continue;
      alvh_cli_table_add (table, g_strdup (alvh_format_key (alvh_signal_id_to_key (s->id))),
                          g_strdup (s->kind == ALVH_SIGNAL_KIND_REALTIME ? _("real-time") : _("fixed")),
                          alvh_signal_format_value (s), alvh_signal_format_threshold (s),
                          g_strdup (s->fired ? _("FIRED") : ""));
    }
  alvh_cli_table_print (table, out, indent);
}
