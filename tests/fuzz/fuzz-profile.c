/* fuzz-profile.c — the rule-profile (GKeyFile) parser and validator */
#include "config.h"

#include <stdint.h>

#include "alvh-core.h"
#include "alvh-profile.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhProfile) profile = NULL;

  profile = alvh_profile_new_from_data ((const char *) data, (gssize) size, "fuzz.profile", &error);
  if (profile == NULL)
    g_assert (error != NULL && error->message[0] != '\0');
  return 0;
}
