/* alvh-condor-dialog.c — enter or edit an SPX iron condor
 *
 * Rows: the four strikes, the opening fill's time (New York, any past
 * time), the expiry, whole units, the credit and the fees.  Every change is
 * validated; broken fields get the error style, the reasons are listed under
 * the form and the Save button stays insensitive, so a broken position is
 * never saved.
 *
 * A new condor can start from the latest stored option chain: pick the
 * expiry, the short strikes' delta and the wings' width, and "Fill from
 * Chain" sets the strikes, the expiry and the credit from the mids and the
 * opening time to the chain's (both stay editable, to the real fill).
 */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "alvh-condor-dialog.h"
#include "alvh-form.h"
#include "alvh-form-dialog.h"

typedef struct
{
  double long_put, short_put, short_call, long_call;
  gint64 expiry, opened;
  double units, credit, fees;
} Fields;

struct _AlvhCondorDialog
{
  AlvhFormDialog     parent_instance;

  /* Template */
  GtkWidget         *long_put;
  GtkWidget         *short_put;
  GtkWidget         *short_call;
  GtkWidget         *long_call;
  GtkWidget         *opened;
  GtkWidget         *expiry;
  GtkWidget         *units;
  GtkWidget         *credit;
  GtkWidget         *fees;
  GtkWidget         *strikes_group;
  GtkWidget         *chain_group;     /* from a stored option chain (new condors only) */
  GtkWidget         *chain_expiry;
  GtkWidget         *chain_delta;
  GtkWidget         *chain_width;

  /* Owned */
  AlvhContext       *context;
  AlvhCondor        *condor;          /* the edited condor or NULL */
  Fields             f;               /* as last validated */
  AlvhOptionChain   *chain;
  GArray            *chain_expiries;  /* gint64 dates, as listed */
};

G_DEFINE_FINAL_TYPE (AlvhCondorDialog, alvh_condor_dialog, ALVH_TYPE_FORM_DIALOG)

static gboolean
alvh_condor_dialog_validate (AlvhFormDialog *dialog,
                             GString        *err)
{
  AlvhCondorDialog *self = ALVH_CONDOR_DIALOG (dialog);
  Fields *f = &self->f;
  GtkWidget *strikes[4] = { self->long_put, self->short_put, self->short_call, self->long_call };
  double *values[4] = { &f->long_put, &f->short_put, &f->short_call, &f->long_call };
  gboolean bad[4] = { FALSE, FALSE, FALSE, FALSE };
  gboolean all_strikes = TRUE;
  gboolean ok_units, ok_credit, ok_opened;

#define ADD_ERR(...) alvh_form_add_error (err, __VA_ARGS__)

  for (guint i = 0; i < 4; i++)
    {
      if (!alvh_form_get_double (strikes[i], values[i]) || *values[i] <= 0)
        {
          bad[i] = TRUE;
          all_strikes = FALSE;
          ADD_ERR (_("%s: enter a strike above 0"),
                   adw_preferences_row_get_title (ADW_PREFERENCES_ROW (strikes[i])));
        }
    }
  if (all_strikes)
    {
      for (guint i = 0; i + 1 < 4; i++)
        if (!(*values[i] < *values[i + 1]))
          {
            bad[i] = bad[i + 1] = TRUE;
            ADD_ERR (_("Strikes must rise: long put < short put < short call < long call"));
            break;
          }
    }
  for (guint i = 0; i < 4; i++)
    alvh_form_mark (strikes[i], bad[i]);

  ok_opened = alvh_form_check_opened (self->opened, &f->opened, err);
  alvh_form_check_expiry (self->expiry, ok_opened, f->opened,
                          _("Expiry: the date lies before the condor was opened"), &f->expiry, err);

  ok_units = alvh_form_get_whole (self->units, &f->units);
  if (!ok_units)
    ADD_ERR (_("Units: enter a whole number of units, 1 or more"));
  alvh_form_mark (self->units, !ok_units);

  ok_credit = alvh_form_get_double (self->credit, &f->credit) && f->credit > 0;
  if (!ok_credit)
    ADD_ERR (_("Credit: enter the points per unit received, above 0"));
  else if (all_strikes && !bad[0] && !bad[3] &&
           f->credit >= MAX (f->short_put - f->long_put, f->long_call - f->short_call))
    {
      ok_credit = FALSE;
      ADD_ERR (_("Credit: it must be less than the wider wing"));
    }
  alvh_form_mark (self->credit, !ok_credit);

  alvh_form_check_fees (self->fees, &f->fees, err);
#undef ADD_ERR
  return err->len == 0;
}

static void
changed_cb (AlvhCondorDialog *self)
{
  alvh_form_dialog_changed (ALVH_FORM_DIALOG (self));
}

static void
alvh_condor_dialog_save (AlvhFormDialog *dialog)
{
  AlvhCondorDialog *self = ALVH_CONDOR_DIALOG (dialog);
  g_autoptr(GError) error = NULL;
  AlvhCondor c = { 0 };
  const Fields f = self->f;  /* validated: a broken position is never saved */
  gboolean ok;

  if (self->condor != NULL)
    c = *self->condor;
  c.long_put = f.long_put;
  c.short_put = f.short_put;
  c.short_call = f.short_call;
  c.long_call = f.long_call;
  c.expiry = f.expiry;
  c.units = f.units;
  c.credit = f.credit;
  c.opened = f.opened;
  if (self->condor == NULL)
    {
      c.close_price = NAN;
      ok = alvh_book_service_book_condor (alvh_context_get_book (self->context), &c, f.fees, &error) > 0;
    }
  else
    ok = alvh_book_service_update_condor (alvh_context_get_book (self->context), &c, &error);
  alvh_form_dialog_finish (dialog, ok, error);
}

/* "Fill from Chain": strikes by delta, wings by width, credit from mids */
static void
fill_from_chain_cb (AlvhCondorDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint sel = adw_combo_row_get_selected (ADW_COMBO_ROW (self->chain_expiry));
  AlvhChainCondor c;
  double delta = 0.0, width = 0.0;

  if (self->chain == NULL || sel >= self->chain_expiries->len)
    return;
  if (!alvh_form_get_double (self->chain_delta, &delta) || !(delta > 0.0 && delta < 0.5) ||
      !alvh_form_get_double (self->chain_width, &width) || !(width > 0.0))
    {
      alvh_form_dialog_show_error (ALVH_FORM_DIALOG (self),
                                   _("The short delta must lie between 0 and 0.5 and the wing width be positive."));
      return;
    }
  if (!alvh_option_chain_pick_condor (self->chain, g_array_index (self->chain_expiries, gint64, sel),
                                      delta, width, &c, &error))
    {
      alvh_form_dialog_show_error (ALVH_FORM_DIALOG (self), error->message);
      return;
    }
  alvh_form_set_double (self->long_put, c.long_put);
  alvh_form_set_double (self->short_put, c.short_put);
  alvh_form_set_double (self->short_call, c.short_call);
  alvh_form_set_double (self->long_call, c.long_call);
  alvh_form_set_date (self->expiry, c.expiry);
  alvh_form_set_double (self->credit, round (c.credit * 100.0) / 100.0);
  /* opened when the chain was quoted; both stay editable to the real fill */
  alvh_form_set_datetime (self->opened, alvh_option_chain_get_valuation_time (self->chain));
}

/* The "From Option Chain" group above the strikes, when a chain is stored */
static void
show_chain_group (AlvhCondorDialog *self,
                  AlvhChainSet     *chains)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *session = NULL, *desc = NULL;

  if (chains == NULL || alvh_chain_set_get_n_chains (chains) == 0)
    return;
  self->chain = alvh_option_chain_ref (alvh_chain_set_get_chain (chains, alvh_chain_set_get_n_chains (chains) - 1));
  self->chain_expiries = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint e = 0; e < alvh_option_chain_get_n_expiries (self->chain); e++)
    {
      const AlvhOptionChainExpiry *ex = alvh_option_chain_get_expiry (self->chain, e);
      gint64 d = alvh_time_from_ny_day (alvh_time_ny_day (ex->expiry));
      g_autofree char *text = NULL, *date = NULL;

      if (ex->t <= 0.0 || (self->chain_expiries->len > 0 &&
                           g_array_index (self->chain_expiries, gint64, self->chain_expiries->len - 1) == d))
        continue;
      g_array_append_val (self->chain_expiries, d);
      date = alvh_format_date (d);
      text = g_strdup_printf (_("%s (%.0f days)"), date, ex->t * 365.0);
      gtk_string_list_append (names, text);
    }
  session = alvh_format_date (alvh_option_chain_get_session_date (self->chain));
  desc = g_strdup_printf (_("Strikes, expiry and credit from the mids of the SPX chain of %s"), session);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->chain_group), desc);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->chain_expiry), G_LIST_MODEL (names));
  gtk_widget_set_visible (self->chain_group, TRUE);
}

static void
alvh_condor_dialog_finalize (GObject *object)
{
  AlvhCondorDialog *self = ALVH_CONDOR_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_pointer (&self->condor, alvh_condor_free);
  g_clear_pointer (&self->chain, alvh_option_chain_unref);
  g_clear_pointer (&self->chain_expiries, g_array_unref);
  G_OBJECT_CLASS (alvh_condor_dialog_parent_class)->finalize (object);
}

static void
alvh_condor_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), ALVH_TYPE_CONDOR_DIALOG);
  G_OBJECT_CLASS (alvh_condor_dialog_parent_class)->dispose (object);
}

static void
alvh_condor_dialog_class_init (AlvhCondorDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = alvh_condor_dialog_dispose;
  object_class->finalize = alvh_condor_dialog_finalize;
  ALVH_FORM_DIALOG_CLASS (klass)->save = alvh_condor_dialog_save;
  ALVH_FORM_DIALOG_CLASS (klass)->validate = alvh_condor_dialog_validate;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/alvhdesk/AlvhDesk/ui/pages/positions/alvh-condor-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, strikes_group);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, long_put);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, short_put);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, short_call);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, long_call);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, expiry);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, opened);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, fees);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, units);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, credit);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, chain_group);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, chain_expiry);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, chain_delta);
  gtk_widget_class_bind_template_child (widget_class, AlvhCondorDialog, chain_width);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, fill_from_chain_cb);
}

static void
alvh_condor_dialog_init (AlvhCondorDialog *self)
{
  /* the description is markup */
  g_autofree char *desc = g_markup_escape_text (_("SPX points: long put < short put < short call < long call"), -1);

  gtk_widget_init_template (GTK_WIDGET (self));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->strikes_group), desc);
}

AlvhCondorDialog *
alvh_condor_dialog_new (GtkWindow               *parent,
                        AlvhContext             *context,
                        const AlvhCondor *condor)
{
  AlvhCondorDialog *self = g_object_new (ALVH_TYPE_CONDOR_DIALOG,
                                         "transient-for", parent,
                                         NULL);

  self->context = g_object_ref (context);
  if (condor != NULL)
    {
      self->condor = alvh_condor_new ();
      *self->condor = *condor;
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Iron Condor"));
      alvh_form_set_double (self->long_put, condor->long_put);
      alvh_form_set_double (self->short_put, condor->short_put);
      alvh_form_set_double (self->short_call, condor->short_call);
      alvh_form_set_double (self->long_call, condor->long_call);
      alvh_form_set_date (self->expiry, condor->expiry);
      alvh_form_set_double (self->units, condor->units);
      alvh_form_set_double (self->credit, condor->credit);
      alvh_form_set_datetime (self->opened, condor->opened);
      /* fees belong to the fills: entered with a new condor or a close */
      gtk_editable_set_text (GTK_EDITABLE (self->fees), "0");
      gtk_widget_set_visible (self->fees, FALSE);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("New Iron Condor"));
      show_chain_group (self, alvh_market_service_get_chains (alvh_context_get_market (context)));
      gtk_editable_set_text (GTK_EDITABLE (self->units), "1");
      gtk_editable_set_text (GTK_EDITABLE (self->fees), "0");
      alvh_form_set_datetime (self->opened, alvh_time_now ());
    }
  changed_cb (self);
  if (condor == NULL)
    {
      GtkWidget *rows[] = { self->long_put, self->short_put, self->short_call, self->long_call,
                            self->opened, self->expiry, self->units, self->credit, self->fees };

      alvh_form_dialog_start_quiet (ALVH_FORM_DIALOG (self), rows, G_N_ELEMENTS (rows));
    }
  return self;
}

gboolean
alvh_condor_dialog_is_valid (AlvhCondorDialog *self)
{
  g_return_val_if_fail (ALVH_IS_CONDOR_DIALOG (self), FALSE);
  return alvh_form_dialog_validate (ALVH_FORM_DIALOG (self));
}

const char *
alvh_condor_dialog_get_errors (AlvhCondorDialog *self)
{
  g_return_val_if_fail (ALVH_IS_CONDOR_DIALOG (self), NULL);
  return alvh_form_dialog_get_errors (ALVH_FORM_DIALOG (self));
}

GtkWidget *
alvh_condor_dialog_get_save_button (AlvhCondorDialog *self)
{
  g_return_val_if_fail (ALVH_IS_CONDOR_DIALOG (self), NULL);
  return alvh_form_dialog_get_save_button (ALVH_FORM_DIALOG (self));
}
