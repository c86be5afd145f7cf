/* alvh-market-frame.c — SPX and VIX joined by time, other series matched */
#define G_LOG_DOMAIN "alvh-market-frame"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-day-cache-private.h"
#include "alvh-market-frame.h"
#include "alvh-time.h"

G_DEFINE_BOXED_TYPE (AlvhMarketFrame, alvh_market_frame, alvh_market_frame_ref, alvh_market_frame_unref)

static double *
nan_array (gsize n)
{
  double *a = g_new (double, MAX (n, 1));

  for (gsize i = 0; i < n; i++)
    a[i] = NAN;
  return a;
}

AlvhMarketFrame *
alvh_market_frame_new (gsize n)
{
  AlvhMarketFrame *self = g_new0 (AlvhMarketFrame, 1);

  self->ref_count = 1;
  self->n = n;
  self->time = g_new0 (gint64, MAX (n, 1));
  self->open = nan_array (n);
  self->high = nan_array (n);
  self->low = nan_array (n);
  self->close = nan_array (n);
  self->vix = nan_array (n);
  for (guint k = 0; k < ALVH_VX_TERMS; k++)
    self->vx[k] = nan_array (n);
  self->vx1 = self->vx[0];
  self->vx2 = self->vx[1];
  self->vix3m = nan_array (n);
  self->vvix = nan_array (n);
  self->advancers = nan_array (n);
  self->decliners = nan_array (n);
  return self;
}

AlvhMarketFrame *
alvh_market_frame_ref (AlvhMarketFrame *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_market_frame_unref (AlvhMarketFrame *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_int_dec_and_test (&self->ref_count))
    return;
  g_free (self->time);
  g_free (self->open);
  g_free (self->high);
  g_free (self->low);
  g_free (self->close);
  g_free (self->vix);
  for (guint k = 0; k < ALVH_VX_TERMS; k++)
    g_free (self->vx[k]);
  g_free (self->vix3m);
  g_free (self->vvix);
  g_free (self->advancers);
  g_free (self->decliners);
  g_clear_pointer (&self->chains, alvh_chain_set_unref);
  g_free (self);
}

void
alvh_market_frame_set_chains (AlvhMarketFrame *self,
                              AlvhChainSet    *chains)
{
  g_return_if_fail (self != NULL);
  if (chains != NULL && alvh_chain_set_get_n_chains (chains) == 0)
    chains = NULL;
  if (chains != NULL)
    alvh_chain_set_ref (chains);
  g_clear_pointer (&self->chains, alvh_chain_set_unref);
  self->chains = chains;
}

/* Copy column `name` of `series` into `out` at the frame's times (NAN where absent). */
void
alvh_market_frame_match (AlvhMarketFrame *self,
              AlvhSeries      *series,
              const char      *name,
              double          *out)
{
  const double *col;
  const gint64 *times;
  gsize n, j = 0;

  if (series == NULL)
    return;
  col = alvh_series_get_column_by_name (series, name);
  if (col == NULL)
    return;
  times = alvh_series_get_times (series);
  n = alvh_series_get_length (series);
  for (gsize i = 0; i < self->n; i++)
    {
      while (j < n && times[j] < self->time[i])
        j++;
      if (j < n && times[j] == self->time[i])
        out[i] = col[j];
    }
}

/* Moves *i and *j on to the next time both a[] and b[] have; FALSE when
 * either runs out */
static gboolean
next_common (const gint64 *a,
             gsize         na,
             gsize        *i,
             const gint64 *b,
             gsize         nb,
             gsize        *j)
{
  while (*i < na && *j < nb)
    {
      if (a[*i] < b[*j])
        (*i)++;
      else if (a[*i] > b[*j])
        (*j)++;
      else
        return TRUE;
    }
  return FALSE;
}

AlvhMarketFrame *
alvh_market_frame_new_join (AlvhSeries *spx,
                            AlvhSeries *vix,
                            AlvhSeries *vx,
                            AlvhSeries *vvix,
                            AlvhSeries *breadth,
                            gint64      from,
                            gint64      to)
{
  AlvhMarketFrame *self;
  const gint64 *ts, *tv;
  const double *sc, *vc;
  gsize ns, nv, i = 0, j = 0, n = 0;

  g_return_val_if_fail (spx != NULL && vix != NULL, NULL);

  ts = alvh_series_get_times (spx);
  tv = alvh_series_get_times (vix);
  ns = alvh_series_get_length (spx);
  nv = alvh_series_get_length (vix);
  sc = alvh_series_get_column_by_name (spx, "close");
  vc = alvh_series_get_column_by_name (vix, "close");
  if (sc == NULL || vc == NULL)
    return alvh_market_frame_new (0);

  /* count */
  for (; next_common (ts, ns, &i, tv, nv, &j); i++, j++)
    if (ts[i] >= from && ts[i] <= to)
      n++;

  self = alvh_market_frame_new (n);
  {
    const double *so = alvh_series_get_column_by_name (spx, "open");
    const double *sh = alvh_series_get_column_by_name (spx, "high");
    const double *sl = alvh_series_get_column_by_name (spx, "low");
    gsize k = 0;

    for (i = j = 0; next_common (ts, ns, &i, tv, nv, &j); i++, j++)
      if (ts[i] >= from && ts[i] <= to)
        {
          self->time[k] = ts[i];
          self->close[k] = sc[i];
          self->open[k] = so != NULL ? so[i] : sc[i];
          self->high[k] = sh != NULL ? sh[i] : sc[i];
          self->low[k] = sl != NULL ? sl[i] : sc[i];
          self->vix[k] = vc[j];
          k++;
        }
  }

  for (guint k = 0; k < ALVH_VX_TERMS; k++)
    {
      char name[8];

      g_snprintf (name, sizeof name, "vx%u", k + 1);
      alvh_market_frame_match (self, vx, name, self->vx[k]);
    }
  if (vvix != NULL)
    alvh_market_frame_match (self, vvix, alvh_series_find_column (vvix, "vvix") >= 0 ? "vvix" : "close", self->vvix);
  alvh_market_frame_match (self, breadth, "advancers", self->advancers);
  alvh_market_frame_match (self, breadth, "decliners", self->decliners);
  return self;
}

/* ---- joined on every date (charts) ------------------------------------ */

/* One series' rows keyed by New York date: the day of each row */
typedef struct
{
  const gint64 *times;
  gint64       *days;
  gsize         n;
} DayKeys;

static void
day_keys_init (DayKeys    *k,
               AlvhSeries *series)
{
  k->n = series != NULL ? alvh_series_get_length (series) : 0;
  k->times = series != NULL ? alvh_series_get_times (series) : NULL;
  k->days = g_new (gint64, MAX (k->n, 1));
  for (gsize i = 0; i < k->n; i++)
    k->days[i] = alvh_time_ny_day (k->times[i]);
}

/* Copy column `name` of `series` into `out` on the frame's dates (NAN where
 * the series has no row that date; the last row of a date wins) */
static void
match_column_by_day (const gint64  *frame_days,
                     gsize          n,
                     AlvhSeries    *series,
                     const DayKeys *keys,
                     const char    *name,
                     double        *out)
{
  const double *col;
  gsize j = 0;

  if (series == NULL || name == NULL || (col = alvh_series_get_column_by_name (series, name)) == NULL)
    return;
  for (gsize i = 0; i < n; i++)
    {
      while (j < keys->n && keys->days[j] < frame_days[i])
        j++;
      while (j + 1 < keys->n && keys->days[j + 1] == frame_days[i])
        j++;
      if (j < keys->n && keys->days[j] == frame_days[i])
        out[i] = col[j];
    }
}

/* The sorted dates that a or b has within [from, to] (times of a's rows,
 * else b's) into days/times; returns how many */
static gsize
union_days (const DayKeys *a,
            const DayKeys *b,
            gint64         from,
            gint64         to,
            gint64        *days,
            gint64        *times)
{
  gsize i = 0, j = 0, n = 0;

  while (i < a->n || j < b->n)
    {
      gint64 day, t;

      if (j >= b->n || (i < a->n && a->days[i] <= b->days[j]))
        {
          day = a->days[i];
          t = a->times[i];
        }
      else
        {
          day = b->days[j];
          t = b->times[j];
        }
      while (i < a->n && a->days[i] == day)
        i++;
      while (j < b->n && b->days[j] == day)
        j++;
      if (t < from || t > to)
        continue;
      if (days != NULL)
        {
          days[n] = day;
          times[n] = t;
        }
      n++;
    }
  return n;
}

static const char *
spx_column (AlvhSeries *spx,
            const char *name)
{
  return spx != NULL && alvh_series_find_column (spx, name) >= 0 ? name : "close";
}

AlvhMarketFrame *
alvh_market_frame_new_union (AlvhSeries *spx,
                             AlvhSeries *vix,
                             AlvhSeries *vx,
                             AlvhSeries *vvix,
                             AlvhSeries *breadth,
                             gint64      from,
                             gint64      to)
{
  AlvhMarketFrame *self;
  DayKeys ks, kv, kx, kw, kb;
  g_autofree gint64 *days = NULL;
  const char *vix_close = "close";
  gsize n;

  if (spx != NULL && alvh_series_find_column (spx, "close") < 0)
    spx = NULL;
  if (vix != NULL && alvh_series_find_column (vix, "close") < 0)
    {
      guint nc = alvh_series_get_n_columns (vix);
      vix_close = nc > 0 ? alvh_series_get_column_name (vix, nc - 1) : NULL;
    }
  day_keys_init (&ks, spx);
  day_keys_init (&kv, vix);
  n = union_days (&ks, &kv, from, to, NULL, NULL);
  self = alvh_market_frame_new (n);
  days = g_new (gint64, MAX (n, 1));
  union_days (&ks, &kv, from, to, days, self->time);

  day_keys_init (&kx, vx);
  day_keys_init (&kw, vvix);
  day_keys_init (&kb, breadth);
  match_column_by_day (days, n, spx, &ks, "close", self->close);
  match_column_by_day (days, n, spx, &ks, spx_column (spx, "open"), self->open);
  match_column_by_day (days, n, spx, &ks, spx_column (spx, "high"), self->high);
  match_column_by_day (days, n, spx, &ks, spx_column (spx, "low"), self->low);
  match_column_by_day (days, n, vix, &kv, vix_close, self->vix);
  match_column_by_day (days, n, vx, &kx, "vx1", self->vx1);
  match_column_by_day (days, n, vx, &kx, "vx2", self->vx2);
  if (vvix != NULL)
    match_column_by_day (days, n, vvix, &kw, alvh_series_find_column (vvix, "vvix") >= 0 ? "vvix" : "close",
                         self->vvix);
  match_column_by_day (days, n, breadth, &kb, "advancers", self->advancers);
  match_column_by_day (days, n, breadth, &kb, "decliners", self->decliners);
  g_free (ks.days);
  g_free (kv.days);
  g_free (kx.days);
  g_free (kw.days);
  g_free (kb.days);
  return self;
}

gssize
alvh_market_frame_find_le (AlvhMarketFrame *self,
                           gint64           t)
{
  return alvh_time_find_le (self->time, self->n, t);
}

/* ------------------------------------------------------------ day memo */

_Thread_local AlvhDayMemoEntry _alvh_day_memo[ALVH_DAY_MEMO_SIZE];

gint64
_alvh_ny_day_memo_fill (AlvhDayMemoEntry *e,
                        gint64            t)
{
  e->set = TRUE;
  e->t = t;
  e->day = alvh_time_ny_day (t);
  return e->day;
}

void
alvh_market_frame_set_vx_contracts (AlvhMarketFrame    *self,
                                    const AlvhVxSettle *settles,
                                    gsize               n)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (settles != NULL || n == 0);

  for (gsize j = 0; j < n; j++)
    {
      gssize i = alvh_market_frame_find_le (self, settles[j].time);
      guint k;

      if (i < 0 || alvh_time_ny_day (self->time[i]) != alvh_time_ny_day (settles[j].time) ||
          !(settles[j].settle > 0.0))
        continue;
      k = alvh_calendar_vix_term (alvh_time_ny_day (self->time[i]), alvh_time_ny_day (settles[j].expiry));
      if (k >= 1 && k <= ALVH_VX_TERMS)
        self->vx[k - 1][i] = settles[j].settle;
    }
}
