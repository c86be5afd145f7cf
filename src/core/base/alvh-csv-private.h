/* alvh-csv-private.h — a test hook of alvh_csv_read_file ()
 *
 * Tests change a file between two reads of alvh_csv_read_file () (truncate
 * it, append to it) to check what an import does when its input changes. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*AlvhCsvReadHook) (const char *path,
                                 gsize       done,
                                 gpointer    user_data);

/* Reads @chunk bytes at a time (0: the default, 4 MiB) and calls @hook (if
 * not %NULL) after each read with the bytes read so far. */
void _alvh_csv_set_read_hook (gsize            chunk,
                              AlvhCsvReadHook  hook,
                              gpointer         user_data);

G_END_DECLS
