/* alvh-csv.c — a fast CSV reader over a loaded buffer */
#define G_LOG_DOMAIN "alvh-csv"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "alvh-csv.h"
#include "alvh-csv-private.h"

typedef struct
{
  gsize start;   /* offset of the field's (unescaped) text in buf */
  gsize len;
  guint column;  /* 1-based byte column where the field began */
} CsvField;

struct _AlvhCsvReader
{
  char        *name;
  char        *owned;     /* the file's text, or a copy of the data */
  char        *buf;       /* writable: == owned */
  gsize        len;
  gsize        pos;       /* where the next record starts */
  gsize        row_start; /* where the current record started */
  gsize        row_end;
  guint        next_line; /* 1-based line number at pos */
  guint        line;      /* line of the current record */
  char         delim;
  gboolean     bom;
  CsvField    *fields;
  guint        n_fields;
  guint        fields_alloc;
};

G_DEFINE_QUARK (alvh-csv-error-quark, alvh_csv_error)

static void
detect_delimiter (AlvhCsvReader *self)
{
  guint commas = 0, semis = 0;
  gboolean quoted = FALSE;

  for (gsize i = self->pos; i < self->len; i++)
    {
      char c = self->buf[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semis++;
    }
  self->delim = semis > commas ? ';' : ',';
}

static AlvhCsvReader *
reader_init (AlvhCsvReader *self)
{
  self->next_line = 1;
  if (self->len >= 3 && (guchar) self->buf[0] == 0xEF &&
      (guchar) self->buf[1] == 0xBB && (guchar) self->buf[2] == 0xBF)
    {
      self->bom = TRUE;
      self->pos = 3;
    }
  self->fields_alloc = 16;
  self->fields = g_new (CsvField, self->fields_alloc);
  detect_delimiter (self);
  return self;
}

#define HUGE_PAGE     (2 << 20)
#define HUGE_TEXT_MIN (8 << 20)

/* The test hook of alvh-csv-private.h: read size and a function called
 * after each read */
static gsize           read_chunk = 4 << 20;
static AlvhCsvReadHook read_hook;
static gpointer        read_hook_data;

void
_alvh_csv_set_read_hook (gsize            chunk,
                         AlvhCsvReadHook  hook,
                         gpointer         user_data)
{
  read_chunk = chunk > 0 ? chunk : 4 << 20;
  read_hook = hook;
  read_hook_data = user_data;
}

/* a file that is not a regular one, by what it is */
static const char *
file_kind (mode_t mode)
{
  if (S_ISDIR (mode))
    return "a folder";
  if (S_ISFIFO (mode))
    return "a FIFO (named pipe)";
  if (S_ISCHR (mode))
    return "a character device";
  if (S_ISBLK (mode))
    return "a block device";
  if (S_ISSOCK (mode))
    return "a socket";
  return "not a regular file";
}

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 const char  *what)
{
  int saved = errno;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
               "%s: %s: %s", path, what, g_strerror (saved));
  return FALSE;
}

static gboolean
set_changed_error (GError     **error,
                   const char  *path,
                   gsize        expected,
                   const char  *how)
{
  g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_AGAIN,
               "%s: the file changed while it was read (%s; it had %" G_GSIZE_FORMAT
               " bytes when it was opened); import it again once it is complete",
               path, how, expected);
  return FALSE;
}

/* Reads all @size bytes of @fd into @buf in chunks; a file that ends early,
 * grows or is changed meanwhile is an error. */
static gboolean
read_all (int           fd,
          const char   *path,
          char         *buf,
          gsize         size,
          const struct stat *before,
          GError      **error)
{
  struct stat after;
  gsize done = 0;
  char extra;
  gssize n;

  while (done < size)
    {
      n = read (fd, buf + done, MIN (read_chunk, size - done));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        return set_errno_error (error, path, "cannot read");
      if (n == 0)
        {
          g_autofree char *how = g_strdup_printf ("it ended after %" G_GSIZE_FORMAT " bytes", done);
          return set_changed_error (error, path, size, how);
        }
      done += (gsize) n;
      if (read_hook != NULL)
        read_hook (path, done, read_hook_data);
    }
  do
    n = read (fd, &extra, 1);
  while (n < 0 && errno == EINTR);
  if (n < 0)
    return set_errno_error (error, path, "cannot read");
  if (n > 0)
    return set_changed_error (error, path, size, "it grew");
  if (fstat (fd, &after) != 0)
    return set_errno_error (error, path, "cannot read");
  if ((gsize) after.st_size != size ||
      after.st_mtim.tv_sec != before->st_mtim.tv_sec ||
      after.st_mtim.tv_nsec != before->st_mtim.tv_nsec)
    return set_changed_error (error, path, size, "it was written to");
  return TRUE;
}

/* The buffer for a file's text.  A large one is aligned to 2 MiB and asked
 * for huge pages: on a fresh buffer, faulting in 4 KiB pages costs more
 * than the read itself (80 MB: 0.25 s of CPU against 0.03-0.09 s).  Freed
 * with g_free () (GLib's allocator is the system's). */
static char *
alloc_text (gsize size)
{
#if defined(MADV_HUGEPAGE)
  if (size >= HUGE_TEXT_MIN)
    {
      void *p = NULL;

      if (posix_memalign (&p, HUGE_PAGE, size) != 0)
        return NULL;
      madvise (p, size, MADV_HUGEPAGE);   /* only advice: fine if refused */
      return p;
    }
#endif
  return g_try_malloc (size);
}

GPtrArray *
alvh_csv_read_records (const char  *path,
                       GError     **error)
{
  g_autoptr(AlvhCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = NULL;
  GError *local = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  reader = alvh_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;
  records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  while (alvh_csv_reader_next (reader, &local))
    {
      guint n = alvh_csv_reader_get_n_fields (reader);
      char **fields = g_new0 (char *, n + 1);

      for (guint f = 0; f < n; f++)
        fields[f] = alvh_csv_reader_dup_field (reader, f);
      g_ptr_array_add (records, fields);
    }
  if (local != NULL)
    {
      g_propagate_error (error, local);
      return NULL;
    }
  return g_steal_pointer (&records);
}

gboolean
alvh_csv_check_input (const char  *path,
                      GError     **error)
{
  struct stat st;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (error, path, "cannot open");
      return FALSE;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                   "%s: is %s, not a regular file (expected a CSV file)", path, file_kind (st.st_mode));
      return FALSE;
    }
  return TRUE;
}

char *
alvh_csv_read_file (const char  *path,
                    gsize       *len,
                    GError     **error)
{
  g_autofree char *buf = NULL;
  struct stat st;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (len != NULL, NULL);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      set_errno_error (error, path, "cannot open");
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_errno_error (error, path, "cannot open");
      close (fd);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, S_ISDIR (st.st_mode) ? G_FILE_ERROR_ISDIR : G_FILE_ERROR_INVAL,
                   "%s: is %s, not a regular file (expected a CSV file)", path, file_kind (st.st_mode));
      close (fd);
      return NULL;
    }
  buf = alloc_text ((gsize) st.st_size + 1);
  if (buf == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOMEM,
                   "%s: the file is too large to read (%" G_GINT64_FORMAT " bytes)",
                   path, (gint64) st.st_size);
      close (fd);
      return NULL;
    }
  ok = read_all (fd, path, buf, (gsize) st.st_size, &st, error);
  close (fd);
  if (!ok)
    return NULL;
  buf[st.st_size] = '\0';
  *len = (gsize) st.st_size;
  return g_steal_pointer (&buf);
}

AlvhCsvReader *
alvh_csv_reader_new_for_path (const char  *path,
                              GError     **error)
{
  AlvhCsvReader *self;
  char *buf;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);

  /* read, not mapped: a file that shrinks meanwhile must not kill us with
   * SIGBUS; quoted fields are unescaped in our own copy */
  buf = alvh_csv_read_file (path, &len, error);
  if (buf == NULL)
    return NULL;
  self = g_new0 (AlvhCsvReader, 1);
  self->name = g_strdup (path);
  self->owned = buf;
  self->buf = buf;
  self->len = len;
  return reader_init (self);
}

AlvhCsvReader *
alvh_csv_reader_new_for_data (const char *name,
                              const char *data,
                              gsize       len)
{
  AlvhCsvReader *self = g_new0 (AlvhCsvReader, 1);

  g_return_val_if_fail (data != NULL || len == 0, NULL);

  self->name = g_strdup (name != NULL ? name : "<data>");
  self->owned = g_malloc (len + 1);
  if (len > 0)
    memcpy (self->owned, data, len);
  self->owned[len] = '\0';
  self->buf = self->owned;
  self->len = len;
  return reader_init (self);
}

void
alvh_csv_reader_free (AlvhCsvReader *self)
{
  if (self == NULL)
    return;
  g_free (self->owned);
  g_free (self->fields);
  g_free (self->name);
  g_free (self);
}

const char *
alvh_csv_reader_get_name (AlvhCsvReader *self)
{
  return self->name;
}

/* The whole buffer (after the BOM), e.g. for a checksum or for sniffing */
const char *
alvh_csv_reader_get_data (AlvhCsvReader *self,
                          gsize         *len)
{
  if (len != NULL)
    *len = self->len;
  return self->buf != NULL ? self->buf : "";
}

char
alvh_csv_reader_get_delimiter (AlvhCsvReader *self)
{
  return self->delim;
}

gboolean
alvh_csv_reader_had_bom (AlvhCsvReader *self)
{
  return self->bom;
}

static inline void
push_field (AlvhCsvReader *self,
            gsize          start,
            gsize          len,
            gsize          line_start)
{
  if (G_UNLIKELY (self->n_fields == self->fields_alloc))
    {
      self->fields_alloc *= 2;
      self->fields = g_renew (CsvField, self->fields, self->fields_alloc);
    }
  self->fields[self->n_fields].start = start;
  self->fields[self->n_fields].len = len;
  self->fields[self->n_fields].column = (guint) (start - line_start + 1);
  self->n_fields++;
}

/* Reads the next record.  Returns FALSE at the end of the data (error unset)
 * or on a syntax error (error set). */
gboolean
alvh_csv_reader_next (AlvhCsvReader  *self,
                      GError        **error)
{
  char *buf = self->buf;
  const gsize len = self->len;
  const char delim = self->delim;
  gsize p = self->pos;
  gsize line_start;

  /* skip blank lines */
  while (p < len && (buf[p] == '\n' || buf[p] == '\r'))
    {
      if (buf[p] == '\r' && p + 1 < len && buf[p + 1] == '\n')
        p++;
      p++;
      self->next_line++;
    }
  if (p >= len)
    {
      self->pos = p;
      self->n_fields = 0;
      return FALSE;
    }

  self->n_fields = 0;
  self->row_start = p;
  self->line = self->next_line;
  line_start = p;

  for (;;)
    {
      gsize start = p;

      if (buf[p] == '"')
        {
          gsize w = p;      /* unescaped text is written from the quote on */
          gsize r = p + 1;

          for (;;)
            {
              const char *q = r < len ? memchr (buf + r, '"', len - r) : NULL;
              gsize qpos, seg;

              if (q == NULL)
                {
                  self->pos = len;
                  g_set_error (error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_SYNTAX,
                               "%s:%u:%u: a quoted field is not closed (expected a closing '\"')",
                               self->name, self->line, (guint) (start - line_start + 1));
                  return FALSE;
                }
              qpos = (gsize) (q - buf);
              seg = qpos - r;
              for (gsize i = r; i < qpos; i++)
                if (buf[i] == '\n')
                  self->next_line++;
              memmove (buf + w, buf + r, seg);
              w += seg;
              if (qpos + 1 < len && buf[qpos + 1] == '"')
                {
                  buf[w++] = '"';
                  r = qpos + 2;
                  continue;
                }
              r = qpos + 1;
              break;
            }
          push_field (self, start, w - start, line_start);
          p = r;
          if (p < len && buf[p] != delim && buf[p] != '\n' && buf[p] != '\r')
            {
              self->pos = len;
              g_set_error (error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_SYNTAX,
                           "%s:%u:%u: unexpected text after a closing quote (expected '%c' or the end of the line)",
                           self->name, self->line, (guint) (p - line_start + 1), delim);
              return FALSE;
            }
        }
      else
        {
          while (p < len)
            {
              char c = buf[p];
              if (c == delim || c == '\n' || c == '\r')
                break;
              p++;
            }
          push_field (self, start, p - start, line_start);
        }

      if (p < len && buf[p] == delim)
        {
          p++;
          if (p >= len)
            {
              push_field (self, p, 0, line_start);
              break;
            }
          continue;
        }
      break;
    }

  self->row_end = p;
  if (p < len)
    {
      if (buf[p] == '\r' && p + 1 < len && buf[p + 1] == '\n')
        p++;
      p++;
      self->next_line++;
    }
  self->pos = p;
  return TRUE;
}

guint
alvh_csv_reader_get_n_fields (AlvhCsvReader *self)
{
  return self->n_fields;
}

const char *
alvh_csv_reader_get_field (AlvhCsvReader *self,
                           guint          field,
                           gsize         *len)
{
  if (field >= self->n_fields)
    {
      if (len != NULL)
        *len = 0;
      return "";
    }
  if (len != NULL)
    *len = self->fields[field].len;
  return self->buf + self->fields[field].start;
}

/* ASCII case-insensitive comparison with surrounding blanks ignored */
gboolean
alvh_csv_reader_field_equal (AlvhCsvReader *self,
                             guint          field,
                             const char    *text)
{
  gsize len, tlen = strlen (text);
  const char *f = alvh_csv_reader_get_field (self, field, &len);

  while (len > 0 && (*f == ' ' || *f == '\t'))
    f++, len--;
  while (len > 0 && (f[len - 1] == ' ' || f[len - 1] == '\t'))
    len--;
  return len == tlen && g_ascii_strncasecmp (f, text, len) == 0;
}

char *
alvh_csv_reader_dup_field (AlvhCsvReader *self,
                           guint          field)
{
  gsize len;
  const char *f = alvh_csv_reader_get_field (self, field, &len);

  return g_strstrip (g_strndup (f, len));
}

/* The current record's raw text (for messages); may show unescaped quotes */
char *
alvh_csv_reader_dup_line (AlvhCsvReader *self)
{
  return g_strndup (self->buf + self->row_start, self->row_end - self->row_start);
}

guint
alvh_csv_reader_get_line (AlvhCsvReader *self)
{
  return self->line;
}

guint
alvh_csv_reader_get_column (AlvhCsvReader *self,
                            guint          field)
{
  if (field >= self->n_fields)
    {
      /* a missing field: one past the end of the line */
      return (guint) (self->row_end - self->row_start + 1);
    }
  return self->fields[field].column;
}

gsize
alvh_csv_reader_get_offset (AlvhCsvReader *self)
{
  return self->pos;
}

void
alvh_csv_reader_set_error_valist (AlvhCsvReader  *self,
                                  GError        **error,
                                  GQuark          domain,
                                  int             code,
                                  guint           field,
                                  const char     *format,
                                  va_list         args)
{
  g_autofree char *msg = NULL;

  if (error == NULL)
    return;
  msg = g_strdup_vprintf (format, args);
  g_set_error (error, domain, code, "%s:%u:%u: %s", self->name,
               self->line, alvh_csv_reader_get_column (self, field), msg);
}

void
alvh_csv_reader_set_error (AlvhCsvReader  *self,
                           GError        **error,
                           int             code,
                           guint           field,
                           const char     *format,
                           ...)
{
  va_list args;

  va_start (args, format);
  alvh_csv_reader_set_error_valist (self, error, ALVH_CSV_ERROR, code, field, format, args);
  va_end (args);
}

static const double pow10_table[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* Parses a decimal number: [blanks][+-]digits[.digits][e[+-]digits][blanks].
 * Plain decimals with at most 19 digits whose mantissa fits in 2^53 are
 * converted exactly (mantissa / 10^k, one correctly rounded division);
 * anything else goes through g_ascii_strtod.  NaN, Inf, hex and empty
 * text are rejected. */
gboolean
alvh_csv_parse_double (const char *text,
                       gsize       len,
                       double     *out)
{
  const char *p = text;
  const char *end = text + len;
  const char *digits_start;
  guint64 mant = 0;
  int ndigits = 0, frac = 0;
  gboolean neg = FALSE;

  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
    end--;
  if (p == end)
    return FALSE;

  digits_start = p;
  if (*p == '-' || *p == '+')
    {
      neg = *p == '-';
      p++;
    }
  while (p < end && (guint) (*p - '0') < 10)
    {
      mant = mant * 10 + (guint64) (*p - '0');
      ndigits++;
      p++;
    }
  if (p < end && *p == '.')
    {
      p++;
      while (p < end && (guint) (*p - '0') < 10)
        {
          mant = mant * 10 + (guint64) (*p - '0');
          ndigits++;
          frac++;
          p++;
        }
    }
  if (p == end && ndigits > 0 && ndigits <= 19 &&
      mant <= (G_GUINT64_CONSTANT (1) << 53) && frac <= 22)
    {
      double v = (double) mant;
      if (frac > 0)
        v /= pow10_table[frac];
      *out = neg ? -v : v;
      return TRUE;
    }

  /* slow path: exponents, long mantissas */
  {
    char tmp[128];
    gsize n = (gsize) (end - digits_start);
    char *endptr = NULL;
    double v;

    if (n == 0 || n >= sizeof tmp)
      return FALSE;
    for (gsize i = 0; i < n; i++)
      {
        char c = digits_start[i];
        if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' ||
              c == 'e' || c == 'E'))
          return FALSE;
      }
    memcpy (tmp, digits_start, n);
    tmp[n] = '\0';
    v = g_ascii_strtod (tmp, &endptr);
    if (endptr != tmp + n || !isfinite (v))
      return FALSE;
    *out = v;
    return TRUE;
  }
}

/* A field as a number; with ';' as delimiter a decimal comma is accepted */
gboolean
alvh_csv_reader_get_double (AlvhCsvReader *self,
                            guint          field,
                            double        *out)
{
  gsize len;
  const char *f;

  if (field >= self->n_fields)
    return FALSE;
  f = self->buf + self->fields[field].start;
  len = self->fields[field].len;
  if (G_LIKELY (alvh_csv_parse_double (f, len, out)))
    return TRUE;
  if (self->delim == ';' && len < 64)
    {
      char tmp[64];
      const char *comma = memchr (f, ',', len);

      if (comma != NULL && memchr (f, '.', len) == NULL &&
          memchr (comma + 1, ',', len - (gsize) (comma - f) - 1) == NULL)
        {
          memcpy (tmp, f, len);
          tmp[comma - f] = '.';
          return alvh_csv_parse_double (tmp, len, out);
        }
    }
  return FALSE;
}
