/* alvh-series.h — a columnar time series
 *
 * Rows are strictly increasing in time (Unix seconds, UTC; daily bars at
 * 00:00 New York, see alvh-time.h); every column is a plain C array of
 * finite doubles of the same length, so that hot loops can walk them.
 * Well-known column names: "open" "high" "low" "close" "volume" (bars),
 * "vx1" "vx2" (VIX futures), "advancers" "decliners" (breadth).
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALVH_TYPE_SERIES (alvh_series_get_type ())
#define ALVH_SERIES_ERROR (alvh_series_error_quark ())

typedef enum
{
  ALVH_SERIES_ERROR_ORDER,       /* time not strictly increasing */
  ALVH_SERIES_ERROR_NOT_FINITE,  /* NaN or infinite value */
  ALVH_SERIES_ERROR_COLUMN,      /* unknown or duplicate column */
} AlvhSeriesError;

typedef struct _AlvhSeries AlvhSeries;

/**
 * alvh_series_get_type:
 * Returns: the boxed type of #AlvhSeries
 */
GType          alvh_series_get_type          (void) G_GNUC_CONST;

/**
 * alvh_series_error_quark:
 * Returns: the error domain %ALVH_SERIES_ERROR
 */
GQuark         alvh_series_error_quark       (void);

/**
 * alvh_series_new:
 * @name: (nullable): the series' name, usually its symbol
 * @columns: (array zero-terminated=1): the column names
 *
 * Returns: (transfer full): an empty series with these columns
 */
AlvhSeries    *alvh_series_new               (const char          *name,
                                              const char * const  *columns);

/**
 * alvh_series_ref:
 * @self: a series
 *
 * Returns: (transfer full): @self with one more reference
 */
AlvhSeries    *alvh_series_ref               (AlvhSeries          *self);

/**
 * alvh_series_unref:
 * @self: (transfer full): a series
 *
 * Drops a reference; the last one frees the series.
 */
void           alvh_series_unref             (AlvhSeries          *self);

/**
 * alvh_series_get_name:
 * @self: a series
 *
 * Returns: (transfer none) (nullable): the series' name
 */
const char    *alvh_series_get_name          (AlvhSeries          *self);

/**
 * alvh_series_set_name:
 * @self: a series
 * @name: (nullable): the new name; copied
 */
void           alvh_series_set_name          (AlvhSeries          *self,
                                              const char          *name);

/**
 * alvh_series_get_n_columns:
 * @self: a series
 *
 * Returns: the number of value columns
 */
guint          alvh_series_get_n_columns     (AlvhSeries          *self);

/**
 * alvh_series_get_column_name:
 * @self: a series
 * @column: a column index below alvh_series_get_n_columns()
 *
 * Returns: (transfer none): the column's name
 */
const char    *alvh_series_get_column_name   (AlvhSeries          *self,
                                              guint                column);

/**
 * alvh_series_find_column:
 * @self: a series
 * @name: a column name
 *
 * Returns: the column's index, or -1 when the series has no such column
 */
int            alvh_series_find_column       (AlvhSeries          *self,
                                              const char          *name);

/**
 * alvh_series_get_length:
 * @self: a series
 *
 * Returns: the number of rows
 */
gsize          alvh_series_get_length        (AlvhSeries          *self);

/**
 * alvh_series_get_times:
 * @self: a series
 *
 * Returns: (transfer none) (array): the row times, alvh_series_get_length()
 *   of them, valid until the series is changed
 */
const gint64  *alvh_series_get_times         (AlvhSeries          *self);

/**
 * alvh_series_get_column:
 * @self: a series
 * @column: a column index
 *
 * Returns: (transfer none) (array): the column's values, one per row, valid
 *   until the series is changed
 */
const double  *alvh_series_get_column        (AlvhSeries          *self,
                                              guint                column);

/**
 * alvh_series_get_column_by_name:
 * @self: a series
 * @name: a column name
 *
 * Returns: (transfer none) (nullable) (array): the column's values, or %NULL
 *   when the series has no such column
 */
const double  *alvh_series_get_column_by_name(AlvhSeries          *self,
                                              const char          *name);

/**
 * alvh_series_reserve:
 * @self: a series
 * @n_rows: the number of rows to make room for
 *
 * Grows the arrays so that @n_rows rows fit without reallocation.
 */
void           alvh_series_reserve           (AlvhSeries          *self,
                                              gsize                n_rows);

/**
 * alvh_series_append:
 * @self: a series
 * @time: the row's time, after the last row's
 * @values: (array): one finite value per column
 * @error: return location for an error
 *
 * Returns: %TRUE when the row was added; %FALSE with
 *   %ALVH_SERIES_ERROR_ORDER or %ALVH_SERIES_ERROR_NOT_FINITE
 */
gboolean       alvh_series_append            (AlvhSeries          *self,
                                              gint64               time,
                                              const double        *values,
                                              GError             **error);

/**
 * alvh_series_truncate:
 * @self: a series
 * @n_rows: the number of rows to keep
 *
 * Drops the rows after the first @n_rows.
 */
void           alvh_series_truncate          (AlvhSeries          *self,
                                              gsize                n_rows);

/**
 * alvh_series_find_time:
 * @self: a series
 * @time: a time
 *
 * Returns: the index of the row at exactly @time, or -1
 */
gssize         alvh_series_find_time         (AlvhSeries          *self,
                                              gint64               time);

/**
 * alvh_series_find_time_le:
 * @self: a series
 * @time: a time
 *
 * Returns: the index of the last row with time <= @time, or -1
 */
gssize         alvh_series_find_time_le      (AlvhSeries          *self,
                                              gint64               time);

/**
 * alvh_series_find_time_ge:
 * @self: a series
 * @time: a time
 *
 * Returns: the index of the first row with time >= @time, or -1
 */
gssize         alvh_series_find_time_ge      (AlvhSeries          *self,
                                              gint64               time);

/**
 * alvh_series_slice:
 * @self: a series
 * @from: the first time included
 * @to: the last time included
 *
 * Returns: (transfer full): a new series with the rows from @from to @to
 */
AlvhSeries    *alvh_series_slice             (AlvhSeries          *self,
                                              gint64               from,
                                              gint64               to);

/**
 * alvh_series_copy:
 * @self: a series
 *
 * Returns: (transfer full): a deep copy of @self
 */
AlvhSeries    *alvh_series_copy              (AlvhSeries          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhSeries, alvh_series_unref)

G_END_DECLS
