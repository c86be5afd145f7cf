/* alvh-journal-item.h — one journal entry as a row of the journal list */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ALVH_TYPE_JOURNAL_ITEM (alvh_journal_item_get_type ())

G_DECLARE_FINAL_TYPE (AlvhJournalItem, alvh_journal_item, ALVH, JOURNAL_ITEM, GObject)

/* What a row shows.  Strings are copied; layer 0 and NAN numbers mean "none". */
typedef struct
{
  gint64      id;
  gint64      time;
  gint64      decision_id;
  gint64      leg_id;
  int         layer;
  double      size;
  double      pnl;          /* dollars; NAN when unknown */
  const char *title;
  const char *instrument;   /* "vix_call_spread" ... or NULL */
  const char *branch;       /* "fixed" ... "manual", or NULL */
  const char *triggers;     /* "iv_expansion, rsi_extreme" or NULL */
  const char *tags;         /* "a, b" or NULL */
} AlvhJournalRow;

/**
 * alvh_journal_item_new:
 * @row: the row (copied)
 *
 * Returns: (transfer full): the list item
 */
AlvhJournalItem *alvh_journal_item_new            (const AlvhJournalRow *row);
gint64           alvh_journal_item_get_id         (AlvhJournalItem *self);
gint64           alvh_journal_item_get_time       (AlvhJournalItem *self);
gint64           alvh_journal_item_get_decision_id(AlvhJournalItem *self);
gint64           alvh_journal_item_get_leg_id     (AlvhJournalItem *self);
int              alvh_journal_item_get_layer      (AlvhJournalItem *self);
double           alvh_journal_item_get_size       (AlvhJournalItem *self);
double           alvh_journal_item_get_pnl        (AlvhJournalItem *self);
/**
 * alvh_journal_item_get_title:
 * @self: the journal item
 *
 * Returns: (transfer none): the text of that column
 */
const char      *alvh_journal_item_get_title      (AlvhJournalItem *self);
/**
 * alvh_journal_item_get_instrument:
 * @self: the journal item
 *
 * Returns: (transfer none): the text of that column
 */
const char      *alvh_journal_item_get_instrument (AlvhJournalItem *self);
/**
 * alvh_journal_item_get_branch:
 * @self: the journal item
 *
 * Returns: (transfer none): the text of that column
 */
const char      *alvh_journal_item_get_branch     (AlvhJournalItem *self);
/**
 * alvh_journal_item_get_triggers:
 * @self: the journal item
 *
 * Returns: (transfer none): the text of that column
 */
const char      *alvh_journal_item_get_triggers   (AlvhJournalItem *self);
/**
 * alvh_journal_item_get_tags:
 * @self: the journal item
 *
 * Returns: (transfer none): the text of that column
 */
const char      *alvh_journal_item_get_tags       (AlvhJournalItem *self);
/**
 * alvh_journal_item_dup_column_text:
 * @self: the journal item
 * @column: a column's name
 *
 * Text of a column ("date", "layer", "size", "instrument", "branch",
 * "triggers", "pnl", "title", "tags") as the list shows it; "" when empty.
 *
 * Returns: (transfer full): the column's text ("" for an unknown column)
 */
char            *alvh_journal_item_dup_column_text(AlvhJournalItem *self,
                                                   const char      *column);

G_END_DECLS
