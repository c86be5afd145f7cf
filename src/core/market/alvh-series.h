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

GType          alvh_series_get_type          (void) G_GNUC_CONST;
GQuark         alvh_series_error_quark       (void);

AlvhSeries    *alvh_series_new               (const char          *name,
                                              const char * const  *columns);
AlvhSeries    *alvh_series_ref               (AlvhSeries          *self);
void           alvh_series_unref             (AlvhSeries          *self);

const char    *alvh_series_get_name          (AlvhSeries          *self);
void           alvh_series_set_name          (AlvhSeries          *self,
                                              const char          *name);
guint          alvh_series_get_n_columns     (AlvhSeries          *self);
const char    *alvh_series_get_column_name   (AlvhSeries          *self,
                                              guint                column);
int            alvh_series_find_column       (AlvhSeries          *self,
                                              const char          *name);
gsize          alvh_series_get_length        (AlvhSeries          *self);
const gint64  *alvh_series_get_times         (AlvhSeries          *self);
const double  *alvh_series_get_column        (AlvhSeries          *self,
                                              guint                column);
const double  *alvh_series_get_column_by_name(AlvhSeries          *self,
                                              const char          *name);
void           alvh_series_reserve           (AlvhSeries          *self,
                                              gsize                n_rows);
gboolean       alvh_series_append            (AlvhSeries          *self,
                                              gint64               time,
                                              const double        *values,
                                              GError             **error);
void           alvh_series_truncate          (AlvhSeries          *self,
                                              gsize                n_rows);
gssize         alvh_series_find_time         (AlvhSeries          *self,
                                              gint64               time);
gssize         alvh_series_find_time_le      (AlvhSeries          *self,
                                              gint64               time);
gssize         alvh_series_find_time_ge      (AlvhSeries          *self,
                                              gint64               time);
AlvhSeries    *alvh_series_slice             (AlvhSeries          *self,
                                              gint64               from,
                                              gint64               to);
AlvhSeries    *alvh_series_copy              (AlvhSeries          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhSeries, alvh_series_unref)

G_END_DECLS
