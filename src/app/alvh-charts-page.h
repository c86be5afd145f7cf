/* alvh-charts-page.h — the Charts page */
#pragma once

#include <gtk/gtk.h>

#include "alvh-series.h"

G_BEGIN_DECLS

#define ALVH_TYPE_CHARTS_PAGE (alvh_charts_page_get_type ())
G_DECLARE_FINAL_TYPE (AlvhChartsPage, alvh_charts_page, ALVH, CHARTS_PAGE, GtkWidget)

GtkWidget *alvh_charts_page_new        (void);
void       alvh_charts_page_set_market (AlvhChartsPage *self,
                                        AlvhSeries     *spx,
                                        AlvhSeries     *vix,
                                        AlvhSeries     *vx);

G_END_DECLS
