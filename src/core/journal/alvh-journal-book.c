/* alvh-journal-book.c — the book in the journal: condors, legs, their closes and the signals behind a leg
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
#include "alvh-time.h"

/* ---- fills -------------------------------------------------------------- */

/* A new condor or leg takes an id above every condor's and leg's, so that
 * one id names one position (`alvh book close ID`). */
#define NEXT_POSITION_ID \
  "(SELECT MAX (m) + 1 FROM (SELECT IFNULL (MAX (id), 0) AS m FROM condors" \
  " UNION ALL SELECT IFNULL (MAX (id), 0) FROM legs))"

static gboolean
insert_fill_locked (AlvhJournalStore  *self,
                    gint64             condor_id,
                    gint64             leg_id,
                    gboolean           close,
                    gint64             time,
                    double             quantity,
                    double             price,
                    double             fees,
                    GError           **error)
{
  if (!(fees >= 0) || !isfinite (fees))
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: fill: expected fees >= 0 (got %g)", self->path, fees);
      return FALSE;
    }
  return alvh_db_run (self->db,
    "INSERT INTO fills (condor_id, leg_id, close, time, quantity, price, fees) VALUES (?,?,?,?,?,?,?)",
    "cannot record the fill", error, "nnbiddd", condor_id, leg_id, close, time, quantity, price, fees);
}

/* Keeps the opening fill of an edited condor or leg in step with it. */
static gboolean
update_open_fill_locked (AlvhJournalStore  *self,
                         gboolean           leg,
                         gint64             id,
                         gint64             time,
                         double             quantity,
                         double             price,
                         GError           **error)
{
  /* two statements in static storage: the cache keys them by address */
  const char *sql = leg ? "UPDATE fills SET time = ?, quantity = ?, price = ? WHERE leg_id = ? AND close = 0"
                        : "UPDATE fills SET time = ?, quantity = ?, price = ? WHERE condor_id = ? AND close = 0";

  return alvh_db_run (self->db, sql, "cannot update the opening fill", error,
                      "iddi", time, quantity, price, id);
}

/* ---- positions: what reading condors and legs shares -------------------- */

typedef struct
{
  AlvhDbRowReader  read;
  GDestroyNotify   free;
  const char      *kind;      /* "condor": for "no condor with id N" */
  const char      *get_failure;   /* "cannot read the condor" */
  const char      *list_failure;  /* "cannot list condors" */
} PositionTable;

static const PositionTable condor_table = {
  (AlvhDbRowReader) _alvh_journal_condor_from_row, (GDestroyNotify) alvh_condor_free,
  "condor", "cannot read the condor", "cannot list condors",
};
static const PositionTable leg_table = {
  (AlvhDbRowReader) _alvh_journal_leg_from_row, (GDestroyNotify) alvh_leg_free,
  "leg", "cannot read the leg", "cannot list legs",
};

static gpointer
get_position (AlvhJournalStore     *self,
              const PositionTable  *table,
              const char           *sql,
              gint64                id,
              GError              **error)
{
  return alvh_db_read_row_by_id (self->db, sql, id, table->read, table->kind, table->get_failure,
                                 ALVH_JOURNAL_ERROR_NOT_FOUND, error);
}

/* @sql binds the account as ?1, @from as ?2 and @to as ?3 (those it uses) */
static GPtrArray *
list_positions (AlvhJournalStore     *self,
                const PositionTable  *table,
                const char           *sql,
                gint64                account_id,
                gint64                from,
                gint64                to,
                GError              **error)
{
  const gint64 params[] = { account_id, from, to };

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  return alvh_db_list_rows (self->db, sql, params, G_N_ELEMENTS (params), table->free, table->read,
                            table->list_failure, error);
}

/* ---- condors ------------------------------------------------------------ */

AlvhCondor *
_alvh_journal_condor_from_row (sqlite3_stmt *s)
{
  AlvhCondor *c = alvh_condor_new ();

  alvh_db_read_columns (s, "iiddddiddiif", &c->id, &c->account_id, &c->long_put, &c->short_put,
                        &c->short_call, &c->long_call, &c->expiry, &c->units, &c->credit,
                        &c->opened, &c->closed, &c->close_price);
  return c;
}

static void
bind_condor (sqlite3_stmt            *s,
             const AlvhCondor *c)
{
  alvh_db_bind_values (s, "iddddiddinf", c->account_id, c->long_put, c->short_put,
                       c->short_call, c->long_call, c->expiry, c->units, c->credit,
                       c->opened, c->closed, c->close_price);
}

gint64
alvh_journal_store_add_condor (AlvhJournalStore         *self,
                               const AlvhCondor  *condor,
                               GError                  **error)
{
  return alvh_journal_store_book_condor (self, condor, 0.0, error);
}

gint64
alvh_journal_store_book_condor (AlvhJournalStore  *self,
                                const AlvhCondor  *condor,
                                double             fees,
                                GError           **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (condor != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "INSERT INTO condors (account_id, long_put, short_put, short_call, long_call, expiry,"
      " units, credit, opened, closed, close_price, id) VALUES (?,?,?,?,?,?,?,?,?,?,?," NEXT_POSITION_ID ")", error);

    ok = s != NULL;
    if (ok)
      {
        bind_condor (s, condor);
        ok = alvh_db_step_done (self->db, s, "cannot add the condor", error);
        id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
      }
  }
  if (ok)
    ok = insert_fill_locked (self, id, 0, FALSE, condor->opened, condor->units, condor->credit, fees, error);
  if (ok && condor->closed > 0 && isfinite (condor->close_price))
    ok = insert_fill_locked (self, id, 0, TRUE, condor->closed, condor->units, condor->close_price, 0.0, error);
  return alvh_db_end (self->db, ok, error) ? id : 0;
}

gboolean
alvh_journal_store_update_condor (AlvhJournalStore         *self,
                                  const AlvhCondor  *condor,
                                  GError                  **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (condor != NULL, FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "UPDATE condors SET account_id = ?1, long_put = ?2, short_put = ?3, short_call = ?4,"
      " long_call = ?5, expiry = ?6, units = ?7, credit = ?8, opened = ?9, closed = ?10,"
      " close_price = ?11 WHERE id = ?12", error);

    ok = s != NULL;
    if (ok)
      {
        bind_condor (s, condor);
        sqlite3_bind_int64 (s, 12, condor->id);
        ok = _alvh_journal_store_step_one (self, s, "cannot update the condor", "condor", condor->id, error);
      }
  }
  if (ok)
    ok = update_open_fill_locked (self, FALSE, condor->id, condor->opened, condor->units, condor->credit, error);
  return alvh_db_end (self->db, ok, error);
}

gboolean
alvh_journal_store_close_condor (AlvhJournalStore  *self,
                                 gint64             id,
                                 gint64             time,
                                 double             price,
                                 GError           **error)
{
  return alvh_journal_store_close_condor_fill (self, id, time, 0.0, price, 0.0, error);
}

/* The units of open condor id and how many its fills closed already. */
static gboolean
read_condor_units_locked (AlvhJournalStore  *self,
                          gint64             id,
                          double            *units,
                          double            *closed,
                          double            *closed_value,
                          gint64            *opened,
                          GError           **error)
{
  gboolean found;

  if (!alvh_db_select_row (self->db,
        "SELECT c.units, c.opened, IFNULL (SUM (f.quantity), 0), IFNULL (SUM (f.quantity * f.price), 0)"
        " FROM condors c LEFT JOIN fills f ON f.condor_id = c.id AND f.close = 1"
        " WHERE c.id = ? AND c.closed IS NULL GROUP BY c.id",
        "cannot read the condor", &found, error, "i>didd", id, units, opened, closed, closed_value))
    return FALSE;
  return found ? TRUE : _alvh_journal_store_not_found (self, error, "open condor", id);
}

gboolean
alvh_journal_store_close_condor_fill (AlvhJournalStore  *self,
                                      gint64             id,
                                      gint64             time,
                                      double             units,
                                      double             price,
                                      double             fees,
                                      GError           **error)
{
  double total = 0, closed = 0, closed_value = 0;
  gint64 opened = 0;
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);

  if (!isfinite (price) || time <= 0 || !(units >= 0) || !isfinite (units))
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: closing condor %" G_GINT64_FORMAT ": expected a finite price, units >= 0 and a time",
                   self->path, id);
      return FALSE;
    }
  if (!alvh_db_begin (self->db, error))
    return FALSE;
  ok = read_condor_units_locked (self, id, &total, &closed, &closed_value, &opened, error);
  if (ok && units == 0)
    units = total - closed;
  if (ok && (units <= 1e-9 || closed + units > total + 1e-9 || time < opened))
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   time < opened ? "%s: condor %" G_GINT64_FORMAT ": cannot close before it opened"
                                 : "%s: condor %" G_GINT64_FORMAT ": cannot close %g units, %g open",
                   self->path, id, units, total - closed);
      ok = FALSE;
    }
  if (ok)
    ok = insert_fill_locked (self, id, 0, TRUE, time, units, price, fees, error);
  if (ok && closed + units >= total - 1e-9)
    ok = alvh_db_run (self->db, "UPDATE condors SET closed = ?, close_price = ? WHERE id = ? AND closed IS NULL",
                      "cannot close the condor", error, "idi",
                      time, (closed_value + price * units) / (closed + units), id);
  return alvh_db_end (self->db, ok, error);
}

AlvhCondor *
alvh_journal_store_get_condor (AlvhJournalStore  *self,
                               gint64             id,
                               GError           **error)
{
  return get_position (self, &condor_table, "SELECT " ALVH_JOURNAL_CONDOR_COLUMNS " FROM condors WHERE id = ?", id, error);
}

GPtrArray *
alvh_journal_store_list_open_condors (AlvhJournalStore  *self,
                                      gint64             account_id,
                                      GError           **error)
{
  return list_positions (self, &condor_table,
    "SELECT " ALVH_JOURNAL_CONDOR_COLUMNS " FROM condors WHERE (?1 = 0 OR account_id = ?1)"
    " AND closed IS NULL ORDER BY opened, id", account_id, 0, 0, error);
}

/**
 * alvh_journal_store_list_condors:
 * The condors of @account_id (0 = all) held at some time in [@from, @to):
 * opened before @to and not closed before @from, closed ones included;
 * @from / @to 0 = unbounded.  Ordered by open time.
 *
 * Returns: (transfer full) (element-type AlvhCondor) (nullable): the
 *   condors, or %NULL with @error set
 */
GPtrArray *
alvh_journal_store_list_condors (AlvhJournalStore  *self,
                                 gint64             account_id,
                                 gint64             from,
                                 gint64             to,
                                 GError           **error)
{
  return list_positions (self, &condor_table,
    "SELECT " ALVH_JOURNAL_CONDOR_COLUMNS " FROM condors WHERE (?1 = 0 OR account_id = ?1)"
    " AND (?3 = 0 OR opened < ?3) AND (?2 = 0 OR closed IS NULL OR closed = 0 OR closed >= ?2)"
    " ORDER BY opened, id", account_id, from, to, error);
}

/* ---- legs ----------------------------------------------------------------- */

#define LEG_COLUMNS \
  "id, account_id, condor_id, decision_id, kind, long_strike, short_strike, expiry," \
  " quantity, premium, layer, opened, manual, closed_quantity, close_price, notes"

AlvhLeg *
_alvh_journal_leg_from_row (sqlite3_stmt *s)
{
  g_autoptr(AlvhLeg) l = alvh_leg_new ();

  /* a kind this version does not know: refuse the row rather than guess */
  if (!alvh_leg_kind_from_string ((const char *) sqlite3_column_text (s, 4), &l->kind))
    return NULL;
  alvh_db_read_columns (s, "iiii-ffidd-ibdft", &l->id, &l->account_id, &l->condor_id,
                        &l->decision_id, &l->long_strike, &l->short_strike, &l->expiry,
                        &l->quantity, &l->premium, &l->opened, &l->manual,
                        &l->closed_quantity, &l->close_price, &l->notes);
  l->layer = (guint) MAX (sqlite3_column_int (s, 10), 0);
  return g_steal_pointer (&l);
}

static void
bind_leg (sqlite3_stmt         *s,
          const AlvhLeg *l)
{
  alvh_db_bind_values (s, "inntffiddIibdft", l->account_id, l->condor_id, l->decision_id,
                       alvh_leg_kind_to_string (l->kind), l->long_strike, l->short_strike,
                       l->expiry, l->quantity, l->premium, (int) l->layer, l->opened,
                       l->manual, l->closed_quantity, l->close_price,
                       l->notes != NULL ? l->notes : "");
}

static gboolean
check_leg (AlvhJournalStore      *self,
           const AlvhLeg  *l,
           GError               **error)
{
  if (!(l->quantity > 0) || !isfinite (l->quantity) || !isfinite (l->premium))
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: leg: expected a quantity > 0 and a finite premium (got %g and %g)",
                   self->path, l->quantity, l->premium);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_leg_locked (AlvhJournalStore  *self,
                   const AlvhLeg     *leg,
                   double             fees,
                   GError           **error)
{
  g_autoptr(AlvhDbCachedStmt) s = NULL;
  gint64 id;

  if (!check_leg (self, leg, error))
    return 0;
  s = alvh_db_prepare_cached (self->db,
    "INSERT INTO legs (account_id, condor_id, decision_id, kind, long_strike, short_strike,"
    " expiry, quantity, premium, layer, opened, manual, closed_quantity, close_price, notes, id)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?," NEXT_POSITION_ID ")", error);
  if (s == NULL)
    return 0;
  bind_leg (s, leg);
  if (!alvh_db_step_done (self->db, s, "cannot add the leg", error))
    return 0;
  id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
  if (!insert_fill_locked (self, 0, id, FALSE, leg->opened, leg->quantity, leg->premium, fees, error))
    return 0;
  return id;
}

gint64
_alvh_journal_store_insert_leg_locked (AlvhJournalStore      *self,
                                       const AlvhLeg  *leg,
                                       GError               **error)
{
  return insert_leg_locked (self, leg, 0.0, error);
}

gint64
alvh_journal_store_add_leg (AlvhJournalStore      *self,
                            const AlvhLeg  *leg,
                            GError               **error)
{
  return alvh_journal_store_book_leg (self, leg, 0.0, error);
}

gint64
alvh_journal_store_book_leg (AlvhJournalStore  *self,
                             const AlvhLeg     *leg,
                             double             fees,
                             GError           **error)
{
  gint64 id;
  gboolean ok = TRUE;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (leg != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  id = insert_leg_locked (self, leg, fees, error);
  if (id == 0)
    ok = FALSE;
  /* the journal shows every leg: one entry for a leg booked by hand or
   * from a statement (a followed decision's leg gets its entry there) */
  if (ok)
    {
      g_autofree char *what = alvh_leg_describe (leg);
      g_autofree char *title = leg->layer > 0 ? g_strdup_printf ("Layer %u hedge (manual): %s", leg->layer, what)
                                              : g_strdup_printf ("Hedge (manual): %s", what);
      const char *tags[] = { "hedge", "manual", NULL };
      AlvhJournalEntry entry = { 0 };

      entry.time = leg->opened;
      entry.title = title;
      entry.body = leg->notes != NULL ? leg->notes : "";
      entry.tags = (char **) tags;
      entry.account_id = leg->account_id;
      entry.decision_id = leg->decision_id;
      entry.leg_id = id;
      ok = _alvh_journal_store_insert_entry_locked (self, &entry, error) > 0;
    }
  /* a manual leg booked against a pending decision overrides it */
  if (ok && leg->manual && leg->decision_id > 0)
    ok = alvh_db_run (self->db, "UPDATE decisions SET followed = 'manual' WHERE id = ? AND followed IS NULL",
                      "cannot mark the decision", error, "i", leg->decision_id);
  return alvh_db_end (self->db, ok, error) ? id : 0;
}

gboolean
alvh_journal_store_update_leg (AlvhJournalStore      *self,
                               const AlvhLeg  *leg,
                               GError               **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (leg != NULL, FALSE);

  if (!check_leg (self, leg, error) || !alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "UPDATE legs SET account_id = ?1, condor_id = ?2, decision_id = ?3, kind = ?4,"
      " long_strike = ?5, short_strike = ?6, expiry = ?7, quantity = ?8, premium = ?9,"
      " layer = ?10, opened = ?11, manual = ?12, notes = ?15 WHERE id = ?16", error);

    ok = s != NULL;
    if (ok)
      {
        bind_leg (s, leg);
        sqlite3_bind_int64 (s, 16, leg->id);
        ok = _alvh_journal_store_step_one (self, s, "cannot update the leg", "leg", leg->id, error);
      }
  }
  if (ok)
    ok = update_open_fill_locked (self, TRUE, leg->id, leg->opened, leg->quantity, leg->premium, error);
  return alvh_db_end (self->db, ok, error);
}

gboolean
alvh_journal_store_close_leg (AlvhJournalStore  *self,
                              gint64             id,
                              gint64             time,
                              double             quantity,
                              double             price,
                              GError           **error)
{
  return alvh_journal_store_close_leg_fill (self, id, time, quantity, price, 0.0, error);
}

gboolean
alvh_journal_store_close_leg_fill (AlvhJournalStore  *self,
                                   gint64             id,
                                   gint64             time,
                                   double             quantity,
                                   double             price,
                                   double             fees,
                                   GError           **error)
{
  double total = 0, closed = 0, avg = 0;
  gint64 opened = 0;
  gboolean ok, found;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);

  if (!(quantity > 0) || !isfinite (quantity) || !isfinite (price))
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: closing leg %" G_GINT64_FORMAT ": expected a quantity > 0 and a finite price",
                   self->path, id);
      return FALSE;
    }
  if (!alvh_db_begin (self->db, error))
    return FALSE;
  ok = alvh_db_select_row (self->db, "SELECT quantity, closed_quantity, IFNULL (close_price, 0), opened FROM legs WHERE id = ?",
                           "cannot read the leg", &found, error, "i>dddi", id, &total, &closed, &avg, &opened);
  if (ok && !found)
    ok = _alvh_journal_store_not_found (self, error, "leg", id);
  if (ok && !(closed > 0))
    avg = 0;
  if (ok && closed + quantity > total + 1e-9)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: leg %" G_GINT64_FORMAT ": cannot close %g, only %g open",
                   self->path, id, quantity, total - closed);
      ok = FALSE;
    }
  if (ok && time < opened)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: leg %" G_GINT64_FORMAT ": cannot close before it opened", self->path, id);
      ok = FALSE;
    }
  if (ok)
    ok = insert_fill_locked (self, 0, id, TRUE, time, quantity, price, fees, error);
  if (ok)
    ok = alvh_db_run (self->db, "INSERT INTO leg_closes (leg_id, time, quantity, price) VALUES (?, ?, ?, ?)",
                      "cannot record the close", error, "iidd", id, time, quantity, price);
  if (ok)
    ok = alvh_db_run (self->db, "UPDATE legs SET closed_quantity = ?, close_price = ? WHERE id = ?",
                      "cannot close the leg", error, "ddi", MIN (closed + quantity, total),
                      (avg * closed + price * quantity) / (closed + quantity), id);
  return alvh_db_end (self->db, ok, error);
}

AlvhLeg *
alvh_journal_store_get_leg (AlvhJournalStore  *self,
                            gint64             id,
                            GError           **error)
{
  return get_position (self, &leg_table, "SELECT " LEG_COLUMNS " FROM legs WHERE id = ?", id, error);
}

GPtrArray *
alvh_journal_store_list_open_legs (AlvhJournalStore  *self,
                                   gint64             account_id,
                                   GError           **error)
{
  return list_positions (self, &leg_table, "SELECT " LEG_COLUMNS " FROM legs WHERE (?1 = 0 OR account_id = ?1)"
                         " AND closed_quantity < quantity - 1e-9 ORDER BY opened, id", account_id, 0, 0, error);
}

/**
 * alvh_journal_store_list_legs:
 * @self: the store
 * @account_id: an account (0 = all, where the function lists or reviews)
 * @from: the first time (0 = unbounded)
 * @to: the end, excluded (0 = unbounded)
 * @error: return location for a #GError
 *
 * The legs of @account_id (0 = all) opened in [@from, @to), closed ones
 * included; @from / @to 0 = unbounded.  Ordered by open time.
 *
 * Returns: (transfer full) (element-type AlvhLeg) (nullable): the legs, or
 *   %NULL with @error set
 */
GPtrArray *
alvh_journal_store_list_legs (AlvhJournalStore  *self,
                              gint64             account_id,
                              gint64             from,
                              gint64             to,
                              GError           **error)
{
  return list_positions (self, &leg_table, "SELECT " LEG_COLUMNS " FROM legs WHERE (?1 = 0 OR account_id = ?1)"
                         " AND (?2 = 0 OR opened >= ?2) AND (?3 = 0 OR opened < ?3) ORDER BY opened, id",
                         account_id, from, to, error);
}

guint
alvh_journal_store_next_layer (AlvhJournalStore  *self,
                               gint64             account_id,
                               gint64             condor_id,
                               GError           **error)
{
  g_autoptr(GPtrArray) legs = alvh_journal_store_list_legs (self, account_id, 0, 0, error);
  guint layer = 1;

  if (legs == NULL)
    return 0;
  for (guint i = 0; i < legs->len; i++)
    {
      const AlvhLeg *l = g_ptr_array_index (legs, i);

      if (condor_id != 0 && l->condor_id == condor_id && alvh_leg_is_vix_hedge (l))
        layer = MAX (layer, l->layer + 1);
    }
  return layer;
}

static AlvhJournalLegClose *
leg_close_from_row (sqlite3_stmt *s)
{
  AlvhJournalLegClose *c = g_new0 (AlvhJournalLegClose, 1);

  alvh_db_read_columns (s, "iiidd", &c->id, &c->leg_id, &c->time, &c->quantity, &c->price);
  return c;
}

GPtrArray *
alvh_journal_store_list_leg_closes (AlvhJournalStore  *self,
                                    gint64             leg_id,
                                    GError           **error)
{
  const gint64 params[] = { leg_id };

  return alvh_db_list_rows (self->db,
    "SELECT id, leg_id, time, quantity, price FROM leg_closes WHERE leg_id = ? ORDER BY time, id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_journal_leg_close_free,
    (AlvhDbRowReader) leg_close_from_row, "cannot list leg closes", error);
}

gboolean
_alvh_journal_signal_read_row (sqlite3_stmt *s,
                               AlvhSignal   *out)
{
  AlvhSignalId id;

  if (!alvh_signal_id_from_key ((const char *) sqlite3_column_text (s, 1), &id))
    return FALSE;
  alvh_signal_init_na (out, id);
  out->snapshot_id = sqlite3_column_int64 (s, 0);
  out->available = sqlite3_column_type (s, 3) != SQLITE_NULL;
  out->value = alvh_db_column_double (s, 3);
  out->threshold = alvh_db_column_double (s, 4);
  out->threshold_high = alvh_db_column_double (s, 5);
  out->fired = out->available && sqlite3_column_int (s, 6) != 0;
  return TRUE;
}

static AlvhSignal *
signal_from_row (sqlite3_stmt *s)
{
  g_autofree AlvhSignal *sig = g_new (AlvhSignal, 1);

  if (!_alvh_journal_signal_read_row (s, sig))
    return NULL;
  return g_steal_pointer (&sig);
}

/* The signal snapshots linked to a leg (the fired ones that triggered it). */
GPtrArray *
alvh_journal_store_list_leg_signals (AlvhJournalStore  *self,
                                     gint64             leg_id,
                                     GError           **error)
{
  const gint64 params[] = { leg_id };

  return alvh_db_list_rows (self->db,
    "SELECT s.id, s.key, s.kind, s.value, s.threshold, s.threshold_high, s.fired"
    " FROM leg_signals ls JOIN signal_snapshots s ON s.id = ls.snapshot_id"
    " WHERE ls.leg_id = ? ORDER BY s.key",
    params, G_N_ELEMENTS (params), g_free,
    (AlvhDbRowReader) signal_from_row, "cannot list leg signals", error);
}


/* ---- the ledger ------------------------------------------------------------ */

static AlvhFill *
fill_from_row (sqlite3_stmt *s)
{
  AlvhFill *f = g_new0 (AlvhFill, 1);

  alvh_db_read_columns (s, "iiibiddd", &f->id, &f->condor_id, &f->leg_id, &f->close, &f->time,
                        &f->quantity, &f->price, &f->fees);
  return f;
}

GPtrArray *
alvh_journal_store_list_fills (AlvhJournalStore  *self,
                               gint64             account_id,
                               GError           **error)
{
  const gint64 params[] = { account_id };

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  return alvh_db_list_rows (self->db,
    "SELECT f.id, f.condor_id, f.leg_id, f.close, f.time, f.quantity, f.price, f.fees FROM fills f"
    " LEFT JOIN condors c ON c.id = f.condor_id LEFT JOIN legs l ON l.id = f.leg_id"
    " WHERE ?1 = 0 OR c.account_id = ?1 OR l.account_id = ?1 ORDER BY f.time, f.id",
    params, G_N_ELEMENTS (params), g_free,
    (AlvhDbRowReader) fill_from_row, "cannot list fills", error);
}

AlvhLedger *
alvh_journal_store_load_ledger (AlvhJournalStore        *self,
                                gint64                   account_id,
                                const AlvhLedgerParams  *params,
                                GError                 **error)
{
  g_autoptr(AlvhLedger) ledger = NULL;
  g_autoptr(GPtrArray) condors = NULL;
  g_autoptr(GPtrArray) legs = NULL;
  g_autoptr(GPtrArray) fills = NULL;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);

  condors = alvh_journal_store_list_condors (self, account_id, 0, 0, error);
  if (condors == NULL)
    return NULL;
  legs = alvh_journal_store_list_legs (self, account_id, 0, 0, error);
  if (legs == NULL)
    return NULL;
  fills = alvh_journal_store_list_fills (self, account_id, error);
  if (fills == NULL)
    return NULL;
  ledger = alvh_ledger_new (params);
  for (guint i = 0; i < condors->len; i++)
    alvh_ledger_add_condor (ledger, g_ptr_array_index (condors, i));
  for (guint i = 0; i < legs->len; i++)
    alvh_ledger_add_leg (ledger, g_ptr_array_index (legs, i));
  for (guint i = 0; i < fills->len; i++)
    alvh_ledger_add_fill (ledger, g_ptr_array_index (fills, i));
  return g_steal_pointer (&ledger);
}

/* The evaluator decision a leg filled at @time follows: the account's latest
 * ADD at or before the fill on the same New York day; 0 when none. */
gint64
alvh_journal_store_find_proposing_decision (AlvhJournalStore  *self,
                                            gint64             account_id,
                                            gint64             time,
                                            GError           **error)
{
  gint64 id = 0;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  if (!alvh_db_select_row (self->db,
        "SELECT id FROM decisions WHERE account_id = ? AND action = 'ADD' AND time <= ? AND time >= ?"
        " ORDER BY time DESC, id DESC LIMIT 1", "cannot find the decision behind the leg", NULL, error,
        "iii>i", account_id, time, (gint64) alvh_time_from_ny_day (alvh_time_ny_day (time)), &id))
    return -1;
  return id;
}
