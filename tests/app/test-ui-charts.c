/* test-ui-charts.c — the Charts page with real SPX/VIX history: levels,
 * markers, greeks, payoff, range buttons, go-to-time read-out, dark style,
 * the MACD pane's display periods, the what-if panel's controls */
#include "config.h"

#include <math.h>

#include <gtk/gtk.h>

#include "alvh-a11y.h"
#include "alvh-context.h"
#include "alvh-import.h"
#include "alvh-indicators.h"
#include "alvh-time.h"
#include "alvh-chart-market.h"
#include "alvh-charts-page.h"
#include "alvh-whatif-panel.h"
#include "test-ui-util.h"
#include "test-market-util.h"
#include "test-util.h"
#include "alvh-chart-view.h"

static GtkWidget *
match_toggle (GtkWidget    *widget,
              gconstpointer label)
{
  return GTK_IS_TOGGLE_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0
         ? widget : NULL;
}


static GdkTexture *
render_and_save (GtkWidget  *page,
                 const char *name)
{
  g_autofree char *png = test_output_path (name);
  GdkTexture *texture = NULL;

  test_ui_wait_drawn (page);
  texture = test_ui_render_widget (page);
  g_assert_nonnull (texture);
  g_assert_true (gdk_texture_save_to_png (texture, png));
  g_test_message ("Charts page rendered to %s", png);
  return texture;
}

/* The crosshair's readout: every series joined by date (issue 14); ends
 * back on the last three months with the crosshair on 2026-06-18 */
static void
charts_check_readouts (GtkWidget *page)
{
  g_autofree char *readout = NULL;

  alvh_charts_page_go_to_time (ALVH_CHARTS_PAGE (page), alvh_time_from_ny_date (2026, 6, 18));
  readout = alvh_charts_page_dup_readout (ALVH_CHARTS_PAGE (page));
  g_test_message ("%s", readout);
  g_assert_true (g_str_has_prefix (readout, "2026-06-18\nSPX: O "));
  g_assert_nonnull (strstr (readout, "VIX: "));
  g_assert_nonnull (strstr (readout, "Greeks: "));

  /* every series joined by date (issue 14): that day's VIX on SPX's last
   * day (not VIX's last close, 16.64 on 2026-07-22), "–" for SPX on a day
   * only VIX has */
  g_clear_pointer (&readout, g_free);
  alvh_charts_page_go_to_time (ALVH_CHARTS_PAGE (page), alvh_time_from_ny_date (2026, 7, 8));
  readout = alvh_charts_page_dup_readout (ALVH_CHARTS_PAGE (page));
  g_assert_true (g_str_has_prefix (readout, "2026-07-08\nSPX: O 7,476.54"));
  g_assert_nonnull (strstr (readout, "\nVIX: 16.90\n"));
  g_clear_pointer (&readout, g_free);
  alvh_charts_page_go_to_time (ALVH_CHARTS_PAGE (page), alvh_time_from_ny_date (2022, 7, 4));
  readout = alvh_charts_page_dup_readout (ALVH_CHARTS_PAGE (page));
  g_assert_true (g_str_has_prefix (readout, "2022-07-04\nSPX: O – H – L – C –"));
  g_assert_nonnull (strstr (readout, "\nVIX: 27.53\n"));
  /* back to the last three months, the crosshair on 2026-06-18 */
  alvh_charts_page_set_range (ALVH_CHARTS_PAGE (page), "3m");
  alvh_charts_page_go_to_time (ALVH_CHARTS_PAGE (page), alvh_time_from_ny_date (2026, 6, 18));
}

/* The chart view shows, pixel for pixel, what the chart draws onto an image
 * of the view's size (the view hands GTK its own image as a texture), twice
 * over: the second frame comes from the view's pool and the chart's layer
 * cache */
static void
charts_check_view_is_chart (GtkWidget *page,
                            AlvhChart *chart)
{
  GtkWidget *view = test_ui_find_type (page, ALVH_TYPE_CHART_VIEW);
  int w, h, stride;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_nonnull (view);
  test_ui_wait_drawn (view);
  w = gtk_widget_get_width (view);
  h = gtk_widget_get_height (view);
  g_assert_cmpint (gtk_widget_get_scale_factor (view), ==, 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  alvh_chart_render (chart, cr, w, h);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int round = 0; round < 2; round++)
    {
      g_autoptr(GdkTexture) texture = test_ui_render_widget (view);
      g_autofree guchar *pixels = g_malloc ((gsize) stride * h);
      const guchar *want = cairo_image_surface_get_data (surface);
      guint differ = 0;

      g_assert_nonnull (texture);
      g_assert_cmpint (gdk_texture_get_width (texture), ==, w);
      g_assert_cmpint (gdk_texture_get_height (texture), ==, h);
      gdk_texture_download (texture, pixels, (gsize) stride);
      for (int y = 0; y < h; y++)
        differ += memcmp (pixels + (gsize) y * stride, want + (gsize) y * stride, (gsize) w * 4) != 0;
      g_assert_cmpuint (differ, ==, 0);
    }
  cairo_surface_destroy (surface);
}

/* The dark style gives the chart a dark background */
static void
charts_check_dark (GtkWidget *page)
{
  g_autoptr(GdkTexture) dark_texture = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  dark_texture = render_and_save (page, "charts-page-full-dark.png");
  {
    int w = gdk_texture_get_width (dark_texture);
    g_autofree guint32 *pixels = g_new (guint32, (gsize) w * gdk_texture_get_height (dark_texture));
    guint32 p;
    gdk_texture_download (dark_texture, (guchar *) pixels, (gsize) w * 4);
    /* a pixel in the SPX pane's empty top-right area */
    p = pixels[(gsize) 160 * w + (gsize) (w - 200)];
    g_assert_cmpuint ((p >> 16) & 0xff, <, 80);
  }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The go-to-date entry moves the crosshair; a bad date marks it */
static void
charts_check_go_to_date (GtkWidget *page,
                         AlvhChart *chart)
{
  GtkWidget *entry = test_ui_find_named (page, "go-to-date");
  gsize n = alvh_chart_get_n_bars (chart);
  gint64 day = alvh_time_ny_day (alvh_chart_get_times (chart)[n / 2]);
  GDate date;
  char text[16];

  g_assert_true (GTK_IS_ENTRY (entry));
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) (day + 719163));
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_signal_emit_by_name (entry, "activate");
  test_ui_wait_for (alvh_chart_get_crosshair (chart) == (gssize) (n / 2));
  g_assert_false (gtk_widget_has_css_class (entry, "error"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "16.03.2020x");
  g_signal_emit_by_name (entry, "activate");
  test_ui_wait_for (gtk_widget_has_css_class (entry, "error"));
  g_assert_cmpint (alvh_chart_get_crosshair (chart), ==, (gssize) (n / 2));
}

/* A manual zoom (the "+" key on the chart) leaves no range button lit, and
 * "All" shows the whole history of @bars_all bars again */
static void
charts_check_manual_zoom (GtkWidget *page,
                          AlvhChart *chart,
                          double     bars_all)
{
  double first, bars;

  GtkWidget *view = test_ui_find_type (page, ALVH_TYPE_CHART_VIEW);
  GtkToggleButton *all = NULL;
  GListModel *controllers;
  gboolean handled = FALSE;
  double bars_before;

  g_assert_nonnull (view);
  all = GTK_TOGGLE_BUTTON (test_ui_find (page, match_toggle, "All"));
  g_assert_nonnull (all);
  gtk_toggle_button_set_active (all, TRUE);
  test_ui_wait_for (gtk_toggle_button_get_active (all));
  alvh_chart_get_view (chart, &first, &bars_before);
  controllers = gtk_widget_observe_controllers (view);
  for (guint k = 0; k < g_list_model_get_n_items (controllers) && !handled; k++)
    {
      g_autoptr(GObject) c = g_list_model_get_item (controllers, k);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", GDK_KEY_plus, 0, 0, &handled);
    }
  g_object_unref (controllers);
  g_assert_true (handled);
  test_ui_wait_for (!gtk_toggle_button_get_active (all));
  alvh_chart_get_view (chart, &first, &bars);
  g_assert_cmpfloat (bars, <, bars_before);
  /* and "All" shows the whole history again */
  gtk_toggle_button_set_active (all, TRUE);
  alvh_chart_get_view (chart, &first, &bars);
  g_assert_cmpfloat (bars, >=, bars_all);
}

/* A new Charts page drawing @spx and @vix in a new 1280x860 window, *@window */
static GtkWidget *
new_charts_page (AlvhSeries  *spx,
                 AlvhSeries  *vix,
                 GtkWidget  **window)
{
  GtkWidget *page;

  *window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (*window), 1280, 860);
  page = alvh_charts_page_new ();
  gtk_window_set_child (GTK_WINDOW (*window), page);
  gtk_window_present (GTK_WINDOW (*window));
  alvh_charts_page_set_market (ALVH_CHARTS_PAGE (page), spx, vix, NULL);
  return page;
}

static void
test_charts_page (void)
{
  g_autoptr(AlvhSeries) spx = test_load_shared_series ("spx_daily_ohlc_1927_2026.csv");
  g_autoptr(AlvhSeries) vix = test_load_shared_series ("vix_daily_cboe.csv");
  g_autoptr(AlvhSeries) greeks = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  const char *cols[] = { "delta", "gamma", "theta", "vega", NULL };
  GtkWidget *window, *page;
  AlvhChart *chart;
  TestImageStats stats;
  double first, bars;
  gint64 expiry = alvh_time_from_ny_date (2026, 8, 21);
  gint64 opened = alvh_time_from_ny_date (2026, 6, 5);
  AlvhChartLevel levels[] = {
    { 7150, ALVH_CHART_LEVEL_SHORT_STRIKE, "Short put 7150", 0, 0, 0 },
    { 7800, ALVH_CHART_LEVEL_SHORT_STRIKE, "Short call 7800", 0, 0, 0 },
    { 7100, ALVH_CHART_LEVEL_LONG_STRIKE, "Long put 7100", 0, 0, 0 },
    { 7850, ALVH_CHART_LEVEL_LONG_STRIKE, "Long call 7850", 0, 0, 0 },
    { 7132, ALVH_CHART_LEVEL_BREAKEVEN, "BE 7132", 0, 0, 0 },
  };
  AlvhChartMarker markers[] = {
    { alvh_time_from_ny_date (2026, 6, 18), NAN, "L1", "iv_expansion 0.21 ≥ 0.15\nvix_macd_cross", ALVH_CHART_MARKER_TRIANGLE_UP, ALVH_CHART_COLOR_ORANGE },
  };
  gint64 starts[] = { alvh_time_from_ny_date (2026, 6, 16) }, ends[] = { alvh_time_from_ny_date (2026, 6, 19) };
  double px[121], pe[121], pt[121], be[2] = { 7132, 7818 };

  if (spx == NULL || vix == NULL)
    {
      g_test_skip ("$ALVH_SHARED_DATA with spx_daily_ohlc_1927_2026.csv and vix_daily_cboe.csv is absent");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      levels[i].start = opened;
      if (levels[i].kind == ALVH_CHART_LEVEL_SHORT_STRIKE)
        levels[i].expiry = expiry;
      else
        levels[i].end = expiry;
    }
  greeks = alvh_series_new ("greeks", cols);
  for (int d = 0; d < 23; d++)
    {
      double v[4] = { 0.02 - 0.01 * d, -0.0004 * d, 25 + d, -120 - 3 * d };
      gint64 t = alvh_time_from_ny_date (2026, 6, 8) + (gint64) d * 86400;
      if (alvh_series_find_time (spx, t) >= 0)
        alvh_series_append (greeks, t, v, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (px); i++)
    {
      double s = 6900 + 10 * i, v = 18;
      v -= CLAMP (7150 - s, 0, 50);
      v -= CLAMP (s - 7800, 0, 50);
      px[i] = s;
      pe[i] = v * 100;
      pt[i] = pe[i] * 0.5;
    }

  page = new_charts_page (spx, vix, &window);
  alvh_charts_page_set_condor_levels (ALVH_CHARTS_PAGE (page), levels, G_N_ELEMENTS (levels));
  alvh_charts_page_set_markers (ALVH_CHARTS_PAGE (page), markers, G_N_ELEMENTS (markers));
  alvh_charts_page_set_shading (ALVH_CHARTS_PAGE (page), starts, ends, 1);
  alvh_charts_page_set_greeks (ALVH_CHARTS_PAGE (page), greeks, 0.18);
  alvh_charts_page_set_payoff (ALVH_CHARTS_PAGE (page), px, pe, pt, G_N_ELEMENTS (px), be, 2);
  alvh_charts_page_set_range (ALVH_CHARTS_PAGE (page), "3m");
  test_ui_wait_drawn (page);

  chart = alvh_charts_page_get_chart (ALVH_CHARTS_PAGE (page));
  g_assert_true (alvh_chart_pane_get_visible (chart, ALVH_CHART_MARKET_PANE_GREEKS));
  /* 3 months: about 63 sessions (plus a small margin) */
  alvh_chart_get_view (chart, &first, &bars);
  g_assert_cmpfloat (bars, >, 60);
  g_assert_cmpfloat (bars, <, 70);

  charts_check_readouts (page);
  charts_check_view_is_chart (page, chart);

  texture = render_and_save (page, "charts-page-full.png");
  test_ui_image_stats (texture, &stats);
  g_assert_cmpint (stats.distinct_colours, >, 40);
  g_assert_cmpfloat (stats.non_background_fraction, >, 0.05);

  charts_check_dark (page);

  /* the payoff view */
  alvh_charts_page_set_view (ALVH_CHARTS_PAGE (page), "payoff");
  g_clear_object (&texture);
  texture = render_and_save (page, "charts-page-payoff.png");
  test_ui_image_stats (texture, &stats);
  g_assert_cmpfloat (stats.non_background_fraction, >, 0.02);

  charts_check_go_to_date (page, chart);

  /* the term structure view draws the crosshair's date */
  alvh_charts_page_set_view (ALVH_CHARTS_PAGE (page), "term");
  g_clear_object (&texture);
  texture = render_and_save (page, "charts-page-term.png");
  test_ui_image_stats (texture, &stats);
  g_assert_cmpfloat (stats.non_background_fraction, >, 0.01);

  /* every range */
  alvh_charts_page_set_view (ALVH_CHARTS_PAGE (page), "chart");
  alvh_charts_page_set_range (ALVH_CHARTS_PAGE (page), "all");
  alvh_chart_get_view (chart, &first, &bars);
  g_assert_cmpfloat (bars, >=, (double) alvh_series_get_length (spx));
  alvh_charts_page_set_range (ALVH_CHARTS_PAGE (page), "1m");
  alvh_chart_get_view (chart, &first, &bars);
  g_assert_cmpfloat (bars, <, 25);
  test_ui_wait_drawn (page);

  charts_check_manual_zoom (page, chart, (double) alvh_series_get_length (spx));

  test_ui_close (GTK_WINDOW (window));
}

/* The MACD pane's line at bar @i (NAN outside) */
static double
macd_at (AlvhChart *chart,
         gsize      i)
{
  const double *v = alvh_chart_series_get_values (chart, ALVH_CHART_MARKET_PANE_MACD, 1, 0);
  return v != NULL ? v[i] : NAN;
}

/* MACD (fast, slow, signal) of the real VIX closes, last value */
static double
macd_last (AlvhSeries *vix,
           guint       fast,
           guint       slow,
           guint       signal)
{
  gsize n = alvh_series_get_length (vix);
  const double *close = alvh_series_get_column_by_name (vix, "close");
  g_autofree double *out = g_new (double, 2 * n);

  alvh_macd (close, n, fast, slow, signal, out, out + n, NULL);
  return out[n - 1];
}

/* The Indicators popover's periods redraw the MACD pane (display only),
 * follow the application's settings, refuse a fast EMA not shorter than
 * the slow one and reset to the spec's 12, 26, 9 */
static void
test_charts_indicators (void)
{
  g_autoptr(AlvhSeries) spx = test_load_shared_series ("spx_daily_ohlc_1927_2026.csv");
  g_autoptr(AlvhSeries) vix = test_load_shared_series ("vix_daily_cboe.csv");
  g_autofree char *dir = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(AlvhContext) context = NULL;
  GtkWidget *window, *page, *fast, *slow, *signal, *error_label = NULL;
  AlvhChart *chart;
  gsize last;
  double spec, mine;

  if (spx == NULL || vix == NULL)
    {
      g_test_skip ("$ALVH_SHARED_DATA with spx_daily_ohlc_1927_2026.csv and vix_daily_cboe.csv is absent");
      return;
    }
  page = new_charts_page (spx, vix, &window);
  chart = alvh_charts_page_get_chart (ALVH_CHARTS_PAGE (page));
  /* the chart's last bar is VIX's last date, 2026-07-22 */
  last = alvh_chart_get_n_bars (chart) - 1;
  g_assert_cmpint (alvh_chart_get_times (chart)[last], ==, alvh_series_get_times (vix)[alvh_series_get_length (vix) - 1]);

  spec = macd_last (vix, 12, 26, 9);
  mine = macd_last (vix, 5, 35, 5);
  g_test_message ("MACD on 2026-07-22: (12, 26, 9) %.6f, (5, 35, 5) %.6f", spec, mine);
  g_assert_cmpfloat (fabs (spec - mine), >, 0.01);
  g_assert_cmpfloat (macd_at (chart, last), ==, spec);

  fast = test_ui_find_named (page, "macd-fast");
  slow = test_ui_find_named (page, "macd-slow");
  signal = test_ui_find_named (page, "macd-signal");
  g_assert_true (GTK_IS_SPIN_BUTTON (fast) && GTK_IS_SPIN_BUTTON (slow) && GTK_IS_SPIN_BUTTON (signal));

  /* the settings drive the spin buttons, which redraw the pane */
  dir = test_make_tmp_dir ("alvh-ui-indicators-XXXXXX");
  settings = g_settings_new ("io.github.alvhdesk.AlvhDesk");
  context = alvh_context_new (dir, settings);
  g_object_set (page, "context", context, NULL);
  alvh_charts_page_set_market (ALVH_CHARTS_PAGE (page), spx, vix, NULL);
  g_settings_set_int (settings, "chart-macd-fast", 5);
  g_settings_set_int (settings, "chart-macd-slow", 35);
  g_settings_set_int (settings, "chart-macd-signal", 5);
  test_ui_wait_for (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (signal)) == 5);
  g_assert_cmpfloat (macd_at (chart, last), ==, mine);
  /* new market data keeps the chosen periods */
  alvh_charts_page_set_market (ALVH_CHARTS_PAGE (page), spx, vix, NULL);
  g_assert_cmpfloat (macd_at (chart, last), ==, mine);

  /* the popover, rendered for a look */
  {
    GtkWidget *button = gtk_widget_get_ancestor (fast, GTK_TYPE_MENU_BUTTON);
    g_autoptr(GdkTexture) shot = NULL;

    g_assert_nonnull (button);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    test_ui_wait_for (gtk_widget_get_mapped (fast));
    shot = render_and_save (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))),
                            "charts-indicators-popover.png");
    gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
  }

  /* a fast EMA as long as the slow one: said, and the pane stays */
  for (GtkWidget *w = gtk_widget_get_parent (fast); w != NULL && error_label == NULL; w = gtk_widget_get_parent (w))
    for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_LABEL (c) && gtk_widget_has_css_class (c, "error"))
        error_label = c;
  g_assert_nonnull (error_label);
  g_assert_false (gtk_widget_get_visible (error_label));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (fast), 40);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpfloat (macd_at (chart, last), ==, mine);
  /* the spin button writes the setting */
  g_assert_cmpint (g_settings_get_int (settings, "chart-macd-fast"), ==, 40);

  /* Reset: the spec's periods again */
  {
    GtkWidget *reset = NULL;

    for (GtkWidget *c = gtk_widget_get_first_child (gtk_widget_get_parent (fast)); c != NULL; c = gtk_widget_get_next_sibling (c))
      if (GTK_IS_BUTTON (c) && !GTK_IS_SPIN_BUTTON (c))
        reset = c;
    g_assert_nonnull (reset);
    g_signal_emit_by_name (reset, "clicked");
  }
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_cmpint (g_settings_get_int (settings, "chart-macd-slow"), ==, 26);
  g_assert_cmpfloat (macd_at (chart, last), ==, spec);

  test_ui_close (GTK_WINDOW (window));
  g_settings_reset (settings, "chart-macd-fast");
  g_settings_reset (settings, "chart-macd-slow");
  g_settings_reset (settings, "chart-macd-signal");
}

/* The closes of 2021-02-01 (SPX 3773.86, VIX 30.24) that the core's
 * scenario tests value the model condor on; the condor needs no VX curve */
static AlvhMarketState
whatif_market (void)
{
  return (AlvhMarketState) { .time = alvh_time_from_ny_date (2021, 2, 1), .spx = 3773.86, .iv = 0.3024,
                             .vix = 30.24, .vix_vol = 1.1, .beta = -4.5, .rate = 0.04, .div_yield = 0.013,
                             .multiplier = 100 };
}

/* The condor's P&L and theta at @days after the market's date, as the core
 * values them, must be what the panel shows */
static void
assert_whatif_shows (AlvhWhatifPanel       *panel,
                     AlvhBook              *book,
                     const AlvhMarketState *m,
                     gint64                 days,
                     double                 iv_shift,
                     double                 vix_move)
{
  AlvhScenario sc;
  g_autoptr(GArray) greeks = NULL;
  const AlvhScenarioGreeks *g;
  g_autofree char *pnl = NULL, *theta = NULL, *want_pnl = NULL, *want_theta = NULL;
  const char *text = alvh_whatif_panel_get_greeks_text (panel);

  alvh_scenario_init (&sc);
  sc.time = alvh_time_from_ny_day (alvh_time_ny_day (m->time) + days);
  sc.iv_shift = iv_shift;
  sc.vix_move = vix_move;
  greeks = alvh_scenario_position_greeks (book, m, &sc);
  g_assert_cmpuint (greeks->len, ==, 1);
  g = &g_array_index (greeks, AlvhScenarioGreeks, 0);
  pnl = alvh_format_money (g->pnl, ALVH_MONEY_CENTS);
  theta = alvh_format_money (g->theta, ALVH_MONEY_CENTS);
  want_pnl = g_strdup_printf ("P&L %s ", pnl);
  want_theta = g_strdup_printf ("theta %s/day", theta);
  g_test_message ("what-if at +%" G_GINT64_FORMAT " days, vol %+.2f: %s", days, iv_shift, text);
  g_assert_nonnull (strstr (text, want_pnl));
  g_assert_nonnull (strstr (text, want_theta));
}

static void
count_cb (guint *n)
{
  (*n)++;
}

static GtkWidget *
match_a11y_label (GtkWidget    *widget,
                  gconstpointer name)
{
  return g_strcmp0 (alvh_a11y_get_label (widget), name) == 0 ? widget : NULL;
}

/* The what-if panel's controls move its scenario: the date slider, the SPX
 * vol shift and "VIX follows SPX" each change the P&L and greeks shown (the
 * core's, for the model condor), the date read-out and the heat map */
static void
test_charts_whatif (void)
{
  g_autoptr(AlvhBook) book = alvh_book_new ();
  AlvhCondor condor = test_make_condor_2021 ();
  AlvhMarketState m = whatif_market ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *before = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *panel = alvh_whatif_panel_new ();
  GtkWidget *scale, *vol, *vix, *beta, *heatmap;
  TestImageStats stats;
  guint changed = 0;

  alvh_book_add_condor (book, &condor);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 600);
  gtk_window_set_child (GTK_WINDOW (window), panel);
  g_signal_connect_swapped (panel, "changed", G_CALLBACK (count_cb), &changed);
  gtk_window_present (GTK_WINDOW (window));
  test_ui_wait_mapped (panel);

  g_assert_cmpstr (alvh_whatif_panel_get_greeks_text (ALVH_WHATIF_PANEL (panel)), ==, "");
  alvh_whatif_panel_set_book (ALVH_WHATIF_PANEL (panel), book, &m);
  g_assert_cmpuint (changed, ==, 1);
  assert_whatif_shows (ALVH_WHATIF_PANEL (panel), book, &m, 0, 0.0, 0.0);
  g_assert_true (test_ui_find_label (panel, "2021-02-01"));

  /* the slider runs from the market's date to the expiry, 2021-03-19 */
  scale = test_ui_find (panel, match_a11y_label, "Date");
  g_assert_true (GTK_IS_SCALE (scale));
  g_assert_cmpfloat (gtk_adjustment_get_upper (gtk_range_get_adjustment (GTK_RANGE (scale))), ==, 46.0);
  before = g_strdup (alvh_whatif_panel_get_greeks_text (ALVH_WHATIF_PANEL (panel)));
  gtk_range_set_value (GTK_RANGE (scale), 14);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpstr (alvh_whatif_panel_get_greeks_text (ALVH_WHATIF_PANEL (panel)), !=, before);
  assert_whatif_shows (ALVH_WHATIF_PANEL (panel), book, &m, 14, 0.0, 0.0);
  test_ui_wait_for (test_ui_find_label (panel, "2021-02-15"));

  vol = test_ui_find (panel, match_a11y_label, "SPX vol shift (points)");
  g_assert_true (GTK_IS_SPIN_BUTTON (vol));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (vol), 5);
  g_assert_cmpuint (changed, ==, 3);
  assert_whatif_shows (ALVH_WHATIF_PANEL (panel), book, &m, 14, 0.05, 0.0);

  /* VIX by the fitted beta: the VIX shift no longer applies */
  vix = test_ui_find (panel, match_a11y_label, "VIX shift (%)");
  beta = test_ui_find_type (panel, GTK_TYPE_CHECK_BUTTON);
  g_assert_true (GTK_IS_SPIN_BUTTON (vix));
  g_assert_true (gtk_widget_get_sensitive (vix));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (beta), TRUE);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_false (gtk_widget_get_sensitive (vix));
  assert_whatif_shows (ALVH_WHATIF_PANEL (panel), book, &m, 14, 0.05, NAN);

  /* the scenario grid is drawn: a heat map of many shades */
  heatmap = test_ui_find_type (panel, GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (heatmap);
  test_ui_wait_drawn (heatmap);
  texture = test_ui_render_widget (heatmap);
  g_assert_nonnull (texture);
  test_ui_image_stats (texture, &stats);
  g_test_message ("heat map: %d colours, %.2f drawn", stats.distinct_colours, stats.non_background_fraction);
  g_assert_cmpint (stats.distinct_colours, >, 20);

  test_ui_close (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  return test_ui_main (argc, argv,
                       "/ui/charts/page", test_charts_page,
                       "/ui/charts/indicators", test_charts_indicators,
                       "/ui/charts/whatif", test_charts_whatif,
                       NULL);
}
