/* fuzz-import.c — every market-data importer, through format detection */
#include "config.h"

#include <math.h>
#include <stdint.h>

#include "alvh-core.h"
#include "alvh-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AlvhImportResult) result = NULL;

  result = alvh_import_data ("fuzz.csv", (const char *) data, size, NULL, NULL, &error);
  if (result == NULL)
    {
      /* every failure explains itself */
      g_assert (error != NULL && error->message != NULL && error->message[0] != '\0');
      return 0;
    }

  /* what an import returns is a valid series: strictly increasing time, finite values */
  for (guint s = 0; s < alvh_import_result_get_n_series (result); s++)
    {
      AlvhSeries *series = alvh_import_result_get_series (result, s);
      gsize n = alvh_series_get_length (series);
      const gint64 *t = alvh_series_get_times (series);

      for (gsize i = 1; i < n; i++)
        g_assert (t[i] > t[i - 1]);
      for (guint c = 0; c < alvh_series_get_n_columns (series); c++)
        {
          const double *col = alvh_series_get_column (series, c);
          for (gsize i = 0; i < n; i++)
            g_assert (isfinite (col[i]));
        }
    }
  return 0;
}
