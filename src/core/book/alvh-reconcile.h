/* alvh-reconcile.h — which legs followed the evaluator's decisions
 *
 * One rule for legs entered by hand and legs imported from a broker: a leg
 * follows the decision it is linked to (its decision_id), else the
 * account's latest ADD at or before its opening fill on the same New York
 * day.  It is followed when it is the proposed leg (kind, strikes, expiry
 * and size), deviated when it differs (and how), unprompted without an ADD.
 * An ADD of an earlier day that no leg followed is skipped.  Pure, no SQL:
 * alvh_journal_store_reconcile() feeds it from the journal.
 */
#pragma once

#include <glib-object.h>

#include "alvh-decision.h"
#include "alvh-leg.h"

G_BEGIN_DECLS

typedef enum
{
  ALVH_ADHERENCE_FOLLOWED,
  ALVH_ADHERENCE_DEVIATED,
  ALVH_ADHERENCE_UNPROMPTED,
  ALVH_ADHERENCE_SKIPPED,    /* an ADD no leg followed */
  ALVH_ADHERENCE_PENDING,    /* an ADD of the current day not followed yet */
  ALVH_N_ADHERENCE
} AlvhAdherence;

/* How a leg differs from the proposed one (flags). */
typedef enum
{
  ALVH_DEVIATION_NONE    = 0,
  ALVH_DEVIATION_KIND    = 1 << 0,
  ALVH_DEVIATION_STRIKES = 1 << 1,
  ALVH_DEVIATION_EXPIRY  = 1 << 2,
  ALVH_DEVIATION_SIZE    = 1 << 3,
} AlvhDeviation;

typedef struct
{
  AlvhAdherence  adherence;
  guint          deviation;    /* AlvhDeviation flags */
  gint64         leg_id;       /* 0 for a decision no leg followed */
  gint64         decision_id;  /* 0 for an unprompted leg */
  gint64         time;         /* the leg's opening fill, else the decision's time */
} AlvhReconcileItem;

typedef struct
{
  GArray     *items;           /* AlvhReconcileItem: the legs by time, then the ADDs no leg followed */
  guint       counts[ALVH_N_ADHERENCE];
  GHashTable *by_leg;          /* leg id (gint64 *) -> item index + 1 */
  GHashTable *by_decision;     /* decision id (gint64 *) -> item index + 1 (its first leg) */
} AlvhReconciliation;

/**
 * alvh_adherence_to_string:
 * @adherence: a label
 *
 * Returns: (transfer none): "followed", "deviated", "unprompted", "skipped"
 *   or "pending"
 */
const char         *alvh_adherence_to_string     (AlvhAdherence              adherence);
/**
 * alvh_deviation_to_string:
 * @deviation: AlvhDeviation flags
 *
 * Returns: (transfer full): "kind", "strikes", "expiry", "size" joined by
 *   ", " ("" when none)
 */
char               *alvh_deviation_to_string     (guint                      deviation);
/**
 * alvh_reconcile_compare:
 * @decision: an ADD with its proposed leg
 * @leg: the leg booked
 *
 * Returns: how @leg differs from the proposed leg (AlvhDeviation flags, 0
 *   when it is the same)
 */
guint               alvh_reconcile_compare       (const AlvhDecision        *decision,
                                                  const AlvhLeg             *leg);
/**
 * alvh_reconcile_find_decision:
 * @decisions: (element-type AlvhDecision): the account's decisions
 * @leg: a leg
 *
 * Returns: (transfer none) (nullable): the decision @leg follows: its own
 *   decision_id when that is an ADD of @decisions, else the latest ADD at or
 *   before its opening fill on the same New York day
 */
const AlvhDecision *alvh_reconcile_find_decision (GPtrArray                 *decisions,
                                                  const AlvhLeg             *leg);
/**
 * alvh_reconcile:
 * @decisions: (element-type AlvhDecision): the account's decisions
 * @legs: (element-type AlvhLeg): the account's legs
 * @now: the present: ADDs of its New York day stay pending
 *
 * Returns: (transfer full): the labels; free with alvh_reconciliation_free()
 */
AlvhReconciliation *alvh_reconcile              (GPtrArray                 *decisions,
                                                  GPtrArray                 *legs,
                                                  gint64                     now);
/**
 * alvh_reconciliation_lookup_leg:
 * @self: a reconciliation
 * @leg_id: a leg
 *
 * Returns: (transfer none) (nullable): its label
 */
const AlvhReconcileItem *alvh_reconciliation_lookup_leg      (const AlvhReconciliation *self,
                                                              gint64                    leg_id);
/**
 * alvh_reconciliation_decision_status:
 * @self: a reconciliation
 * @decision: a decision of it
 *
 * The real status of @decision: "hold" and "blocked" for those actions; an
 * ADD is "followed", "deviated", "skipped" (also when the user skipped it)
 * or "pending".
 *
 * Returns: (transfer none): the status
 */
const char         *alvh_reconciliation_decision_status (const AlvhReconciliation *self,
                                                         const AlvhDecision       *decision);
void                alvh_reconciliation_free     (AlvhReconciliation        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhReconciliation, alvh_reconciliation_free)

G_END_DECLS
