/* alvh-cmd-replay-research.h — `alvh replay` --compare, --sweep, --walk-forward, --attribution */
#pragma once

#include "alvh-core.h"

G_BEGIN_DECLS

#define ALVH_REPLAY_MAX_COMPARE 4

typedef struct
{
  AlvhMarketFrame *frame;
  GPtrArray       *events;
  AlvhProfile     *profile;      /* --profile or the spec's values */
  gint64           from;
  gint64           to;
  const char      *format;       /* --format as given, NULL when absent */
} AlvhReplayResearch;

int  alvh_replay_research_compare      (AlvhReplayResearch *r,
                                        char              **profile_paths);
int  alvh_replay_research_sweep        (AlvhReplayResearch *r,
                                        char              **sweep_texts,
                                        const char         *walk_forward,
                                        const char         *objective);
int  alvh_replay_research_attribution  (AlvhReplayResearch *r,
                                        AlvhReplayResult   *result,
                                        AlvhEvaluator      *evaluator);
int  alvh_replay_research_journal_attribution (AlvhReplayResearch *r,
                                               const char         *journal_path);

G_END_DECLS
