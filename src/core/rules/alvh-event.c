/* alvh-event.c — macro events and their CSV form */
#define G_LOG_DOMAIN "alvh-event"

#include "config.h"

#include <string.h>

#include "alvh-csv.h"
#include "alvh-event.h"
#include "alvh-time.h"

G_DEFINE_QUARK (alvh-event-error-quark, alvh_event_error)
G_DEFINE_BOXED_TYPE (AlvhEvent, alvh_event, alvh_event_copy, alvh_event_free)

static const char * const kind_names[] = { "CPI", "PPI", "FOMC", "OTHER" };

AlvhEvent *
alvh_event_new (gint64         time,
                AlvhEventKind  kind,
                gboolean       shift,
                const char    *note)
{
  AlvhEvent *self = g_new0 (AlvhEvent, 1);

  self->time = time;
  self->kind = kind;
  self->shift = !!shift;
  self->note = g_strdup (note != NULL ? note : "");
  return self;
}

AlvhEvent *
alvh_event_copy (const AlvhEvent *event)
{
  AlvhEvent *copy;

  g_return_val_if_fail (event != NULL, NULL);
  copy = alvh_event_new (event->time, event->kind, event->shift, event->note);
  copy->id = event->id;
  return copy;
}

void
alvh_event_free (AlvhEvent *event)
{
  if (event == NULL)
    return;
  g_free (event->note);
  g_free (event);
}

const char *
alvh_event_kind_to_string (AlvhEventKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kind_names))
    return "OTHER";
  return kind_names[kind];
}

gboolean
alvh_event_kind_is_valid (AlvhEventKind kind)
{
  return (guint) kind < G_N_ELEMENTS (kind_names);
}

gboolean
alvh_event_kind_from_string (const char    *text,
                             AlvhEventKind *out_kind)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (text));
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_ascii_strcasecmp (stripped, kind_names[i]) == 0)
      {
        if (out_kind != NULL)
          *out_kind = (AlvhEventKind) i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
parse_bool (const char *text,
            gboolean   *out)
{
  static const char * const yes[] = { "true", "yes", "1", "y" };
  static const char * const no[] = { "false", "no", "0", "n", "" };

  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *out = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *out = FALSE;
        return TRUE;
      }
  return FALSE;
}

static void
set_parse_error (GError        **error,
                 AlvhCsvReader  *reader,
                 guint           field,
                 const char     *what)
{
  g_set_error (error, ALVH_EVENT_ERROR, ALVH_EVENT_ERROR_PARSE, "%s:%u:%u: %s",
               alvh_csv_reader_get_name (reader), alvh_csv_reader_get_line (reader),
               alvh_csv_reader_get_column (reader, field), what);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const AlvhEvent *ea = *(const AlvhEvent * const *) a;
  const AlvhEvent *eb = *(const AlvhEvent * const *) b;

  return (ea->time > eb->time) - (ea->time < eb->time);
}

void
alvh_events_sort (GPtrArray *events)
{
  g_return_if_fail (events != NULL);
  /* g_ptr_array_sort is a stable merge sort */
  g_ptr_array_sort (events, compare_events);
}

GPtrArray *
alvh_events_parse_csv (const char  *text,
                       gssize       length,
                       const char  *filename,
                       GError     **error)
{
  g_autoptr(AlvhCsvReader) reader = NULL;
  g_autoptr(GPtrArray) events = NULL;
  GError *local_error = NULL;
  static const char * const header[] = { "date", "kind", "shift", "note" };

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  if (length < 0)
    length = (gssize) strlen (text);
  reader = alvh_csv_reader_new_for_data (filename != NULL ? filename : "<events>", text, (gsize) length);
  events = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_event_free);

  if (!alvh_csv_reader_next (reader, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return NULL;
        }
      g_set_error (error, ALVH_EVENT_ERROR, ALVH_EVENT_ERROR_PARSE,
                   "%s:1:1: expected the header line date,kind,shift,note, found an empty file",
                   alvh_csv_reader_get_name (reader));
      return NULL;
    }
  for (guint f = 0; f < 3; f++)
    {
      g_autofree char *name = NULL;

      if (f >= alvh_csv_reader_get_n_fields (reader))
        {
          set_parse_error (error, reader, alvh_csv_reader_get_n_fields (reader) - 1,
                           "expected the header line date,kind,shift,note");
          return NULL;
        }
      name = g_strstrip (alvh_csv_reader_dup_field (reader, f));
      if (g_ascii_strcasecmp (name, header[f]) != 0)
        {
          g_autofree char *msg = g_strdup_printf ("expected the header column “%s”, found “%s”",
                                                  header[f], name);
          set_parse_error (error, reader, f, msg);
          return NULL;
        }
    }

  while (alvh_csv_reader_next (reader, &local_error))
    {
      g_autofree char *date = NULL;
      g_autofree char *kind_text = NULL;
      g_autofree char *shift_text = NULL;
      g_autofree char *note = NULL;
      guint nf = alvh_csv_reader_get_n_fields (reader);
      AlvhEventKind kind;
      gboolean shift;
      gint64 t;

      if (nf < 3)
        {
          set_parse_error (error, reader, nf - 1,
                           "expected 3 or 4 fields: date,kind,shift[,note]");
          return NULL;
        }
      if (nf > 4)
        {
          set_parse_error (error, reader, 4, "expected at most 4 fields: date,kind,shift,note");
          return NULL;
        }
      date = g_strstrip (alvh_csv_reader_dup_field (reader, 0));
      if (!alvh_time_parse_date (date, strlen (date), &t))
        {
          g_autofree char *msg = g_strdup_printf ("expected a date (YYYY-MM-DD or MM/DD/YYYY), found “%s”", date);
          set_parse_error (error, reader, 0, msg);
          return NULL;
        }
      if (t < alvh_time_from_ny_date (1900, 1, 1) || t > alvh_time_from_ny_date (2100, 12, 31))
        {
          g_autofree char *msg = g_strdup_printf ("expected a date between 1900 and 2100, found “%s”", date);
          set_parse_error (error, reader, 0, msg);
          return NULL;
        }
      kind_text = g_strstrip (alvh_csv_reader_dup_field (reader, 1));
      if (!alvh_event_kind_from_string (kind_text, &kind))
        {
          g_autofree char *msg = g_strdup_printf ("expected an event kind CPI, PPI, FOMC or OTHER, found “%s”", kind_text);
          set_parse_error (error, reader, 1, msg);
          return NULL;
        }
      shift_text = g_strstrip (alvh_csv_reader_dup_field (reader, 2));
      if (!parse_bool (shift_text, &shift))
        {
          g_autofree char *msg = g_strdup_printf ("expected shift true or false, found “%s”", shift_text);
          set_parse_error (error, reader, 2, msg);
          return NULL;
        }
      note = nf > 3 ? alvh_csv_reader_dup_field (reader, 3) : g_strdup ("");
      g_ptr_array_add (events, alvh_event_new (t, kind, shift, note));
    }
  if (local_error != NULL)
    {
      g_set_error_literal (error, ALVH_EVENT_ERROR, ALVH_EVENT_ERROR_PARSE, local_error->message);
      g_error_free (local_error);
      return NULL;
    }

  alvh_events_sort (events);
  return g_steal_pointer (&events);
}

GPtrArray *
alvh_events_load_csv (const char  *path,
                      GError     **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &text, &len, error))
    return NULL;
  return alvh_events_parse_csv (text, (gssize) len, path, error);
}

guint
alvh_events_count_shift (GPtrArray *events,
                         gint64     t,
                         int        window_days)
{
  gint64 day, first_day;
  guint count = 0;

  if (events == NULL)
    return 0;
  day = alvh_time_ny_day (t);
  first_day = day - window_days;
  for (guint i = 0; i < events->len; i++)
    {
      const AlvhEvent *e = g_ptr_array_index (events, i);
      gint64 eday;

      if (!e->shift || e->time > t)
        continue;
      eday = alvh_time_ny_day (e->time);
      if (eday >= first_day && eday <= day)
        count++;
    }
  return count;
}
