/* alvh-journal-entries.c — journal entries: tags, attachments, soft delete and the full-text query
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

/* ---- entries (internal) --------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Tags: trimmed, lower case, inner blanks as '-', sorted, unique. */
static char **
normalize_tags (const char * const *tags)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      char *t = g_utf8_strdown (tags[i], -1);

      g_strstrip (t);
      for (char *p = t; *p != '\0'; p++)
        if (g_ascii_isspace (*p))
          *p = '-';
      if (*t == '\0')
        g_free (t);
      else
        g_ptr_array_add (all, t);
    }
  g_ptr_array_sort (all, compare_strings);
  for (guint i = 0; i < all->len; i++)
    if (i == 0 || strcmp (g_ptr_array_index (all, i), g_ptr_array_index (all, i - 1)) != 0)
      g_ptr_array_add (out, g_strdup (g_ptr_array_index (all, i)));
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (out, FALSE);
}

static gboolean
set_entry_tags_locked (AlvhJournalStore  *self,
                       gint64             entry_id,
                       char             **tags,
                       GError           **error)
{
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "DELETE FROM entry_tags WHERE entry_id = ?", error);

    if (s == NULL)
      return FALSE;
    sqlite3_bind_int64 (s, 1, entry_id);
    if (!alvh_db_step_done (self->db, s, "cannot clear the tags", error))
      return FALSE;
  }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      g_autoptr(AlvhDbCachedStmt) s1 = alvh_db_prepare_cached (self->db, "INSERT OR IGNORE INTO tags (name) VALUES (?)", error);
      g_autoptr(AlvhDbCachedStmt) s2 = NULL;

      if (s1 == NULL)
        return FALSE;
      alvh_db_bind_text (s1, 1, tags[i]);
      if (!alvh_db_step_done (self->db, s1, "cannot add the tag", error))
        return FALSE;
      s2 = alvh_db_prepare_cached (self->db,
        "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) SELECT ?, id FROM tags WHERE name = ?", error);
      if (s2 == NULL)
        return FALSE;
      sqlite3_bind_int64 (s2, 1, entry_id);
      alvh_db_bind_text (s2, 2, tags[i]);
      if (!alvh_db_step_done (self->db, s2, "cannot tag the entry", error))
        return FALSE;
    }
  return TRUE;
}

gint64
_alvh_journal_store_insert_entry_locked (AlvhJournalStore        *self,
                                         const AlvhJournalEntry  *entry,
                                         GError                 **error)
{
  g_auto(GStrv) tags = normalize_tags ((const char * const *) entry->tags);
  g_autofree char *tags_text = g_strjoinv (" ", tags);
  g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
    "INSERT INTO entries (time, title, body, tags, account_id, decision_id, leg_id, deleted)"
    " VALUES (?,?,?,?,?,?,?,?)", error);
  gint64 id;

  if (s == NULL)
    return 0;
  sqlite3_bind_int64 (s, 1, entry->time != 0 ? entry->time : g_get_real_time () / G_USEC_PER_SEC);
  alvh_db_bind_text (s, 2, entry->title != NULL ? entry->title : "");
  alvh_db_bind_text (s, 3, entry->body != NULL ? entry->body : "");
  alvh_db_bind_text (s, 4, tags_text);
  alvh_db_bind_id (s, 5, entry->account_id);
  alvh_db_bind_id (s, 6, entry->decision_id);
  alvh_db_bind_id (s, 7, entry->leg_id);
  sqlite3_bind_int (s, 8, entry->deleted ? 1 : 0);
  if (!alvh_db_step_done (self->db, s, "cannot add the entry", error))
    return 0;
  id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
  if (!set_entry_tags_locked (self, id, tags, error))
    return 0;
  return id;
}

/* ---- journal entries ------------------------------------------------------ */

#define ENTRY_COLUMNS "e.id, e.time, e.title, e.body, e.tags, e.account_id, e.decision_id, e.leg_id, e.deleted"

static AlvhJournalEntry *
entry_from_row (sqlite3_stmt *s)
{
  AlvhJournalEntry *e = alvh_journal_entry_new ();
  g_autofree char *tags = alvh_db_column_text (s, 4);  /* valid UTF-8, NULs kept visible */

  e->id = sqlite3_column_int64 (s, 0);
  e->time = sqlite3_column_int64 (s, 1);
  e->title = alvh_db_column_text (s, 2);
  e->body = alvh_db_column_text (s, 3);
  e->tags = tags != NULL && *tags != '\0' ? g_strsplit (tags, " ", -1) : g_new0 (char *, 1);
  e->account_id = sqlite3_column_int64 (s, 5);
  e->decision_id = sqlite3_column_int64 (s, 6);
  e->leg_id = sqlite3_column_int64 (s, 7);
  e->deleted = sqlite3_column_int (s, 8) != 0;
  return e;
}

gint64
alvh_journal_store_add_entry (AlvhJournalStore        *self,
                              const AlvhJournalEntry  *entry,
                              GError                 **error)
{
  gint64 id;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (entry != NULL, 0);

  if (!alvh_db_begin (self->db, error))
    return 0;
  id = _alvh_journal_store_insert_entry_locked (self, entry, error);
  return alvh_db_end (self->db, id > 0, error) ? id : 0;
}

AlvhJournalEntry *
alvh_journal_store_get_entry (AlvhJournalStore  *self,
                              gint64             id,
                              GError           **error)
{
  return alvh_db_read_row_by_id (self->db,
    "SELECT " ENTRY_COLUMNS " FROM entries e WHERE e.id = ?",
    id, (AlvhDbRowReader) entry_from_row, "journal entry", "cannot read the entry", ALVH_JOURNAL_ERROR_NOT_FOUND, error);
}

/* Words -> an FTS5 query of quoted terms (so that user text never is FTS syntax);
 * a trailing '*' keeps a prefix search. NULL when there is no word. */
static char *
fts_query_from_words (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GString) q = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize len = strlen (words[i]);
      gboolean prefix = len > 1 && words[i][len - 1] == '*';
      gboolean any = FALSE;

      if (prefix)
        words[i][--len] = '\0';
      for (const char *p = words[i]; *p != '\0'; p++)
        if (*p != '"' && *p != '*')
          any = TRUE;
      if (!any)
        continue;
      if (q->len > 0)
        g_string_append_c (q, ' ');
      g_string_append_c (q, '"');
      for (const char *p = words[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append (q, "\"\"");
          else
            g_string_append_c (q, *p);
        }
      g_string_append_c (q, '"');
      if (prefix)
        g_string_append_c (q, '*');
    }
  if (q->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&q), FALSE);
}

static void
bind_filter_params (sqlite3_stmt            *s,
                    const AlvhJournalFilter *filter,
                    const char              *fts)
{
  int n;

#define BIND_NAME(name) ((n = sqlite3_bind_parameter_index (s, name)) > 0)
  if (BIND_NAME (":from"))
    sqlite3_bind_int64 (s, n, filter->from);
  if (BIND_NAME (":to"))
    sqlite3_bind_int64 (s, n, filter->to);
  if (BIND_NAME (":account"))
    sqlite3_bind_int64 (s, n, filter->account_id);
  if (BIND_NAME (":branch"))
    alvh_db_bind_text (s, n, filter->branch);
  if (BIND_NAME (":trigger"))
    alvh_db_bind_text (s, n, filter->trigger);
  if (BIND_NAME (":tag"))
    {
      g_autofree char *t = g_utf8_strdown (filter->tag, -1);
      alvh_db_bind_text (s, n, g_strstrip (t));
    }
  if (BIND_NAME (":fts"))
    alvh_db_bind_text (s, n, fts);
  if (BIND_NAME (":limit"))
    sqlite3_bind_int (s, n, filter->limit > 0 ? (int) MIN (filter->limit, G_MAXINT) : 100);
  if (BIND_NAME (":offset"))
    sqlite3_bind_int64 (s, n, filter->offset);
#undef BIND_NAME
}

/* How many entries a set holds, counted up to @cap. */
static gint64
count_set_capped (AlvhJournalStore        *self,
                  const char              *set_sql,
                  gint64                   cap,
                  const AlvhJournalFilter *filter,
                  const char              *fts)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM (%s LIMIT %" G_GINT64_FORMAT ")", set_sql, cap);
  g_autoptr(sqlite3_stmt) s = NULL;

  if (sqlite3_prepare_v2 (alvh_db_get_handle (self->db), sql, -1, &s, NULL) != SQLITE_OK)
    return cap;  /* unknown: as large as counted */
  bind_filter_params (s, filter, fts);
  if (sqlite3_step (s) != SQLITE_ROW)
    return cap;  /* unknown: as large as counted */
  return sqlite3_column_int64 (s, 0);
}

typedef struct
{
  const char *set;    /* the entry ids that meet the condition */
  const char *probe;  /* the condition on one entry e; NULL: probe the set */
  const char *count;  /* a cheap index range about as large as the set */
} EntryCondition;

/* Runs @sql (bound with the filter and the extra values) and appends the rows. */
static gboolean
run_entry_query (AlvhJournalStore         *self,
                 const char               *sql,
                 const AlvhJournalFilter  *filter,
                 const char               *fts,
                 const gint64             *extra,   /* :b_time :b_id :min_id, or NULL */
                 GPtrArray                *out,
                 GError                  **error)
{
  g_autoptr(sqlite3_stmt) s = NULL;
  int n;

  g_debug ("entry query: %s", sql);
  if (sqlite3_prepare_v2 (alvh_db_get_handle (self->db), sql, -1, &s, NULL) != SQLITE_OK)
    return alvh_db_set_error (self->db, error, "cannot prepare the entry query");
  bind_filter_params (s, filter, fts);
  if (extra != NULL)
    {
      if ((n = sqlite3_bind_parameter_index (s, ":b_time")) > 0)
        sqlite3_bind_int64 (s, n, extra[0]);
      if ((n = sqlite3_bind_parameter_index (s, ":b_id")) > 0)
        sqlite3_bind_int64 (s, n, extra[1]);
      if ((n = sqlite3_bind_parameter_index (s, ":min_id")) > 0)
        sqlite3_bind_int64 (s, n, extra[2]);
    }
  return alvh_db_read_rows (self->db, s, out, (AlvhDbRowReader) entry_from_row, "cannot list entries", error);
}

#define COUNT_CAP 5000

/* How one call of alvh_journal_store_list_entries() finds its page. */
typedef struct
{
  const AlvhJournalFilter *filter;
  GString                 *base;       /* conditions on e itself ("1 AND e.deleted = 0 ...") */
  char                    *base_w;     /* the same on the walk's alias w */
  char                    *fts;        /* the full-text query, or NULL */
  EntryCondition           conds[4];
  gint64                   counts[4];  /* each set's size, capped */
  guint                    n;
  guint                    smallest;   /* the smallest set */
  guint                    limit;
  gint64                   page;       /* limit + offset */
} EntryPlan;

static void
entry_plan_clear (EntryPlan *plan)
{
  if (plan->base != NULL)
    g_string_free (plan->base, TRUE);
  g_free (plan->base_w);
  g_free (plan->fts);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EntryPlan, entry_plan_clear)

/* The conditions of @filter: the ones on the entry row in plan->base, the
 * ones on other tables as sets in plan->conds. */
static void
entry_plan_init (EntryPlan               *plan,
                 const AlvhJournalFilter *filter)
{
  memset (plan, 0, sizeof *plan);
  plan->filter = filter;
  plan->base = g_string_new ("1");
  plan->limit = filter->limit > 0 ? MIN (filter->limit, (guint) G_MAXINT) : 100;
  plan->page = (gint64) plan->limit + filter->offset;

  if (!filter->include_deleted)
    g_string_append (plan->base, " AND e.deleted = 0");
  if (filter->from != 0)
    g_string_append (plan->base, " AND e.time >= :from");
  if (filter->to != 0)
    g_string_append (plan->base, " AND e.time < :to");
  if (filter->account_id > 0)
    g_string_append (plan->base, " AND e.account_id = :account");

  if (filter->branch != NULL && strcmp (filter->branch, "manual") == 0)
    {
      plan->conds[plan->n].probe = "(EXISTS (SELECT 1 FROM decisions d WHERE d.id = e.decision_id AND d.branch = :branch)"
                                   " OR EXISTS (SELECT 1 FROM legs l WHERE l.id = e.leg_id AND l.manual = 1))";
      plan->conds[plan->n].count = "SELECT 1 FROM decisions WHERE branch = :branch UNION ALL"
                                   " SELECT 1 FROM legs WHERE manual = 1";
      plan->conds[plan->n++].set = "SELECT x.id FROM decisions d CROSS JOIN entries x ON x.decision_id = d.id"
                                   " WHERE d.branch = :branch UNION ALL"
                                   " SELECT x.id FROM legs l CROSS JOIN entries x ON x.leg_id = l.id WHERE l.manual = 1";
    }
  else if (filter->branch != NULL)
    {
      plan->conds[plan->n].probe = "EXISTS (SELECT 1 FROM decisions d WHERE d.id = e.decision_id AND d.branch = :branch)";
      plan->conds[plan->n].count = "SELECT 1 FROM decisions WHERE branch = :branch";
      plan->conds[plan->n++].set = "SELECT x.id FROM decisions d CROSS JOIN entries x ON x.decision_id = d.id"
                                   " WHERE d.branch = :branch";
    }
  if (filter->trigger != NULL)
    {
      /* (key, fired, decision_id) answers the probe from the index alone */
      plan->conds[plan->n].probe = "EXISTS (SELECT 1 FROM signal_snapshots sn INDEXED BY signal_snapshots_key"
                                   " WHERE sn.key = :trigger AND sn.fired = 1 AND sn.decision_id = e.decision_id)";
      plan->conds[plan->n].count = "SELECT 1 FROM signal_snapshots WHERE key = :trigger AND fired = 1";
      plan->conds[plan->n++].set = "SELECT x.id FROM signal_snapshots sn CROSS JOIN entries x ON x.decision_id = sn.decision_id"
                                   " WHERE sn.key = :trigger AND sn.fired = 1";
    }
  if (filter->tag != NULL)
    {
      plan->conds[plan->n].probe = "EXISTS (SELECT 1 FROM entry_tags et WHERE et.entry_id = e.id"
                                   " AND et.tag_id = (SELECT id FROM tags WHERE name = :tag))";
      plan->conds[plan->n].count = NULL;
      plan->conds[plan->n++].set = "SELECT et.entry_id FROM tags t CROSS JOIN entry_tags et ON et.tag_id = t.id"
                                   " WHERE t.name = :tag";
    }
  if (filter->query != NULL && (plan->fts = fts_query_from_words (filter->query)) != NULL)
    {
      plan->conds[plan->n].probe = NULL;  /* FTS5 has no cheap probe of one row */
      plan->conds[plan->n].count = NULL;
      plan->conds[plan->n++].set = "SELECT rowid FROM entries_fts WHERE entries_fts MATCH :fts";
    }
}

/* A statement built for this call (not cached), bound with the filter. */
static sqlite3_stmt *
prepare_planned (AlvhJournalStore  *self,
                 const EntryPlan   *plan,
                 const char        *sql,
                 GError           **error)
{
  sqlite3_stmt *s = NULL;

  if (sqlite3_prepare_v2 (alvh_db_get_handle (self->db), sql, -1, &s, NULL) != SQLITE_OK)
    {
      alvh_db_set_error (self->db, error, "cannot prepare the entry query");
      return NULL;
    }
  bind_filter_params (s, plan->filter, plan->fts);
  return s;
}

/* The bounds of a walk over the newest @k entries: extra[0..1] the K-th
 * newest entry's time and id (*whole when there are fewer: walk them all),
 * extra[2] the smallest id among them (for a full-text set). */
static gboolean
walk_bounds (AlvhJournalStore  *self,
             const EntryPlan   *plan,
             gint64             k,
             gint64             extra[3],
             gboolean          *whole,
             GError           **error)
{
  g_autofree char *edge_sql = NULL;
  g_autoptr(sqlite3_stmt) edge = NULL;

  extra[0] = extra[1] = G_MININT64;
  extra[2] = 0;
  *whole = FALSE;
  edge_sql = g_strdup_printf ("SELECT w.time, w.id FROM entries w WHERE %s"
                              " ORDER BY w.time DESC, w.id DESC LIMIT 1 OFFSET %" G_GINT64_FORMAT,
                              plan->base_w, k - 1);
  edge = prepare_planned (self, plan, edge_sql, error);
  if (edge == NULL)
    return FALSE;
  if (sqlite3_step (edge) == SQLITE_ROW)
    {
      extra[0] = sqlite3_column_int64 (edge, 0);
      extra[1] = sqlite3_column_int64 (edge, 1);
    }
  else
    *whole = TRUE;
  if (plan->fts != NULL && !*whole)
    {
      g_autofree char *min_sql = g_strdup_printf ("SELECT min(id) FROM (SELECT w.id FROM entries w WHERE %s"
                                                  " ORDER BY w.time DESC, w.id DESC LIMIT %" G_GINT64_FORMAT ")",
                                                  plan->base_w, k);
      g_autoptr(sqlite3_stmt) mn = prepare_planned (self, plan, min_sql, error);

      if (mn == NULL)
        return FALSE;
      if (sqlite3_step (mn) == SQLITE_ROW)
        extra[2] = sqlite3_column_int64 (mn, 0);
    }
  return TRUE;
}

/* Walks the newest K entries by index, probing each condition, K growing
 * 8-fold until the page is full (*answered) or until driving from the
 * smallest set costs less (not *answered, @out empty). */
static gboolean
walk_newest (AlvhJournalStore  *self,
             EntryPlan         *plan,
             GPtrArray         *out,
             gboolean          *answered,
             GError           **error)
{
  const EntryCondition *smallest = &plan->conds[plan->smallest];

  *answered = FALSE;
  plan->base_w = g_strdup (plan->base->str);
  for (char *p = strstr (plan->base_w, "e."); p != NULL; p = strstr (p + 2, "e."))
    *p = 'w';
  for (gint64 k = MAX (1024, 8 * plan->page); ; k *= 8)
    {
      g_autoptr(GString) sql = g_string_new (NULL);
      gint64 extra[3];
      gboolean whole;

      /* the K-th newest entry bounds the walk; none: walk them all */
      if (!walk_bounds (self, plan, k, extra, &whole, error))
        return FALSE;
      g_string_append_printf (sql, "SELECT " ENTRY_COLUMNS " FROM entries e WHERE %s", plan->base->str);
      if (!whole)
        g_string_append (sql, " AND e.time >= :b_time AND (e.time > :b_time OR e.id >= :b_id)");
      for (guint i = 0; i < plan->n; i++)
        {
          if (plan->conds[i].probe != NULL)
            g_string_append_printf (sql, " AND %s", plan->conds[i].probe);
          else
            g_string_append_printf (sql, " AND +e.id IN (%s AND rowid >= :min_id)", plan->conds[i].set);
        }
      g_string_append (sql, " ORDER BY e.time DESC, e.id DESC LIMIT :limit OFFSET :offset");
      if (!run_entry_query (self, sql->str, plan->filter, plan->fts, extra, out, error))
        return FALSE;
      if (out->len >= plan->limit || whole)
        {
          *answered = TRUE;
          return TRUE;
        }
      g_ptr_array_set_size (out, 0);
      /* the next walk would cost more than driving from the smallest set
       * (a lookup by id costs about as much as 4 probed steps of a walk;
       * as 1 when the walk also builds the window's part of a full-text
       * set, which driving may skip) */
      if (8 * k > (plan->fts != NULL && smallest->probe != NULL ? 1 : 4) * plan->counts[plan->smallest])
        return TRUE;
    }
}

/* Looks the smallest set's entries up by id, probing the other conditions. */
static gboolean
drive_from_smallest (AlvhJournalStore  *self,
                     const EntryPlan   *plan,
                     GPtrArray         *out,
                     GError           **error)
{
  const EntryCondition *smallest = &plan->conds[plan->smallest];
  g_autoptr(GString) sql = g_string_new (NULL);

  /* Building a full-text set costs more than all the rest: when no entry
   * passes the other conditions, do not build it at all. */
  if (plan->fts != NULL && smallest->probe != NULL)
    {
      g_autoptr(GString) pre = g_string_new (NULL);
      g_autoptr(sqlite3_stmt) ps = NULL;
      int rc;

      g_string_append_printf (pre, "SELECT 1 FROM entries e NOT INDEXED WHERE %s AND e.id IN (%s)",
                              plan->base->str, smallest->set);
      for (guint i = 0; i < plan->n; i++)
        if (i != plan->smallest && plan->conds[i].probe != NULL)
          g_string_append_printf (pre, " AND %s", plan->conds[i].probe);
      g_string_append (pre, " LIMIT 1");
      ps = prepare_planned (self, plan, pre->str, error);
      if (ps == NULL)
        return FALSE;
      rc = sqlite3_step (ps);
      if (rc == SQLITE_DONE)
        return TRUE;
      if (rc != SQLITE_ROW)
        return alvh_db_set_error (self->db, error, "cannot list entries");
    }

  g_string_append_printf (sql, "SELECT " ENTRY_COLUMNS " FROM entries e NOT INDEXED WHERE %s"
                          " AND e.id IN (%s)", plan->base->str, smallest->set);
  for (guint i = 0; i < plan->n; i++)
    {
      if (i == plan->smallest)
        continue;
      if (plan->conds[i].probe != NULL)
        g_string_append_printf (sql, " AND %s", plan->conds[i].probe);
      else
        g_string_append_printf (sql, " AND +e.id IN (%s)", plan->conds[i].set);
    }
  g_string_append (sql, " ORDER BY e.time DESC, e.id DESC LIMIT :limit OFFSET :offset");
  return run_entry_query (self, sql->str, plan->filter, plan->fts, NULL, out, error);
}

/**
 * alvh_journal_store_list_entries:
 * @self: the store
 * @filter: (nullable): the conditions
 * @error: return location for a #GError
 *
 * Entries matching every condition of @filter (NULL: all), newest first.
 *
 * Plan: a condition whose set of entries is small drives the query (look
 * its entries up by id, probe the other conditions, sort the few).
 * Otherwise the newest K entries are walked by index, probing each
 * condition, K growing 8-fold until the page is full; when the next walk
 * would cost more than driving from the smallest set, that set drives after
 * all.  Every plan gives the exact answer.
 *
 * Returns: (transfer full) (element-type AlvhJournalEntry) (nullable): the
 *   entries, or %NULL with @error set
 */
GPtrArray *
alvh_journal_store_list_entries (AlvhJournalStore         *self,
                                 const AlvhJournalFilter  *filter,
                                 GError                  **error)
{
  static const AlvhJournalFilter no_filter = { 0 };
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_journal_entry_free);
  g_auto(EntryPlan) plan = { 0 };
  gint64 total = 0, cap;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), NULL);
  entry_plan_init (&plan, filter != NULL ? filter : &no_filter);

  if (plan.n == 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT " ENTRY_COLUMNS " FROM entries e WHERE %s"
                                              " ORDER BY e.time DESC, e.id DESC LIMIT :limit OFFSET :offset",
                                              plan.base->str);

      if (!run_entry_query (self, sql, plan.filter, plan.fts, NULL, out, error))
        return NULL;
      return g_steal_pointer (&out);
    }

  {
    g_autoptr(AlvhDbCachedStmt) m = alvh_db_prepare_cached (self->db, "SELECT max(id) FROM entries", error);

    if (m == NULL)
      return NULL;
    if (sqlite3_step (m) == SQLITE_ROW)
      total = sqlite3_column_int64 (m, 0);
  }
  /* driving costs s lookups by id; a walk about page x N / s cheap index
   * steps, a lookup some 16 of them: drive when s < sqrt (page x N) / 4 */
  cap = (gint64) CLAMP (sqrt ((double) plan.page * (double) total) / 4.0, 64.0, 20000.0);
  for (guint i = 0; i < plan.n; i++)
    {
      plan.counts[i] = count_set_capped (self, plan.conds[i].count != NULL ? plan.conds[i].count : plan.conds[i].set,
                                         COUNT_CAP, plan.filter, plan.fts);
      if (plan.counts[i] < plan.counts[plan.smallest])
        plan.smallest = i;
    }

  if (plan.counts[plan.smallest] >= cap)
    {
      gboolean answered;

      if (!walk_newest (self, &plan, out, &answered, error))
        return NULL;
      if (answered)
        return g_steal_pointer (&out);
    }
  if (!drive_from_smallest (self, &plan, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

gboolean
alvh_journal_store_update_entry (AlvhJournalStore    *self,
                                 gint64               id,
                                 const char          *title,
                                 const char          *body,
                                 const char * const  *tags,
                                 GError             **error)
{
  g_auto(GStrv) norm = tags != NULL ? normalize_tags (tags) : NULL;
  g_autofree char *tags_text = norm != NULL ? g_strjoinv (" ", norm) : NULL;
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "UPDATE entries SET title = coalesce (?1, title), body = coalesce (?2, body),"
      " tags = coalesce (?3, tags) WHERE id = ?4", error);

    ok = s != NULL;
    if (ok)
      {
        alvh_db_bind_text (s, 1, title);
        alvh_db_bind_text (s, 2, body);
        alvh_db_bind_text (s, 3, tags_text);
        sqlite3_bind_int64 (s, 4, id);
        ok = _alvh_journal_store_step_one (self, s, "cannot update the entry", "journal entry", id, error);
      }
  }
  if (ok && norm != NULL)
    ok = set_entry_tags_locked (self, id, norm, error);
  return alvh_db_end (self->db, ok, error);
}

/* One statement in one write transaction: two writers appending at once
 * both keep their paragraph (no read-append-write outside the lock). */
gboolean
alvh_journal_store_append_to_entry (AlvhJournalStore  *self,
                                    gint64             id,
                                    const char        *paragraph,
                                    GError           **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  g_return_val_if_fail (paragraph != NULL, FALSE);

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "UPDATE entries SET body = CASE WHEN body = '' THEN ?1 ELSE body || char (10, 10) || ?1 END"
      " WHERE id = ?2", error);

    ok = s != NULL;
    if (ok)
      {
        alvh_db_bind_text (s, 1, paragraph);
        sqlite3_bind_int64 (s, 2, id);
        ok = _alvh_journal_store_step_one (self, s, "cannot add to the entry", "journal entry", id, error);
      }
  }
  return alvh_db_end (self->db, ok, error);
}

static gboolean
set_entry_deleted (AlvhJournalStore  *self,
                   gint64             id,
                   gboolean           deleted,
                   GError           **error)
{
  gboolean ok;

  if (!alvh_db_begin (self->db, error))
    return FALSE;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db, "UPDATE entries SET deleted = ? WHERE id = ?", error);

    ok = s != NULL;
    if (ok)
      {
        sqlite3_bind_int (s, 1, deleted ? 1 : 0);
        sqlite3_bind_int64 (s, 2, id);
        ok = _alvh_journal_store_step_one (self, s, "cannot change the entry", "journal entry", id, error);
      }
  }
  return alvh_db_end (self->db, ok, error);
}

/* Soft delete: the entry disappears from lists and search results until undeleted. */
gboolean
alvh_journal_store_delete_entry (AlvhJournalStore  *self,
                                 gint64             id,
                                 GError           **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  return set_entry_deleted (self, id, TRUE, error);
}

gboolean
alvh_journal_store_undelete_entry (AlvhJournalStore  *self,
                                   gint64             id,
                                   GError           **error)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), FALSE);
  return set_entry_deleted (self, id, FALSE, error);
}

gint64
alvh_journal_store_add_attachment (AlvhJournalStore  *self,
                                   gint64             entry_id,
                                   GBytes            *png,
                                   const char        *caption,
                                   GError           **error)
{
  gint64 id = 0;
  gboolean ok;
  gsize len = 0;
  const guint8 *data;

  g_return_val_if_fail (ALVH_IS_JOURNAL_STORE (self), 0);
  g_return_val_if_fail (png != NULL, 0);

  data = g_bytes_get_data (png, &len);
  if (len < 8 || memcmp (data, "\x89PNG\r\n\x1a\n", 8) != 0)
    {
      g_set_error (error, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_INVALID,
                   "%s: attachment: expected PNG data (the 8-byte PNG signature)", self->path);
      return 0;
    }
  if (!alvh_db_begin (self->db, error))
    return 0;
  {
    g_autoptr(AlvhDbCachedStmt) s = alvh_db_prepare_cached (self->db,
      "INSERT INTO attachments (entry_id, png, caption) VALUES (?, ?, ?)", error);

    ok = s != NULL;
    if (ok)
      {
        sqlite3_bind_int64 (s, 1, entry_id);
        sqlite3_bind_blob64 (s, 2, data, len, SQLITE_TRANSIENT);
        alvh_db_bind_text (s, 3, caption != NULL ? caption : "");
        ok = alvh_db_step_done (self->db, s, "cannot add the attachment", error);
        id = sqlite3_last_insert_rowid (alvh_db_get_handle (self->db));
      }
  }
  return alvh_db_end (self->db, ok, error) ? id : 0;
}

static AlvhJournalAttachment *
attachment_from_row (sqlite3_stmt *s)
{
  AlvhJournalAttachment *a = g_new0 (AlvhJournalAttachment, 1);

  a->id = sqlite3_column_int64 (s, 0);
  a->entry_id = sqlite3_column_int64 (s, 1);
  a->png = g_bytes_new (sqlite3_column_blob (s, 2), (gsize) sqlite3_column_bytes (s, 2));
  a->caption = alvh_db_column_text (s, 3);
  return a;
}

GPtrArray *
alvh_journal_store_list_attachments (AlvhJournalStore  *self,
                                     gint64             entry_id,
                                     GError           **error)
{
  const gint64 params[] = { entry_id };

  return alvh_db_list_rows (self->db,
    "SELECT id, entry_id, png, caption FROM attachments WHERE entry_id = ? ORDER BY id",
    params, G_N_ELEMENTS (params), (GDestroyNotify) alvh_journal_attachment_free,
    (AlvhDbRowReader) attachment_from_row, "cannot list attachments", error);
}

