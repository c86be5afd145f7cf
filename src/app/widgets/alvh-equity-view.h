/* alvh-equity-view.h — one or two lines over time, drawn through src/chart
 *
 * Used for the replay's hedged vs unhedged equity curves and for the journal's
 * price snapshot around an entry's date.
 */
#pragma once

#include <gtk/gtk.h>

#include "alvh-cairo-view.h"

G_BEGIN_DECLS

#define ALVH_TYPE_EQUITY_VIEW (alvh_equity_view_get_type ())

G_DECLARE_FINAL_TYPE (AlvhEquityView, alvh_equity_view, ALVH, EQUITY_VIEW, AlvhCairoView)

GtkWidget *alvh_equity_view_new        (void);
/* Copies the data.  b may be NULL (one line).  NAN values leave gaps. */
void       alvh_equity_view_set_data   (AlvhEquityView *self,
                                        const gint64   *times,
                                        gsize           n,
                                        const double   *a,
                                        const char     *label_a,
                                        const double   *b,
                                        const char     *label_b);
void       alvh_equity_view_clear      (AlvhEquityView *self);
/* A vertical marker at time t (0: none). */
void       alvh_equity_view_set_marker (AlvhEquityView *self,
                                        gint64          t);
/* Axis labels as dollars (TRUE) or plain numbers. */
void       alvh_equity_view_set_money  (AlvhEquityView *self,
                                        gboolean        money);
gsize      alvh_equity_view_get_n      (AlvhEquityView *self);

G_END_DECLS
