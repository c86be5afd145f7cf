/* alvh-journal-item.c — one journal entry as a row of the journal list */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>
#include <string.h>

#include "alvh-core.h"
#include "alvh-form.h"
#include "alvh-journal-item.h"

struct _AlvhJournalItem
{
  GObject  parent_instance;
  gint64   id;
  gint64   time;
  gint64   decision_id;
  gint64   leg_id;
  int      layer;
  double   size;
  double   pnl;
  char    *title;
  char    *instrument;
  char    *branch;
  char    *triggers;
  char    *tags;
};

G_DEFINE_FINAL_TYPE (AlvhJournalItem, alvh_journal_item, G_TYPE_OBJECT)

static void
alvh_journal_item_finalize (GObject *object)
{
  AlvhJournalItem *self = ALVH_JOURNAL_ITEM (object);

  g_free (self->title);
  g_free (self->instrument);
  g_free (self->branch);
  g_free (self->triggers);
  g_free (self->tags);
  G_OBJECT_CLASS (alvh_journal_item_parent_class)->finalize (object);
}

static void
alvh_journal_item_class_init (AlvhJournalItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = alvh_journal_item_finalize;
}

static void
alvh_journal_item_init (AlvhJournalItem *self)
{
  self->size = NAN;
  self->pnl = NAN;
}

AlvhJournalItem *
alvh_journal_item_new (const AlvhJournalRow *row)
{
  AlvhJournalItem *self = g_object_new (ALVH_TYPE_JOURNAL_ITEM, NULL);

  g_return_val_if_fail (row != NULL, self);
  self->id = row->id;
  self->time = row->time;
  self->decision_id = row->decision_id;
  self->leg_id = row->leg_id;
  self->layer = row->layer;
  self->size = row->size;
  self->pnl = row->pnl;
  self->title = g_strdup (row->title);
  self->instrument = g_strdup (row->instrument);
  self->branch = g_strdup (row->branch);
  self->triggers = g_strdup (row->triggers);
  self->tags = g_strdup (row->tags);
  return self;
}

gint64 alvh_journal_item_get_id (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), 0); return self->id; }
gint64 alvh_journal_item_get_time (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), 0); return self->time; }
gint64 alvh_journal_item_get_decision_id (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), 0); return self->decision_id; }
gint64 alvh_journal_item_get_leg_id (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), 0); return self->leg_id; }
int    alvh_journal_item_get_layer (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), 0); return self->layer; }
double alvh_journal_item_get_size (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), NAN); return self->size; }
double alvh_journal_item_get_pnl (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), NAN); return self->pnl; }
const char *alvh_journal_item_get_title (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), NULL); return self->title; }
const char *alvh_journal_item_get_instrument (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), NULL); return self->instrument; }
const char *alvh_journal_item_get_branch (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), NULL); return self->branch; }
const char *alvh_journal_item_get_triggers (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), NULL); return self->triggers; }
const char *alvh_journal_item_get_tags (AlvhJournalItem *self) { g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), NULL); return self->tags; }

char *
alvh_journal_item_dup_column_text (AlvhJournalItem *self,
                                   const char      *column)
{
  g_return_val_if_fail (ALVH_IS_JOURNAL_ITEM (self), NULL);

  if (g_str_equal (column, "date"))
    return self->time != 0 ? alvh_form_format_time (self->time) : g_strdup ("");
  if (g_str_equal (column, "layer"))
    return self->layer > 0 ? g_strdup_printf ("%d", self->layer) : g_strdup ("");
  if (g_str_equal (column, "size"))
    return isfinite (self->size) && self->size != 0 ? alvh_format_significant (self->size, 6, ALVH_FORMAT_SCREEN) : g_strdup ("");
  if (g_str_equal (column, "pnl"))
    {
      if (!isfinite (self->pnl))
        return g_strdup ("");
      return alvh_format_money (self->pnl, ALVH_MONEY_WHOLE);
    }
  if (g_str_equal (column, "instrument"))
    return g_strdup (alvh_format_key (self->instrument));
  /* keys stay in the store, JSON and CSV; people read names */
  if (g_str_equal (column, "branch"))
    return g_strdup (alvh_format_key (self->branch));
  if (g_str_equal (column, "triggers"))
    return alvh_format_key_list (self->triggers);
  if (g_str_equal (column, "title"))
    return g_strdup (self->title ? self->title : "");
  if (g_str_equal (column, "tags"))
    return g_strdup (self->tags ? self->tags : "");
  return g_strdup ("");
}
