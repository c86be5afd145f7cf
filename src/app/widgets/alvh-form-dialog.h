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

  /* Save was clicked and validate() passed: store the entries (and close
   * with alvh_form_dialog_finish()), or show an error */
  void     (*save)     (AlvhFormDialog *self);
  /* Reads the entries, marks the broken rows and adds one line per problem
   * to @errors (alvh_form_add_error()); TRUE when all are valid */
  gboolean (*validate) (AlvhFormDialog *self,
                        GString        *errors);

  gpointer padding[3];
};

GtkWidget *alvh_form_dialog_get_save_button (AlvhFormDialog *self);
void       alvh_form_dialog_set_errors      (AlvhFormDialog *self,
                                             const char     *errors);
void       alvh_form_dialog_show_error      (AlvhFormDialog *self,
                                             const char     *message);
void       alvh_form_dialog_hide_errors     (AlvhFormDialog *self);

/* Runs validate(): TRUE when the entries are valid; the problems are kept
 * for alvh_form_dialog_get_errors() (the form is not changed). */
gboolean    alvh_form_dialog_validate       (AlvhFormDialog *self);
/* alvh_form_dialog_validate() and shows its problems: an entry changed */
void        alvh_form_dialog_changed        (AlvhFormDialog *self);
/**
 * alvh_form_dialog_get_errors:
 * @self: the form dialog
 *
 * The problems of the last validation, one a line ("" when none)
 *
 * Returns: (transfer none): what is wrong with the entries ("" when nothing)
 */
const char *alvh_form_dialog_get_errors     (AlvhFormDialog *self);
/* Validates a new, untouched form without showing problems: @rows unmarked */
void        alvh_form_dialog_start_quiet    (AlvhFormDialog *self,
                                             GtkWidget     **rows,
                                             guint           n_rows);
/* After save() stored (@ok) or failed with @error: closes, or shows why */
void        alvh_form_dialog_finish         (AlvhFormDialog *self,
                                             gboolean        ok,
                                             const GError   *error);

/* ---- checks the entry dialogs share; each marks its row and adds its problem ---- */

void        alvh_form_add_error             (GString        *errors,
                                             const char     *format,
                                             ...) G_GNUC_PRINTF (2, 3);
/* The opening fill's time: a date and time in New York, not in the future */
gboolean    alvh_form_check_opened          (GtkWidget      *row,
                                             gint64         *out,
                                             GString        *errors);
/* An expiry date, not before @opened (when @opened_ok); @before_opened is
 * the problem when it is */
gboolean    alvh_form_check_expiry          (GtkWidget      *row,
                                             gboolean        opened_ok,
                                             gint64          opened,
                                             const char     *before_opened,
                                             gint64         *out,
                                             GString        *errors);
/* Fees in dollars, 0 or more */
gboolean    alvh_form_check_fees            (GtkWidget      *row,
                                             double         *out,
                                             GString        *errors);

G_END_DECLS
