/* fuzz-option-chain.c — the Cboe delayed-quotes chain parser */
#include "config.h"

#include <stdint.h>

#include "alvh-core.h"
#include "alvh-option-chain.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  AlvhOptionChain *chain;

  chain = alvh_option_chain_parse_cboe_csv ("fuzz.csv", (const char *) data, size, &error);
  if (chain == NULL)
    g_assert (error != NULL && error->message[0] != '\0');
  else
    alvh_option_chain_unref (chain);
  return 0;
}
