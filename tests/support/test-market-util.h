/* test-market-util.h — real market data for the tests
 *
 * Built into alvh-test-support with the core (tests/support/meson.build).
 */
#pragma once

#include "alvh-core.h"

G_BEGIN_DECLS

/**
 * test_load_shared_series:
 * @file: a file name in the shared data folder ($ALVH_SHARED_DATA)
 *
 * Imports @file with the core's importer and returns its first series.
 *
 * Returns: (transfer full) (nullable): the series, or %NULL when the folder
 *   or the file is absent (the caller skips with a message)
 */
AlvhSeries *test_load_shared_series (const char *file);

G_END_DECLS
