/* alvh-core.h — the one include for users of the ALVH core library */
#pragma once

#include "alvh-time.h"
#include "alvh-series.h"
#include "alvh-demo.h"
#include "alvh-indicators.h"
#include "alvh-csv.h"
#include "alvh-calendar.h"
#include "alvh-import.h"
#include "alvh-market-store.h"
#include "alvh-journal-store.h"
#include "alvh-signal.h"
#include "alvh-event.h"
#include "alvh-profile.h"
#include "alvh-decision.h"
#include "alvh-position.h"
#include "alvh-market-frame.h"
#include "alvh-pricing.h"
