/* alvh-form-dialog.h — the skeleton of the entry dialogs
 *
 * A modal window (template ui/widgets/alvh-form-dialog.ui) with a header bar
 * holding Cancel and Save (insensitive until the entries are valid), a
 * scrolling, clamped column for the subclass's groups and, under them, the
 * label that lists what is wrong.  A subclass's template adds its groups as
 * <child> elements; Save calls the subclass's save().
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define ALVH_TYPE_FORM_DIALOG (alvh_form_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (AlvhFormDialog, alvh_form_dialog, ALVH, FORM_DIALOG, AdwWindow)

struct _AlvhFormDialogClass
{
  AdwWindowClass parent_class;

  /* Save was clicked: store the entries (and close), or show an error */
  void (*save) (AlvhFormDialog *self);

  gpointer padding[4];
};

GtkWidget *alvh_form_dialog_get_save_button (AlvhFormDialog *self);
void       alvh_form_dialog_set_errors      (AlvhFormDialog *self,
                                             const char     *errors);
void       alvh_form_dialog_show_error      (AlvhFormDialog *self,
                                             const char     *message);
void       alvh_form_dialog_hide_errors     (AlvhFormDialog *self);

G_END_DECLS
