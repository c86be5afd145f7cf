/* test-csv.c — the CSV reader and the number parser */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#include "alvh-core.h"

static void
assert_field (AlvhCsvReader *csv,
              guint          i,
              const char    *expected)
{
  gsize len;
  const char *f = alvh_csv_reader_get_field (csv, i, &len);
  g_autofree char *s = g_strndup (f, len);

  g_assert_cmpstr (s, ==, expected);
}

static void
test_basic_lines (void)
{
  const char data[] = "a,b,c\n1,,3\r\n\n\"x\",\"y,z\",\"say \"\"hi\"\"\"\n4,5,6";
  g_autoptr(AlvhCsvReader) csv = alvh_csv_reader_new_for_data ("t.csv", data, strlen (data));
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (alvh_csv_reader_get_delimiter (csv), ==, ',');
  g_assert_true (alvh_csv_reader_next (csv, &error));
  g_assert_cmpuint (alvh_csv_reader_get_n_fields (csv), ==, 3);
  assert_field (csv, 2, "c");
  g_assert_cmpuint (alvh_csv_reader_get_line (csv), ==, 1);

  g_assert_true (alvh_csv_reader_next (csv, &error));
  g_assert_cmpuint (alvh_csv_reader_get_n_fields (csv), ==, 3);
  assert_field (csv, 1, "");
  assert_field (csv, 2, "3");
  g_assert_cmpuint (alvh_csv_reader_get_column (csv, 2), ==, 4);

  /* the blank line 3 is skipped */
  g_assert_true (alvh_csv_reader_next (csv, &error));
  g_assert_cmpuint (alvh_csv_reader_get_line (csv), ==, 4);
  assert_field (csv, 0, "x");
  assert_field (csv, 1, "y,z");
  assert_field (csv, 2, "say \"hi\"");
  g_assert_cmpuint (alvh_csv_reader_get_column (csv, 1), ==, 5);

  g_assert_true (alvh_csv_reader_next (csv, &error));
  g_assert_cmpuint (alvh_csv_reader_get_line (csv), ==, 5);
  assert_field (csv, 2, "6");
  g_assert_false (alvh_csv_reader_next (csv, &error));
  g_assert_no_error (error);
}

static void
test_bom_semicolon (void)
{
  const char data[] = "\xef\xbb\xbf" "Date;Close\r\n2024-01-02;4321,75\r\n";
  g_autoptr(AlvhCsvReader) csv = alvh_csv_reader_new_for_data ("s.csv", data, strlen (data));
  double v = 0;

  g_assert_true (alvh_csv_reader_had_bom (csv));
  g_assert_cmpint (alvh_csv_reader_get_delimiter (csv), ==, ';');
  g_assert_true (alvh_csv_reader_next (csv, NULL));
  assert_field (csv, 0, "Date");
  g_assert_cmpuint (alvh_csv_reader_get_column (csv, 0), ==, 1);
  g_assert_true (alvh_csv_reader_next (csv, NULL));
  assert_field (csv, 1, "4321,75");
  g_assert_true (alvh_csv_reader_get_double (csv, 1, &v));
  g_assert_cmpfloat (v, ==, 4321.75);
  g_assert_false (alvh_csv_reader_next (csv, NULL));
}

static void
test_unterminated_quote (void)
{
  const char data[] = "a,b\n1,\"open\n2,3\n";
  g_autoptr(AlvhCsvReader) csv = alvh_csv_reader_new_for_data ("q.csv", data, strlen (data));
  g_autoptr(GError) error = NULL;

  g_assert_true (alvh_csv_reader_next (csv, &error));
  g_assert_false (alvh_csv_reader_next (csv, &error));
  g_assert_error (error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "q.csv:2:3: a quoted field is not closed (expected a closing '\"')");
}

static void
test_junk_after_quote (void)
{
  const char data[] = "a,b\n\"x\"y,2\n";
  g_autoptr(AlvhCsvReader) csv = alvh_csv_reader_new_for_data ("j.csv", data, strlen (data));
  g_autoptr(GError) error = NULL;

  g_assert_true (alvh_csv_reader_next (csv, &error));
  g_assert_false (alvh_csv_reader_next (csv, &error));
  g_assert_error (error, ALVH_CSV_ERROR, ALVH_CSV_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "j.csv:2:4: unexpected text after a closing quote (expected ',' or the end of the line)");
}

static void
test_parse_double (void)
{
  static const char * const good[] = {
    "0", "17.240000", "-3.5", "+2", "  42.5 ", "17.65999984741211", "4786.43994140625",
    "1e3", "2.5E-2", "123456789012345678901234", "0.000000000000000000000001", ".5", "7.",
  };
  static const char * const bad[] = {
    "", " ", "abc", "nan", "NaN", "inf", "-Infinity", "1.2.3", "12a", "0x10", "1e999", "--1", "null", "N/D",
  };
  double v;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autofree char *tmp = g_strstrip (g_strdup (good[i]));
      g_assert_true (alvh_csv_parse_double (good[i], strlen (good[i]), &v));
      /* the fast path agrees bit for bit with g_ascii_strtod */
      g_assert_cmpfloat (v, ==, g_ascii_strtod (tmp, NULL));
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (alvh_csv_parse_double (bad[i], strlen (bad[i]), &v));

  /* a field is a (pointer, length): text after it is not read */
  g_assert_true (alvh_csv_parse_double ("12.5,99", 4, &v));
  g_assert_cmpfloat (v, ==, 12.5);
}

static void
test_parse_double_random (void)
{
  GRand *rand = g_rand_new_with_seed (20161);

  for (int i = 0; i < 200000; i++)
    {
      char buf[64];
      double x = g_rand_double_range (rand, 0, 10000);
      int prec = g_rand_int_range (rand, 0, 17);
      double v = -1;

      g_snprintf (buf, sizeof buf, "%.*f", prec, x);
      g_assert_true (alvh_csv_parse_double (buf, strlen (buf), &v));
      g_assert_cmpfloat (v, ==, g_ascii_strtod (buf, NULL));
    }
  g_rand_free (rand);
}

static void
test_real_file (void)
{
  const char *dir = g_getenv ("ALVH_SHARED_DATA");
  g_autofree char *path = NULL;
  g_autoptr(AlvhCsvReader) csv = NULL;
  g_autoptr(GError) error = NULL;
  guint rows = 0;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("shared market data folder ($ALVH_SHARED_DATA) is absent");
      return;
    }
  path = g_build_filename (dir, "vix_futures_term_structure_2007_2021.csv", NULL);
  csv = alvh_csv_reader_new_for_path (path, &error);
  g_assert_no_error (error);
  while (alvh_csv_reader_next (csv, &error))
    {
      g_assert_cmpuint (alvh_csv_reader_get_n_fields (csv), ==, 11);
      rows++;
    }
  g_assert_no_error (error);
  /* header + 3711 rows, CRLF line ends */
  g_assert_cmpuint (rows, ==, 3712);
  g_assert_cmpuint (alvh_csv_reader_get_line (csv), ==, 3712);
}

/* Small files as records: quoted fields with commas, blank lines skipped,
 * the header first; a file that cannot be read is an error. */
static void
test_read_records (void)
{
  g_autofree char *dir = g_dir_make_tmp ("alvh-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "r.csv", NULL);
  g_autofree char *missing = g_build_filename (dir, "absent.csv", NULL);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;
  char **r;

  g_assert_true (g_file_set_contents (path, "id,name,note\n1,a,\"x, y\"\n\n2, b ,\n", -1, NULL));
  records = alvh_csv_read_records (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (records->len, ==, 3);
  r = records->pdata[1];
  g_assert_cmpuint (g_strv_length (r), ==, 3);
  g_assert_cmpstr (r[2], ==, "x, y");
  r = records->pdata[2];
  g_assert_cmpstr (r[1], ==, "b");
  g_assert_cmpstr (r[2], ==, "");
  g_assert_null (alvh_csv_read_records (missing, &error));
  g_assert_nonnull (error);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/csv/lines", test_basic_lines);
  g_test_add_func ("/core/csv/bom-semicolon", test_bom_semicolon);
  g_test_add_func ("/core/csv/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/core/csv/junk-after-quote", test_junk_after_quote);
  g_test_add_func ("/core/csv/parse-double", test_parse_double);
  g_test_add_func ("/core/csv/parse-double-random", test_parse_double_random);
  g_test_add_func ("/core/csv/real-file", test_real_file);
  g_test_add_func ("/core/csv/read-records", test_read_records);
  return g_test_run ();
}
