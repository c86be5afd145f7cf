/* alvh-decision.c — a decision, its sentences and its JSON line */
#define G_LOG_DOMAIN "alvh-decision"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-decision.h"
#include "alvh-format.h"
#include "alvh-time.h"

G_DEFINE_BOXED_TYPE (AlvhDecision, alvh_decision, alvh_decision_copy, alvh_decision_free)

static const char * const branch_names[ALVH_N_BRANCHES] = {
  "no_position", "max_layers", "cooldown", "regime", "fixed", "confluence", "none", "not_accretive",
};

void
alvh_decision_init (AlvhDecision *self)
{
  memset (self, 0, sizeof *self);
  self->action = ALVH_ACTION_HOLD;
  self->branch = ALVH_BRANCH_NONE;
  self->leg.short_strike = NAN;
  self->leg_forward = NAN;
  self->leg_vol = NAN;
  self->estimated_cost = NAN;
  self->spx = NAN;
  self->vix = NAN;
  self->iv = NAN;
  self->hours_since_last_leg = NAN;
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    alvh_signal_init_na (&self->signals[i], (AlvhSignalId) i);
}

AlvhDecision *
alvh_decision_new (void)
{
  AlvhDecision *self = g_new (AlvhDecision, 1);

  alvh_decision_init (self);
  return self;
}

AlvhDecision *
alvh_decision_copy (const AlvhDecision *self)
{
  AlvhDecision *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->leg.notes = g_strdup (self->leg.notes);
  copy->skip_reason = g_strdup (self->skip_reason);
  copy->explanation = g_strdup (self->explanation);
  return copy;
}

void
alvh_decision_free (AlvhDecision *self)
{
  if (self == NULL)
    return;
  g_free (self->leg.notes);
  g_free (self->skip_reason);
  g_free (self->explanation);
  g_free (self);
}

const char *
alvh_action_to_string (AlvhAction action)
{
  switch (action)
    {
    case ALVH_ACTION_ADD:
      return "ADD";
    case ALVH_ACTION_BLOCKED:
      return "BLOCKED";
    case ALVH_ACTION_HOLD:
    default:
      return "HOLD";
    }
}

const char *
alvh_branch_to_string (AlvhBranch branch)
{
  if ((guint) branch >= ALVH_N_BRANCHES)
    return "none";
  return branch_names[branch];
}

const char *
alvh_decision_status_to_string (AlvhDecisionStatus status)
{
  switch (status)
    {
    case ALVH_DECISION_FOLLOWED: return "followed";
    case ALVH_DECISION_SKIPPED:  return "skipped";
    case ALVH_DECISION_MANUAL:   return "manual";
    case ALVH_DECISION_PENDING:
    default:                     return NULL;
    }
}

AlvhDecisionStatus
alvh_decision_status_from_string (const char *text)
{
  static const AlvhDecisionStatus known[] = {
    ALVH_DECISION_FOLLOWED, ALVH_DECISION_SKIPPED, ALVH_DECISION_MANUAL,
  };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (known); i++)
    if (strcmp (text, alvh_decision_status_to_string (known[i])) == 0)
      return known[i];
  return ALVH_DECISION_PENDING;
}

gboolean
alvh_action_from_string (const char *text,
                         AlvhAction *out_action)
{
  static const AlvhAction actions[] = { ALVH_ACTION_HOLD, ALVH_ACTION_ADD, ALVH_ACTION_BLOCKED };

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (actions); i++)
    if (strcmp (text, alvh_action_to_string (actions[i])) == 0)
      {
        if (out_action != NULL)
          *out_action = actions[i];
        return TRUE;
      }
  return FALSE;
}

gboolean
alvh_branch_from_string (const char *text,
                         AlvhBranch *out_branch)
{
  for (guint i = 0; text != NULL && i < ALVH_N_BRANCHES; i++)
    if (strcmp (text, branch_names[i]) == 0)
      {
        if (out_branch != NULL)
          *out_branch = (AlvhBranch) i;
        return TRUE;
      }
  return FALSE;
}

void
alvh_decision_set_signal (AlvhDecision *self,
                          AlvhSignalId  id,
                          double        value,
                          double        threshold,
                          gboolean      fired)
{
  AlvhSignal *sig;

  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) id < ALVH_N_SIGNALS);

  sig = &self->signals[id];
  alvh_signal_init_na (sig, id);
  sig->available = isfinite (value);
  sig->value = sig->available ? value : NAN;
  sig->threshold = threshold;
  sig->fired = sig->available && fired;
}

void
alvh_decision_set_profile_name (AlvhDecision *self,
                                const char   *name)
{
  const char *end = NULL;

  g_return_if_fail (self != NULL);

  g_strlcpy (self->profile_name, name != NULL ? name : "", sizeof self->profile_name);
  /* not in the middle of a character */
  if (!g_utf8_validate (self->profile_name, -1, &end))
    self->profile_name[end - self->profile_name] = '\0';
}

gboolean
alvh_decision_has_signal (const AlvhDecision *self,
                          AlvhSignalId        id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((guint) id < ALVH_N_SIGNALS, FALSE);

  return self->id == 0 || self->signals[id].snapshot_id > 0;
}

const AlvhSignal *
alvh_decision_get_signal (const AlvhDecision *self,
                          AlvhSignalId        id)
{
  g_return_val_if_fail ((guint) id < ALVH_N_SIGNALS, NULL);
  return &self->signals[id];
}

/* the numbers of the sentences, as the one formatter writes them on screen */
#define PCT(v, d) alvh_format_percent ((v), (d), ALVH_FORMAT_SCREEN)
#define NUM(v, d) alvh_format_number ((v), (d), ALVH_FORMAT_SCREEN)

static char *
signal_sentence (const AlvhDecision *self,
                 const AlvhSignal   *s)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  switch (s->id)
    {
    case ALVH_SIGNAL_IV_EXPANSION:
      a = PCT (s->value, 1);
      b = PCT (s->threshold, 1);
      return g_strdup_printf (_("Implied volatility rose %s over the window, at or above the %s threshold."), a, b);
    case ALVH_SIGNAL_TERM_INVERSION:
      a = PCT (s->value, 1);
      b = PCT (s->threshold, 1);
      return g_strdup_printf (_("The VIX term structure is inverted by %s (threshold %s)."), a, b);
    case ALVH_SIGNAL_RSI_EXTREME:
      a = NUM (s->value, 1);
      if (s->value <= s->threshold)
        {
          b = NUM (s->threshold, 0);
          return g_strdup_printf (_("The SPX RSI is %s, at or below the oversold level %s."), a, b);
        }
      b = NUM (s->threshold_high, 0);
      return g_strdup_printf (_("The SPX RSI is %s, at or above the overbought level %s."), a, b);
    case ALVH_SIGNAL_AD_DIVERGENCE:
      return g_strdup (_("Market breadth diverges from the SPX: the index made a window extreme that the advance/decline line did not confirm."));
    case ALVH_SIGNAL_VIX_MACD_CROSS:
      a = NUM (s->value, 2);
      return g_strdup_printf (_("The VIX MACD crossed above its signal line (difference %s)."), a);
    case ALVH_SIGNAL_THETA_EROSION:
      a = NUM (s->value, 1);
      b = NUM (s->threshold, 1);
      return g_strdup_printf (_("The condor's time value eroded %s times faster than the model expected (threshold %s)."), a, b);
    case ALVH_SIGNAL_WING_PROXIMITY:
      if (s->value < 0)
        {
          a = NUM (-s->value, 2);
          return g_strdup_printf (_("A short strike is breached: the index is %s expected moves beyond it."), a);
        }
      a = NUM (s->value, 2);
      b = NUM (s->threshold, 2);
      return g_strdup_printf (_("A short strike is only %s expected moves from the index (threshold %s)."), a, b);
    case ALVH_SIGNAL_BOOK_DELTA:
      {
        g_autofree char *digits = NUM (s->value, 2);

        /* an explicit sign: "+0.25" and "−0.25" */
        a = g_strconcat (s->value >= 0.005 ? "+" : "", digits, NULL);
        b = NUM (s->threshold, 2);
        return g_strdup_printf (_("The book's SPX-equivalent delta is %s per condor unit, beyond the ±%s tolerance."), a, b);
      }
    case ALVH_SIGNAL_MACRO_REGIME:
      return g_strdup_printf (ngettext ("%d regime-shift macro event lies within the window.",
                                        "%d regime-shift macro events lie within the window.",
                                        (gulong) s->value),
                              (int) s->value);
    case ALVH_N_SIGNALS:
    default:
      break;
    }
  (void) self;
  return NULL;
}

static char *
outcome_sentence (const AlvhDecision *self)
{
  g_autofree char *paid = NULL;
  g_autofree char *cost = NULL;
  g_autofree char *total = NULL;
  g_autofree char *limit = NULL;

  switch (self->branch)
    {
    case ALVH_BRANCH_NO_POSITION:
      return g_strdup (_("Hold: there is no open condor to protect."));
    case ALVH_BRANCH_MAX_LAYERS:
      return g_strdup_printf (_("Hold: %u of at most %u hedge layers are already open."),
                              self->layers_used, self->max_layers);
    case ALVH_BRANCH_COOLDOWN:
      {
        gulong hours = isfinite (self->hours_since_last_leg)
                       ? (gulong) MAX (0.0, round (self->hours_since_last_leg)) : 0;

        return g_strdup_printf (ngettext ("Hold: the last hedge was added %lu hour ago, within the %.0f-hour cooldown.",
                                          "Hold: the last hedge was added %lu hours ago, within the %.0f-hour cooldown.",
                                          hours),
                                hours, self->cooldown_hours);
      }
    case ALVH_BRANCH_NONE:
      return g_strdup_printf (ngettext ("Hold: %u real-time rule fired (%u needed) and no fixed trigger fired.",
                                        "Hold: %u real-time rules fired (%u needed) and no fixed trigger fired.",
                                        self->realtime_fired),
                              self->realtime_fired, self->realtime_quorum);
    case ALVH_BRANCH_NOT_ACCRETIVE:
      paid = alvh_format_money (self->premium_paid, ALVH_MONEY_GROUPED);
      cost = alvh_format_money (self->estimated_cost, ALVH_MONEY_GROUPED);
      total = alvh_format_money (self->premium_paid + self->estimated_cost, ALVH_MONEY_GROUPED);
      limit = alvh_format_money (self->max_hedge_cost_ratio * self->credit_collected, ALVH_MONEY_GROUPED);
      {
        g_autofree char *ratio = PCT (self->max_hedge_cost_ratio, 0);

        return g_strdup_printf (_("Blocked: hedge premium %s already paid plus this leg's %s makes %s, more than the limit of %s (%s of the credit collected)."),
                                paid, cost, total, limit, ratio);
      }
    case ALVH_BRANCH_REGIME:
    case ALVH_BRANCH_FIXED:
    case ALVH_BRANCH_CONFLUENCE:
      cost = alvh_format_money (self->estimated_cost, ALVH_MONEY_GROUPED);
      {
        const char *why =
          self->branch == ALVH_BRANCH_REGIME ? _("a regime shift is confirmed by a real-time rule") :
          self->branch == ALVH_BRANCH_FIXED ? _("a fixed trigger fired") :
          _("enough real-time rules agree");
        g_autofree char *size = alvh_format_significant (self->size, 6, ALVH_FORMAT_SCREEN);
        g_autofree char *lo = alvh_format_significant (self->leg.long_strike, 6, ALVH_FORMAT_SCREEN);
        g_autofree char *hi = alvh_format_significant (self->leg.short_strike, 6, ALVH_FORMAT_SCREEN);

        return g_strdup_printf (_("Add layer %u because %s: %s VIX %s/%s call spreads for about %s."),
                                self->layer, why, size, lo, hi, cost);
      }
    case ALVH_N_BRANCHES:
    default:
      break;
    }
  return NULL;
}

/* which iv_t the decision used (ALVH-SPEC.md section 1) */
static char *
iv_sentence (const AlvhDecision *self)
{
  g_autofree char *iv = PCT (self->iv, 2);

  if (self->iv_from_chain)
    return g_strdup_printf (_("IV: %s, the ATM IV of the condor's expiry from the option chain of this date."), iv);
  if (self->branch == ALVH_BRANCH_NO_POSITION)
    return g_strdup_printf (_("IV: %s, VIX / 100."), iv);
  return g_strdup_printf (_("IV: %s, VIX / 100 (no option chain of this date covers the condor's expiry)."), iv);
}

char **
alvh_decision_dup_explanation (const AlvhDecision *self)
{
  GPtrArray *out = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *s = &self->signals[i];
      char *sentence;

      if (!s->available || !s->fired)
        continue;
      sentence = signal_sentence (self, s);
      if (sentence != NULL)
        g_ptr_array_add (out, sentence);
    }
  {
    char *outcome = outcome_sentence (self);
    if (outcome != NULL)
      g_ptr_array_add (out, outcome);
  }
  if (isfinite (self->iv))
    g_ptr_array_add (out, iv_sentence (self));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

char *
alvh_decision_dup_explanation_text (const AlvhDecision *self)
{
  g_auto(GStrv) sentences = alvh_decision_dup_explanation (self);

  return g_strjoinv (" ", sentences);
}

void
alvh_json_append_number (GString *out,
                         double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  if (value == floor (value) && fabs (value) < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) value);
      return;
    }
  g_ascii_formatd (buf, sizeof buf, "%.10g", value);
  g_string_append (out, buf);
}

void
alvh_json_append_member (GString    *out,
                         const char *key,
                         double      value)
{
  g_string_append_printf (out, ",\"%s\":", key);
  alvh_json_append_number (out, value);
}

void
alvh_json_append_money (GString *out,
                        double   dollars)
{
  alvh_json_append_number (out, round (dollars * 100.0) / 100.0 + 0.0);
}

void
alvh_json_append_string (GString    *out,
                         const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      unsigned char c = (unsigned char) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_date (GString *out,
             gint64   t)
{
  int y, m, d;

  alvh_time_to_ny_date (t, &y, &m, &d);
  g_string_append_printf (out, "\"%04d-%02d-%02d\"", y, m, d);
}

void
alvh_decision_append_json (const AlvhDecision *self,
                           GString            *out,
                           gboolean            with_explanation)
{
  g_return_if_fail (self != NULL);

  g_string_append_printf (out, "{\"time\":%" G_GINT64_FORMAT ",\"date\":", self->time);
  append_date (out, self->time);
  g_string_append (out, ",\"action\":\"");
  g_string_append (out, alvh_action_to_string (self->action));
  g_string_append (out, "\",\"branch\":\"");
  g_string_append (out, alvh_branch_to_string (self->branch));
  g_string_append_printf (out, "\",\"layer\":%u,\"size\":", self->layer);
  alvh_json_append_number (out, self->size);
  if (self->has_leg)
    {
      g_string_append (out, ",\"leg\":{\"kind\":\"");
      g_string_append (out, alvh_leg_kind_to_string (self->leg.kind));
      g_string_append (out, "\",\"long_strike\":");
      alvh_json_append_number (out, self->leg.long_strike);
      alvh_json_append_member (out, "short_strike", self->leg.short_strike);
      g_string_append (out, ",\"vix_expiry\":");
      append_date (out, self->leg.expiry);
      alvh_json_append_member (out, "quantity", self->leg.quantity);
      alvh_json_append_member (out, "premium", self->leg.premium);
      alvh_json_append_member (out, "forward", self->leg_forward);
      alvh_json_append_member (out, "vol", self->leg_vol);
      g_string_append (out, "},\"estimated_cost\":");
      alvh_json_append_number (out, self->estimated_cost);
    }
  else
    g_string_append (out, ",\"leg\":null,\"estimated_cost\":null");
  alvh_json_append_member (out, "premium_paid", self->premium_paid);
  alvh_json_append_member (out, "credit_collected", self->credit_collected);
  alvh_json_append_member (out, "iv_t", self->iv);
  g_string_append (out, ",\"iv_source\":");
  g_string_append (out, !isfinite (self->iv) ? "null" : self->iv_from_chain ? "\"chain\"" : "\"vix\"");
  g_string_append (out, ",\"signals\":{");
  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *s = &self->signals[i];

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '"');
      g_string_append (out, alvh_signal_id_to_key ((AlvhSignalId) i));
      g_string_append (out, "\":{\"kind\":\"");
      g_string_append (out, alvh_signal_kind_to_string (s->kind));
      g_string_append (out, "\",\"value\":");
      if (s->available)
        alvh_json_append_number (out, s->value);
      else
        g_string_append (out, "null");
      alvh_json_append_member (out, "threshold", s->threshold);
      if (isfinite (s->threshold_high))
        {
          alvh_json_append_member (out, "threshold_high", s->threshold_high);
        }
      g_string_append (out, ",\"fired\":");
      g_string_append (out, s->available && s->fired ? "true" : "false");
      g_string_append_c (out, '}');
    }
  g_string_append (out, "},\"profile\":{\"name\":");
  alvh_json_append_string (out, self->profile_name);
  g_string_append_printf (out, ",\"version\":%d}", self->profile_version);
  if (with_explanation)
    {
      g_auto(GStrv) sentences = alvh_decision_dup_explanation (self);

      g_string_append (out, ",\"explanation\":[");
      for (guint i = 0; sentences[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          alvh_json_append_string (out, sentences[i]);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');
}

char *
alvh_decision_to_json (const AlvhDecision *self)
{
  GString *s = g_string_sized_new (1024);

  alvh_decision_append_json (self, s, TRUE);
  return g_string_free (s, FALSE);
}
