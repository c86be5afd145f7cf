/* alvh-profile.h — a rule profile: every threshold of ALVH-SPEC.md
 *
 * The evaluator reads the public fields directly (hot path).  Change them
 * through alvh_profile_set_* so that values are checked against the
 * descriptor table; UIs build their editor from alvh_profile_get_descriptors().
 *
 * Text form (GKeyFile):
 *     [profile]
 *     name=Default
 *     version=1
 *
 *     [thresholds]
 *     iv_window_hours=48
 *     iv_expansion=0.15
 *     layer_ratio=1:2:3
 *     ...
 * Keys missing from [thresholds] keep their defaults.  Unknown keys (with the
 * nearest valid names), values of the wrong type, values out of range and
 * profiles breaking a rule across keys (alvh_profile_get_rules()) are refused;
 * the error names the key, the line, and the allowed range.
 * alvh_profile_dup_reference() documents the format from the same table.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALVH_TYPE_PROFILE (alvh_profile_get_type ())
#define ALVH_PROFILE_ERROR (alvh_profile_error_quark ())
#define ALVH_PROFILE_MAX_LAYERS 8

typedef enum
{
  ALVH_PROFILE_ERROR_PARSE,        /* not a key file, missing [profile] */
  ALVH_PROFILE_ERROR_UNKNOWN_KEY,
  ALVH_PROFILE_ERROR_TYPE,         /* not a number / not an integer / bad ratio */
  ALVH_PROFILE_ERROR_RANGE,        /* outside [min, max] */
} AlvhProfileError;

typedef enum
{
  ALVH_PROFILE_VALUE_INT,
  ALVH_PROFILE_VALUE_DOUBLE,
  ALVH_PROFILE_VALUE_RATIO,        /* "1:2:3", positive integers */
} AlvhProfileValueType;

typedef struct
{
  const char           *key;          /* "iv_expansion" */
  AlvhProfileValueType  type;
  double                min;          /* inclusive; for RATIO: min of each part */
  double                max;          /* inclusive; for RATIO: max of each part */
  double                default_value;/* for RATIO: unused (see default_text) */
  const char           *default_text; /* "0.15", "1:2:3" */
  const char           *unit;         /* N_()-marked: "hours", "fraction", ... ("" none) */
  const char           *description;  /* N_()-marked: show with _() */
  const char           *label;        /* N_()-marked: "IV window", a row's title */
} AlvhProfileDescriptor;

typedef enum
{
  ALVH_PROFILE_RULE_LESS,            /* key < other */
  ALVH_PROFILE_RULE_AT_MOST_PARTS,   /* key <= the number of parts of the ratio other */
} AlvhProfileRelation;

/* A rule across two keys, checked by alvh_profile_validate() */
typedef struct
{
  const char          *key;          /* "close_dte" */
  AlvhProfileRelation  relation;
  const char          *other;        /* "condor_dte" */
  const char          *description;  /* N_()-marked: why; show with _() */
} AlvhProfileRule;

typedef struct _AlvhProfile AlvhProfile;

struct _AlvhProfile
{
  /*< private >*/
  gint    ref_count;
  /*< public, read-only >*/
  char   *name;
  int     version;

  /* real-time rules */
  double  iv_window_hours;      /* 48 */
  double  iv_expansion;         /* 0.15 */
  double  term_inversion;       /* 0.0 */
  int     rsi_period;           /* 14 */
  double  rsi_low;              /* 30 */
  double  rsi_high;             /* 70 */
  int     ad_lookback;          /* 20 */
  double  theta_erosion;        /* 1.5 */
  /* fixed triggers */
  double  wing_sd;              /* 0.65 */
  int     beta_window;          /* 60 */
  double  delta_tolerance;      /* 0.18 */
  int     macro_window_days;    /* 5 */
  /* tree */
  int     max_layers;           /* 3 */
  double  cooldown_hours;       /* 24 */
  int     realtime_quorum;      /* 2 */
  double  max_hedge_cost_ratio; /* 0.5 */
  /* the leg */
  double  base_size;            /* 1 */
  guint   layer_ratio[ALVH_PROFILE_MAX_LAYERS]; /* 1, 2, 3 */
  guint   n_layer_ratio;        /* 3; layer n > n_layer_ratio uses the last part */
  int     hedge_min_dte;        /* 30 */
  double  hedge_otm;            /* 0.10 */
  double  hedge_width;          /* 5 */
  double  vix_vol;              /* 0.90 */
  /* market constants */
  double  rate;                 /* 0.04 */
  double  div_yield;            /* 0.013 */
  double  multiplier;           /* 100 */
  /* replay policy */
  int     condor_dte;           /* 45 */
  double  short_delta;          /* 0.16 */
  double  wing_width;           /* 50 */
  int     close_dte;            /* 21 */
};

/**
 * alvh_profile_get_type:
 * Returns: the boxed type of #AlvhProfile
 */
GType         alvh_profile_get_type        (void) G_GNUC_CONST;

/**
 * alvh_profile_error_quark:
 * Returns: the error domain %ALVH_PROFILE_ERROR
 */
GQuark        alvh_profile_error_quark     (void);

/**
 * alvh_profile_new:
 * Returns: (transfer full): a profile with the spec's defaults, named "Default", version 1
 */
AlvhProfile  *alvh_profile_new             (void);

/**
 * alvh_profile_copy:
 * @self: a profile
 *
 * Returns: (transfer full): a new profile with the same name, version and values
 */
AlvhProfile  *alvh_profile_copy            (const AlvhProfile *self);

/**
 * alvh_profile_ref:
 * @self: a profile
 *
 * Returns: (transfer full): @self with one more reference
 */
AlvhProfile  *alvh_profile_ref             (AlvhProfile  *self);

/**
 * alvh_profile_unref:
 * @self: (transfer full): a profile
 *
 * Drops a reference; the last one frees the profile.
 */
void          alvh_profile_unref           (AlvhProfile  *self);

/**
 * alvh_profile_get_name:
 * @self: a profile
 *
 * Returns: (transfer none): the profile's name
 */
const char   *alvh_profile_get_name        (const AlvhProfile *self);

/**
 * alvh_profile_set_name:
 * @self: a profile
 * @name: the new name; copied
 */
void          alvh_profile_set_name        (AlvhProfile  *self,
                                            const char   *name);

/**
 * alvh_profile_get_version:
 * @self: a profile
 *
 * Returns: the profile's version, from 1
 */
int           alvh_profile_get_version     (const AlvhProfile *self);

/**
 * alvh_profile_set_version:
 * @self: a profile
 * @version: the new version
 */
void          alvh_profile_set_version     (AlvhProfile  *self,
                                            int           version);

/**
 * alvh_profile_get_descriptors:
 * @n_descriptors: (out) (optional): the number of descriptors
 *
 * Returns: (transfer none) (array length=n_descriptors): the static table of
 *   every key with its type, range, default and unit, in the spec's order
 */
const AlvhProfileDescriptor *alvh_profile_get_descriptors (guint *n_descriptors);

/**
 * alvh_profile_find_descriptor:
 * @key: a key such as "iv_expansion"
 *
 * Returns: (transfer none) (nullable): the key's descriptor, %NULL for an unknown key
 */
const AlvhProfileDescriptor *alvh_profile_find_descriptor (const char *key);

/**
 * alvh_profile_get_value:
 * @self: a profile
 * @key: a key
 *
 * Returns: the key's numeric value (for ratio keys: the number of parts),
 *   NAN for an unknown key
 */
double        alvh_profile_get_value       (const AlvhProfile *self,
                                            const char   *key);

/**
 * alvh_profile_set_value:
 * @self: a profile
 * @key: a key
 * @value: the new value
 * @error: return location for an error
 *
 * Sets a numeric key after checking its type (integers for integer keys)
 * and range.
 *
 * Returns: %TRUE when set; %FALSE with @error set, @self unchanged
 */
gboolean      alvh_profile_set_value       (AlvhProfile  *self,
                                            const char   *key,
                                            double        value,
                                            GError      **error);

/**
 * alvh_profile_set_from_string:
 * @self: a profile
 * @key: a key
 * @text: the value's text form ("0.15", "14", "1:2:3")
 * @error: return location for an error
 *
 * Returns: %TRUE when set; %FALSE with @error set, @self unchanged
 */
gboolean      alvh_profile_set_from_string (AlvhProfile  *self,
                                            const char   *key,
                                            const char   *text,
                                            GError      **error);

/**
 * alvh_profile_dup_string:
 * @self: a profile
 * @key: a key
 *
 * Returns: (transfer full) (nullable): the text form of the key's value
 *   ("0.15", "1:2:3"), %NULL for an unknown key
 */
char         *alvh_profile_dup_string      (const AlvhProfile *self,
                                            const char   *key);

/**
 * alvh_profile_layer_ratio:
 * @self: a profile
 * @layer: a layer, 1-based
 *
 * Returns: the ratio part for @layer; layers past the ratio's parts use its
 *   last part
 */
guint         alvh_profile_layer_ratio     (const AlvhProfile *self,
                                            guint         layer);

/**
 * alvh_profile_new_from_data:
 * @data: (array length=length): the key file text
 * @length: the length of @data, or -1 when it is nul-terminated
 * @filename: (nullable): the name of the source in error messages
 * @error: return location for an error naming the key, the line and the
 *   allowed range
 *
 * Keys missing from [thresholds] keep their defaults; unknown keys, values of
 * the wrong type and values out of range are refused.
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with @error set
 */
AlvhProfile  *alvh_profile_new_from_data   (const char   *data,
                                            gssize        length,
                                            const char   *filename,
                                            GError      **error);

/**
 * alvh_profile_new_from_file:
 * @path: a key file
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): the profile, or %NULL with @error set
 */
AlvhProfile  *alvh_profile_new_from_file   (const char   *path,
                                            GError      **error);

/**
 * alvh_profile_to_data:
 * @self: a profile
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the key file text
 */
char         *alvh_profile_to_data         (const AlvhProfile *self,
                                            gsize        *length);

/**
 * alvh_profile_save_to_file:
 * @self: a profile
 * @path: the file to write
 * @error: return location for an error
 *
 * Returns: %TRUE when written, %FALSE with @error set
 */
gboolean      alvh_profile_save_to_file    (const AlvhProfile *self,
                                            const char   *path,
                                            GError      **error);

/**
 * alvh_profile_equal_values:
 * @a: a profile
 * @b: another profile
 *
 * Returns: %TRUE when every threshold is equal (name and version ignored)
 */
gboolean      alvh_profile_equal_values    (const AlvhProfile *a,
                                            const AlvhProfile *b);

/**
 * alvh_profile_get_rules:
 * @n_rules: (out) (optional): the number of rules
 *
 * Returns: (transfer none) (array length=n_rules): the static table of the
 *   rules across keys (close_dte < condor_dte, ...)
 */
const AlvhProfileRule *alvh_profile_get_rules (guint *n_rules);

/**
 * alvh_profile_validate:
 * @self: a profile
 * @error: return location for an error naming both keys, their values and
 *   the rule
 *
 * Checks the rules across keys of alvh_profile_get_rules(); each key's own
 * range is checked when it is set.  Profiles read from text are validated.
 *
 * Returns: %TRUE when every rule holds; %FALSE with @error set
 *   (%ALVH_PROFILE_ERROR_RANGE)
 */
gboolean      alvh_profile_validate        (const AlvhProfile *self,
                                            GError      **error);

/**
 * alvh_profile_dup_nearest_keys:
 * @key: a key that is not a profile key
 *
 * Returns: (transfer full): "did you mean a or b?" naming the nearest valid
 *   keys, or "valid keys are ..." listing them all when none is near
 */
char         *alvh_profile_dup_nearest_keys (const char  *key);

/**
 * alvh_profile_descriptor_dup_range:
 * @d: a descriptor
 *
 * Returns: (transfer full): the translated allowed values of the key,
 *   "an integer from 2 to 250"
 */
char         *alvh_profile_descriptor_dup_range (const AlvhProfileDescriptor *d);

/**
 * alvh_profile_dup_reference:
 *
 * Returns: (transfer full): the translated description of the profile file
 *   format: the groups, every key with its meaning, unit, default and allowed
 *   values, and the rules across keys; generated from the descriptor table
 */
char         *alvh_profile_dup_reference   (void);

/**
 * alvh_profile_to_documented_data:
 * @self: a profile
 * @length: (out) (optional): the length of the text
 *
 * Like alvh_profile_to_data() with a comment above each key giving its
 * meaning, unit, default and allowed values; reads back to the same profile.
 *
 * Returns: (transfer full): the key file text
 */
char         *alvh_profile_to_documented_data (const AlvhProfile *self,
                                               gsize        *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhProfile, alvh_profile_unref)

G_END_DECLS
