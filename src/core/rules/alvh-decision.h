/* alvh-decision.h — what the evaluator decided at one bar (ALVH-SPEC.md sections 3, 4, 7)
 *
 * One type for a decision wherever it lives: the evaluator fills one in
 * place without allocating, the journal stores it and reads it back (then
 * with its row id, account, what became of it and the explanation as it was
 * recorded).  The pointers (the proposed leg's notes, the stored explanation
 * and skip reason) are NULL from the evaluator; alvh_decision_copy()
 * duplicates them and alvh_decision_free() frees them.  Sentences and JSON
 * are built on demand.
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

/* What became of a recorded decision (the journal's "followed" column). */
typedef enum
{
  ALVH_DECISION_PENDING = 0,  /* not acted on yet */
  ALVH_DECISION_FOLLOWED,     /* the proposed leg was booked */
  ALVH_DECISION_SKIPPED,      /* the user declined it (skip reason) */
  ALVH_DECISION_MANUAL,       /* the user booked something else by hand */
} AlvhDecisionStatus;

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
  double        iv;              /* iv_t of the first condor (VIX/100 without one) */
  gboolean      iv_from_chain;   /* iv is the ATM IV of a stored option chain */
  guint         layers_used;
  guint         max_layers;
  double        cooldown_hours;
  double        hours_since_last_leg; /* NAN without legs */
  guint         realtime_fired;  /* number of real-time rules that fired */
  guint         realtime_quorum;
  AlvhSignal    signals[ALVH_N_SIGNALS];
  char          profile_name[64];/* "" when no profile is known */
  int           profile_version;
  /* as recorded in the journal (0 / NULL / pending from the evaluator) */
  gint64        id;              /* the journal's row id */
  gint64        account_id;
  gint64        condor_id;       /* the condor it is filed under; 0: none */
  AlvhDecisionStatus followed;
  char         *skip_reason;     /* why it was skipped (nullable) */
  char         *explanation;     /* the sentences as recorded (nullable: build them with
                                    alvh_decision_dup_explanation_text()) */
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

/**
 * alvh_action_to_string:
 * @action: an action
 *
 * Returns: (transfer none): "ADD", "HOLD" or "BLOCKED"
 */
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
/**
 * alvh_branch_to_string:
 * @branch: a branch
 *
 * Returns: (transfer none): the branch's key
 */
const char   *alvh_branch_to_string         (AlvhBranch  branch); /* "no_position" ... exactly as the spec */
/**
 * alvh_decision_status_to_string:
 * @status: what became of a decision
 *
 * Returns: (transfer none) (nullable): "followed", "skipped", "manual", or
 *   %NULL while it is pending (the journal's stored text)
 */
const char   *alvh_decision_status_to_string (AlvhDecisionStatus status);
/**
 * alvh_decision_status_from_string:
 * @text: (nullable): the stored text
 *
 * Returns: the status; %NULL and any text it does not know are pending
 */
AlvhDecisionStatus alvh_decision_status_from_string (const char *text);
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
 * alvh_decision_set_signal:
 * @self: a decision
 * @id: which signal
 * @value: its value; NAN for n/a
 * @threshold: its threshold (NAN when the rule has none)
 * @fired: whether it fired (an n/a signal never fires)
 *
 * Sets one signal as a rule would (for records made by hand and tests).
 */
void          alvh_decision_set_signal      (AlvhDecision       *self,
                                             AlvhSignalId        id,
                                             double              value,
                                             double              threshold,
                                             gboolean            fired);

/**
 * alvh_decision_set_profile_name:
 * @self: a decision
 * @name: (nullable): the profile's name (%NULL: none)
 *
 * Copies @name into the decision's fixed field: a name longer than it is cut
 * at a character boundary, so the field is always valid UTF-8.
 */
void          alvh_decision_set_profile_name (AlvhDecision      *self,
                                              const char        *name);

/**
 * alvh_decision_has_signal:
 * @self: a decision
 * @id: which signal
 *
 * Whether @self holds signal @id: every signal of a decision from the
 * evaluator; for one read from the journal, the snapshots it recorded.
 *
 * Returns: %TRUE when the signal is there to show
 */
gboolean      alvh_decision_has_signal      (const AlvhDecision *self,
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
/* Append ,"KEY": and alvh_json_append_number()'s @value (a member after
 * the first; @key is written as it is, so it must need no escaping). */
void          alvh_json_append_member       (GString    *out,
                                             const char *key,
                                             double      value);
/* Append dollars rounded to the cent (never "-0"; null for NAN). */
void          alvh_json_append_money        (GString    *out,
                                             double      dollars);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhDecision, alvh_decision_free)

G_END_DECLS
