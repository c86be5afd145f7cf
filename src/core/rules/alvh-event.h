/* alvh-event.h — user-entered macro events (ALVH-SPEC.md section 1)
 *
 * An event has a time (a date at 00:00 New York, see alvh-time.h), a kind
 * CPI | PPI | FOMC | OTHER, a `shift` flag ("this print marks a regime
 * shift") and a note.  The macro_regime signal counts shift events in
 * [t - macro_window_days, t].
 *
 * Events CSV (header required, columns in this order):
 *     date,kind,shift,note
 *     2022-06-10,CPI,true,"8.6 % y/y, hottest since 1981"
 * date: YYYY-MM-DD, MM/DD/YYYY or YYYYMMDD; kind: cpi, ppi, fomc, other (any case);
 * shift: true/false, yes/no, 1/0; note: optional, may be quoted ("" escapes a quote).
 *
 * The same type is what the journal store reads and writes (with its row id)
 * and what the evaluator counts.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALVH_TYPE_EVENT (alvh_event_get_type ())
#define ALVH_EVENT_ERROR (alvh_event_error_quark ())

typedef enum
{
  ALVH_EVENT_ERROR_PARSE, /* message: FILE:LINE:COLUMN: what was expected */
} AlvhEventError;

typedef enum
{
  ALVH_EVENT_CPI,
  ALVH_EVENT_PPI,
  ALVH_EVENT_FOMC,
  ALVH_EVENT_OTHER,
} AlvhEventKind;

typedef struct
{
  gint64         id;     /* row id in the journal (0 = not stored) */
  gint64         time;   /* Unix seconds; a date at 00:00 America/New_York */
  AlvhEventKind  kind;
  gboolean       shift;
  char          *note;   /* never NULL ("" when empty) */
} AlvhEvent;

GType        alvh_event_get_type          (void) G_GNUC_CONST;
GQuark       alvh_event_error_quark       (void);

/**
 * alvh_event_new:
 * @time: the date at 00:00 New York
 * @kind: CPI, PPI, FOMC or OTHER
 * @shift: whether it marks a regime shift
 * @note: (nullable): the note (%NULL: "")
 *
 * Returns: (transfer full): an event with id 0 (not stored)
 */
AlvhEvent   *alvh_event_new               (gint64          time,
                                           AlvhEventKind   kind,
                                           gboolean        shift,
                                           const char     *note);
/**
 * alvh_event_copy:
 * @event: an event
 *
 * Returns: (transfer full): a copy, row id included
 */
AlvhEvent   *alvh_event_copy              (const AlvhEvent *event);
/**
 * alvh_event_free:
 * @event: (nullable) (transfer full): an event
 */
void         alvh_event_free              (AlvhEvent      *event);

/**
 * alvh_event_kind_to_string:
 * @kind: a kind
 *
 * "CPI" "PPI" "FOMC" "OTHER"
 *
 * Returns: (transfer none): the kind's key
 */
const char  *alvh_event_kind_to_string    (AlvhEventKind   kind);
/**
 * alvh_event_kind_is_valid:
 * @kind: a value that may be an event kind
 *
 * Returns: whether @kind is one of CPI, PPI, FOMC and OTHER.
 */
gboolean     alvh_event_kind_is_valid     (AlvhEventKind   kind);
/* Case-insensitive; FALSE for an unknown kind. */
gboolean     alvh_event_kind_from_string  (const char     *text,
                                           AlvhEventKind  *out_kind);

/**
 * alvh_events_parse_csv:
 * @text: the CSV text
 * @length: its length, or -1 when NUL-terminated
 * @filename: used only in error messages
 * @error: return location for a #GError ("FILE:LINE:COLUMN: expected ...")
 *
 * Returns: (transfer full) (element-type AlvhEvent) (nullable): the events
 *   sorted by time, or %NULL with @error set
 */
GPtrArray   *alvh_events_parse_csv        (const char     *text,
                                           gssize          length,
                                           const char     *filename,
                                           GError        **error);
/**
 * alvh_events_load_csv:
 * @path: an events CSV file
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type AlvhEvent) (nullable): the events
 *   sorted by time, or %NULL with @error set
 */
GPtrArray   *alvh_events_load_csv         (const char     *path,
                                           GError        **error);
/* Sort an array of AlvhEvent by time (stable). */
void         alvh_events_sort             (GPtrArray      *events);
/* Number of events with `shift` set whose NY date lies in
 * [date(t) - window_days, date(t)] and whose time is <= t. */
guint        alvh_events_count_shift      (GPtrArray      *events,
                                           gint64          t,
                                           int             window_days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhEvent, alvh_event_free)

G_END_DECLS
