/* alvh-chain-set.h — the option chains known to a market frame, by session
 *
 * ALVH-SPEC.md section 1's iv_t (the ATM IV of a condor's expiry from the
 * chain of the bar's date: interpolated in strike at the expiry's
 * parity-implied forward, then linearly in total variance between the
 * expiries around it) and section 6's marks (the mid of the chain of that
 * date, expiry and strike) read the chains through this set.  Expiries are
 * book expiries (the date at 00:00 New York); the chain row of the date's
 * third Friday is the AM-settled SPX one when both exist (the standard
 * monthly expiry, ALVH-SPEC.md section 6), on other dates the PM-settled
 * SPXW one.
 */
#pragma once

#include <glib-object.h>

#include "alvh-option-chain.h"

G_BEGIN_DECLS

typedef struct _AlvhChainSet AlvhChainSet;

/**
 * alvh_chain_set_get_type:
 * Returns: the boxed type of #AlvhChainSet
 */
GType          alvh_chain_set_get_type   (void) G_GNUC_CONST;
#define ALVH_TYPE_CHAIN_SET (alvh_chain_set_get_type ())

/**
 * alvh_chain_set_new:
 * Returns: (transfer full): an empty set
 */
AlvhChainSet  *alvh_chain_set_new        (void);

/**
 * alvh_chain_set_ref:
 * @self: a set
 * Returns: (transfer full): @self
 */
AlvhChainSet  *alvh_chain_set_ref        (AlvhChainSet    *self);

/**
 * alvh_chain_set_unref:
 * @self: (transfer full): a set
 */
void           alvh_chain_set_unref      (AlvhChainSet    *self);

/**
 * alvh_chain_set_add:
 * @self: a set
 * @chain: a chain; it replaces one of the same session
 *
 * Adds @chain under its session (alvh_option_chain_get_session_date()).
 */
void           alvh_chain_set_add        (AlvhChainSet    *self,
                                          AlvhOptionChain *chain);

/**
 * alvh_chain_set_get_n_chains:
 * @self: a set
 * Returns: the number of sessions with a chain
 */
guint          alvh_chain_set_get_n_chains (AlvhChainSet  *self);

/**
 * alvh_chain_set_get_chain:
 * @self: a set
 * @index: below alvh_chain_set_get_n_chains(), oldest session first
 * Returns: (transfer none): the chain
 */
AlvhOptionChain *alvh_chain_set_get_chain (AlvhChainSet   *self,
                                          guint           index);

/**
 * alvh_chain_set_lookup:
 * @self: (nullable): a set
 * @t: any time of a New York date
 * Returns: (transfer none) (nullable): the chain of that date's session
 */
AlvhOptionChain *alvh_chain_set_lookup   (AlvhChainSet    *self,
                                          gint64           t);

/**
 * alvh_chain_set_atm_iv:
 * @self: (nullable): a set
 * @t: the bar's time
 * @expiry: the condor's expiry (its date at 00:00 New York)
 * @out: (out): the ATM IV
 *
 * Returns: %TRUE when the chain of @t's date covers @expiry (one of its
 *   expiries or between two of them)
 */
gboolean       alvh_chain_set_atm_iv     (AlvhChainSet    *self,
                                          gint64           t,
                                          gint64           expiry,
                                          double          *out);

/**
 * alvh_chain_set_mid:
 * @self: (nullable): a set
 * @t: the bar's time
 * @expiry: the option's expiry (its date at 00:00 New York)
 * @strike: the strike
 * @type: call or put
 * @out: (out): the mid quote, index points
 *
 * Returns: %TRUE when the chain of @t's date has that expiry and strike
 *   with a bid and an ask
 */
gboolean       alvh_chain_set_mid        (AlvhChainSet    *self,
                                          gint64           t,
                                          gint64           expiry,
                                          double           strike,
                                          AlvhOptionType   type,
                                          double          *out);

/* An iron condor picked from a chain (alvh_option_chain_pick_condor()) */
typedef struct
{
  gint64 expiry;         /* the expiry date, 00:00 New York */
  double long_put, short_put, short_call, long_call;
  double short_put_delta, short_call_delta;  /* ours, from the mids */
  double credit;         /* points per unit: short mids less long mids */
} AlvhChainCondor;

/**
 * alvh_option_chain_pick_condor:
 * @chain: a chain
 * @expiry: the expiry wanted (its date at 00:00 New York)
 * @short_delta: the |delta| of the short strikes, e.g. 0.16
 * @width: the wings' distance from the short strikes, index points
 * @out: (out caller-allocates): the condor
 * @error: return location for a #GError
 *
 * Short put and call: the strikes whose delta (ours, from the mid) is
 * nearest to -@short_delta and +@short_delta; wings: the listed strikes
 * nearest to @width further out; credit from the four mids.  On a third
 * Friday the AM-settled SPX rows are used when they are quoted, else the
 * PM-settled SPXW ones.
 *
 * Returns: %TRUE, or %FALSE with %ALVH_OPTION_CHAIN_ERROR_NO_DATA when the
 *   expiry or quotes for such a condor are missing
 */
gboolean       alvh_option_chain_pick_condor (AlvhOptionChain *chain,
                                              gint64           expiry,
                                              double           short_delta,
                                              double           width,
                                              AlvhChainCondor *out,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhChainSet, alvh_chain_set_unref)

G_END_DECLS
