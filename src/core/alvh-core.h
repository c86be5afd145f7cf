/* alvh-core.h — the one include for users of the ALVH core library */
#pragma once

#include "alvh-time.h"
#include "alvh-series.h"
#include "alvh-demo.h"
#include "alvh-indicators.h"
