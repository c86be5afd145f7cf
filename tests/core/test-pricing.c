/* test-pricing.c — Black-Scholes-Merton / Black-76 prices, greeks and implied volatility
 *
 * Reference data: $ALVH_SHARED_DATA/bs_test_vectors.csv (Haug via QuantLib, Hull,
 * py_vollib doctests; each row carries its tolerance and units) and
 * bs_benchmark_pyvollib.csv (py_vollib's own 101-row benchmark table, deep
 * OTM to deep ITM).  Without the data folder those two tests are skipped;
 * the others (parity, finite differences, implied-vol grids, bounds) always run.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh-core.h"
#include "test-market-util.h"

/* ---- a tiny CSV reader (quoted fields allowed) -------------------------------- */

static GPtrArray *
split_csv_line (const char *line)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *cur = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p != '\0' && *p != '\r' && *p != '\n'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (cur, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cur, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_string_free (cur, FALSE));
          cur = g_string_new (NULL);
        }
      else
        g_string_append_c (cur, *p);
    }
  g_ptr_array_add (fields, g_string_free (cur, FALSE));
  return fields;
}

/* Lines of a shared data file, or NULL after g_test_skip when it is absent. */
static char **
load_shared_lines (const char *file)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("shared reference data absent: set ALVH_SHARED_DATA to the shared/data folder");
      return NULL;
    }
  path = g_build_filename (dir, file, NULL);
  if (!g_file_get_contents (path, &text, NULL, &error))
    {
      g_autofree char *msg = g_strdup_printf ("shared reference file absent: %s", error->message);
      g_test_skip (msg);
      return NULL;
    }
  return g_strsplit (text, "\n", -1);
}

static double
num (const char *s)
{
  char *end = NULL;
  double v = g_ascii_strtod (s, &end);

  g_assert_true (end != s);
  return v;
}

/* "1/12 (QuantLib: ...)" or a plain number */
static double
parse_years (const char *s)
{
  char *end = NULL;
  double v = g_ascii_strtod (s, &end);

  if (end != NULL && *end == '/')
    v /= g_ascii_strtod (end + 1, NULL);
  return v;
}

static int
column (GPtrArray *header, const char *name)
{
  for (guint i = 0; i < header->len; i++)
    if (g_strcmp0 (g_ptr_array_index (header, i), name) == 0)
      return (int) i;
  g_error ("column %s missing", name);
  return -1;
}

/* ---- reference vectors -------------------------------------------------------- */

static void
test_vectors (void)
{
  g_auto(GStrv) lines = load_shared_lines ("bs_test_vectors.csv");
  g_autoptr(GPtrArray) header = NULL;
  int c_id, c_model, c_type, c_und, c_k, c_t, c_r, c_q, c_sig, c_px, c_qty, c_exp, c_tol, c_units;
  guint checked = 0;

  if (lines == NULL)
    return;
  header = split_csv_line (lines[0]);
  c_id = column (header, "id");
  c_model = column (header, "model");
  c_type = column (header, "option_type");
  c_und = column (header, "underlying");
  c_k = column (header, "strike");
  c_t = column (header, "T_years");
  c_r = column (header, "r");
  c_q = column (header, "q");
  c_sig = column (header, "sigma");
  c_px = column (header, "option_price");
  c_qty = column (header, "quantity");
  c_exp = column (header, "expected");
  c_tol = column (header, "tolerance");
  c_units = column (header, "units");

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) f = NULL;
      const char *model, *qty, *units;
      AlvhOptionType type;
      AlvhGreeks g;
      double und, k, t, r, q, expected, tol, got;
      gboolean b76;

      if (lines[i][0] == '\0')
        continue;
      f = split_csv_line (lines[i]);
      g_assert_cmpuint (f->len, ==, header->len);
      model = g_ptr_array_index (f, c_model);
      qty = g_ptr_array_index (f, c_qty);
      units = g_ptr_array_index (f, c_units);
      type = strcmp (g_ptr_array_index (f, c_type), "call") == 0 ? ALVH_OPTION_CALL : ALVH_OPTION_PUT;
      und = num (g_ptr_array_index (f, c_und));
      k = num (g_ptr_array_index (f, c_k));
      t = parse_years (g_ptr_array_index (f, c_t));
      r = num (g_ptr_array_index (f, c_r));
      b76 = g_str_has_prefix (model, "black76");
      q = b76 ? 0.0 : num (g_ptr_array_index (f, c_q));
      if (strcmp (model, "black76_undiscounted") == 0)
        r = 0.0;
      expected = num (g_ptr_array_index (f, c_exp));
      tol = num (g_ptr_array_index (f, c_tol));

      if (strcmp (qty, "implied_vol") == 0)
        {
          g_autoptr(GError) error = NULL;
          double price = num (g_ptr_array_index (f, c_px));

          g_assert_true (alvh_implied_vol (b76 ? ALVH_MODEL_BLACK_76 : ALVH_MODEL_BLACK_SCHOLES,
                                           type, price, und, k, t, r, q, &got, &error));
          g_assert_no_error (error);
        }
      else
        {
          double sigma = num (g_ptr_array_index (f, c_sig));

          alvh_option_greeks (b76 ? ALVH_MODEL_BLACK_76 : ALVH_MODEL_BLACK_SCHOLES,
                              type, und, k, t, sigma, r, q, &g);
          if (test_greeks_quantity (&g, qty, units, &got))
            ;
          else if (strcmp (qty, "elasticity") == 0)
            got = g.delta * und / g.price;
          else if (strcmp (qty, "dividend_rho") == 0)
            {
              /* per 1.00 of q, by central difference on q */
              double hq = 1e-5;
              double up = alvh_bs_price (type, und, k, t, sigma, r, q + hq);
              double dn = alvh_bs_price (type, und, k, t, sigma, r, q - hq);
              got = (up - dn) / (2.0 * hq);
            }
          else
            {
              g_error ("row %s: unknown quantity %s", (char *) g_ptr_array_index (f, c_id), qty);
              return;
            }
        }

      if (!(fabs (got - expected) <= tol))
        g_error ("bs_test_vectors row %s (%s %s %s): got %.12g, expected %.12g +- %g",
                 (char *) g_ptr_array_index (f, c_id), model, qty,
                 (char *) g_ptr_array_index (f, c_type), got, expected, tol);
      checked++;
    }
  g_assert_cmpuint (checked, ==, 83);
}

/* py_vollib's benchmark table: prices to 9 digits (call_vals to 10), greeks to 6.
 * Theta per year, vega and rho per 1.00 there. */
static void
test_pyvollib_benchmark (void)
{
  g_auto(GStrv) lines = load_shared_lines ("bs_benchmark_pyvollib.csv");
  g_autoptr(GPtrArray) header = NULL;
  guint checked = 0;
  int cs, ck, cr, ct, cv, ccall, cput, ccv;
  const char *cnames[] = { "CD", "CG", "CT", "CV", "CR" };
  const char *pnames[] = { "PD", "PG", "PT", "PV", "PR" };
  int cc[5], pc[5];

  if (lines == NULL)
    return;
  header = split_csv_line (lines[0]);
  cs = column (header, "S");
  ck = column (header, "K");
  cr = column (header, "R");
  ct = column (header, "t");
  cv = column (header, "v");
  ccall = column (header, "bs_call");
  cput = column (header, "bs_put");
  ccv = column (header, "call_vals");
  for (int j = 0; j < 5; j++)
    {
      cc[j] = column (header, cnames[j]);
      pc[j] = column (header, pnames[j]);
    }

  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) f = NULL;
      double s, k, r, t, v;
      AlvhGreeks gc, gp;
      double gcv[5], gpv[5];

      if (lines[i][0] == '\0')
        continue;
      f = split_csv_line (lines[i]);
      s = num (g_ptr_array_index (f, cs));
      k = num (g_ptr_array_index (f, ck));
      r = num (g_ptr_array_index (f, cr));
      t = num (g_ptr_array_index (f, ct));
      v = num (g_ptr_array_index (f, cv));
      alvh_bs_greeks (ALVH_OPTION_CALL, s, k, t, v, r, 0.0, &gc);
      alvh_bs_greeks (ALVH_OPTION_PUT, s, k, t, v, r, 0.0, &gp);

      /* call_vals: rounded to 10 decimals, with 9-10 significant digits for
       * the tiny deep OTM values (2.066481452e-26); a few of py_vollib's rows
       * print 0.0 where the true value is below 1e-10 (S = 200, t = 0.5: 4.87e-13) */
      g_assert_cmpfloat_with_epsilon (gc.price, num (g_ptr_array_index (f, ccv)),
                                      2e-9 * fabs (num (g_ptr_array_index (f, ccv))) + 6e-11);
      g_assert_cmpfloat_with_epsilon (gc.price, num (g_ptr_array_index (f, ccall)),
                                      1e-5 * fabs (num (g_ptr_array_index (f, ccall))) + 1e-9);
      g_assert_cmpfloat_with_epsilon (gp.price, num (g_ptr_array_index (f, cput)),
                                      1e-8 * fabs (num (g_ptr_array_index (f, cput))) + 1e-6);

      gcv[0] = gc.delta; gcv[1] = gc.gamma; gcv[2] = gc.theta * 365.0; gcv[3] = gc.vega * 100.0; gcv[4] = gc.rho * 100.0;
      gpv[0] = gp.delta; gpv[1] = gp.gamma; gpv[2] = gp.theta * 365.0; gpv[3] = gp.vega * 100.0; gpv[4] = gp.rho * 100.0;
      for (int j = 0; j < 5; j++)
        {
          double ec = num (g_ptr_array_index (f, cc[j]));
          double ep = num (g_ptr_array_index (f, pc[j]));

          /* 6 significant digits printed; the deep OTM rows carry noise of
           * up to 1e-7 (e.g. vega 1e-10 where the call is worth 0.0) */
          if (!(fabs (gcv[j] - ec) <= 6e-6 * fabs (ec) + 5e-7))
            g_error ("pyvollib row %u %s: got %.10g expected %.10g", i, cnames[j], gcv[j], ec);
          if (!(fabs (gpv[j] - ep) <= 6e-6 * fabs (ep) + 5e-7))
            g_error ("pyvollib row %u %s: got %.10g expected %.10g", i, pnames[j], gpv[j], ep);
        }
      checked++;
    }
  g_assert_cmpuint (checked, ==, 101);
}

/* ---- identities ----------------------------------------------------------------- */

static void
test_put_call_parity (void)
{
  for (double s = 50; s <= 200; s += 7.5)
    for (double t = 1.0 / 365; t <= 5.0; t *= 3.1)
      for (double vol = 0.01; vol <= 4.0; vol *= 2.3)
        {
          double k = 100, r = 0.04, q = 0.013;
          double c = alvh_bs_price (ALVH_OPTION_CALL, s, k, t, vol, r, q);
          double p = alvh_bs_price (ALVH_OPTION_PUT, s, k, t, vol, r, q);
          double fwd = s * exp (-q * t) - k * exp (-r * t);
          double c76 = alvh_black76_price (ALVH_OPTION_CALL, s, k, t, vol, r);
          double p76 = alvh_black76_price (ALVH_OPTION_PUT, s, k, t, vol, r);

          g_assert_cmpfloat_with_epsilon (c - p, fwd, 1e-12 * (s + k));
          g_assert_cmpfloat_with_epsilon (c76 - p76, exp (-r * t) * (s - k), 1e-12 * (s + k));
          g_assert_cmpfloat (c, >=, 0.0);
          g_assert_cmpfloat (p, >=, 0.0);
        }
}

/* Black-Scholes with F = S e^{(r-q)t} is Black-76 on F */
static void
test_black76_is_bs_on_forward (void)
{
  double s = 5975.38, k = 6100, t = 0.1, vol = 0.17, r = 0.043, q = 0.013;
  double f = s * exp ((r - q) * t);

  g_assert_cmpfloat_with_epsilon (alvh_bs_price (ALVH_OPTION_CALL, s, k, t, vol, r, q),
                                  alvh_black76_price (ALVH_OPTION_CALL, f, k, t, vol, r), 1e-10);
}

static void
check_fd (const char *what, double analytic, double fd, double scale)
{
  if (!(fabs (analytic - fd) <= 1e-7 * scale + 1e-6 * fabs (fd)))
    g_error ("%s: analytic %.12g vs finite difference %.12g", what, analytic, fd);
}

typedef struct
{
  AlvhPricingModel model;
  AlvhOptionType type;
  double p[5]; /* underlying, t, vol, r, q */
} Leg;

enum { P_UND, P_T, P_VOL, P_R, P_Q };

static double
leg_price (const Leg *leg, int which, double bump)
{
  double p[5];

  memcpy (p, leg->p, sizeof p);
  p[which] += bump;
  if (leg->model == ALVH_MODEL_BLACK_76)
    return alvh_black76_price (leg->type, p[P_UND], 100.0, p[P_T], p[P_VOL], p[P_R]);
  return alvh_bs_price (leg->type, p[P_UND], 100.0, p[P_T], p[P_VOL], p[P_R], p[P_Q]);
}

/* first derivative, central differences with Richardson extrapolation: O(h^4) */
static double
fd1 (const Leg *leg, int which, double h)
{
  double d1 = (leg_price (leg, which, h) - leg_price (leg, which, -h)) / (2 * h);
  double d2 = (leg_price (leg, which, h / 2) - leg_price (leg, which, -h / 2)) / h;

  return (4 * d2 - d1) / 3;
}

static double
fd2 (const Leg *leg, int which, double h)
{
  double c = leg_price (leg, which, 0);
  double d1 = (leg_price (leg, which, h) - 2 * c + leg_price (leg, which, -h)) / (h * h);
  double d2 = (leg_price (leg, which, h / 2) - 2 * c + leg_price (leg, which, -h / 2)) / (h * h / 4);

  return (4 * d2 - d1) / 3;
}

static void
test_greeks_finite_difference (void)
{
  const double spots[] = { 80, 95, 100, 104, 130 };
  const double ts[] = { 7.0 / 365, 0.25, 1.0, 3.0 };
  const double vols[] = { 0.08, 0.25, 0.9 };
  guint n = 0;

  for (guint a = 0; a < G_N_ELEMENTS (spots); a++)
    for (guint b = 0; b < G_N_ELEMENTS (ts); b++)
      for (guint c = 0; c < G_N_ELEMENTS (vols); c++)
        for (int type = 0; type < 2; type++)
          for (int model = 0; model < 2; model++)
            {
              Leg leg = { model, type, { spots[a], ts[b], vols[c], 0.04, 0.013 } };
              double s = spots[a];
              double sd = s * vols[c] * sqrt (ts[b]); /* bump in price units */
              AlvhGreeks g;

              alvh_option_greeks (model, type, s, 100.0, ts[b], vols[c], 0.04, 0.013, &g);
              g_assert_cmpfloat_with_epsilon (g.price, leg_price (&leg, P_UND, 0), 1e-12 * s);
              check_fd ("delta", g.delta, fd1 (&leg, P_UND, 1e-2 * sd), 1.0);
              check_fd ("gamma", g.gamma, fd2 (&leg, P_UND, 5e-2 * sd), 1.0 / s);
              check_fd ("vega", g.vega, fd1 (&leg, P_VOL, 1e-3) * 0.01, s * 1e-3);
              check_fd ("theta", g.theta, -fd1 (&leg, P_T, 1e-3 * ts[b]) / 365.0, s * 1e-4);
              check_fd ("rho", g.rho, fd1 (&leg, P_R, 1e-4) * 0.01, s * 1e-3);
              n++;
            }
  g_assert_cmpuint (n, ==, 240);
}

static void
test_expiry_limit (void)
{
  AlvhGreeks g;

  alvh_bs_greeks (ALVH_OPTION_CALL, 110, 100, 0.0, 0.2, 0.04, 0.013, &g);
  g_assert_cmpfloat (g.price, ==, 10.0);
  g_assert_cmpfloat (g.delta, ==, 1.0);
  g_assert_cmpfloat (g.gamma, ==, 0.0);
  alvh_bs_greeks (ALVH_OPTION_PUT, 110, 100, 0.0, 0.2, 0.04, 0.013, &g);
  g_assert_cmpfloat (g.price, ==, 0.0);
  g_assert_cmpfloat (g.delta, ==, 0.0);
  g_assert_cmpfloat (alvh_bs_price (ALVH_OPTION_PUT, 90, 100, -1.0, 0.2, 0.04, 0.0), ==, 10.0);
  /* zero vol: discounted forward intrinsic */
  g_assert_cmpfloat_with_epsilon (alvh_bs_price (ALVH_OPTION_CALL, 110, 100, 1.0, 0.0, 0.04, 0.013),
                                  110 * exp (-0.013) - 100 * exp (-0.04), 1e-12);
  /* deep OTM: tiny but positive and relatively accurate (py_vollib: 2.066481452e-26) */
  g_assert_cmpfloat_with_epsilon (alvh_bs_price (ALVH_OPTION_CALL, 100, 1000, 0.5, 0.3, 0.05, 0.0),
                                  2.066481452e-26, 1e-35);
}

/* ---- implied volatility ---------------------------------------------------------- */

typedef struct
{
  double m_lo, m_hi;   /* ln(K/F) in total-vol units */
  double t_lo, t_hi;   /* years */
  guint  nm, nt, nv;
  AlvhPricingModel model;
} IvGrid;

/* Round trip vol -> price -> IV -> price over a grid; asserts relative price
 * error <= 1e-10 (and vol error where vega makes it meaningful). Returns
 * the worst relative price error. */
static double
iv_round_trip (const IvGrid *grid)
{
  double worst = 0.0;
  guint n = 0;

  for (guint it = 0; it < grid->nt; it++)
    for (guint iv = 0; iv < grid->nv; iv++)
      for (guint im = 0; im < grid->nm; im++)
        for (int type = 0; type < 2; type++)
          {
            double t = grid->t_lo * pow (grid->t_hi / grid->t_lo, grid->nt > 1 ? (double) it / (grid->nt - 1) : 0.0);
            double vol = 0.01 * pow (400.0, (double) iv / (grid->nv - 1));
            double m = grid->m_lo + (grid->m_hi - grid->m_lo) * (grid->nm > 1 ? (double) im / (grid->nm - 1) : 0.0);
            double s0 = 5000.0, r = 0.04, q = 0.013;
            double fwd = grid->model == ALVH_MODEL_BLACK_76 ? s0 : s0 * exp ((r - q) * t);
            double k = fwd * exp (m * vol * sqrt (t));
            double price, back, err, got = 0.0;
            g_autoptr(GError) error = NULL;
            AlvhGreeks g;

            alvh_option_greeks (grid->model, type, s0, k, t, vol, r, q, &g);
            price = g.price;
            if (!(price > 0.0) || price < 1e-300)
              continue;
            if (!alvh_implied_vol (grid->model, type, price, s0, k, t, r, q, &got, &error))
              {
                /* the price lies on a bound only when the time value is lost
                 * to rounding next to the intrinsic value */
                g_assert_true (g_error_matches (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_BELOW_INTRINSIC) ||
                               g_error_matches (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_ABOVE_MAXIMUM));
                continue;
              }
            alvh_option_greeks (grid->model, type, s0, k, t, got, r, q, &g);
            back = g.price;
            err = fabs (back - price) / price;
            if (!(err <= 1e-10))
              g_error ("IV round trip: %s t=%.6g vol=%.6g m=%.3g K=%.10g price=%.17g -> iv %.17g -> %.17g (rel err %.3g)",
                       type == ALVH_OPTION_CALL ? "call" : "put", t, vol, m, k, price, got, back, err);
            worst = MAX (worst, err);
            n++;
          }
  g_assert_cmpuint (n, >, 0);
  g_test_message ("%u round trips, worst relative price error %.3g", n, worst);
  return worst;
}

static void
test_iv_grid (void)
{
  IvGrid g = { -3, 3, 1.0 / 365, 5.0, 61, 12, 41, ALVH_MODEL_BLACK_76 };
  iv_round_trip (&g);
  g.model = ALVH_MODEL_BLACK_SCHOLES;
  iv_round_trip (&g);
}

static void
test_iv_deep_otm (void)
{
  /* beyond the 3 total-vol units of the main grid: prices down to 1e-100 */
  IvGrid g = { -12, -3, 1.0 / 365, 5.0, 19, 6, 21, ALVH_MODEL_BLACK_SCHOLES };
  iv_round_trip (&g);
  g.m_lo = 3;
  g.m_hi = 12;
  iv_round_trip (&g);
}

static void
test_iv_near_expiry (void)
{
  /* one hour down to one minute */
  IvGrid g = { -3, 3, 1.0 / (365 * 24 * 60), 1.0 / (365 * 24), 25, 4, 21, ALVH_MODEL_BLACK_SCHOLES };
  iv_round_trip (&g);
}

static void
test_iv_at_the_money (void)
{
  IvGrid g = { 0, 0, 1.0 / 365, 5.0, 1, 10, 41, ALVH_MODEL_BLACK_76 };
  double vol;

  iv_round_trip (&g);
  /* exactly at the money, both ways */
  g_assert_true (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_CALL,
                                   alvh_black76_price (ALVH_OPTION_CALL, 100, 100, 0.5, 0.2, 0.02),
                                   100, 100, 0.5, 0.02, 0, &vol, NULL));
  g_assert_cmpfloat_with_epsilon (vol, 0.2, 1e-13);
}

/* Reference prices from a 50-digit evaluation (Python mpmath, ncdf) of the
 * undiscounted Black formula on the same double inputs, written out here:
 * deep OTM tails down to 1e-246, one minute to expiry, 400 % vol over 5 years. */
static void
test_high_precision (void)
{
  const struct { double f, k, t, vol, call, put; } ref[] = {
    { 100.0, 100.0, 1.0, 0.2, 7.9655674554057967338, 7.9655674554057967338 },
    { 100.0, 130.0, 1.0 / 365, 0.15, 1.058767297647236599e-246, 30.0 },
    { 100.0, 300.0, 0.5, 0.3, 7.3750662650135554853e-7, 200.0000007375066265 },
    { 100.0, 1000.0, 0.5, 0.3, 5.7394219729061031746e-27, 900.0 },
    { 5975.38, 5000.0, 1.0 / 365 / 24, 0.12, 975.38000000000010914, 0.0 /* 7.9e-4200 */ },
    { 100.0, 100.001, 1.0 / 365 / 24 / 60, 0.01, 0.0001888774094333273153, 0.0011888774094381021625 },
    { 100.0, 50.0, 5.0, 4.0, 99.999453909619300961, 49.999453909619300961 },
    { 100.0, 10000.0, 5.0, 4.0, 99.993143265816573017, 9999.993143265816573 },
    { 100.0, 101.0, 1.0 / 365, 0.01, 1.9365556235328877621e-83, 1.0 },
    { 100.0, 99.5, 2.0 / 365, 0.05, 0.5149585279750303955, 0.014958527975030395499 },
    { 4369.71, 2000.0, 0.5, 0.25, 2369.7105302981780748, 0.00053029817803845423463 },
    { 100.0, 1000000.0, 1.0, 0.5, 1.1728747098887581567e-73, 999900.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ref); i++)
    {
      double c = alvh_black76_price (ALVH_OPTION_CALL, ref[i].f, ref[i].k, ref[i].t, ref[i].vol, 0.0);
      double p = alvh_black76_price (ALVH_OPTION_PUT, ref[i].f, ref[i].k, ref[i].t, ref[i].vol, 0.0);

      if (!(fabs (c - ref[i].call) <= 1e-13 * ref[i].call))
        g_error ("case %u call: %.17g vs reference %.17g", i, c, ref[i].call);
      if (!(fabs (p - ref[i].put) <= 1e-13 * ref[i].put))
        g_error ("case %u put: %.17g vs reference %.17g", i, p, ref[i].put);
    }
}

/* Random (x, s) far beyond any market: s = vol sqrt(t) from 1e-7 to 40,
 * |ln(F/K)| from 1e-10 to 60.  Every price above 1e-290 must invert back to
 * itself within 1e-10; a bound error is only allowed when the price sits on
 * a bound after rounding (time value lost next to the intrinsic value, or a
 * price equal to F or K at huge volatility). */
static void
test_iv_stress (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (99);
  guint n = 0, on_bound = 0;
  double worst = 0.0;

  for (int i = 0; i < 300000; i++)
    {
      double s = exp (g_rand_double_range (rand, log (1e-7), log (40.0)));
      double x = g_rand_double_range (rand, -1, 1) * exp (g_rand_double_range (rand, log (1e-10), log (60.0)));
      AlvhOptionType type = g_rand_int_range (rand, 0, 2);
      double f = 100, k = f * exp (-x);
      double p = alvh_black76_price (type, f, k, 1.0, s, 0.0);
      double intrinsic = type == ALVH_OPTION_CALL ? MAX (f - k, 0) : MAX (k - f, 0);
      g_autoptr(GError) error = NULL;
      double iv, back, err;

      if (!(p > 1e-290))
        continue;
      n++;
      if (!alvh_implied_vol (ALVH_MODEL_BLACK_76, type, p, f, k, 1.0, 0.0, 0.0, &iv, &error))
        {
          if (g_error_matches (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_ABOVE_MAXIMUM))
            g_assert_cmpfloat ((type == ALVH_OPTION_CALL ? f : k) - p, <=, 1e-13 * p);
          else
            {
              g_assert_error (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_BELOW_INTRINSIC);
              g_assert_cmpfloat (p - intrinsic, <=, 1e-13 * p);
            }
          on_bound++;
          continue;
        }
      back = alvh_black76_price (type, f, k, 1.0, iv, 0.0);
      err = fabs (back - p) / p;
      if (!(err <= 1e-10))
        g_error ("stress: x=%.17g s=%.17g price %.17g -> iv %.17g -> %.17g", x, s, p, iv, back);
      worst = MAX (worst, err);
    }
  g_test_message ("%u prices, %u on a bound after rounding, worst relative price error %.3g",
                  n, on_bound, worst);
  g_assert_cmpuint (n, >, 250000);
}

/* The lower region's first guess is refined by one cheap step (issue 22):
 * the out-of-the-money quotes with |ln(F/K)| / (vol sqrt t) from 1 to 4,
 * where the leading asymptotic term was 10 % off, and the 50-digit
 * reference prices of test_high_precision() far in the tail, must give
 * their volatility back within 1e-12, by alvh_implied_vol() and
 * alvh_chain_implied_vol() alike. */
static void
test_iv_lower_region (void)
{
  const struct { double f, k, t, vol, call; } ref[] = {
    { 100.0, 130.0, 1.0 / 365, 0.15, 1.058767297647236599e-246 },
    { 100.0, 300.0, 0.5, 0.3, 7.3750662650135554853e-7 },
    { 100.0, 1000.0, 0.5, 0.3, 5.7394219729061031746e-27 },
    { 100.0, 101.0, 1.0 / 365, 0.01, 1.9365556235328877621e-83 },
    { 100.0, 1000000.0, 1.0, 0.5, 1.1728747098887581567e-73 },
  };
  double worst = 0.0;
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (ref); i++)
    {
      double vol = 0.0;
      g_autoptr(GError) error = NULL;

      g_assert_true (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_CALL, ref[i].call, ref[i].f,
                                       ref[i].k, ref[i].t, 0.0, 0.0, &vol, &error));
      g_assert_no_error (error);
      if (!(fabs (vol - ref[i].vol) <= 1e-12 * ref[i].vol))
        g_error ("reference %u: iv %.17g, expected %.17g", i, vol, ref[i].vol);
    }
  for (int ih = 0; ih <= 30; ih++)
    for (int iv = 0; iv < 12; iv++)
      {
        double h = 1.0 + 0.1 * ih, t = 0.25, f = 5000.0, r = 0.04;
        double vols[2], strikes[2], prices[2], got[2] = { 0, 0 };
        AlvhOptionType types[2] = { ALVH_OPTION_CALL, ALVH_OPTION_PUT };
        AlvhChainExpiry e = { ALVH_MODEL_BLACK_76, f, t, r, 0.0 };
        AlvhIvStatus status[2];

        vols[0] = vols[1] = 0.03 * pow (50.0, iv / 11.0);
        strikes[0] = f * exp (h * vols[0] * sqrt (t));   /* OTM call */
        strikes[1] = f * exp (-h * vols[1] * sqrt (t));  /* OTM put */
        for (int j = 0; j < 2; j++)
          prices[j] = alvh_black76_price (types[j], f, strikes[j], t, vols[j], r);
        g_assert_cmpuint (alvh_chain_implied_vol (&e, 2, types, strikes, prices, got, status), ==, 2);
        for (int j = 0; j < 2; j++)
          {
            double one = 0.0;

            g_assert_cmpint (status[j], ==, ALVH_IV_OK);
            g_assert_true (alvh_implied_vol (ALVH_MODEL_BLACK_76, types[j], prices[j], f, strikes[j], t, r, 0.0,
                                             &one, NULL));
            g_assert_cmpfloat (one, ==, got[j]);
            if (!(fabs (got[j] - vols[j]) <= 1e-12 * vols[j]))
              g_error ("h %.2f vol %.6g %s: iv %.17g", h, vols[j], j ? "put" : "call", got[j]);
            worst = MAX (worst, fabs (got[j] - vols[j]) / vols[j]);
            n++;
          }
      }
  g_test_message ("%u quotes with |h| from 1 to 4, worst relative vol error %.3g", n, worst);
}

static void
test_iv_values (void)
{
  double vol;
  g_autoptr(GError) error = NULL;

  /* Hull: c = 1.875, S = 21, K = 20, r = 10%, T = 0.25 -> 23.5 % */
  g_assert_true (alvh_implied_vol (ALVH_MODEL_BLACK_SCHOLES, ALVH_OPTION_CALL, 1.875, 21, 20, 0.25, 0.1, 0.0, &vol, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (vol, 0.2345, 1e-4);
  /* a put on SPX */
  g_assert_true (alvh_implied_vol (ALVH_MODEL_BLACK_SCHOLES, ALVH_OPTION_PUT,
                                   alvh_bs_price (ALVH_OPTION_PUT, 5975.38, 5800, 24.0 / 365, 0.1649, 0.04, 0.013),
                                   5975.38, 5800, 24.0 / 365, 0.04, 0.013, &vol, &error));
  g_assert_cmpfloat_with_epsilon (vol, 0.1649, 1e-12);
}

static void
test_iv_bounds (void)
{
  double vol = -1;
  g_autoptr(GError) error = NULL;
  double df = exp (-0.04 * 0.5);

  /* ITM call below its discounted intrinsic value D (F - K) */
  g_assert_false (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_CALL, 9.0, 110, 100, 0.5, 0.04, 0, &vol, &error));
  g_assert_error (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_BELOW_INTRINSIC);
  g_assert_nonnull (strstr (error->message, "lower no-arbitrage bound"));
  g_assert_nonnull (strstr (error->message, "9.801986733")); /* 10 e^{-0.02} */
  g_assert_cmpfloat (vol, ==, -1);
  g_clear_error (&error);

  /* exactly the intrinsic value also fails (IV would be 0) */
  g_assert_false (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_CALL, 10 * df, 110, 100, 0.5, 0.04, 0, &vol, &error));
  g_assert_error (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_BELOW_INTRINSIC);
  g_clear_error (&error);

  /* zero price of an OTM option */
  g_assert_false (alvh_implied_vol (ALVH_MODEL_BLACK_SCHOLES, ALVH_OPTION_PUT, 0.0, 110, 100, 0.5, 0.04, 0.013, &vol, &error));
  g_assert_error (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_BELOW_INTRINSIC);
  g_clear_error (&error);

  /* a call above the discounted forward S e^{-qt} */
  g_assert_false (alvh_implied_vol (ALVH_MODEL_BLACK_SCHOLES, ALVH_OPTION_CALL, 110, 110, 100, 0.5, 0.04, 0.0, &vol, &error));
  g_assert_error (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_ABOVE_MAXIMUM);
  g_assert_nonnull (strstr (error->message, "upper no-arbitrage bound"));
  g_assert_nonnull (strstr (error->message, "forward"));
  g_clear_error (&error);

  /* a put above the discounted strike */
  g_assert_false (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_PUT, 99.5, 110, 100, 0.5, 0.04, 0, &vol, &error));
  g_assert_error (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_ABOVE_MAXIMUM);
  g_assert_nonnull (strstr (error->message, "strike"));
  g_assert_nonnull (strstr (error->message, "98.01986733")); /* 100 e^{-0.02} */
  g_clear_error (&error);

  /* invalid inputs */
  g_assert_false (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_PUT, 1.0, 110, -100, 0.5, 0.04, 0, &vol, &error));
  g_assert_error (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_PUT, NAN, 110, 100, 0.5, 0.04, 0, &vol, &error));
  g_assert_error (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_PUT, 1.0, 110, 100, 0.0, 0.04, 0, &vol, &error));
  g_assert_error (error, ALVH_PRICING_ERROR, ALVH_PRICING_ERROR_INVALID);

  /* just inside the bounds still converges */
  g_assert_true (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_CALL, 110 * df * (1 - 1e-9), 110, 100, 0.5, 0.04, 0, &vol, NULL));
  g_assert_cmpfloat (vol, >, 10.0);
  g_assert_true (alvh_implied_vol (ALVH_MODEL_BLACK_76, ALVH_OPTION_CALL, 10 * df + 1e-9, 110, 100, 0.5, 0.04, 0, &vol, NULL));
  g_assert_cmpfloat (vol, <, 0.05);
}

static void
test_strike_for_delta (void)
{
  const double deltas[] = { 0.05, 0.16, 0.3, 0.5, 0.8 };

  for (guint i = 0; i < G_N_ELEMENTS (deltas); i++)
    for (int type = 0; type < 2; type++)
      {
        double s = 5000, t = 45.0 / 365, vol = 0.18, r = 0.04, q = 0.013;
        double k = alvh_bs_strike_for_delta (type, deltas[i], s, t, vol, r, q);
        AlvhGreeks g;

        g_assert_true (isfinite (k));
        alvh_bs_greeks (type, s, k, t, vol, r, q, &g);
        g_assert_cmpfloat_with_epsilon (fabs (g.delta), deltas[i], 1e-13);
        if (type == ALVH_OPTION_CALL)
          g_assert_cmpfloat (g.delta, >, 0);
        else
          g_assert_cmpfloat (g.delta, <, 0);
      }
  /* a 16-delta put is below the spot, a 16-delta call above */
  g_assert_cmpfloat (alvh_bs_strike_for_delta (ALVH_OPTION_PUT, 0.16, 5000, 45.0 / 365, 0.18, 0.04, 0.013), <, 5000);
  g_assert_cmpfloat (alvh_bs_strike_for_delta (ALVH_OPTION_CALL, 0.16, 5000, 45.0 / 365, 0.18, 0.04, 0.013), >, 5000);
  /* impossible deltas */
  g_assert_true (isnan (alvh_bs_strike_for_delta (ALVH_OPTION_CALL, 1.0, 5000, 45.0 / 365, 0.18, 0.04, 0.013)));
  g_assert_true (isnan (alvh_bs_strike_for_delta (ALVH_OPTION_CALL, 0.0, 5000, 45.0 / 365, 0.18, 0.04, 0.013)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/pricing/vectors/published", test_vectors);
  g_test_add_func ("/core/pricing/vectors/pyvollib-benchmark", test_pyvollib_benchmark);
  g_test_add_func ("/core/pricing/put-call-parity", test_put_call_parity);
  g_test_add_func ("/core/pricing/black76-on-forward", test_black76_is_bs_on_forward);
  g_test_add_func ("/core/pricing/greeks/finite-difference", test_greeks_finite_difference);
  g_test_add_func ("/core/pricing/expiry-limit", test_expiry_limit);
  g_test_add_func ("/core/pricing/iv/grid", test_iv_grid);
  g_test_add_func ("/core/pricing/iv/deep-otm", test_iv_deep_otm);
  g_test_add_func ("/core/pricing/iv/near-expiry", test_iv_near_expiry);
  g_test_add_func ("/core/pricing/iv/at-the-money", test_iv_at_the_money);
  g_test_add_func ("/core/pricing/iv/values", test_iv_values);
  g_test_add_func ("/core/pricing/iv/lower-region", test_iv_lower_region);
  g_test_add_func ("/core/pricing/iv/stress", test_iv_stress);
  g_test_add_func ("/core/pricing/accuracy/high-precision", test_high_precision);
  g_test_add_func ("/core/pricing/iv/bounds", test_iv_bounds);
  g_test_add_func ("/core/pricing/strike-for-delta", test_strike_for_delta);

  return g_test_run ();
}
