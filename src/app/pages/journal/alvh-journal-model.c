/* alvh-journal-model.c — the journal entries that match a filter, as a GListModel */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alvh-journal-model.h"

#define PAGE_SIZE 10000

typedef struct
{
  gint64      id;
  gint64      time;
  gint64      decision_id;
  gint64      leg_id;
  double      size;
  double      pnl;
  int         layer;
  char       *title;
  char       *tags;
  const char *instrument;  /* interned */
  const char *branch;      /* interned */
  const char *triggers;    /* interned */
} Row;

typedef struct
{
  gint64  from, to;
  gint64  account_id;  /* 0 = every account */
  char   *branch;
  char   *trigger;
  char   *tag;
  char   *query;
} Query;

typedef struct
{
  char              *path;
  Query              query;
  AlvhJournalMarket *market;
} LoadData;

struct _AlvhJournalModel
{
  GObject       parent_instance;
  GArray       *rows;         /* Row */
  char         *path;
  AlvhSeries   *spx;
  AlvhSeries   *vix;
  AlvhSeries   *vx;    /* NULL when unknown */
  AlvhSeries   *vvix;
  Query         query;
  char         *sort_column;
  gboolean      sort_descending;
  gboolean      loading;
  char         *error;
  GCancellable *cancellable;
};

static void alvh_journal_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AlvhJournalModel, alvh_journal_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, alvh_journal_model_list_model_init))

enum {
  PROP_0,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_clear_pointer (&row->title, g_free);
  g_clear_pointer (&row->tags, g_free);
}

static void
query_clear (Query *q)
{
  g_clear_pointer (&q->branch, g_free);
  g_clear_pointer (&q->trigger, g_free);
  g_clear_pointer (&q->tag, g_free);
  g_clear_pointer (&q->query, g_free);
  q->from = q->to = 0;
}

static void
query_copy (Query       *dest,
            const Query *src)
{
  dest->from = src->from;
  dest->to = src->to;
  dest->account_id = src->account_id;
  dest->branch = g_strdup (src->branch);
  dest->trigger = g_strdup (src->trigger);
  dest->tag = g_strdup (src->tag);
  dest->query = g_strdup (src->query);
}

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  query_clear (&data->query);
  g_clear_pointer (&data->market, alvh_journal_market_free);
  g_free (data);
}

/* ---- GListModel ---- */

static GType
model_get_item_type (GListModel *list)
{
  return ALVH_TYPE_JOURNAL_ITEM;
}

static guint
model_get_n_items (GListModel *list)
{
  return ALVH_JOURNAL_MODEL (list)->rows->len;
}

static gpointer
model_get_item (GListModel *list,
                guint       position)
{
  AlvhJournalModel *self = ALVH_JOURNAL_MODEL (list);
  const Row *r;
  AlvhJournalRow row;

  if (position >= self->rows->len)
    return NULL;
  r = &g_array_index (self->rows, Row, position);
  row.id = r->id;
  row.time = r->time;
  row.decision_id = r->decision_id;
  row.leg_id = r->leg_id;
  row.layer = r->layer;
  row.size = r->size;
  row.pnl = r->pnl;
  row.title = r->title;
  row.instrument = r->instrument;
  row.branch = r->branch;
  row.triggers = r->triggers;
  row.tags = r->tags;
  return alvh_journal_item_new (&row);
}

static void
alvh_journal_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = model_get_item_type;
  iface->get_n_items = model_get_n_items;
  iface->get_item = model_get_item;
}

/* ---- loading (worker thread) ---- */

static const char *
fired_keys (const AlvhDecision *d)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < ALVH_N_SIGNALS; i++)
    {
      const AlvhSignal *sig = &d->signals[i];

      if (!alvh_decision_has_signal (d, (AlvhSignalId) i) || !sig->fired)
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, alvh_signal_id_to_key (sig->id));
    }
  return s->len > 0 ? g_intern_string (s->str) : NULL;
}

/* A row read by id through @cache (id -> row, owned there): NULL when the
 * row is gone (an entry may outlive its decision or leg), FALSE with @error
 * when the journal cannot be read. */
typedef gpointer (*ReadById) (AlvhJournalStore *store, gint64 id, GError **error);

static gboolean
cached_row (AlvhJournalStore  *store,
            GHashTable        *cache,
            gint64             id,
            ReadById           read,
            gpointer          *out,
            GError           **error)
{
  g_autoptr(GError) local = NULL;
  gpointer row = g_hash_table_lookup (cache, &id);

  if (row == NULL)
    {
      row = read (store, id, &local);
      if (row != NULL)
        g_hash_table_insert (cache, g_memdup2 (&id, sizeof (gint64)), row);
      else if (local != NULL && !g_error_matches (local, ALVH_JOURNAL_ERROR, ALVH_JOURNAL_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  *out = row;
  return TRUE;
}

static gpointer
read_decision (AlvhJournalStore  *store,
               gint64             id,
               GError           **error)
{
  return alvh_journal_store_get_decision (store, id, error);
}

static gpointer
read_leg (AlvhJournalStore  *store,
          gint64             id,
          GError           **error)
{
  return alvh_journal_store_get_leg (store, id, error);
}

/* The leg outcomes of the review by leg id (P&L is extra: a failing review
 * leaves the column empty). */
static GPtrArray *
review_outcomes (AlvhJournalStore        *store,
                 const AlvhJournalMarket *market,
                 GHashTable              *outcomes)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *reviewed;

  if (market == NULL)
    return NULL;
  reviewed = alvh_journal_store_review_legs (store, 0, market, &local_error);
  if (reviewed == NULL)
    g_debug ("journal review: %s", local_error->message);
  for (guint i = 0; reviewed != NULL && i < reviewed->len; i++)
    {
      AlvhJournalLegOutcome *o = g_ptr_array_index (reviewed, i);
      g_hash_table_insert (outcomes, &o->leg_id, o);
    }
  return reviewed;
}

/* The columns of one entry's row from its leg, decision and outcome. */
static void
fill_row (Row                         *row,
          const AlvhJournalEntry      *e,
          const AlvhDecision   *d,
          const AlvhLeg               *leg,
          const AlvhJournalLegOutcome *outcome)
{
  row->id = e->id;
  row->time = e->time;
  row->decision_id = e->decision_id;
  row->leg_id = e->leg_id;
  row->size = NAN;
  row->pnl = NAN;
  row->title = g_strdup (e->title);
  row->tags = e->tags != NULL && e->tags[0] != NULL ? g_strjoinv (", ", e->tags) : NULL;

  if (leg != NULL)
    {
      row->layer = leg->layer;
      row->size = leg->quantity;
      row->instrument = g_intern_static_string (alvh_leg_kind_to_string (leg->kind));
      if (leg->manual)
        row->branch = g_intern_static_string ("manual");
    }
  if (d != NULL)
    {
      if (row->branch == NULL)
        row->branch = g_intern_static_string (alvh_branch_to_string (d->branch));
      if (row->layer == 0)
        row->layer = d->layer;
      if (!isfinite (row->size) && d->size > 0)
        row->size = d->size;
      if (row->instrument == NULL)
        row->instrument = (d->has_leg ? g_intern_static_string (alvh_leg_kind_to_string (d->leg.kind)) : NULL);
      row->triggers = fired_keys (d);
    }
  if (outcome != NULL)
    {
      row->pnl = outcome->pnl;
      if (row->triggers == NULL && outcome->triggers != NULL && outcome->triggers[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", outcome->triggers);
          row->triggers = g_intern_string (joined);
        }
      if (row->branch == NULL)
        row->branch = g_intern_string (outcome->branch);
    }
}

static GArray *
load_rows (const LoadData  *data,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(AlvhJournalStore) store = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_autoptr(GHashTable) decisions = NULL;   /* id -> AlvhDecision */
  g_autoptr(GHashTable) legs = NULL;        /* id -> AlvhLeg */
  g_autoptr(GHashTable) outcomes = NULL;    /* leg id -> AlvhJournalLegOutcome */
  g_autoptr(GPtrArray) reviewed = NULL;
  AlvhJournalFilter filter = { 0 };

  g_array_set_clear_func (rows, row_clear);
  store = alvh_journal_store_open (data->path, error);
  if (store == NULL)
    return NULL;

  decisions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                     (GDestroyNotify) alvh_decision_free);
  legs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify) alvh_leg_free);
  outcomes = g_hash_table_new (g_int64_hash, g_int64_equal);
  reviewed = review_outcomes (store, data->market, outcomes);

  filter.from = data->query.from;
  filter.to = data->query.to;
  filter.account_id = data->query.account_id;
  filter.branch = data->query.branch;
  filter.trigger = data->query.trigger;
  filter.tag = data->query.tag;
  filter.query = data->query.query;
  filter.limit = PAGE_SIZE;
  filter.offset = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      page = alvh_journal_store_list_entries (store, &filter, error);
      if (page == NULL)
        return NULL;

      for (guint i = 0; i < page->len; i++)
        {
          const AlvhJournalEntry *e = g_ptr_array_index (page, i);
          gpointer d = NULL, leg = NULL;
          Row row = { 0 };

          if (e->decision_id != 0 &&
              !cached_row (store, decisions, e->decision_id, read_decision, &d, error))
            return NULL;
          if (e->leg_id != 0 &&
              !cached_row (store, legs, e->leg_id, read_leg, &leg, error))
            return NULL;
          fill_row (&row, e, d, leg, e->leg_id != 0 ? g_hash_table_lookup (outcomes, &e->leg_id) : NULL);
          g_array_append_val (rows, row);
        }
      if (page->len < PAGE_SIZE)
        break;
      filter.offset += page->len;
    }
  return g_steal_pointer (&rows);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  GArray *rows = load_rows (task_data, cancellable, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_array_unref);
}

/* ---- sorting ---- */

static int
cmp_str (const char *a, const char *b)
{
  if (a == b)
    return 0;
  if (a == NULL)
    return 1;   /* empty last */
  if (b == NULL)
    return -1;
  return g_utf8_collate (a, b);
}

static int
cmp_double (double a, double b)
{
  if (!isfinite (a) && !isfinite (b))
    return 0;
  if (!isfinite (a))
    return 1;
  if (!isfinite (b))
    return -1;
  return a < b ? -1 : a > b;
}

static int
row_compare (gconstpointer pa,
             gconstpointer pb,
             gpointer      user_data)
{
  AlvhJournalModel *self = user_data;
  const Row *a = pa, *b = pb;
  const char *col = self->sort_column ? self->sort_column : "date";
  int r = 0;

  if (g_str_equal (col, "layer"))
    r = (a->layer > b->layer) - (a->layer < b->layer);
  else if (g_str_equal (col, "size"))
    r = cmp_double (a->size, b->size);
  else if (g_str_equal (col, "pnl"))
    r = cmp_double (a->pnl, b->pnl);
  else if (g_str_equal (col, "instrument"))
    r = cmp_str (a->instrument, b->instrument);
  else if (g_str_equal (col, "branch"))
    r = cmp_str (a->branch, b->branch);
  else if (g_str_equal (col, "triggers"))
    r = cmp_str (a->triggers, b->triggers);
  else if (g_str_equal (col, "title"))
    r = cmp_str (a->title, b->title);
  else if (g_str_equal (col, "tags"))
    r = cmp_str (a->tags, b->tags);
  if (r == 0)
    r = (a->time > b->time) - (a->time < b->time);
  if (r == 0)
    r = (a->id > b->id) - (a->id < b->id);
  return self->sort_descending ? -r : r;
}

typedef struct
{
  char  *key;     /* g_utf8_collate_key, NULL for an empty cell */
  guint  index;
} SortKey;

typedef struct
{
  AlvhJournalModel *self;
  const Row        *rows;
} SortKeyCtx;

static int
sort_key_compare (gconstpointer pa,
                  gconstpointer pb,
                  gpointer      user_data)
{
  const SortKeyCtx *ctx = user_data;
  const SortKey *a = pa, *b = pb;
  const Row *ra = &ctx->rows[a->index], *rb = &ctx->rows[b->index];
  int r;

  if (a->key == b->key)
    r = 0;
  else if (a->key == NULL)
    r = 1;
  else if (b->key == NULL)
    r = -1;
  else
    r = strcmp (a->key, b->key);
  if (r == 0)
    r = (ra->time > rb->time) - (ra->time < rb->time);
  if (r == 0)
    r = (ra->id > rb->id) - (ra->id < rb->id);
  return ctx->self->sort_descending ? -r : r;
}

static const char *
row_text (const Row  *row,
          const char *column)
{
  if (g_str_equal (column, "instrument"))
    return row->instrument;
  if (g_str_equal (column, "branch"))
    return row->branch;
  if (g_str_equal (column, "triggers"))
    return row->triggers;
  if (g_str_equal (column, "title"))
    return row->title;
  if (g_str_equal (column, "tags"))
    return row->tags;
  return NULL;
}

/* Text columns: collation keys computed once per row (g_utf8_collate in
 * the comparison would cost seconds for 100 000 rows), then strcmp. */
static void
sort_rows (AlvhJournalModel *self)
{
  const char *col = self->sort_column ? self->sort_column : "date";
  gboolean text = g_str_equal (col, "instrument") || g_str_equal (col, "branch") ||
                  g_str_equal (col, "triggers") || g_str_equal (col, "title") || g_str_equal (col, "tags");
  guint n = self->rows->len;
  g_autoptr(GHashTable) interned = NULL;  /* interned text -> key */
  SortKey *keys;
  GArray *sorted;
  SortKeyCtx ctx;

  if (!text || n < 2)
    {
      g_array_sort_with_data (self->rows, row_compare, self);
      return;
    }

  interned = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  keys = g_new (SortKey, n);
  for (guint i = 0; i < n; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      const char *t = row_text (row, col);
      gboolean shared = !g_str_equal (col, "title") && !g_str_equal (col, "tags");

      keys[i].index = i;
      if (t == NULL || *t == '\0')
        keys[i].key = NULL;
      else if (shared)
        {
          char *k = g_hash_table_lookup (interned, t);
          if (k == NULL)
            {
              k = g_utf8_collate_key (t, -1);
              g_hash_table_insert (interned, (gpointer) t, k);
            }
          keys[i].key = k;
        }
      else
        keys[i].key = g_utf8_collate_key (t, -1);
    }
  ctx.self = self;
  ctx.rows = (const Row *) (gpointer) self->rows->data;
  g_qsort_with_data (keys, (gint) n, sizeof (SortKey), sort_key_compare, &ctx);

  sorted = g_array_sized_new (FALSE, TRUE, sizeof (Row), n);
  g_array_set_clear_func (sorted, row_clear);
  for (guint i = 0; i < n; i++)
    g_array_append_val (sorted, g_array_index (self->rows, Row, keys[i].index));
  if (g_str_equal (col, "title") || g_str_equal (col, "tags"))
    for (guint i = 0; i < n; i++)
      g_free (keys[i].key);
  g_free (keys);
  /* the rows moved into `sorted`: free only the old array's storage */
  g_array_set_clear_func (self->rows, NULL);
  g_array_unref (self->rows);
  self->rows = sorted;
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  GArray *rows = g_task_propagate_pointer (G_TASK (result), &error);
  AlvhJournalModel *self;
  guint old_len;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = ALVH_JOURNAL_MODEL (object);
  g_clear_pointer (&self->error, g_free);
  if (rows == NULL)
    {
      self->error = g_strdup (error->message);
      rows = g_array_new (FALSE, TRUE, sizeof (Row));
      g_array_set_clear_func (rows, row_clear);
    }
  old_len = self->rows->len;
  g_array_unref (self->rows);
  self->rows = rows;
  sort_rows (self);
  self->loading = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->rows->len);
  if (old_len != self->rows->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* ---- GObject ---- */

static void
alvh_journal_model_dispose (GObject *object)
{
  AlvhJournalModel *self = ALVH_JOURNAL_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (alvh_journal_model_parent_class)->dispose (object);
}

static void
alvh_journal_model_finalize (GObject *object)
{
  AlvhJournalModel *self = ALVH_JOURNAL_MODEL (object);

  g_array_unref (self->rows);
  g_free (self->path);
  g_free (self->sort_column);
  g_free (self->error);
  g_clear_pointer (&self->spx, alvh_series_unref);
  g_clear_pointer (&self->vix, alvh_series_unref);
  g_clear_pointer (&self->vx, alvh_series_unref);
  g_clear_pointer (&self->vvix, alvh_series_unref);
  query_clear (&self->query);
  G_OBJECT_CLASS (alvh_journal_model_parent_class)->finalize (object);
}

static void
alvh_journal_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AlvhJournalModel *self = ALVH_JOURNAL_MODEL (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->rows->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
alvh_journal_model_class_init (AlvhJournalModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = alvh_journal_model_dispose;
  object_class->finalize = alvh_journal_model_finalize;
  object_class->get_property = alvh_journal_model_get_property;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
alvh_journal_model_init (AlvhJournalModel *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
  self->sort_descending = TRUE;
}

/* ---- public API ---- */

AlvhJournalModel *
alvh_journal_model_new (void)
{
  return g_object_new (ALVH_TYPE_JOURNAL_MODEL, NULL);
}

void
alvh_journal_model_set_store_path (AlvhJournalModel *self,
                                   const char       *path)
{
  g_return_if_fail (ALVH_IS_JOURNAL_MODEL (self));
  if (g_strcmp0 (self->path, path) == 0)
    return;
  g_free (self->path);
  self->path = g_strdup (path);
}

void
alvh_journal_model_set_market (AlvhJournalModel *self,
                               AlvhSeries       *spx,
                               AlvhSeries       *vix,
                               AlvhSeries       *vx,
                               AlvhSeries       *vvix)
{
  AlvhSeries *in[] = { spx, vix, vx, vvix };
  AlvhSeries **mine[] = { &self->spx, &self->vix, &self->vx, &self->vvix };

  g_return_if_fail (ALVH_IS_JOURNAL_MODEL (self));
  for (guint i = 0; i < G_N_ELEMENTS (in); i++)
    {
      if (in[i] != NULL)
        alvh_series_ref (in[i]);
      g_clear_pointer (mine[i], alvh_series_unref);
      *mine[i] = in[i];
    }
}

void
alvh_journal_model_set_filter (AlvhJournalModel        *self,
                               const AlvhJournalFilter *filter)
{
  Query q = { 0 };

  g_return_if_fail (ALVH_IS_JOURNAL_MODEL (self));
  if (filter != NULL)
    {
      q.from = filter->from;
      q.to = filter->to;
      q.account_id = filter->account_id;
      q.branch = (char *) filter->branch;
      q.trigger = (char *) filter->trigger;
      q.tag = (char *) filter->tag;
      q.query = (char *) filter->query;
    }
  query_clear (&self->query);
  query_copy (&self->query, &q);
}

void
alvh_journal_model_reload (AlvhJournalModel *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (ALVH_IS_JOURNAL_MODEL (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (self->path == NULL)
    {
      guint old_len = self->rows->len;

      g_array_set_size (self->rows, 0);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, 0);
      return;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->path = g_strdup (self->path);
  query_copy (&data->query, &self->query);
  if (self->spx != NULL && self->vix != NULL)
    data->market = alvh_journal_market_join_all (self->spx, self->vix, self->vx, self->vvix);

  task = g_task_new (self, self->cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, alvh_journal_model_reload);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  if (!self->loading)
    {
      self->loading = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  g_task_run_in_thread (task, load_thread);
}

gboolean
alvh_journal_model_get_loading (AlvhJournalModel *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_MODEL (self), FALSE);
  return self->loading;
}

const char *
alvh_journal_model_get_error (AlvhJournalModel *self)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_MODEL (self), NULL);
  return self->error;
}

void
alvh_journal_model_sort (AlvhJournalModel *self,
                         const char       *column,
                         gboolean          descending)
{
  g_return_if_fail (ALVH_IS_JOURNAL_MODEL (self));

  if (column == NULL)
    column = "date";
  if (g_strcmp0 (self->sort_column, column) == 0 && self->sort_descending == descending)
    return;
  g_free (self->sort_column);
  self->sort_column = g_strdup (column);
  self->sort_descending = descending;
  sort_rows (self);
  if (self->rows->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, self->rows->len, self->rows->len);
}

guint
alvh_journal_model_find (AlvhJournalModel *self,
                         gint64            id)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_MODEL (self), G_MAXUINT);
  for (guint i = 0; i < self->rows->len; i++)
    if (g_array_index (self->rows, Row, i).id == id)
      return i;
  return G_MAXUINT;
}

gboolean
alvh_journal_model_remove (AlvhJournalModel *self,
                           gint64            id)
{
  guint pos = alvh_journal_model_find (self, id);

  if (pos == G_MAXUINT)
    return FALSE;
  g_array_remove_index (self->rows, pos);
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  return TRUE;
}

void
alvh_journal_model_update_text (AlvhJournalModel *self,
                                gint64            id,
                                const char       *title,
                                const char       *tags)
{
  guint pos = alvh_journal_model_find (self, id);
  Row *row;

  if (pos == G_MAXUINT)
    return;
  row = &g_array_index (self->rows, Row, pos);
  if (g_strcmp0 (row->title, title) == 0 && g_strcmp0 (row->tags, tags) == 0)
    return;
  g_free (row->title);
  row->title = g_strdup (title);
  g_free (row->tags);
  row->tags = tags != NULL && *tags != '\0' ? g_strdup (tags) : NULL;
  g_list_model_items_changed (G_LIST_MODEL (self), pos, 1, 1);
}
