/* test-journal-util.h — journal records the tests and benches build
 *
 * Built into alvh-test-support with the core (tests/support/meson.build).
 */
#pragma once

#include "alvh-core.h"
#include "test-util.h"

G_BEGIN_DECLS

/* The width, in VIX points, of the call spreads the tests' decisions propose */
#define TEST_VIX_SPREAD_WIDTH 5

AlvhDecision *test_decision_new (gint64      account_id,
                                gint64      condor_id,
                                gint64      time,
                                const char *action,
                                const char *branch);

void test_decision_set_vix_spread (AlvhDecision *d,
                                   guint         layer,
                                   double        size,
                                   double        long_strike,
                                   gint64        expiry,
                                   double        estimated_cost);

gint64 test_journal_add_entry (AlvhJournalStore *store,
                               const char       *title,
                               const char       *body,
                               gint64            time);

/* A fresh journal in a temporary folder, open for the test (g_test_add()
 * with data: a subfolder the journal lies in, or %NULL) */
typedef struct
{
  TestStores        paths;
  AlvhJournalStore *store;
} TestJournal;

void test_journal_set_up    (TestJournal   *f,
                             gconstpointer  data);
void test_journal_tear_down (TestJournal   *f,
                             gconstpointer  data);

G_END_DECLS
