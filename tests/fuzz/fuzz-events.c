/* fuzz-events.c — the macro-events CSV parser */
#include "config.h"

#include <stdint.h>

#include "alvh-core.h"
#include "alvh-event.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = NULL;

  events = alvh_events_parse_csv ((const char *) data, (gssize) size, "fuzz.csv", &error);
  if (events == NULL)
    g_assert (error != NULL && error->message[0] != '\0');
  return 0;
}
