/* alvh-journal-decisions.h — evaluator decisions with their signal snapshots; following and skipping them
 *
 * Part of the journal store's API: include alvh-journal-store.h.
 */
#pragma once

#include "alvh-journal-store.h"
#include "alvh-reconcile.h"

G_BEGIN_DECLS

/**
 * alvh_journal_store_record_decision:
 * @self: the store
 * @decision: the decision
 * @error: return location for a #GError
 *
 * Records @decision for its account_id and condor_id, with its followed
 * status, skip reason, explanation (when %NULL, the sentences
 * alvh_decision_dup_explanation_text() builds now) and a snapshot of every
 * signal (frozen: they never change afterwards).
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_record_decision   (AlvhJournalStore          *self,
                                                        const AlvhDecision        *decision,
                                                        GError                   **error);

/**
 * alvh_journal_store_record_evaluator_decision:
 * @self: the store
 * @decision: the decision
 * @account_id: an account (0 = all, where the function lists or reviews)
 * @condor_id: the condor it belongs to (0 = none)
 * @error: return location for a #GError
 *
 * Records a decision as the evaluator made it, for @account_id and filed
 * under @condor_id (0: the proposed leg's condor); see
 * alvh_journal_store_record_decision().
 *
 * Returns: the new id, or 0 with @error set
 */
gint64            alvh_journal_store_record_evaluator_decision (AlvhJournalStore *self,
                                                        const AlvhDecision        *decision,
                                                        gint64                     account_id,
                                                        gint64                     condor_id,
                                                        GError                   **error);

/**
 * alvh_journal_store_get_decision:
 * @self: the store
 * @id: the row id
 * @error: return location for a #GError
 *
 * Decision @id as recorded, with its signal snapshots (a signal the record
 * lacks is n/a, with snapshot_id 0).
 *
 * Returns: (transfer full) (nullable): the decision, or %NULL with @error
 *   set (also when it holds a value this version does not know)
 */
AlvhDecision     *alvh_journal_store_get_decision      (AlvhJournalStore          *self,
                                                        gint64                     id,
                                                        GError                   **error);

GPtrArray        *alvh_journal_store_list_decisions    (AlvhJournalStore          *self,
                                                        gint64                     account_id,
                                                        gint64                     from,
                                                        gint64                     to,
                                                        GError                   **error);

/**
 * alvh_journal_store_add_leg_from_decision:
 * @self: the store
 * @decision_id: the decision
 * @leg: (nullable): the leg to book instead of the proposed one
 * @fill_price: points per contract paid (NAN: the leg's premium, else the estimate)
 * @size: contracts (0: the leg's, else the decision's size)
 * @note: (nullable): text for the leg and the journal entry
 * @out_entry_id: (out) (optional): the journal entry written
 * @error: return location for a #GError
 *
 * Follows pending ADD decision @decision_id: books its proposed leg (or
 * @leg, when given) filled at @fill_price for @size contracts (0: the
 * decision's size), links the fired signals to it, marks the decision
 * followed and writes a journal entry with @note, all in one transaction.
 *
 * Returns: the new leg's id (the entry's in @out_entry_id), or 0 with @error
 *   set
 */
gint64            alvh_journal_store_add_leg_from_decision (AlvhJournalStore      *self,
                                                        gint64                     decision_id,
                                                        const AlvhLeg      *leg,
                                                        double                     fill_price,
                                                        double                     size,
                                                        const char                *note,
                                                        gint64                    *out_entry_id,
                                                        GError                   **error);

/**
 * alvh_journal_store_skip_decision:
 * @self: the store
 * @decision_id: the decision
 * @reason: (nullable): why it was skipped
 * @error: return location for a #GError
 *
 * Marks pending decision @decision_id skipped, for @reason, and writes a
 * journal entry.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_skip_decision     (AlvhJournalStore          *self,
                                                        gint64                     decision_id,
                                                        const char                *reason,
                                                        GError                   **error);

/**
 * alvh_journal_store_mark_decision_for_leg:
 * @self: the store
 * @decision_id: the decision @leg was linked to
 * @leg: a leg booked by hand or imported
 * @error: return location for a #GError
 *
 * Marks ADD @decision_id, pending or marked manual by booking @leg,
 * followed when @leg is its proposed leg (alvh_reconcile_compare()), else
 * manual (something else was booked); a decision followed or skipped
 * before, or not an ADD, is left as it is.
 *
 * Returns: %TRUE on success
 */
gboolean          alvh_journal_store_mark_decision_for_leg (AlvhJournalStore  *self,
                                                        gint64                     decision_id,
                                                        const AlvhLeg             *leg,
                                                        GError                   **error);

/**
 * alvh_journal_store_reconcile:
 * @self: the store
 * @account_id: an account (0 = all)
 * @now: the present (ADDs of its day not followed yet are pending)
 * @error: return location for a #GError
 *
 * Every leg of @account_id matched to the decision that proposed it and
 * labelled followed, deviated or unprompted; ADDs no leg followed are
 * skipped (alvh-reconcile.h).
 *
 * Returns: (transfer full) (nullable): the reconciliation, or %NULL with
 *   @error set
 */
AlvhReconciliation *alvh_journal_store_reconcile     (AlvhJournalStore          *self,
                                                        gint64                     account_id,
                                                        gint64                     now,
                                                        GError                   **error);

G_END_DECLS
