/* alvh-profile.c — rule profiles: defaults, descriptors, key-file text */
#define G_LOG_DOMAIN "alvh-profile"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "alvh-profile.h"

G_DEFINE_QUARK (alvh-profile-error-quark, alvh_profile_error)
G_DEFINE_BOXED_TYPE (AlvhProfile, alvh_profile, alvh_profile_ref, alvh_profile_unref)

#define PROFILE_GROUP "profile"
#define THRESHOLDS_GROUP "thresholds"

typedef struct
{
  AlvhProfileDescriptor d;
  gssize                offset; /* of the int or double field; -1 for the ratio */
} Entry;

#define D(key_, label_, type_, min_, max_, def_, deftext_, unit_, desc_) \
  { { #key_, type_, min_, max_, def_, deftext_, unit_, desc_, label_ }, offsetof (AlvhProfile, key_) }

static const Entry entries[] = {
  D (iv_window_hours, N_("IV window"), ALVH_PROFILE_VALUE_DOUBLE, 1, 24 * 30, 48, "48", N_("hours"),
     N_("IV expansion compares the IV now with the IV of the latest bar at least this long ago.")),
  D (iv_expansion, N_("IV expansion"), ALVH_PROFILE_VALUE_DOUBLE, 0, 10, 0.15, "0.15", N_("fraction"),
     N_("IV expansion fires when the IV rose by at least this fraction over the window.")),
  D (term_inversion, N_("Term inversion"), ALVH_PROFILE_VALUE_DOUBLE, -1, 1, 0.0, "0", N_("fraction"),
     N_("Term inversion fires when max(VIX/VX1, VX1/VX2) - 1 is above this value.")),
  D (rsi_period, N_("RSI period"), ALVH_PROFILE_VALUE_INT, 2, 250, 14, "14", N_("bars"),
     N_("Number of bars of the Wilder RSI of the SPX close.")),
  D (rsi_low, N_("RSI oversold level"), ALVH_PROFILE_VALUE_DOUBLE, 0, 100, 30, "30", N_("RSI"),
     N_("RSI extreme fires when the RSI is at or below this level.")),
  D (rsi_high, N_("RSI overbought level"), ALVH_PROFILE_VALUE_DOUBLE, 0, 100, 70, "70", N_("RSI"),
     N_("RSI extreme fires when the RSI is at or above this level.")),
  D (ad_lookback, N_("A/D divergence window"), ALVH_PROFILE_VALUE_INT, 2, 500, 20, "20", N_("bars"),
     N_("Window of the advance/decline divergence test.")),
  D (theta_erosion, N_("Theta erosion"), ALVH_PROFILE_VALUE_DOUBLE, 0, 100, 1.5, "1.5", N_("times"),
     N_("Theta erosion fires when time value eroded at least this many times faster than the model expected.")),
  D (wing_sd, N_("Wing proximity"), ALVH_PROFILE_VALUE_DOUBLE, -10, 10, 0.65, "0.65", N_("standard deviations"),
     N_("Wing proximity fires when a short strike is this many expected moves from the index, or closer.")),
  D (beta_window, N_("Beta window"), ALVH_PROFILE_VALUE_INT, 2, 1000, 60, "60", N_("return pairs"),
     N_("Number of bar-to-bar returns in the VIX-on-SPX beta that maps VIX deltas to SPX.")),
  D (delta_tolerance, N_("Book delta tolerance"), ALVH_PROFILE_VALUE_DOUBLE, 0, 100, 0.18, "0.18", N_("delta per unit"),
     N_("Book delta fires when the absolute SPX-equivalent delta per condor unit exceeds this value.")),
  D (macro_window_days, N_("Macro window"), ALVH_PROFILE_VALUE_INT, 0, 365, 5, "5", N_("days"),
     N_("Macro regime fires when a regime-shift event lies within this many calendar days.")),
  D (max_layers, N_("Maximum layers"), ALVH_PROFILE_VALUE_INT, 1, ALVH_PROFILE_MAX_LAYERS, 3, "3", N_("layers"),
     N_("No hedge is added once this many layers are open.")),
  D (cooldown_hours, N_("Cooldown"), ALVH_PROFILE_VALUE_DOUBLE, 0, 24 * 365, 24, "24", N_("hours"),
     N_("No hedge is added within this many hours of the last one.")),
  D (realtime_quorum, N_("Real-time quorum"), ALVH_PROFILE_VALUE_INT, 1, 6, 2, "2", N_("rules"),
     N_("Confluence adds a hedge when at least this many real-time rules fired.")),
  D (max_hedge_cost_ratio, N_("Maximum hedge cost"), ALVH_PROFILE_VALUE_DOUBLE, 0, 100, 0.5, "0.5", N_("fraction of credit"),
     N_("A hedge is blocked when all hedge premium would exceed this fraction of the credit collected.")),
  D (base_size, N_("Base size"), ALVH_PROFILE_VALUE_DOUBLE, 0, 1000, 1, "1", N_("contracts per unit"),
     N_("Hedge contracts per condor unit for a ratio part of 1.")),
  { { "layer_ratio", ALVH_PROFILE_VALUE_RATIO, 1, 100, 0, "1:2:3", N_("ratio"),
      N_("Size multipliers of the successive layers, e.g. 1:2:3."), N_("Layer ratio") }, -1 },
  D (hedge_min_dte, N_("Hedge minimum DTE"), ALVH_PROFILE_VALUE_INT, 0, 365, 30, "30", N_("days"),
     N_("The hedge uses the first VIX expiry at least this many calendar days out.")),
  D (hedge_otm, N_("Hedge distance out of the money"), ALVH_PROFILE_VALUE_DOUBLE, 0, 10, 0.10, "0.1", N_("fraction"),
     N_("The long strike lies this fraction above the VIX future.")),
  D (hedge_width, N_("Hedge spread width"), ALVH_PROFILE_VALUE_DOUBLE, 0.5, 100, 5, "5", N_("VIX points"),
     N_("Distance from the long to the short strike of the call spread.")),
  D (vix_vol, N_("VIX option volatility"), ALVH_PROFILE_VALUE_DOUBLE, 0.01, 10, 0.90, "0.9", N_("fraction"),
     N_("Volatility of VIX options when VVIX is not known, and for marking.")),
  D (rate, N_("Risk-free rate"), ALVH_PROFILE_VALUE_DOUBLE, -0.5, 1, 0.04, "0.04", N_("fraction per year"),
     N_("Risk-free rate.")),
  D (div_yield, N_("Dividend yield"), ALVH_PROFILE_VALUE_DOUBLE, -0.5, 1, 0.013, "0.013", N_("fraction per year"),
     N_("SPX dividend yield.")),
  D (multiplier, N_("Contract multiplier"), ALVH_PROFILE_VALUE_DOUBLE, 1, 10000, 100, "100", N_("dollars per point"),
     N_("Contract multiplier of SPX and VIX options.")),
  D (condor_dte, N_("Condor DTE at entry"), ALVH_PROFILE_VALUE_INT, 1, 3650, 45, "45", N_("days"),
     N_("Replays open condors expiring on the first Friday at least this many days out.")),
  D (short_delta, N_("Short strike delta"), ALVH_PROFILE_VALUE_DOUBLE, 0.001, 0.5, 0.16, "0.16", N_("delta"),
     N_("Replays place the short strikes at this absolute delta.")),
  D (wing_width, N_("Condor wing width"), ALVH_PROFILE_VALUE_DOUBLE, 1, 10000, 50, "50", N_("SPX points"),
     N_("Distance from the short to the long strike of the condor wings.")),
  D (close_dte, N_("Condor DTE at close"), ALVH_PROFILE_VALUE_INT, 0, 3650, 21, "21", N_("days"),
     N_("Replays close condors and their hedges at this many days to expiry.")),
};

#undef D

/* Rules across keys, checked by alvh_profile_validate() in this order */
static const AlvhProfileRule rules[] = {
  { "close_dte", ALVH_PROFILE_RULE_LESS, "condor_dte",
    N_("Replays must close a condor before the expiry they open it at.") },
  { "rsi_low", ALVH_PROFILE_RULE_LESS, "rsi_high",
    N_("The oversold level must lie below the overbought level.") },
  { "max_layers", ALVH_PROFILE_RULE_AT_MOST_PARTS, "layer_ratio",
    N_("Every layer that may open needs its own part of the ratio.") },
};

static const AlvhProfileDescriptor *descriptors_cache;

const AlvhProfileDescriptor *
alvh_profile_get_descriptors (guint *n_descriptors)
{
  if (g_once_init_enter (&descriptors_cache))
    {
      AlvhProfileDescriptor *d = g_new0 (AlvhProfileDescriptor, G_N_ELEMENTS (entries));

      for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
        d[i] = entries[i].d;
      g_once_init_leave (&descriptors_cache, d);
    }
  if (n_descriptors != NULL)
    *n_descriptors = G_N_ELEMENTS (entries);
  return descriptors_cache;
}

static const Entry *
find_entry (const char *key)
{
  if (key == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (strcmp (entries[i].d.key, key) == 0)
      return &entries[i];
  return NULL;
}

const AlvhProfileDescriptor *
alvh_profile_find_descriptor (const char *key)
{
  const AlvhProfileDescriptor *all = alvh_profile_get_descriptors (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (key != NULL && strcmp (all[i].key, key) == 0)
      return &all[i];
  return NULL;
}

AlvhProfile *
alvh_profile_new (void)
{
  AlvhProfile *self = g_new0 (AlvhProfile, 1);

  self->ref_count = 1;
  self->name = g_strdup ("Default");
  self->version = 1;
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const Entry *e = &entries[i];

      if (e->d.type == ALVH_PROFILE_VALUE_INT)
        G_STRUCT_MEMBER (int, self, e->offset) = (int) e->d.default_value;
      else if (e->d.type == ALVH_PROFILE_VALUE_DOUBLE)
        G_STRUCT_MEMBER (double, self, e->offset) = e->d.default_value;
    }
  self->layer_ratio[0] = 1;
  self->layer_ratio[1] = 2;
  self->layer_ratio[2] = 3;
  self->n_layer_ratio = 3;
  return self;
}

AlvhProfile *
alvh_profile_copy (const AlvhProfile *self)
{
  AlvhProfile *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->ref_count = 1;
  copy->name = g_strdup (self->name);
  return copy;
}

AlvhProfile *
alvh_profile_ref (AlvhProfile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_int_inc (&self->ref_count);
  return self;
}

void
alvh_profile_unref (AlvhProfile *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_int_dec_and_test (&self->ref_count))
    {
      g_free (self->name);
      g_free (self);
    }
}

const char *
alvh_profile_get_name (const AlvhProfile *self)
{
  return self->name;
}

void
alvh_profile_set_name (AlvhProfile *self,
                       const char  *name)
{
  char *copy = g_strdup (name != NULL ? name : "");

  g_free (self->name);
  self->name = copy;
}

int
alvh_profile_get_version (const AlvhProfile *self)
{
  return self->version;
}

void
alvh_profile_set_version (AlvhProfile *self,
                          int          version)
{
  self->version = version;
}

guint
alvh_profile_layer_ratio (const AlvhProfile *self,
                          guint              layer)
{
  if (self->n_layer_ratio == 0)
    return 1;
  if (layer < 1)
    layer = 1;
  if (layer > self->n_layer_ratio)
    layer = self->n_layer_ratio;
  return self->layer_ratio[layer - 1];
}

double
alvh_profile_get_value (const AlvhProfile *self,
                        const char        *key)
{
  const Entry *e = find_entry (key);

  if (e == NULL)
    return NAN;
  switch (e->d.type)
    {
    case ALVH_PROFILE_VALUE_INT:
      return G_STRUCT_MEMBER (int, self, e->offset);
    case ALVH_PROFILE_VALUE_DOUBLE:
      return G_STRUCT_MEMBER (double, self, e->offset);
    case ALVH_PROFILE_VALUE_RATIO:
    default:
      return self->n_layer_ratio;
    }
}

static char *
format_number (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.12g", v);
  return g_strdup (buf);
}

static void
set_range_error (GError      **error,
                 const char   *where,
                 const Entry  *e,
                 const char   *found)
{
  g_autofree char *min = format_number (e->d.min);
  g_autofree char *max = format_number (e->d.max);

  g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_RANGE,
               "%s%s: “%s” is out of range: expected %s%s from %s to %s",
               where != NULL ? where : "", e->d.key, found,
               e->d.type == ALVH_PROFILE_VALUE_INT ? "an integer" :
               e->d.type == ALVH_PROFILE_VALUE_RATIO ? "parts" : "a number",
               "", min, max);
}

static gboolean
set_value_internal (AlvhProfile  *self,
                    const Entry  *e,
                    double        value,
                    const char   *where,
                    const char   *text,
                    GError      **error)
{
  g_autofree char *shown = text != NULL ? g_strdup (text) : format_number (value);

  if (e->d.type == ALVH_PROFILE_VALUE_RATIO)
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE,
                   "%s%s: expected a ratio of whole numbers such as 1:2:3",
                   where != NULL ? where : "", e->d.key);
      return FALSE;
    }
  if (!isfinite (value))
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE,
                   "%s%s: expected a finite number, found “%s”",
                   where != NULL ? where : "", e->d.key, shown);
      return FALSE;
    }
  if (e->d.type == ALVH_PROFILE_VALUE_INT && value != floor (value))
    {
      g_autofree char *min = format_number (e->d.min);
      g_autofree char *max = format_number (e->d.max);

      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE,
                   "%s%s: expected an integer from %s to %s, found “%s”",
                   where != NULL ? where : "", e->d.key, min, max, shown);
      return FALSE;
    }
  if (value < e->d.min || value > e->d.max)
    {
      set_range_error (error, where, e, shown);
      return FALSE;
    }
  if (e->d.type == ALVH_PROFILE_VALUE_INT)
    G_STRUCT_MEMBER (int, self, e->offset) = (int) value;
  else
    G_STRUCT_MEMBER (double, self, e->offset) = value;
  return TRUE;
}

gboolean
alvh_profile_set_value (AlvhProfile  *self,
                        const char   *key,
                        double        value,
                        GError      **error)
{
  const Entry *e = find_entry (key);

  if (e == NULL)
    {
      g_autofree char *near = alvh_profile_dup_nearest_keys (key != NULL ? key : "");

      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_UNKNOWN_KEY,
                   "unknown profile key “%s”: %s", key != NULL ? key : "(null)", near);
      return FALSE;
    }
  return set_value_internal (self, e, value, NULL, NULL, error);
}

static gboolean
parse_ratio (AlvhProfile  *self,
             const Entry  *e,
             const char   *text,
             const char   *where,
             GError      **error)
{
  g_auto(GStrv) parts = g_strsplit (text, ":", -1);
  guint n = g_strv_length (parts);
  guint values[ALVH_PROFILE_MAX_LAYERS];

  if (n == 0 || n > ALVH_PROFILE_MAX_LAYERS)
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE,
                   "%s%s: expected 1 to %d whole numbers separated by “:” (such as 1:2:3), found “%s”",
                   where != NULL ? where : "", e->d.key, ALVH_PROFILE_MAX_LAYERS, text);
      return FALSE;
    }
  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;
      const char *p = g_strstrip (parts[i]);
      guint64 v;

      errno = 0;
      v = g_ascii_strtoull (p, &end, 10);
      if (*p == '\0' || end == NULL || *end != '\0' || errno != 0 || *p == '-' || *p == '+')
        {
          g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE,
                       "%s%s: expected whole numbers separated by “:” (such as 1:2:3), found “%s”",
                       where != NULL ? where : "", e->d.key, text);
          return FALSE;
        }
      if ((double) v < e->d.min || (double) v > e->d.max)
        {
          g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_RANGE,
                       "%s%s: part “%s” of “%s” is out of range: expected each part from %g to %g",
                       where != NULL ? where : "", e->d.key, p, text, e->d.min, e->d.max);
          return FALSE;
        }
      values[i] = (guint) v;
    }
  memcpy (self->layer_ratio, values, n * sizeof (guint));
  self->n_layer_ratio = n;
  return TRUE;
}

static gboolean
set_from_string_internal (AlvhProfile  *self,
                          const Entry  *e,
                          const char   *text,
                          const char   *where,
                          GError      **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  char *end = NULL;
  double v;

  if (e->d.type == ALVH_PROFILE_VALUE_RATIO)
    return parse_ratio (self, e, stripped, where, error);

  v = g_ascii_strtod (stripped, &end);
  if (*stripped == '\0' || end == NULL || *end != '\0')
    {
      g_autofree char *min = format_number (e->d.min);
      g_autofree char *max = format_number (e->d.max);

      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE,
                   "%s%s: expected %s from %s to %s, found “%s”",
                   where != NULL ? where : "", e->d.key,
                   e->d.type == ALVH_PROFILE_VALUE_INT ? "an integer" : "a number",
                   min, max, stripped);
      return FALSE;
    }
  return set_value_internal (self, e, v, where, stripped, error);
}

gboolean
alvh_profile_set_from_string (AlvhProfile  *self,
                              const char   *key,
                              const char   *text,
                              GError      **error)
{
  const Entry *e = find_entry (key);

  g_return_val_if_fail (text != NULL, FALSE);
  if (e == NULL)
    {
      g_autofree char *near = alvh_profile_dup_nearest_keys (key != NULL ? key : "");

      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_UNKNOWN_KEY,
                   "unknown profile key “%s”: %s", key != NULL ? key : "(null)", near);
      return FALSE;
    }
  return set_from_string_internal (self, e, text, NULL, error);
}

char *
alvh_profile_dup_string (const AlvhProfile *self,
                         const char        *key)
{
  const Entry *e = find_entry (key);

  if (e == NULL)
    return NULL;
  if (e->d.type == ALVH_PROFILE_VALUE_RATIO)
    {
      GString *s = g_string_new (NULL);

      for (guint i = 0; i < self->n_layer_ratio; i++)
        g_string_append_printf (s, "%s%u", i > 0 ? ":" : "", self->layer_ratio[i]);
      return g_string_free (s, FALSE);
    }
  if (e->d.type == ALVH_PROFILE_VALUE_INT)
    return g_strdup_printf ("%d", G_STRUCT_MEMBER (int, self, e->offset));
  return format_number (G_STRUCT_MEMBER (double, self, e->offset));
}

/* Line number of "key=" inside [group] of the text, for error messages; 0 if not found. */
static guint
find_line (const char *data,
           gsize       length,
           const char *group,
           const char *key)
{
  g_autofree char *copy = g_strndup (data, length);
  g_auto(GStrv) lines = g_strsplit (copy, "\n", -1);
  gboolean in_group = FALSE;
  gsize klen = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *l = lines[i];

      while (*l == ' ' || *l == '\t')
        l++;
      if (*l == '[')
        {
          in_group = strncmp (l + 1, group, strlen (group)) == 0 && l[1 + strlen (group)] == ']';
          continue;
        }
      if (in_group && strncmp (l, key, klen) == 0 &&
          (l[klen] == '=' || l[klen] == ' ' || l[klen] == '\t'))
        return i + 1;
    }
  return 0;
}

AlvhProfile *
alvh_profile_new_from_data (const char  *data,
                            gssize       length,
                            const char  *filename,
                            GError     **error)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autoptr(AlvhProfile) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) groups = NULL;
  g_auto(GStrv) keys = NULL;
  const char *fname = filename != NULL ? filename : "<profile>";

  g_return_val_if_fail (data != NULL, NULL);
  if (length < 0)
    length = (gssize) strlen (data);

  if (!g_key_file_load_from_data (kf, data, (gsize) length, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_PARSE,
                   "%s: not a profile key file: %s", fname, local_error->message);
      return NULL;
    }
  if (!g_key_file_has_group (kf, PROFILE_GROUP))
    {
      g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_PARSE,
                   "%s:1:1: expected a [%s] group with name= and version=", fname, PROFILE_GROUP);
      return NULL;
    }

  self = alvh_profile_new ();
  groups = g_key_file_get_groups (kf, NULL);
  for (guint g = 0; groups[g] != NULL; g++)
    if (strcmp (groups[g], PROFILE_GROUP) != 0 && strcmp (groups[g], THRESHOLDS_GROUP) != 0)
      {
        g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_UNKNOWN_KEY,
                     "%s: unknown group [%s]: expected [%s] and [%s]",
                     fname, groups[g], PROFILE_GROUP, THRESHOLDS_GROUP);
        return NULL;
      }

  keys = g_key_file_get_keys (kf, PROFILE_GROUP, NULL, NULL);
  for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
    {
      guint line = find_line (data, (gsize) length, PROFILE_GROUP, keys[k]);
      g_autofree char *value = g_key_file_get_value (kf, PROFILE_GROUP, keys[k], NULL);

      if (strcmp (keys[k], "name") == 0)
        {
          g_autofree char *name = g_key_file_get_string (kf, PROFILE_GROUP, "name", NULL);
          alvh_profile_set_name (self, name != NULL ? name : value);
        }
      else if (strcmp (keys[k], "version") == 0)
        {
          char *end = NULL;
          gint64 v = g_ascii_strtoll (value, &end, 10);

          if (*value == '\0' || *end != '\0' || v < 0 || v > G_MAXINT)
            {
              g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_TYPE,
                           "%s:%u: version: expected an integer from 0 to %d, found “%s”",
                           fname, line, G_MAXINT, value);
              return NULL;
            }
          self->version = (int) v;
        }
      else
        {
          g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_UNKNOWN_KEY,
                       "%s:%u: unknown key “%s” in [%s]: expected name or version",
                       fname, line, keys[k], PROFILE_GROUP);
          return NULL;
        }
    }
  g_clear_pointer (&keys, g_strfreev);

  keys = g_key_file_get_keys (kf, THRESHOLDS_GROUP, NULL, NULL);
  for (guint k = 0; keys != NULL && keys[k] != NULL; k++)
    {
      guint line = find_line (data, (gsize) length, THRESHOLDS_GROUP, keys[k]);
      g_autofree char *where = g_strdup_printf ("%s:%u: ", fname, line);
      g_autofree char *value = g_key_file_get_value (kf, THRESHOLDS_GROUP, keys[k], NULL);
      const Entry *e = find_entry (keys[k]);

      if (e == NULL)
        {
          g_autofree char *near = alvh_profile_dup_nearest_keys (keys[k]);

          g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_UNKNOWN_KEY,
                       "%sunknown threshold “%s” in [%s]: %s", where, keys[k], THRESHOLDS_GROUP, near);
          return NULL;
        }
      if (!set_from_string_internal (self, e, value, where, error))
        return NULL;
    }

  if (!alvh_profile_validate (self, &local_error))
    {
      g_set_error (error, ALVH_PROFILE_ERROR, local_error->code,
                   "%s: %s", fname, local_error->message);
      return NULL;
    }
  return g_steal_pointer (&self);
}

AlvhProfile *
alvh_profile_new_from_file (const char  *path,
                            GError     **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &text, &len, error))
    return NULL;
  return alvh_profile_new_from_data (text, (gssize) len, path, error);
}

char *
alvh_profile_to_data (const AlvhProfile *self,
                      gsize             *length)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();

  g_key_file_set_string (kf, PROFILE_GROUP, "name", self->name != NULL ? self->name : "");
  g_key_file_set_integer (kf, PROFILE_GROUP, "version", self->version);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *v = alvh_profile_dup_string (self, entries[i].d.key);
      g_key_file_set_value (kf, THRESHOLDS_GROUP, entries[i].d.key, v);
    }
  return g_key_file_to_data (kf, length, NULL);
}

gboolean
alvh_profile_save_to_file (const AlvhProfile *self,
                           const char        *path,
                           GError           **error)
{
  gsize len = 0;
  g_autofree char *data = alvh_profile_to_data (self, &len);

  return g_file_set_contents (path, data, (gssize) len, error);
}

gboolean
alvh_profile_equal_values (const AlvhProfile *a,
                           const AlvhProfile *b)
{
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const Entry *e = &entries[i];

      if (e->d.type == ALVH_PROFILE_VALUE_RATIO)
        {
          if (a->n_layer_ratio != b->n_layer_ratio ||
              memcmp (a->layer_ratio, b->layer_ratio, a->n_layer_ratio * sizeof (guint)) != 0)
            return FALSE;
        }
      else if (alvh_profile_get_value (a, e->d.key) != alvh_profile_get_value (b, e->d.key))
        return FALSE;
    }
  return TRUE;
}

const AlvhProfileRule *
alvh_profile_get_rules (guint *n_rules)
{
  if (n_rules != NULL)
    *n_rules = G_N_ELEMENTS (rules);
  return rules;
}

gboolean
alvh_profile_validate (const AlvhProfile  *self,
                       GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      const AlvhProfileRule *r = &rules[i];
      double a = alvh_profile_get_value (self, r->key);
      double b = alvh_profile_get_value (self, r->other);
      g_autofree char *ta = alvh_profile_dup_string (self, r->key);
      g_autofree char *tb = alvh_profile_dup_string (self, r->other);

      if (r->relation == ALVH_PROFILE_RULE_LESS && !(a < b))
        {
          g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_RANGE,
                       "%s=%s must be below %s=%s: %s",
                       r->key, ta, r->other, tb, r->description);
          return FALSE;
        }
      if (r->relation == ALVH_PROFILE_RULE_AT_MOST_PARTS && !(a <= b))
        {
          g_set_error (error, ALVH_PROFILE_ERROR, ALVH_PROFILE_ERROR_RANGE,
                       "%s=%s must be at most the number of parts of %s=%s (%u): %s",
                       r->key, ta, r->other, tb, (guint) b, r->description);
          return FALSE;
        }
    }
  return TRUE;
}

/* Edit distance of two ASCII keys (insertions, deletions, substitutions) */
static guint
edit_distance (const char *a,
               const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = (guint) j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];

      row[0] = (guint) i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          guint best = diag + (a[i - 1] == b[j - 1] ? 0 : 1);

          best = MIN (best, up + 1);
          best = MIN (best, row[j - 1] + 1);
          row[j] = best;
          diag = up;
        }
    }
  return row[lb];
}

char *
alvh_profile_dup_nearest_keys (const char *key)
{
  GString *out = g_string_new (NULL);
  guint best[3] = { G_MAXUINT, G_MAXUINT, G_MAXUINT };
  const char *names[3] = { NULL, NULL, NULL };

  g_return_val_if_fail (key != NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const char *k = entries[i].d.key;
      guint d = edit_distance (key, k);
      guint limit = MAX (2, (guint) strlen (key) / 3);

      if (*key != '\0' && (strstr (k, key) != NULL || strstr (key, k) != NULL))
        d = MIN (d, 1);
      if (d > limit)
        continue;
      for (guint slot = 0; slot < 3; slot++)
        if (d < best[slot])
          {
            for (guint m = 2; m > slot; m--)
              {
                best[m] = best[m - 1];
                names[m] = names[m - 1];
              }
            best[slot] = d;
            names[slot] = k;
            break;
          }
    }
  if (names[0] != NULL)
    {
      g_string_append (out, "did you mean ");
      for (guint slot = 0; slot < 3 && names[slot] != NULL; slot++)
        g_string_append_printf (out, "%s%s", slot > 0 ? " or " : "", names[slot]);
      g_string_append (out, "?");
      return g_string_free (out, FALSE);
    }
  g_string_append (out, "valid keys are ");
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_string_append_printf (out, "%s%s", i > 0 ? ", " : "", entries[i].d.key);
  return g_string_free (out, FALSE);
}

char *
alvh_profile_descriptor_dup_range (const AlvhProfileDescriptor *d)
{
  g_autofree char *min = format_number (d->min);
  g_autofree char *max = format_number (d->max);

  g_return_val_if_fail (d != NULL, NULL);
  switch (d->type)
    {
    case ALVH_PROFILE_VALUE_INT:
      return g_strdup_printf (_("an integer from %s to %s"), min, max);
    case ALVH_PROFILE_VALUE_RATIO:
      return g_strdup_printf (_("1 to %d parts separated by “:”, each a whole number from %s to %s"),
                              ALVH_PROFILE_MAX_LAYERS, min, max);
    case ALVH_PROFILE_VALUE_DOUBLE:
    default:
      return g_strdup_printf (_("a number from %s to %s"), min, max);
    }
}

static char *
rule_dup_text (const AlvhProfileRule *r)
{
  if (r->relation == ALVH_PROFILE_RULE_AT_MOST_PARTS)
    return g_strdup_printf (_("%s ≤ the number of parts of %s: %s"), r->key, r->other, _(r->description));
  return g_strdup_printf ("%s < %s: %s", r->key, r->other, _(r->description));
}

char *
alvh_profile_dup_reference (void)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s\n\n", _("A profile file is a key file with two groups; keys left out keep their default:"));
  g_string_append (out, "  [profile]\n  name=My profile\n  version=1\n\n  [thresholds]\n  iv_expansion=0.15\n  layer_ratio=1:2:3\n\n");
  g_string_append_printf (out, "%s\n", _("Keys of [thresholds]:"));
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const AlvhProfileDescriptor *d = &entries[i].d;
      g_autofree char *range = alvh_profile_descriptor_dup_range (d);

      g_string_append_printf (out, "  %s — %s\n      %s\n      ", d->key, _(d->label), _(d->description));
      g_string_append_printf (out, _("Unit: %s. Default: %s. Allowed: %s."), _(d->unit), d->default_text, range);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "\n%s\n", _("Rules across keys:"));
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *text = rule_dup_text (&rules[i]);

      g_string_append_printf (out, "  %s\n", text);
    }
  return g_string_free (out, FALSE);
}

char *
alvh_profile_to_documented_data (const AlvhProfile *self,
                                 gsize             *length)
{
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  g_autofree char *data = NULL;

  g_return_val_if_fail (self != NULL, NULL);
  data = alvh_profile_to_data (self, NULL);
  /* the plain text always loads: it is this module's own output */
  g_key_file_load_from_data (kf, data, (gsize) -1, G_KEY_FILE_KEEP_COMMENTS, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      const AlvhProfileDescriptor *d = &entries[i].d;
      g_autofree char *range = alvh_profile_descriptor_dup_range (d);
      g_autofree char *facts = g_strdup_printf (_("Unit: %s. Default: %s. Allowed: %s."),
                                                _(d->unit), d->default_text, range);
      g_autofree char *comment = g_strdup_printf (" %s. %s\n %s", _(d->label), _(d->description), facts);

      g_key_file_set_comment (kf, THRESHOLDS_GROUP, d->key, comment, NULL);
    }
  return g_key_file_to_data (kf, length, NULL);
}
