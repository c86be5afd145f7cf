/* alvh-journal-schema.c — the journal schema: the migrations from version 0 up
 *
 * Part of AlvhJournalStore (alvh-journal-store.h); the store's internals are
 * in alvh-journal-store-private.h.
 */
#define G_LOG_DOMAIN "alvh-journal"

#include "config.h"

#include <math.h>
#include <string.h>

#include <sqlite3.h>

#include "alvh-db.h"
#include "alvh-journal-store.h"
#include "alvh-journal-store-private.h"

/* ---- migrations -------------------------------------------------------- */

/* migrations[i] brings a file from version i to version i + 1.
 * Never edit a released step: append a new one. */
const char * const _alvh_journal_migrations[] = {
  /* 0 -> 1: the base schema */
  "CREATE TABLE accounts ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length(name) > 0));"

  "CREATE TABLE profiles ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  version INTEGER NOT NULL CHECK (version > 0),"
  "  keyfile TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  UNIQUE (name, version));"

  "CREATE TABLE events ("
  "  id INTEGER PRIMARY KEY,"
  "  date INTEGER NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('CPI','PPI','FOMC','OTHER')),"
  "  shift INTEGER NOT NULL DEFAULT 0 CHECK (shift IN (0,1)),"
  "  note TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX events_date ON events (date);"

  "CREATE TABLE condors ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  long_put REAL NOT NULL, short_put REAL NOT NULL,"
  "  short_call REAL NOT NULL, long_call REAL NOT NULL,"
  "  expiry INTEGER NOT NULL,"
  "  units REAL NOT NULL CHECK (units > 0),"
  "  credit REAL NOT NULL,"
  "  opened INTEGER NOT NULL,"
  "  closed INTEGER,"
  "  close_price REAL,"
  "  CHECK (long_put < short_put AND short_put < short_call AND short_call < long_call));"
  "CREATE INDEX condors_account ON condors (account_id, closed);"

  "CREATE TABLE decisions ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  condor_id INTEGER REFERENCES condors (id),"
  "  time INTEGER NOT NULL,"
  "  action TEXT NOT NULL,"
  "  branch TEXT NOT NULL,"
  "  layer INTEGER NOT NULL DEFAULT 0,"
  "  size REAL NOT NULL DEFAULT 0,"
  "  proposed_kind TEXT,"
  "  proposed_long_strike REAL,"
  "  proposed_short_strike REAL,"
  "  proposed_expiry INTEGER,"
  "  cost REAL,"
  "  profile_name TEXT,"
  "  profile_version INTEGER,"
  "  explanation TEXT NOT NULL DEFAULT '',"
  "  followed TEXT CHECK (followed IN ('followed','skipped','manual')),"
  "  skip_reason TEXT);"
  "CREATE INDEX decisions_account_time ON decisions (account_id, time);"
  "CREATE INDEX decisions_branch ON decisions (branch);"

  "CREATE TABLE signal_snapshots ("
  "  id INTEGER PRIMARY KEY,"
  "  decision_id INTEGER NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  value REAL,"
  "  threshold REAL,"
  "  threshold_high REAL,"
  "  fired INTEGER NOT NULL DEFAULT 0 CHECK (fired IN (0,1)),"
  "  UNIQUE (decision_id, key));"
  /* a snapshot is what the evaluator saw: it never changes afterwards */
  "CREATE TRIGGER signal_snapshots_frozen BEFORE UPDATE ON signal_snapshots"
  " BEGIN SELECT RAISE (ABORT, 'signal snapshots are immutable'); END;"

  "CREATE TABLE legs ("
  "  id INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  condor_id INTEGER REFERENCES condors (id),"
  "  decision_id INTEGER REFERENCES decisions (id),"
  "  kind TEXT NOT NULL,"
  "  long_strike REAL,"
  "  short_strike REAL,"
  "  expiry INTEGER NOT NULL,"
  "  quantity REAL NOT NULL CHECK (quantity > 0),"
  "  premium REAL NOT NULL,"
  "  layer INTEGER NOT NULL DEFAULT 0,"
  "  opened INTEGER NOT NULL,"
  "  manual INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0,1)),"
  "  closed_quantity REAL NOT NULL DEFAULT 0,"
  "  close_price REAL,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  CHECK (closed_quantity >= 0 AND closed_quantity <= quantity + 1e-9));"
  "CREATE INDEX legs_account ON legs (account_id, closed_quantity);"
  "CREATE INDEX legs_condor ON legs (condor_id);"
  "CREATE INDEX legs_decision ON legs (decision_id);"

  "CREATE TABLE leg_closes ("
  "  id INTEGER PRIMARY KEY,"
  "  leg_id INTEGER NOT NULL REFERENCES legs (id) ON DELETE CASCADE,"
  "  time INTEGER NOT NULL,"
  "  quantity REAL NOT NULL CHECK (quantity > 0),"
  "  price REAL NOT NULL);"
  "CREATE INDEX leg_closes_leg ON leg_closes (leg_id, time);"

  "CREATE TABLE leg_signals ("
  "  leg_id INTEGER NOT NULL REFERENCES legs (id) ON DELETE CASCADE,"
  "  snapshot_id INTEGER NOT NULL REFERENCES signal_snapshots (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (leg_id, snapshot_id)) WITHOUT ROWID;"
  "CREATE INDEX leg_signals_snapshot ON leg_signals (snapshot_id);"

  "CREATE TABLE entries ("
  "  id INTEGER PRIMARY KEY,"
  "  time INTEGER NOT NULL,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  body TEXT NOT NULL DEFAULT '',"
  "  tags TEXT NOT NULL DEFAULT '',"     /* the tag names, space separated, for FTS */
  "  account_id INTEGER REFERENCES accounts (id),"
  "  decision_id INTEGER REFERENCES decisions (id),"
  "  leg_id INTEGER REFERENCES legs (id),"
  "  deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0,1)));"
  /* walks newest first in (time, id) order; decision_id for the probes */
  "CREATE INDEX entries_time ON entries (deleted, time, id, decision_id);"

  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE entry_tags ("
  "  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id),"
  "  PRIMARY KEY (entry_id, tag_id)) WITHOUT ROWID;"
  "CREATE INDEX entry_tags_tag ON entry_tags (tag_id, entry_id);"

  "CREATE VIRTUAL TABLE entries_fts USING fts5 ("
  "  title, body, tags, content='entries', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER entries_fts_ai AFTER INSERT ON entries BEGIN"
  "  INSERT INTO entries_fts (rowid, title, body, tags)"
  "  VALUES (new.id, new.title, new.body, new.tags); END;"
  "CREATE TRIGGER entries_fts_ad AFTER DELETE ON entries BEGIN"
  "  INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)"
  "  VALUES ('delete', old.id, old.title, old.body, old.tags); END;"
  "CREATE TRIGGER entries_fts_au AFTER UPDATE OF title, body, tags ON entries BEGIN"
  "  INSERT INTO entries_fts (entries_fts, rowid, title, body, tags)"
  "  VALUES ('delete', old.id, old.title, old.body, old.tags);"
  "  INSERT INTO entries_fts (rowid, title, body, tags)"
  "  VALUES (new.id, new.title, new.body, new.tags); END;",

  /* 1 -> 2: screenshots on entries; indexes for the entry filters */
  "CREATE TABLE attachments ("
  "  id INTEGER PRIMARY KEY,"
  "  entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,"
  "  png BLOB NOT NULL,"
  "  caption TEXT NOT NULL DEFAULT '');"
  "CREATE INDEX attachments_entry ON attachments (entry_id);"
  "CREATE INDEX entries_decision ON entries (decision_id);"
  "CREATE INDEX entries_leg ON entries (leg_id);"
  "CREATE INDEX legs_manual ON legs (id) WHERE manual = 1;"
  "CREATE INDEX signal_snapshots_key ON signal_snapshots (key, fired, decision_id);",

  /* 2 -> 3: fills, the source of truth of the book (time, quantity, price,
   * fees of every open and close); the condors, legs and closes booked so far
   * become their fills, without fees */
  "CREATE TABLE fills ("
  "  id INTEGER PRIMARY KEY,"
  "  condor_id INTEGER REFERENCES condors (id) ON DELETE CASCADE,"
  "  leg_id INTEGER REFERENCES legs (id) ON DELETE CASCADE,"
  "  close INTEGER NOT NULL CHECK (close IN (0,1)),"
  "  time INTEGER NOT NULL,"
  "  quantity REAL NOT NULL CHECK (quantity > 0),"
  "  price REAL NOT NULL,"
  "  fees REAL NOT NULL DEFAULT 0 CHECK (fees >= 0),"
  "  CHECK ((condor_id IS NULL) <> (leg_id IS NULL)));"
  "CREATE INDEX fills_condor ON fills (condor_id, time);"
  "CREATE INDEX fills_leg ON fills (leg_id, time);"
  "INSERT INTO fills (condor_id, close, time, quantity, price)"
  "  SELECT id, 0, opened, units, credit FROM condors;"
  "INSERT INTO fills (condor_id, close, time, quantity, price)"
  "  SELECT id, 1, closed, units, close_price FROM condors"
  "  WHERE closed IS NOT NULL AND closed <> 0 AND close_price IS NOT NULL;"
  "INSERT INTO fills (leg_id, close, time, quantity, price)"
  "  SELECT id, 0, opened, quantity, premium FROM legs;"
  "INSERT INTO fills (leg_id, close, time, quantity, price)"
  "  SELECT leg_id, 1, time, quantity, price FROM leg_closes;",

  /* 3 -> 4: the executions imported from brokers' statements, by the
   * broker's execution id or a hash of the row, so that a statement imported
   * again adds nothing twice */
  "CREATE TABLE fill_imports ("
  "  account_id INTEGER NOT NULL REFERENCES accounts (id),"
  "  key TEXT NOT NULL,"
  "  broker TEXT NOT NULL,"
  "  position_id INTEGER,"
  "  time INTEGER NOT NULL,"
  "  PRIMARY KEY (account_id, key)) WITHOUT ROWID;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (_alvh_journal_migrations) == ALVH_JOURNAL_SCHEMA_VERSION);

