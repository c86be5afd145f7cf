/* alvh-store-mode.h — how a command opens a store file */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AlvhStoreMode:
 * @ALVH_STORE_READ: only reads: a missing file is an error; nothing is
 *   written (no write-ahead-log switch, no stamp); an older file of ours is
 *   migrated first (the one write a reading command makes, to our own file)
 * @ALVH_STORE_WRITE: reads and writes an existing file: a missing file is an
 *   error (a mistyped path creates nothing)
 * @ALVH_STORE_CREATE: as WRITE, and creates the file when it is missing
 *   (atomically: the file appears complete or not at all)
 *
 * In every mode a file that is not ours (another program's database, the
 * other kind of ALVH Desk file, not SQLite at all, empty) is refused with a
 * message naming what it is, and left exactly as it was.
 */
typedef enum
{
  ALVH_STORE_READ,
  ALVH_STORE_WRITE,
  ALVH_STORE_CREATE,
} AlvhStoreMode;

/* PRAGMA application_id of the two kinds of file ("ALVJ", "ALVM") */
#define ALVH_APPLICATION_ID_JOURNAL 0x414C564A
#define ALVH_APPLICATION_ID_MARKET  0x414C564D

G_END_DECLS
