/* alvh-cli-pricing.h — flag parsing shared by `alvh price` and `alvh iv` (alvh-cmd-price.c) */
#pragma once

#include <glib.h>

#include "alvh-pricing.h"

G_BEGIN_DECLS

typedef struct
{
  AlvhPricingModel model;
  AlvhOptionType   type;
  double           underlying; /* S for bs, F for black76 */
  double           strike;
  double           days;       /* calendar days, T = days / 365 */
  double           value;      /* --vol for price, --price for iv */
  double           rate;
  double           div;        /* 0 for black76 */
} AlvhCliOptionArgs;

/**
 * alvh_cli_parse_option_args:
 * @command: "price" or "iv", for messages
 * @value_flag: the flag of the value, "vol" or "price"
 * @value_help: the help text of @value_flag
 * @argc: the number of arguments
 * @argv: (array length=argc): the arguments
 * @args: (out caller-allocates): the option read
 * @status: (out): the exit status when %FALSE is returned
 *
 * Parses and checks the flags of `alvh price` and `alvh iv`.
 *
 * Returns: %TRUE with @args filled, %FALSE after printing a usage error
 */
gboolean alvh_cli_parse_option_args (const char        *command,
                                     const char        *value_flag,
                                     const char        *value_help,
                                     int                argc,
                                     char             **argv,
                                     AlvhCliOptionArgs *args,
                                     int               *status);

/**
 * alvh_cli_json_number:
 * @out: a JSON object being written, after its "{"
 * @key: the member's name
 * @v: the value; NaN and infinities become null
 *
 * Appends "key": value with enough digits to round-trip, in the C locale.
 */
void     alvh_cli_json_number       (GString           *out,
                                     const char        *key,
                                     double             v);

G_END_DECLS
