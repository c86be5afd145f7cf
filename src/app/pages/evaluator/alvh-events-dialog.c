/* alvh-events-dialog.c — the macro events (CPI, PPI, FOMC, OTHER)
 *
 * A form (date, kind, regime-shift flag, note) that adds an event or saves
 * the one being edited, and the list of stored events with Edit and Delete
 * buttons.  A shift event inside the macro window makes macro_regime fire.
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <glib/gi18n.h>

#include "alvh-events-dialog.h"
#include "alvh-form.h"

struct _AlvhEventsDialog
{
  AdwWindow    parent_instance;

  AlvhContext *context;
  gint64       editing_id;   /* 0: the form adds a new event */

  GtkWidget   *date;
  GtkWidget   *kind;
  GtkWidget   *shift;
  GtkWidget   *note;
  GtkWidget   *save_button;
  GtkWidget   *cancel_edit_button;
  GtkWidget   *form_group;
  GtkWidget   *list;
  GtkWidget   *error_label;
};

G_DEFINE_FINAL_TYPE (AlvhEventsDialog, alvh_events_dialog, ADW_TYPE_WINDOW)

static void refresh (AlvhEventsDialog *self);

static gboolean
form_valid (AlvhEventsDialog *self,
            gint64           *date)
{
  gboolean ok = alvh_form_get_date (self->date, date);

  alvh_form_mark (self->date, !ok && *gtk_editable_get_text (GTK_EDITABLE (self->date)) != '\0');
  return ok;
}

static void
form_changed_cb (AlvhEventsDialog *self)
{
  gint64 date;

  gtk_widget_set_sensitive (self->save_button, form_valid (self, &date));
}

static void
reset_form (AlvhEventsDialog *self)
{
  self->editing_id = 0;
  gtk_editable_set_text (GTK_EDITABLE (self->date), "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind), 0);
  gtk_switch_set_active (GTK_SWITCH (self->shift), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->note), "");
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add Event"));
  gtk_widget_set_visible (self->cancel_edit_button, FALSE);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form_group), _("New Event"));
  alvh_form_mark (self->date, FALSE);
  form_changed_cb (self);
}

static void
save_clicked_cb (AlvhEventsDialog *self)
{
  g_autoptr(GError) error = NULL;
  AlvhEvent ev = { 0 };
  guint k = adw_combo_row_get_selected (ADW_COMBO_ROW (self->kind));
  gboolean ok;

  if (!form_valid (self, &ev.time))
    return;
  ev.id = self->editing_id;
  ev.kind = (AlvhEventKind) MIN (k, (guint) ALVH_EVENT_OTHER);
  ev.shift = gtk_switch_get_active (GTK_SWITCH (self->shift));
  ev.note = (char *) gtk_editable_get_text (GTK_EDITABLE (self->note));
  if (self->editing_id != 0)
    ok = alvh_profile_service_update_event (alvh_context_get_profiles (self->context), &ev, &error);
  else
    ok = alvh_profile_service_add_event (alvh_context_get_profiles (self->context), &ev, &error) > 0;
  if (!ok)
    {
      alvh_form_show_error (self->error_label, error->message);
      return;
    }
  gtk_widget_set_visible (self->error_label, FALSE);
  reset_form (self);
}

static void
edit_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  AlvhEventsDialog *self = ALVH_EVENTS_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = alvh_profile_service_list_events (alvh_context_get_profiles (self->context), &error);
  gint64 id = g_variant_get_int64 (param);

  if (events == NULL)
    {
      alvh_form_show_error (self->error_label, error->message);
      return;
    }
  for (guint i = 0; i < events->len; i++)
    {
      AlvhEvent *ev = g_ptr_array_index (events, i);

      if (ev->id != id)
        continue;
      self->editing_id = id;
      alvh_form_set_date (self->date, ev->time);
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->kind), (guint) ev->kind);
      gtk_switch_set_active (GTK_SWITCH (self->shift), ev->shift);
      gtk_editable_set_text (GTK_EDITABLE (self->note), ev->note ? ev->note : "");
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save Event"));
      gtk_widget_set_visible (self->cancel_edit_button, TRUE);
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->form_group), _("Edit Event"));
      gtk_widget_grab_focus (self->date);
      break;
    }
}

static void
delete_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  AlvhEventsDialog *self = ALVH_EVENTS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!alvh_profile_service_delete_event (alvh_context_get_profiles (self->context), g_variant_get_int64 (param), &error))
    {
      alvh_form_show_error (self->error_label, error->message);
    }
}

static void
refresh (AlvhEventsDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = alvh_profile_service_list_events (alvh_context_get_profiles (self->context), &error);
  GtkWidget *child = gtk_widget_get_first_child (self->list);

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
      child = next;
    }
  if (events == NULL)
    {
      alvh_form_show_error (self->error_label, error->message);
      return;
    }
  /* newest first */
  for (guint i = events->len; i-- > 0;)
    {
      AlvhEvent *ev = g_ptr_array_index (events, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *date = alvh_time_format_ny_date (ev->time);
      g_autofree char *title = g_strdup_printf ("%s  %s", date, alvh_event_kind_to_string (ev->kind));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (ev->note != NULL && *ev->note != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), ev->note);
      if (ev->shift)
        {
          GtkWidget *tag = gtk_label_new (_("Regime shift"));

          gtk_widget_add_css_class (tag, "warning");
          gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 alvh_form_row_button ("document-edit-symbolic", _("Edit Event"), "events.edit", ev->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 alvh_form_row_button ("user-trash-symbolic", _("Delete Event"), "events.delete", ev->id));
      gtk_list_box_append (GTK_LIST_BOX (self->list), row);
    }
}

static void
alvh_events_dialog_dispose (GObject *object)
{
  AlvhEventsDialog *self = ALVH_EVENTS_DIALOG (object);

  if (self->context != NULL)
    alvh_context_disconnect (self->context, self);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), ALVH_TYPE_EVENTS_DIALOG);
  G_OBJECT_CLASS (alvh_events_dialog_parent_class)->dispose (object);
}

static void
alvh_events_dialog_class_init (AlvhEventsDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_events_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/evaluator/alvh-events-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhEventsDialog, form_group);
  gtk_widget_class_bind_template_child (widget_class, AlvhEventsDialog, date);
  gtk_widget_class_bind_template_child (widget_class, AlvhEventsDialog, kind);
  gtk_widget_class_bind_template_child (widget_class, AlvhEventsDialog, shift);
  gtk_widget_class_bind_template_child (widget_class, AlvhEventsDialog, note);
  gtk_widget_class_bind_template_child (widget_class, AlvhEventsDialog, cancel_edit_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhEventsDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, AlvhEventsDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AlvhEventsDialog, list);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_form);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_install_action (widget_class, "events.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "events.delete", "x", delete_action);
}

static void
alvh_events_dialog_init (AlvhEventsDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

AlvhEventsDialog *
alvh_events_dialog_new (GtkWindow   *parent,
                        AlvhContext *context)
{
  AlvhEventsDialog *self = g_object_new (ALVH_TYPE_EVENTS_DIALOG, "transient-for", parent, NULL);

  self->context = g_object_ref (context);
  alvh_context_connect (context, "events", G_CALLBACK (refresh), self);
  reset_form (self);
  refresh (self);
  return self;
}

guint
alvh_events_dialog_get_n_rows (AlvhEventsDialog *self)
{
  guint n = 0;

  g_return_val_if_fail (ALVH_IS_EVENTS_DIALOG (self), 0);
  for (GtkWidget *c = gtk_widget_get_first_child (self->list); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (ADW_IS_ACTION_ROW (c))
      n++;
  return n;
}
