/* alvh-csv.h — a fast CSV reader over a loaded buffer
 *
 * The reader walks one record at a time and hands out fields as pointers into
 * its own (private, writable) buffer: no allocation per field or per row.
 * The delimiter (',' or ';') is detected from the header line; CRLF line ends,
 * a UTF-8 byte order mark and quoted fields with "" escapes are understood.
 * Blank lines are skipped.  Line and column numbers (1-based, columns counted
 * in bytes) are tracked for error messages of the form "FILE:LINE:COLUMN: ...".
 */
#pragma once

#include <stdarg.h>

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

/**
 * alvh_csv_error_quark:
 * Returns: the error domain of the CSV reader, %ALVH_CSV_ERROR
 */
GQuark          alvh_csv_error_quark            (void);

/**
 * alvh_csv_reader_new_for_path:
 * @path: the file to read, as alvh_csv_read_file() does
 * @error: return location for an error
 *
 * Returns: (transfer full) (nullable): a reader before the header line, or
 *   %NULL with @error set when the file cannot be read
 */
AlvhCsvReader  *alvh_csv_reader_new_for_path    (const char     *path,
                                                 GError        **error);

/**
 * alvh_csv_read_records:
 * @path: the file to read, as alvh_csv_read_file() does
 * @error: return location for an error
 *
 * Every record of a small CSV file, the header first, each as a
 * %NULL-terminated array of its fields without surrounding blanks (blank
 * lines skipped).
 *
 * Returns: (transfer full) (element-type GStrv) (nullable): the records, or
 *   %NULL with @error set when the file cannot be read or parsed
 */
GPtrArray      *alvh_csv_read_records           (const char     *path,
                                                 GError        **error);

/**
 * alvh_csv_check_input:
 * @path: a path
 * @error: return location for an error
 *
 * Whether @path can be an input file: it exists and is a regular file (the
 * same errors as alvh_csv_read_file() gives), checked without opening it,
 * e.g. before a command creates anything.
 *
 * Returns: %TRUE when it is a regular file
 */
gboolean        alvh_csv_check_input            (const char     *path,
                                                 GError        **error);

/**
 * alvh_csv_read_file:
 * @path: a regular file
 * @len: (out): return location for its length in bytes
 * @error: return location for an error
 *
 * Reads the whole file with read(2), never mapped, so that a file that
 * shrinks meanwhile cannot crash the process.  A folder, FIFO, device or
 * socket is refused at once (%G_FILE_ERROR_ISDIR or %G_FILE_ERROR_INVAL,
 * "PATH: is a FIFO (named pipe), not a regular file ..."), without waiting
 * for a writer; a file that ends early, grows or is written to while it is
 * read gives %G_FILE_ERROR_AGAIN.
 *
 * Returns: (transfer full) (nullable): the contents with a NUL added after
 *   them, or %NULL with @error set
 */
char           *alvh_csv_read_file              (const char     *path,
                                                 gsize          *len,
                                                 GError        **error);

/**
 * alvh_csv_reader_new_for_data:
 * @name: (nullable): the name for messages, %NULL for "<data>"
 * @data: (array length=len): the text; it is copied
 * @len: the length of @data in bytes
 *
 * Returns: (transfer full): a reader before the first line
 */
AlvhCsvReader  *alvh_csv_reader_new_for_data    (const char     *name,
                                                 const char     *data,
                                                 gsize           len);

/**
 * alvh_csv_reader_free:
 * @self: (transfer full) (nullable): a reader
 *
 * Frees the reader and its buffer.
 */
void            alvh_csv_reader_free            (AlvhCsvReader  *self);

/**
 * alvh_csv_reader_get_name:
 * @self: a reader
 *
 * Returns: (transfer none): the file or data name used in messages
 */
const char     *alvh_csv_reader_get_name        (AlvhCsvReader  *self);

/**
 * alvh_csv_reader_get_data:
 * @self: a reader
 * @len: (out): the length of the buffer in bytes
 *
 * Returns: (transfer none) (array length=len): the whole buffer after the
 *   byte order mark, e.g. for a checksum or for sniffing
 */
const char     *alvh_csv_reader_get_data        (AlvhCsvReader  *self,
                                                 gsize          *len);

/**
 * alvh_csv_reader_get_delimiter:
 * @self: a reader
 *
 * Returns: the delimiter detected from the header line, ',' or ';'
 */
char            alvh_csv_reader_get_delimiter   (AlvhCsvReader  *self);

/**
 * alvh_csv_reader_had_bom:
 * @self: a reader
 *
 * Returns: %TRUE when the data began with a UTF-8 byte order mark
 */
gboolean        alvh_csv_reader_had_bom         (AlvhCsvReader  *self);

/**
 * alvh_csv_reader_next:
 * @self: a reader
 * @error: return location for a syntax error
 *
 * Reads the next record; blank lines are skipped.
 *
 * Returns: %TRUE with a record, %FALSE at the end of the data (@error
 *   unset) or on a syntax error (@error set)
 */
gboolean        alvh_csv_reader_next            (AlvhCsvReader  *self,
                                                 GError        **error);

/**
 * alvh_csv_reader_get_n_fields:
 * @self: a reader
 *
 * Returns: the number of fields of the current record
 */
guint           alvh_csv_reader_get_n_fields    (AlvhCsvReader  *self);

/**
 * alvh_csv_reader_get_field:
 * @self: a reader
 * @field: the field's index, 0-based
 * @len: (out) (optional): the field's length in bytes
 *
 * Returns: (transfer none) (array length=len): the field's text inside the
 *   reader's buffer, valid until the next alvh_csv_reader_next(); "" for a
 *   field past the end of the record
 */
const char     *alvh_csv_reader_get_field       (AlvhCsvReader  *self,
                                                 guint           field,
                                                 gsize          *len);

/**
 * alvh_csv_reader_field_equal:
 * @self: a reader
 * @field: the field's index
 * @text: the text to compare with
 *
 * Returns: %TRUE when the field equals @text, ASCII case-insensitively and
 *   ignoring surrounding blanks
 */
gboolean        alvh_csv_reader_field_equal     (AlvhCsvReader  *self,
                                                 guint           field,
                                                 const char     *text);

/**
 * alvh_csv_reader_dup_field:
 * @self: a reader
 * @field: the field's index
 *
 * Returns: (transfer full): a copy of the field with surrounding blanks stripped
 */
char           *alvh_csv_reader_dup_field       (AlvhCsvReader  *self,
                                                 guint           field);

/**
 * alvh_csv_reader_dup_line:
 * @self: a reader
 *
 * Returns: (transfer full): the current record's raw text, for messages
 *   (quotes may show unescaped)
 */
char           *alvh_csv_reader_dup_line        (AlvhCsvReader  *self);

/**
 * alvh_csv_reader_get_line:
 * @self: a reader
 *
 * Returns: the 1-based line number of the current record
 */
guint           alvh_csv_reader_get_line        (AlvhCsvReader  *self);

/**
 * alvh_csv_reader_get_column:
 * @self: a reader
 * @field: the field's index
 *
 * Returns: the 1-based column (in bytes) where the field starts; one past
 *   the end of the line for a missing field
 */
guint           alvh_csv_reader_get_column      (AlvhCsvReader  *self,
                                                 guint           field);

/**
 * alvh_csv_reader_get_offset:
 * @self: a reader
 *
 * Returns: the byte offset of the reader in its buffer
 */
gsize           alvh_csv_reader_get_offset      (AlvhCsvReader  *self);

/**
 * alvh_csv_reader_get_double:
 * @self: a reader
 * @field: the field's index
 * @out: (out): the number
 *
 * Reads a field as a number (alvh_csv_parse_double()); with ';' as the
 * delimiter a decimal comma is accepted.
 *
 * Returns: %TRUE when the field holds a number
 */
gboolean        alvh_csv_reader_get_double      (AlvhCsvReader  *self,
                                                 guint           field,
                                                 double         *out);

/**
 * alvh_csv_reader_set_error:
 * @self: a reader
 * @error: return location for an error, or %NULL
 * @code: an #AlvhCsvError code
 * @field: the field the message points at
 * @format: printf()-style format of the message
 * @...: the arguments of @format
 *
 * Sets @error to "NAME:LINE:COLUMN: message" for @field of the current record.
 */
void            alvh_csv_reader_set_error       (AlvhCsvReader  *self,
                                                 GError        **error,
                                                 int             code,
                                                 guint           field,
                                                 const char     *format,
                                                 ...) G_GNUC_PRINTF (5, 6);

/**
 * alvh_csv_reader_set_error_valist:
 * @self: a reader
 * @error: return location for an error, or %NULL
 * @domain: the error domain (the CSV reader's or its caller's, e.g. the importer's)
 * @code: a code of @domain
 * @field: the field the message points at
 * @format: printf()-style format of the message
 * @args: the arguments of @format
 *
 * Like alvh_csv_reader_set_error() in any error domain.
 */
void            alvh_csv_reader_set_error_valist (AlvhCsvReader  *self,
                                                  GError        **error,
                                                  GQuark          domain,
                                                  int             code,
                                                  guint           field,
                                                  const char     *format,
                                                  va_list         args) G_GNUC_PRINTF (6, 0);

/**
 * alvh_csv_parse_double:
 * @text: (array length=len): the text, not necessarily nul-terminated
 * @len: the length of @text in bytes
 * @out: (out): the number
 *
 * Parses [blanks][+-]digits[.digits][e[+-]digits][blanks].  Plain decimals
 * of at most 19 digits are converted exactly; NaN, infinities, hex and
 * empty text are refused.
 *
 * Returns: %TRUE when the whole text is such a number
 */
gboolean        alvh_csv_parse_double           (const char     *text,
                                                 gsize           len,
                                                 double         *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhCsvReader, alvh_csv_reader_free)

G_END_DECLS
