/* alvh-series.c — a columnar time series */
#define G_LOG_DOMAIN "alvh-series"

#include "config.h"

#include <math.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "alvh-series.h"
#include "alvh-time.h"

struct _AlvhSeries
{
  gatomicrefcount   ref_count;
  char             *name;
  guint             n_columns;
  char            **column_names;
  gsize             length;
  gsize             capacity;
  gint64           *times;
  double          **columns;
};

G_DEFINE_BOXED_TYPE (AlvhSeries, alvh_series, alvh_series_ref, alvh_series_unref)
G_DEFINE_QUARK (alvh-series-error-quark, alvh_series_error)

AlvhSeries *
alvh_series_new (const char         *name,
                 const char * const *columns)
{
  AlvhSeries *self;

  g_return_val_if_fail (columns != NULL, NULL);

  self = g_new0 (AlvhSeries, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->name = g_strdup (name);
  self->column_names = g_strdupv ((char **) columns);
  self->n_columns = g_strv_length (self->column_names);
  self->columns = g_new0 (double *, MAX (self->n_columns, 1));
  return self;
}

AlvhSeries *
alvh_series_ref (AlvhSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
alvh_series_unref (AlvhSeries *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      for (guint i = 0; i < self->n_columns; i++)
        g_free (self->columns[i]);
      g_free (self->columns);
      g_free (self->times);
      g_strfreev (self->column_names);
      g_free (self->name);
      g_free (self);
    }
}

const char *
alvh_series_get_name (AlvhSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->name;
}

void
alvh_series_set_name (AlvhSeries *self,
                      const char *name)
{
  g_return_if_fail (self != NULL);
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
}

guint
alvh_series_get_n_columns (AlvhSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

const char *
alvh_series_get_column_name (AlvhSeries *self,
                             guint       column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->column_names[column];
}

int
alvh_series_find_column (AlvhSeries *self,
                         const char *name)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->n_columns; i++)
    if (g_strcmp0 (self->column_names[i], name) == 0)
      return (int) i;
  return -1;
}

gsize
alvh_series_get_length (AlvhSeries *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->length;
}

const gint64 *
alvh_series_get_times (AlvhSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->times;
}

const double *
alvh_series_get_column (AlvhSeries *self,
                        guint       column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->columns[column];
}

const double *
alvh_series_get_column_by_name (AlvhSeries *self,
                                const char *name)
{
  int col = alvh_series_find_column (self, name);

  return col < 0 ? NULL : self->columns[col];
}

/* Asks the kernel to back a large array with huge pages where it can: an
 * import reserves its arrays for every line of the file (a million rows:
 * six arrays of 8 MB) and fills them once, and each 4 KiB page would
 * otherwise cost a fault of its own.  Only advice: nothing changes if
 * the kernel declines. */
static void
advise_huge (gpointer data,
             gsize    bytes)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  const guintptr huge = 2 * 1024 * 1024;
  guintptr start = ((guintptr) data + huge - 1) & ~(huge - 1);
  guintptr end = ((guintptr) data + bytes) & ~(huge - 1);

  if (bytes >= 2 * huge && end > start)
    madvise ((void *) start, end - start, MADV_HUGEPAGE);
#else
  (void) data;
  (void) bytes;
#endif
}

void
alvh_series_reserve (AlvhSeries *self,
                     gsize       n_rows)
{
  g_return_if_fail (self != NULL);

  if (n_rows <= self->capacity)
    return;
  self->times = g_renew (gint64, self->times, n_rows);
  advise_huge (self->times, n_rows * sizeof (gint64));
  for (guint i = 0; i < self->n_columns; i++)
    {
      self->columns[i] = g_renew (double, self->columns[i], n_rows);
      advise_huge (self->columns[i], n_rows * sizeof (double));
    }
  self->capacity = n_rows;
}

gboolean
alvh_series_append (AlvhSeries    *self,
                    gint64         time,
                    const double  *values,
                    GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (values != NULL || self->n_columns == 0, FALSE);

  if (self->length > 0 && time <= self->times[self->length - 1])
    {
      g_autofree char *prev = alvh_time_format_ny_date (self->times[self->length - 1]);
      g_autofree char *cur = alvh_time_format_ny_date (time);

      g_set_error (error, ALVH_SERIES_ERROR, ALVH_SERIES_ERROR_ORDER,
                   "%s: row %" G_GSIZE_FORMAT " at %s is not after the previous row at %s",
                   self->name ? self->name : "series", self->length + 1, cur, prev);
      return FALSE;
    }

  for (guint i = 0; i < self->n_columns; i++)
    if (!isfinite (values[i]))
      {
        g_set_error (error, ALVH_SERIES_ERROR, ALVH_SERIES_ERROR_NOT_FINITE,
                     "%s: row %" G_GSIZE_FORMAT ", column “%s” is not a finite number",
                     self->name ? self->name : "series", self->length + 1,
                     self->column_names[i]);
        return FALSE;
      }

  if (self->length == self->capacity)
    alvh_series_reserve (self, MAX (64, self->capacity * 2));

  self->times[self->length] = time;
  for (guint i = 0; i < self->n_columns; i++)
    self->columns[i][self->length] = values[i];
  self->length++;
  return TRUE;
}

void
alvh_series_truncate (AlvhSeries *self,
                      gsize       n_rows)
{
  g_return_if_fail (self != NULL);
  if (n_rows < self->length)
    self->length = n_rows;
}

/* Index of the last row with time <= t, or -1 */
gssize
alvh_series_find_time_le (AlvhSeries *self,
                          gint64      time)
{
  g_return_val_if_fail (self != NULL, -1);

  return alvh_time_find_le (self->times, self->length, time);
}

/* Index of the first row with time >= t, or -1 */
gssize
alvh_series_find_time_ge (AlvhSeries *self,
                          gint64      time)
{
  gssize i = alvh_series_find_time_le (self, time);

  if (i >= 0 && self->times[i] == time)
    return i;
  return (gsize) (i + 1) < self->length ? i + 1 : -1;
}

gssize
alvh_series_find_time (AlvhSeries *self,
                       gint64      time)
{
  gssize i = alvh_series_find_time_le (self, time);

  return (i >= 0 && self->times[i] == time) ? i : -1;
}

/* Rows with from <= time <= to */
AlvhSeries *
alvh_series_slice (AlvhSeries *self,
                   gint64      from,
                   gint64      to)
{
  AlvhSeries *slice;
  gssize first, last;

  g_return_val_if_fail (self != NULL, NULL);

  slice = alvh_series_new (self->name, (const char * const *) self->column_names);
  first = alvh_series_find_time_ge (self, from);
  last = alvh_series_find_time_le (self, to);
  if (first < 0 || last < first)
    return slice;

  alvh_series_reserve (slice, last - first + 1);
  slice->length = last - first + 1;
  memcpy (slice->times, self->times + first, slice->length * sizeof (gint64));
  for (guint i = 0; i < self->n_columns; i++)
    memcpy (slice->columns[i], self->columns[i] + first, slice->length * sizeof (double));
  return slice;
}

AlvhSeries *
alvh_series_copy (AlvhSeries *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return alvh_series_slice (self, G_MININT64, G_MAXINT64);
}
