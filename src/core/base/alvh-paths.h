/* alvh-paths.h — where ALVH Desk keeps its files
 *
 * The one place that decides the data folder and the names of the two
 * databases in it, for the app and the `alvh` command alike.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * alvh_paths_data_dir:
 *
 * The data folder: `$ALVH_DATA_DIR` when set, else
 * `$XDG_DATA_HOME/alvh-desk` (`~/.local/share/alvh-desk`).  Creates nothing.
 *
 * Returns: (transfer full): the folder's path
 */
char *alvh_paths_data_dir   (void);

/**
 * alvh_paths_journal_db:
 * @data_dir: (nullable): a data folder, or %NULL for alvh_paths_data_dir()
 *
 * Returns: (transfer full): the journal and book database, `alvh.sqlite` in @data_dir
 */
char *alvh_paths_journal_db (const char *data_dir);

/**
 * alvh_paths_market_db:
 * @data_dir: (nullable): a data folder, or %NULL for alvh_paths_data_dir()
 *
 * Returns: (transfer full): the market database, `market.sqlite` in @data_dir
 */
char *alvh_paths_market_db  (const char *data_dir);

G_END_DECLS
