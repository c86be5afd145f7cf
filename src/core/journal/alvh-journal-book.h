/* alvh-journal-book.h — condors, legs, their closes and the signals behind a leg
 *
 * Part of the journal store's API: include alvh-journal-store.h.
 */
#pragma once

#include "alvh-journal-store.h"
#include "alvh-ledger.h"

G_BEGIN_DECLS

/**
 * alvh_journal_store_add_condor:
 * @self: the store
 * @condor: the condor
 * @error: return location for a #GError
 *
 * Books @condor (its id is ignored).
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_add_condor        (AlvhJournalStore        *self,
                                                        const AlvhCondor *condor,
                                                        GError                 **error);

/**
 * alvh_journal_store_update_condor:
 * @self: the store
 * @condor: the condor
 * @error: return location for a #GError
 *
 * Writes @condor over the row with its id.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_update_condor     (AlvhJournalStore        *self,
                                                        const AlvhCondor *condor,
                                                        GError                 **error);

/**
 * alvh_journal_store_close_condor:
 * @self: the store
 * @id: the row id
 * @time: when (Unix seconds)
 * @price: points per unit (per contract for legs)
 * @error: return location for a #GError
 *
 * Closes open condor @id at @time, paying @price points per unit (a
 * condor already closed: %ALVH_JOURNAL_ERROR_NOT_FOUND).
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_close_condor      (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        gint64                   time,
                                                        double                   price,
                                                        GError                 **error);

/**
 * alvh_journal_store_get_condor:
 * @self: the store
 * @id: the row id
 * @error: return location for a #GError
 *
 * Condor @id.
 *
 * Returns: (transfer full) (nullable): the condor, or %NULL with @error set
 */
AlvhCondor *alvh_journal_store_get_condor       (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);

/**
 * alvh_journal_store_list_open_condors:
 * @self: the store
 * @account_id: an account (0 = all, where the function lists or reviews)
 * @error: return location for a #GError
 *
 * The open condors of @account_id (0 = all), by open time.
 *
 * Returns: (transfer full) (element-type AlvhCondor) (nullable): the
 *   condors, or %NULL with @error set
 */
GPtrArray        *alvh_journal_store_list_open_condors (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        GError                 **error);

GPtrArray        *alvh_journal_store_list_condors      (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        gint64                   from,
                                                        gint64                   to,
                                                        GError                 **error);

/**
 * alvh_journal_store_add_leg:
 * @self: the store
 * @leg: the leg
 * @error: return location for a #GError
 *
 * Books @leg (its id is ignored); a quantity that is not above 0 or a
 * premium that is not finite is refused.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_add_leg           (AlvhJournalStore        *self,
                                                        const AlvhLeg    *leg,
                                                        GError                 **error);

/**
 * alvh_journal_store_update_leg:
 * @self: the store
 * @leg: the leg
 * @error: return location for a #GError
 *
 * Writes @leg over the row with its id.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_update_leg        (AlvhJournalStore        *self,
                                                        const AlvhLeg    *leg,
                                                        GError                 **error);

/**
 * alvh_journal_store_close_leg:
 * @self: the store
 * @id: the row id
 * @time: when (Unix seconds)
 * @quantity: contracts
 * @price: points per unit (per contract for legs)
 * @error: return location for a #GError
 *
 * Closes @quantity contracts of leg @id at @time for @price points each.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_close_leg         (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        gint64                   time,
                                                        double                   quantity,
                                                        double                   price,
                                                        GError                 **error);

/**
 * alvh_journal_store_get_leg:
 * @self: the store
 * @id: the row id
 * @error: return location for a #GError
 *
 * Leg @id.
 *
 * Returns: (transfer full) (nullable): the leg, or %NULL with @error set
 *   (also when it holds a kind this version does not know)
 */
AlvhLeg   *alvh_journal_store_get_leg           (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        GError                 **error);

/**
 * alvh_journal_store_list_open_legs:
 * @self: the store
 * @account_id: an account (0 = all, where the function lists or reviews)
 * @error: return location for a #GError
 *
 * The legs of @account_id (0 = all) with contracts still open, by open time.
 *
 * Returns: (transfer full) (element-type AlvhLeg) (nullable): the legs, or
 *   %NULL with @error set
 */
GPtrArray        *alvh_journal_store_list_open_legs    (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        GError                 **error);

GPtrArray        *alvh_journal_store_list_legs         (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        gint64                   from,
                                                        gint64                   to,
                                                        GError                 **error);

/**
 * alvh_journal_store_next_layer:
 * @self: the store
 * @account_id: the account of the condor
 * @condor_id: the condor, or 0 for a leg on none
 * @error: return location for a #GError
 *
 * The layer a new VIX hedge of @condor_id takes: one more than the highest
 * layer of the condor's VIX hedges booked so far; 1 for its first, and for
 * a leg on no condor.
 *
 * Returns: the layer, or 0 with @error set when the legs cannot be read
 */
guint             alvh_journal_store_next_layer        (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        gint64                   condor_id,
                                                        GError                 **error);

/**
 * alvh_journal_store_list_leg_closes:
 * @self: the store
 * @leg_id: the leg
 * @error: return location for a #GError
 *
 * The partial closes of leg @leg_id, by time.
 *
 * Returns: (transfer full) (element-type AlvhJournalLegClose) (nullable):
 *   the closes, or %NULL with @error set
 */
GPtrArray        *alvh_journal_store_list_leg_closes   (AlvhJournalStore        *self,
                                                        gint64                   leg_id,
                                                        GError                 **error);

/**
 * alvh_journal_store_list_leg_signals:
 * @self: the store
 * @leg_id: the leg
 * @error: return location for a #GError
 *
 * The signal snapshots linked to leg @leg_id (the ones that fired for its
 * decision).
 *
 * Returns: (transfer full) (element-type AlvhSignal) (nullable): the
 *   snapshots (each with its snapshot_id), or %NULL with @error set (also
 *   when a snapshot holds a key this version does not know)
 */
GPtrArray        *alvh_journal_store_list_leg_signals  (AlvhJournalStore        *self,
                                                        gint64                   leg_id,
                                                        GError                 **error);

/**
 * alvh_journal_store_book_condor:
 * @self: the store
 * @condor: the condor (its id is ignored; opened, units and credit are its
 *   opening fill)
 * @fees: dollars paid on the opening fill (>= 0)
 * @error: return location for a #GError
 *
 * Books @condor with its opening fill.  Condors and legs share one sequence
 * of ids: an id names one position.
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_book_condor       (AlvhJournalStore        *self,
                                                        const AlvhCondor        *condor,
                                                        double                   fees,
                                                        GError                 **error);

/**
 * alvh_journal_store_close_condor_fill:
 * @self: the store
 * @id: the row id
 * @time: the fill's time (not before the condor opened)
 * @units: units closed (0 = all still open)
 * @price: points per unit paid
 * @fees: dollars paid (>= 0)
 * @error: return location for a #GError
 *
 * Closes @units of open condor @id; the condor is closed (its close price
 * the average of its closing fills) when none are left.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_close_condor_fill (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        gint64                   time,
                                                        double                   units,
                                                        double                   price,
                                                        double                   fees,
                                                        GError                 **error);

/**
 * alvh_journal_store_book_leg:
 * @self: the store
 * @leg: the leg (its id is ignored; opened, quantity and premium are its
 *   opening fill)
 * @fees: dollars paid on the opening fill (>= 0)
 * @error: return location for a #GError
 *
 * Books @leg with its opening fill (see alvh_journal_store_add_leg()).
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_book_leg          (AlvhJournalStore        *self,
                                                        const AlvhLeg           *leg,
                                                        double                   fees,
                                                        GError                 **error);

/**
 * alvh_journal_store_close_leg_fill:
 * @self: the store
 * @id: the row id
 * @time: the fill's time (not before the leg opened)
 * @quantity: contracts
 * @price: points per contract received
 * @fees: dollars paid (>= 0)
 * @error: return location for a #GError
 *
 * Closes @quantity contracts of leg @id.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_close_leg_fill    (AlvhJournalStore        *self,
                                                        gint64                   id,
                                                        gint64                   time,
                                                        double                   quantity,
                                                        double                   price,
                                                        double                   fees,
                                                        GError                 **error);

/**
 * alvh_journal_store_list_fills:
 * @self: the store
 * @account_id: an account (0 = all)
 * @error: return location for a #GError
 *
 * Every fill of the condors and legs of @account_id, by time.
 *
 * Returns: (transfer full) (element-type AlvhFill) (nullable): the fills, or
 *   %NULL with @error set
 */
GPtrArray        *alvh_journal_store_list_fills        (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        GError                 **error);

/**
 * alvh_journal_store_load_ledger:
 * @self: the store
 * @account_id: an account (0 = all)
 * @params: (nullable): valuation parameters (%NULL: the spec's defaults)
 * @error: return location for a #GError
 *
 * The book of @account_id as a ledger: every condor and leg with its fills,
 * without a market (set one with alvh_ledger_set_market()).
 *
 * Returns: (transfer full) (nullable): the ledger, or %NULL with @error set
 */
AlvhLedger       *alvh_journal_store_load_ledger       (AlvhJournalStore        *self,
                                                        gint64                   account_id,
                                                        const AlvhLedgerParams  *params,
                                                        GError                 **error);

/**
 * alvh_journal_store_find_proposing_decision:
 * @self: the store
 * @account_id: the account
 * @time: the leg's opening fill
 * @error: return location for a #GError
 *
 * The decision a leg entered by hand follows: the account's latest ADD at or
 * before @time on the same New York day.
 *
 * Returns: its id, 0 when there is none, -1 with @error set
 */
gint64            alvh_journal_store_find_proposing_decision (AlvhJournalStore *self,
                                                              gint64            account_id,
                                                              gint64            time,
                                                              GError          **error);

G_END_DECLS
