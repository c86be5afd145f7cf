/* alvh-pricing-batch.c — prices, greeks and implied volatilities over one expiry of a chain
 *
 * Every leg of an expiry shares e^{-rt}, e^{-qt}, sqrt(t) and F/S; they are
 * computed once here and each leg costs one log, one exp and two tabled
 * erfcx (alvh-pricing-erfcx.c).  The implied volatility of each quote is the
 * same computation as alvh_implied_vol(), so the numbers are identical.
 */
#define G_LOG_DOMAIN "alvh-pricing"

#include "config.h"

#include <math.h>

#include "alvh-pricing.h"
#include "alvh-pricing-private.h"

#define BLOCK 16

void
alvh_chain_greeks (const AlvhChainExpiry *expiry, gsize n, const AlvhOptionType *types,
                   const double *strikes, const double *vols, AlvhGreeks *out)
{
  AlvhExpiryTerms e;
  double und;

  g_return_if_fail (expiry != NULL);
  g_return_if_fail (n == 0 || (types != NULL && strikes != NULL && vols != NULL && out != NULL));

  if (!(expiry->t > 0.0))
    {
      for (gsize i = 0; i < n; i++)
        alvh_option_greeks (expiry->model, types[i], expiry->underlying, strikes[i],
                            expiry->t, vols[i], expiry->r, expiry->q, &out[i]);
      return;
    }
  und = expiry->underlying;
  alvh_expiry_terms_init (&e, expiry->model, expiry->t, expiry->r, expiry->q);
  for (gsize i0 = 0; i0 < n; i0 += BLOCK)
    {
      gsize m = MIN (BLOCK, n - i0);
      double d1[BLOCK], inv_sig[BLOCK], g1[BLOCK];

      /* Three short loops over a block instead of one long chain per leg:
       * the logs of the block, then its exps, overlap in the pipeline. */
      for (gsize j = 0; j < m; j++)
        d1[j] = vols[i0 + j] > 0.0
                ? alvh_leg_d1 (&e, und, strikes[i0 + j], vols[i0 + j], &inv_sig[j])
                : 0.0;
      for (gsize j = 0; j < m; j++)
        g1[j] = alvh_exp_neg_half_sq (d1[j]);
      for (gsize j = 0; j < m; j++)
        {
          gsize i = i0 + j;

          if (!(vols[i] > 0.0)
              || !alvh_leg_greeks (&e, types[i], und, strikes[i], vols[i], d1[j], inv_sig[j], g1[j], TRUE, &out[i]))
            alvh_greeks_with_terms (&e, types[i], und, strikes[i], vols[i], &out[i]);
        }
    }
}

gsize
alvh_chain_implied_vol (const AlvhChainExpiry *expiry, gsize n, const AlvhOptionType *types,
                        const double *strikes, const double *prices, double *vols_out,
                        AlvhIvStatus *status_out)
{
  double und, t, r, q, df, f, sqt;
  gboolean valid;
  gsize solved = 0;

  g_return_val_if_fail (expiry != NULL, 0);
  g_return_val_if_fail (n == 0 || (types != NULL && strikes != NULL && prices != NULL
                                   && vols_out != NULL), 0);

  und = expiry->underlying;
  t = expiry->t;
  r = expiry->r;
  q = expiry->model == ALVH_MODEL_BLACK_76 ? 0.0 : expiry->q;
  valid = isfinite (und) && isfinite (t) && isfinite (r) && isfinite (q)
          && und > 0.0 && t > 0.0;
  df = exp (-r * t);
  f = expiry->model == ALVH_MODEL_BLACK_76 ? und : und * exp ((r - q) * t);
  sqt = sqrt (t);

  for (gsize i0 = 0; i0 < n; i0 += ALVH_IV_BLOCK)
    {
      gsize m = MIN (ALVH_IV_BLOCK, n - i0), nq = 0;
      double x[ALVH_IV_BLOCK], beta[ALVH_IV_BLOCK], b_max[ALVH_IV_BLOCK], s[ALVH_IV_BLOCK];
      gsize at[ALVH_IV_BLOCK];

      /* the block's quotes as normalised OTM calls, then their searches in lockstep */
      for (gsize j = 0; j < m; j++)
        {
          gsize i = i0 + j;
          double k = strikes[i], price = prices[i], lower, upper;
          AlvhIvStatus st;

          if (!valid || !isfinite (k) || !isfinite (price) || !(k > 0.0))
            st = ALVH_IV_INVALID;
          else
            st = alvh_implied_s_prepare (types[i], price, f, k, df, &x[nq], &beta[nq], &b_max[nq],
                                         &lower, &upper);
          vols_out[i] = NAN;
          if (status_out != NULL)
            status_out[i] = st;
          if (st == ALVH_IV_OK)
            at[nq++] = i;
        }
      alvh_implied_s_otm_block (nq, x, beta, b_max, s);
      for (gsize j = 0; j < nq; j++)
        {
          if (isfinite (s[j]) && s[j] > 0.0)
            {
              vols_out[at[j]] = s[j] / sqt;
              solved++;
            }
          else if (status_out != NULL)
            status_out[at[j]] = ALVH_IV_NO_CONVERGENCE;
        }
    }
  return solved;
}
