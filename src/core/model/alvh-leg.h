/* alvh-leg.h — one option or future leg, as booked, stored and evaluated
 *
 * A boxed value type: the journal store reads and writes it, the book and
 * the evaluator price it, the evaluator proposes one.  Strikes and premiums
 * are index points per contract; times are Unix seconds; the expiry is a
 * date at 00:00 New York.  The kind's text ("vix_call_spread", ...) is what
 * the database and the JSON output hold.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALVH_TYPE_LEG (alvh_leg_get_type ())

typedef enum
{
  ALVH_LEG_VIX_CALL_SPREAD,  /* long call at long_strike, short call at short_strike */
  ALVH_LEG_VIX_CALL,         /* long call at long_strike */
  ALVH_LEG_VIX_FUTURE,       /* long future; premium = entry price, value = F - entry */
  ALVH_LEG_VIX_PUT,          /* long put at long_strike */
  ALVH_LEG_SPX_PUT,          /* long SPX put at long_strike */
  ALVH_LEG_SPX_PUT_SPREAD,   /* long SPX put at long_strike, short put at short_strike */
  ALVH_N_LEG_KINDS
} AlvhLegKind;

typedef struct
{
  gint64       id;
  gint64       account_id;      /* the journal account (0 = none) */
  gint64       condor_id;       /* the condor it protects (closes with it); 0 = none */
  gint64       decision_id;     /* the decision it follows; 0 = none */
  AlvhLegKind  kind;
  double       long_strike;
  double       short_strike;    /* spreads only, else NAN */
  gint64       expiry;          /* expiry date at 00:00 New York */
  double       quantity;        /* contracts bought (> 0) */
  double       premium;         /* points per contract paid at open */
  guint        layer;           /* 1, 2, 3 ... */
  gint64       opened;          /* open time */
  gboolean     manual;          /* added by hand, not by the rules */
  double       closed_quantity; /* contracts already closed (sum of the closes) */
  double       close_price;     /* average price of the closes; NAN when none */
  char        *notes;           /* NULL or text; owned by the leg */
} AlvhLeg;

GType        alvh_leg_get_type          (void) G_GNUC_CONST;

/**
 * alvh_leg_new:
 *
 * Returns: (transfer full): a VIX call spread leg with NAN strikes and
 *   close price and everything else zero; free it with alvh_leg_free().
 */
AlvhLeg     *alvh_leg_new               (void);

/**
 * alvh_leg_copy:
 * @leg: (nullable): the leg to copy
 *
 * Returns: (transfer full) (nullable): a deep copy, or %NULL for %NULL.
 */
AlvhLeg     *alvh_leg_copy              (const AlvhLeg *leg);

/**
 * alvh_leg_free:
 * @leg: (nullable) (transfer full): the leg to free
 */
void         alvh_leg_free              (AlvhLeg       *leg);

/**
 * alvh_leg_init_copy:
 * @dest: (out caller-allocates): where the copy goes (its old content is
 *   overwritten, not freed)
 * @src: the leg to copy
 *
 * Copies @src into @dest, duplicating the notes.
 */
void         alvh_leg_init_copy         (AlvhLeg       *dest,
                                         const AlvhLeg *src);

/**
 * alvh_leg_clear:
 * @leg: a leg in caller-owned memory
 *
 * Frees what @leg owns (its notes) and sets the pointer to %NULL.
 */
void         alvh_leg_clear             (AlvhLeg       *leg);

/**
 * alvh_leg_open_quantity:
 * @leg: a leg
 *
 * Returns: the contracts still open (quantity - closed_quantity, >= 0).
 */
double       alvh_leg_open_quantity     (const AlvhLeg *leg);

/**
 * alvh_leg_is_vix_hedge:
 * @leg: a leg
 *
 * The one rule for which legs the book and the evaluator count as VIX
 * hedges: VIX call spreads, VIX calls and VIX futures.  An SPX put or a
 * VIX put entered by hand is no hedge and stays out of the model book.
 *
 * Returns: whether @leg is a VIX hedge.
 */
gboolean     alvh_leg_is_vix_hedge      (const AlvhLeg *leg);

/**
 * alvh_leg_kind_is_vix_hedge:
 * @kind: a leg kind
 *
 * Returns: whether a leg of @kind is a VIX hedge (see alvh_leg_is_vix_hedge()).
 */
gboolean     alvh_leg_kind_is_vix_hedge (AlvhLegKind    kind);

/**
 * alvh_leg_kind_to_string:
 * @kind: a leg kind
 *
 * Returns: (transfer none): the stored and JSON text of @kind:
 *   "vix_call_spread" "vix_call" "vix_future" "vix_put" "spx_put"
 *   "spx_put_spread" ("vix_call_spread" for an out-of-range value).
 */
const char  *alvh_leg_kind_to_string    (AlvhLegKind    kind);

/**
 * alvh_leg_kind_get_title:
 * @kind: a leg kind
 *
 * Returns: (transfer none): the translated name a person reads ("VIX call
 *   spread", "SPX put"), from alvh_format_key()
 */
const char  *alvh_leg_kind_get_title    (AlvhLegKind    kind);

/**
 * alvh_leg_kind_from_string:
 * @text: (nullable): the text of a kind, as alvh_leg_kind_to_string() writes it
 * @out_kind: (out) (optional): the kind
 *
 * Returns: %FALSE (and @out_kind untouched) for any other text.
 */
gboolean     alvh_leg_kind_from_string  (const char    *text,
                                         AlvhLegKind   *out_kind);

/**
 * alvh_leg_describe:
 * @leg: a leg
 *
 * The leg in words for journal titles: "2 × VIX call spread 25/30" (the
 * quantity, the kind's translated name, the strikes; no short strike for
 * single legs).
 *
 * Returns: (transfer full): the text
 */
char        *alvh_leg_describe          (const AlvhLeg *leg);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhLeg, alvh_leg_free)

G_END_DECLS
