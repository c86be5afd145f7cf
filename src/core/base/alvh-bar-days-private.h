/* alvh-bar-days-private.h — day numbers and bar instants of a whole frame
 *
 * Internal to the core library (alvh-calendar.c has the body).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* alvh_time_ny_day () (days since 1970-01-01, within gint32 for any
 * instant of 5.8 million years) and alvh_time_bar_close () of each of n
 * instants */
void    _alvh_ny_days_and_bar_closes (const gint64 *times,
                                      gsize         n,
                                      gint32       *days,
                                      gint64       *at);

G_END_DECLS
