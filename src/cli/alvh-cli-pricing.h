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

gboolean alvh_cli_parse_option_args (const char        *command,
                                     const char        *value_flag,
                                     const char        *value_help,
                                     int                argc,
                                     char             **argv,
                                     AlvhCliOptionArgs *args,
                                     int               *status);

void     alvh_cli_json_number       (GString           *out,
                                     const char        *key,
                                     double             v);

G_END_DECLS
