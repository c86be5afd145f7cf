/* alvh-csv.h — a fast CSV reader over a mapped or loaded buffer
 *
 * The reader walks one record at a time and hands out fields as pointers into
 * its own (private, writable) buffer: no allocation per field or per row.
 * The delimiter (',' or ';') is detected from the header line; CRLF line ends,
 * a UTF-8 byte order mark and quoted fields with "" escapes are understood.
 * Blank lines are skipped.  Line and column numbers (1-based, columns counted
 * in bytes) are tracked for error messages of the form "FILE:LINE:COLUMN: ...".
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define ALVH_CSV_ERROR (alvh_csv_error_quark ())

typedef enum
{
  ALVH_CSV_ERROR_EMPTY,      /* no header line */
  ALVH_CSV_ERROR_SYNTAX,     /* unterminated quote, junk after a closing quote */
  ALVH_CSV_ERROR_VALUE,      /* a field does not hold what was expected */
  ALVH_CSV_ERROR_FORMAT,     /* the header is not one that is known */
} AlvhCsvError;

typedef struct _AlvhCsvReader AlvhCsvReader;

GQuark          alvh_csv_error_quark            (void);

AlvhCsvReader  *alvh_csv_reader_new_for_path    (const char     *path,
                                                 GError        **error);
AlvhCsvReader  *alvh_csv_reader_new_for_data    (const char     *name,
                                                 const char     *data,
                                                 gsize           len);
void            alvh_csv_reader_free            (AlvhCsvReader  *self);

const char     *alvh_csv_reader_get_name        (AlvhCsvReader  *self);
const char     *alvh_csv_reader_get_data        (AlvhCsvReader  *self,
                                                 gsize          *len);
char            alvh_csv_reader_get_delimiter   (AlvhCsvReader  *self);
gboolean        alvh_csv_reader_had_bom         (AlvhCsvReader  *self);
gboolean        alvh_csv_reader_next            (AlvhCsvReader  *self,
                                                 GError        **error);
guint           alvh_csv_reader_get_n_fields    (AlvhCsvReader  *self);
const char     *alvh_csv_reader_get_field       (AlvhCsvReader  *self,
                                                 guint           field,
                                                 gsize          *len);
gboolean        alvh_csv_reader_field_equal     (AlvhCsvReader  *self,
                                                 guint           field,
                                                 const char     *text);
char           *alvh_csv_reader_dup_field       (AlvhCsvReader  *self,
                                                 guint           field);
char           *alvh_csv_reader_dup_line        (AlvhCsvReader  *self);
guint           alvh_csv_reader_get_line        (AlvhCsvReader  *self);
guint           alvh_csv_reader_get_column      (AlvhCsvReader  *self,
                                                 guint           field);
gsize           alvh_csv_reader_get_offset      (AlvhCsvReader  *self);
gboolean        alvh_csv_reader_get_double      (AlvhCsvReader  *self,
                                                 guint           field,
                                                 double         *out);
void            alvh_csv_reader_set_error       (AlvhCsvReader  *self,
                                                 GError        **error,
                                                 int             code,
                                                 guint           field,
                                                 const char     *format,
                                                 ...) G_GNUC_PRINTF (5, 6);

gboolean        alvh_csv_parse_double           (const char     *text,
                                                 gsize           len,
                                                 double         *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhCsvReader, alvh_csv_reader_free)

G_END_DECLS
