/* alvh-report-private.h — what the journal report (alvh-report.c) and the
 * replay report (alvh-report-replay.c) share */
#pragma once

#include "alvh-profile.h"
#include "alvh-report.h"

G_BEGIN_DECLS

/* short names of the cell kinds, for the tables' kind lists */
#define TX ALVH_REPORT_CELL_TEXT
#define KY ALVH_REPORT_CELL_KEY
#define NU ALVH_REPORT_CELL_NUMBER
#define MO ALVH_REPORT_CELL_MONEY
#define PC ALVH_REPORT_CELL_PERCENT
#define AU ALVH_REPORT_CELL_AUTO

/* A new report of @kind with no table */
AlvhReport      *_alvh_report_new                  (AlvhReportKind      kind);
/* "%" G_GINT64_FORMAT as a new string */
char            *_alvh_report_fmt_int              (gint64              n);
/* Adds a row from owned strings (freed here); n must be the column count. */
void             _alvh_report_table_add_owned      (AlvhReportTable    *table,
                                                    char              **cells);
/* A table whose column titles are marked with N_() and translated here. */
AlvhReportTable *_alvh_report_table_new_translated (const char         *id,
                                                    const char         *title,
                                                    const char * const *columns,
                                                    const gboolean     *numeric,
                                                    const double       *widths);
/* The profile's key=value lines (self->profile_lines) */
void             _alvh_report_set_profile_lines    (AlvhReport         *self,
                                                    const AlvhProfile  *profile);
/* The "profile" table of self->profile_lines (not in the document) */
void             _alvh_report_add_profile_table    (AlvhReport         *self);

G_END_DECLS
