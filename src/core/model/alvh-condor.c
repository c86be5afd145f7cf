/* alvh-condor.c — the condor value type (pricing is in alvh-position.c) */
#define G_LOG_DOMAIN "alvh-condor"

#include "config.h"

#include <math.h>

#include "alvh-condor.h"

G_DEFINE_BOXED_TYPE (AlvhCondor, alvh_condor, alvh_condor_copy, alvh_condor_free)

AlvhCondor *
alvh_condor_new (void)
{
  AlvhCondor *c = g_new0 (AlvhCondor, 1);

  c->units = 1;
  c->close_price = NAN;
  return c;
}

AlvhCondor *
alvh_condor_copy (const AlvhCondor *condor)
{
  if (condor == NULL)
    return NULL;
  return g_memdup2 (condor, sizeof *condor);
}

void
alvh_condor_free (AlvhCondor *condor)
{
  g_free (condor);
}
