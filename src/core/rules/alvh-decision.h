/* alvh-decision.h — what the evaluator decided at one bar (ALVH-SPEC.md sections 3, 4, 6)
 *
 * A plain value: the evaluator fills one in place without allocating; the
 * only pointer is the proposed leg's notes (NULL from the evaluator), which
 * alvh_decision_copy() duplicates and alvh_decision_free() frees.  Sentences and JSON are built
 * on demand.
 */
#pragma once

#include <glib-object.h>

#include "alvh-signal.h"
#include "alvh-position.h"

G_BEGIN_DECLS

#define ALVH_TYPE_DECISION (alvh_decision_get_type ())

typedef enum
{
  ALVH_ACTION_HOLD,
  ALVH_ACTION_ADD,
  ALVH_ACTION_BLOCKED,
} AlvhAction;

typedef enum
{
  ALVH_BRANCH_NO_POSITION,
  ALVH_BRANCH_MAX_LAYERS,
  ALVH_BRANCH_COOLDOWN,
  ALVH_BRANCH_REGIME,
  ALVH_BRANCH_FIXED,
  ALVH_BRANCH_CONFLUENCE,
  ALVH_BRANCH_NONE,
  ALVH_BRANCH_NOT_ACCRETIVE,
  ALVH_N_BRANCHES
} AlvhBranch;

typedef struct
{
  gint64        time;
  AlvhAction    action;
  AlvhBranch    branch;
  guint         layer;           /* layer the ADD proposes (layers used + 1); 0 when no leg */
  double        size;            /* contracts of the proposed leg; 0 when no leg */
  gboolean      has_leg;         /* TRUE for ADD and BLOCKED */
  AlvhLeg  leg;             /* the proposed leg (id 0, quantity = size, premium = points per contract) */
  double        leg_forward;     /* F used (VX1 else VIX) */
  double        leg_vol;         /* Black-76 vol used (VVIX/100 else vix_vol) */
  double        estimated_cost;  /* dollars: premium x multiplier x size */
  double        premium_paid;    /* dollars already paid for open legs */
  double        credit_collected;/* dollars of credit on open condors */
  double        max_hedge_cost_ratio;
  double        spx;             /* market at the bar, for the sentences */
  double        vix;
  guint         layers_used;
  guint         max_layers;
  double        cooldown_hours;
  double        hours_since_last_leg; /* NAN without legs */
  guint         realtime_fired;  /* number of real-time rules that fired */
  guint         realtime_quorum;
  AlvhSignal    signals[ALVH_N_SIGNALS];
  char          profile_name[64];
  int           profile_version;
} AlvhDecision;

GType         alvh_decision_get_type        (void) G_GNUC_CONST;
/**
 * alvh_decision_new:
 *
 * Returns: (transfer full): a decision as alvh_decision_init() leaves it
 */
AlvhDecision *alvh_decision_new             (void);
/**
 * alvh_decision_copy:
 * @self: a decision
 *
 * Returns: (transfer full): a copy (with its own copy of the leg's notes)
 */
AlvhDecision *alvh_decision_copy            (const AlvhDecision *self);
/**
 * alvh_decision_free:
 * @self: (nullable) (transfer full): a decision
 */
void          alvh_decision_free            (AlvhDecision       *self);
/* Every signal n/a, HOLD / none. */
void          alvh_decision_init            (AlvhDecision       *self);

const char   *alvh_action_to_string         (AlvhAction  action); /* "ADD" "HOLD" "BLOCKED" */
/**
 * alvh_action_from_string:
 * @text: (nullable): "ADD", "HOLD" or "BLOCKED"
 * @out_action: (out) (optional): the action
 *
 * Returns: %FALSE (and @out_action untouched) for any other text
 */
gboolean      alvh_action_from_string       (const char *text,
                                             AlvhAction *out_action);
const char   *alvh_branch_to_string         (AlvhBranch  branch); /* "no_position" ... exactly as the spec */
gboolean      alvh_branch_from_string       (const char *text,
                                             AlvhBranch *out_branch);

/**
 * alvh_decision_get_signal:
 * @self: a decision
 * @id: which signal
 *
 * Returns: (transfer none): the signal, owned by @self
 */
const AlvhSignal *alvh_decision_get_signal  (const AlvhDecision *self,
                                             AlvhSignalId        id);

/**
 * alvh_decision_dup_explanation:
 * @self: a decision
 *
 * Translated plain-language sentences: one per fired rule, then one for the
 * outcome (branch, and for BLOCKED both money figures).
 *
 * Returns: (transfer full) (array zero-terminated=1): the sentences
 */
char        **alvh_decision_dup_explanation (const AlvhDecision *self);
/**
 * alvh_decision_dup_explanation_text:
 * @self: a decision
 *
 * Returns: (transfer full): the sentences joined with spaces
 */
char         *alvh_decision_dup_explanation_text (const AlvhDecision *self);

/* One JSON object (no newline) per spec section 6:
 * {"time","date","action","branch","layer","size","leg":{...}|null,"estimated_cost",
 *  "signals":{KEY:{"value","threshold","fired","kind"}...},"profile":{"name","version"},
 *  "explanation":[...]}; every signal key present, value null when n/a.
 * `with_explanation` FALSE omits the sentences (fast path for replays). */
void          alvh_decision_append_json     (const AlvhDecision *self,
                                             GString            *out,
                                             gboolean            with_explanation);
/**
 * alvh_decision_to_json:
 * @self: a decision
 *
 * Returns: (transfer full): alvh_decision_append_json() with the explanation,
 *   as a new string
 */
char         *alvh_decision_to_json         (const AlvhDecision *self);

/* Append a JSON number (%.10g; null for NAN / infinite) and a JSON string. */
void          alvh_json_append_number       (GString    *out,
                                             double      value);
void          alvh_json_append_string       (GString    *out,
                                             const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhDecision, alvh_decision_free)

G_END_DECLS
