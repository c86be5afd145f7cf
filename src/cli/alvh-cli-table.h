/* alvh-cli-table.h — the aligned text tables of the CLI
 *
 * Commands whose text output a person reads (book list, pnl, journal list,
 * show and stats, chain) print their rows through one table: the columns are
 * as wide as their widest cell (counted in characters, so "−$12.00" with its
 * U+2212 lines up), numbers are right-aligned, two spaces between columns.
 * The cells are already formatted (alvh-format.h's screen styles, human
 * names); JSON and CSV output never come here.
 */
#pragma once

#include <stdio.h>

#include <glib.h>

G_BEGIN_DECLS

typedef struct _AlvhCliTable AlvhCliTable;

/**
 * alvh_cli_table_new:
 * @align: one character per column: 'l' left, 'r' right
 * @...: the column headers, as many as @align has characters
 *
 * Returns: (transfer full): an empty table
 */
AlvhCliTable *alvh_cli_table_new   (const char   *align,
                                    ...);

/**
 * alvh_cli_table_add:
 * @table: a table
 * @...: (transfer full): one newly allocated string per column (%NULL: "")
 *
 * Adds a row, taking the strings.
 */
void          alvh_cli_table_add   (AlvhCliTable *table,
                                    ...);

/**
 * alvh_cli_table_print:
 * @table: a table
 * @out: the stream
 * @indent: (nullable): written before every line
 *
 * Prints the header and the rows aligned, no trailing spaces.
 */
void          alvh_cli_table_print (AlvhCliTable *table,
                                    FILE         *out,
                                    const char   *indent);

/**
 * alvh_cli_table_print_body:
 * @table: a table
 * @out: the stream
 * @indent: (nullable): written before every line
 *
 * Prints the rows aligned as alvh_cli_table_print() does, without the header
 * (a list of labelled values).
 */
void          alvh_cli_table_print_body (AlvhCliTable *table,
                                         FILE         *out,
                                         const char   *indent);

/**
 * alvh_cli_table_free:
 * @table: (transfer full) (nullable): a table
 */
void          alvh_cli_table_free  (AlvhCliTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AlvhCliTable, alvh_cli_table_free)

G_END_DECLS
