/* alvh-book-service.c — the accounts and the active account's book */
#define G_LOG_DOMAIN "alvh-desk"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "alvh-book-service.h"
#include "alvh-service-error.h"

struct _AlvhBookService
{
  GObject           parent_instance;
  AlvhJournalStore *store;       /* NULL when the app database is not open */
  char             *data_dir;
  GError           *store_error;
  GSettings        *settings;    /* NULL without the application's settings */

  gint64            account_id;
  char             *account_name;
  AlvhBook         *book;
  GPtrArray        *condors;     /* AlvhCondor */
  GPtrArray        *legs;        /* AlvhLeg */
  GError           *load_error;  /* why the account or book could not be read, or NULL */
};

G_DEFINE_FINAL_TYPE (AlvhBookService, alvh_book_service, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * alvh_condor_settlement_style:
 * @expiry: the expiry time
 *
 * How a condor expiring at @expiry settles.
 *
 * Returns: (transfer none): "SPX AM" for a third-Friday expiry, else "SPXW
 *   PM"
 */
const char *
alvh_condor_settlement_style (gint64 expiry)
{
  int y, m, d;

  alvh_time_to_ny_date (expiry, &y, &m, &d);
  /* the third Friday falls on day 15..21 */
  if (alvh_time_ny_weekday (expiry) == 5 && d >= 15 && d <= 21)
    return "SPX AM";
  return "SPXW PM";
}

static void
alvh_book_service_finalize (GObject *object)
{
  AlvhBookService *self = ALVH_BOOK_SERVICE (object);

  g_clear_pointer (&self->condors, g_ptr_array_unref);
  g_clear_pointer (&self->legs, g_ptr_array_unref);
  g_clear_pointer (&self->book, alvh_book_unref);
  g_clear_pointer (&self->account_name, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->store_error);
  g_clear_error (&self->load_error);
  g_clear_pointer (&self->data_dir, g_free);
  G_OBJECT_CLASS (alvh_book_service_parent_class)->finalize (object);
}

static void
alvh_book_service_class_init (AlvhBookServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = alvh_book_service_finalize;

  /**
   * AlvhBookService::changed:
   *
   * The active account's condors or hedge legs changed, or another account
   * became active.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
alvh_book_service_init (AlvhBookService *self)
{
  self->book = alvh_book_new ();
}

static void
open_account (AlvhBookService *self)
{
  g_autofree char *wanted = self->settings ? g_settings_get_string (self->settings, "active-account")
                                           : g_strdup ("Main");
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  if (wanted == NULL || *wanted == '\0')
    {
      g_free (wanted);
      wanted = g_strdup ("Main");
    }
  accounts = alvh_journal_store_list_accounts (self->store, &error);
  if (accounts == NULL)
    {
      g_propagate_prefixed_error (&self->load_error, g_steal_pointer (&error),
                                  _("Cannot read the accounts: "));
      return;
    }
  for (guint i = 0; i < accounts->len; i++)
    {
      AlvhJournalAccount *a = g_ptr_array_index (accounts, i);

      if (g_strcmp0 (a->name, wanted) == 0)
        {
          self->account_id = a->id;
          self->account_name = g_strdup (a->name);
          return;
        }
    }
  if (accounts->len > 0)
    {
      AlvhJournalAccount *a = g_ptr_array_index (accounts, 0);

      self->account_id = a->id;
      self->account_name = g_strdup (a->name);
      return;
    }
  self->account_id = alvh_journal_store_create_account (self->store, wanted, &error);
  if (self->account_id <= 0)
    {
      g_propagate_prefixed_error (&self->load_error, g_steal_pointer (&error),
                                  _("Cannot create the account “%s”: "), wanted);
      self->account_id = 0;
      return;
    }
  self->account_name = g_strdup (wanted);
}

/* ---- book ------------------------------------------------------------ */

static void
reload_book (AlvhBookService *self)
{
  g_autoptr(GError) error = NULL;

  alvh_book_clear (self->book);
  g_clear_pointer (&self->condors, g_ptr_array_unref);
  g_clear_pointer (&self->legs, g_ptr_array_unref);
  if (self->store == NULL || self->account_id == 0)
    goto empty;
  /* an account that could be opened: what failed before is past */
  g_clear_error (&self->load_error);

  self->condors = alvh_journal_store_list_open_condors (self->store, self->account_id, &error);
  if (self->condors == NULL)
    {
      g_propagate_prefixed_error (&self->load_error, g_steal_pointer (&error),
                                  _("Cannot read the condors: "));
      goto empty;
    }
  self->legs = alvh_journal_store_list_open_legs (self->store, self->account_id, &error);
  if (self->legs == NULL)
    {
      g_propagate_prefixed_error (&self->load_error, g_steal_pointer (&error),
                                  _("Cannot read the hedge legs: "));
      goto empty;
    }

  for (guint i = 0; i < self->condors->len; i++)
    alvh_book_add_condor (self->book, g_ptr_array_index (self->condors, i));
  /* an SPX put entered by hand joins the book's other legs: in its greeks,
   * not in its layers or hedge budget (alvh_book_add_leg()) */
  for (guint i = 0; i < self->legs->len; i++)
    alvh_book_add_leg (self->book, g_ptr_array_index (self->legs, i));
  return;

empty:
  if (self->condors == NULL)
    self->condors = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_condor_free);
  if (self->legs == NULL)
    self->legs = g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_leg_free);
}

/* ---- accounts -------------------------------------------------------- */

/**
 * alvh_book_service_list_accounts:
 * @self: the service
 *
 * The accounts of the app database.
 *
 * Returns: (transfer full) (element-type AlvhJournalAccount) (nullable): a
 *   new array, empty without a database; NULL with @error set when the
 *   store fails
 */
GPtrArray *
alvh_book_service_list_accounts (AlvhBookService  *self,
                                 GError          **error)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), NULL);
  if (self->store == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_journal_account_free);
  return alvh_journal_store_list_accounts (self->store, error);
}

/**
 * alvh_book_service_get_account_id:
 * @self: the service
 *
 * The active account.
 *
 * Returns: its id, 0 without a database
 */
gint64
alvh_book_service_get_account_id (AlvhBookService *self)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), 0);
  return self->account_id;
}

/**
 * alvh_book_service_get_account_name:
 * @self: the service
 *
 * The active account's name.
 *
 * Returns: (transfer none) (nullable): its name
 */
const char *
alvh_book_service_get_account_name (AlvhBookService *self)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), NULL);
  return self->account_name;
}

/**
 * alvh_book_service_set_account:
 * @self: the service
 * @account_id: the account
 *
 * @error: return location for an error
 *
 * Makes an account active (remembered in the settings) and emits ::changed.
 *
 * Returns: TRUE when it is active, else FALSE with @error set (the store
 *   failed, or %ALVH_SERVICE_ERROR_INVALID: there is no such account)
 */
gboolean
alvh_book_service_set_account (AlvhBookService  *self,
                               gint64            account_id,
                               GError          **error)
{
  g_autoptr(GPtrArray) accounts = NULL;

  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), FALSE);
  if (account_id == self->account_id)
    return TRUE;
  accounts = alvh_book_service_list_accounts (self, error);
  if (accounts == NULL)
    return FALSE;
  for (guint i = 0; i < accounts->len; i++)
    {
      AlvhJournalAccount *a = g_ptr_array_index (accounts, i);

      if (a->id != account_id)
        continue;
      self->account_id = a->id;
      g_free (self->account_name);
      self->account_name = g_strdup (a->name);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "active-account", a->name);
      alvh_book_service_changed (self);
      return TRUE;
    }
  g_set_error (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
               _("There is no account %" PRId64), account_id);
  return FALSE;
}

/**
 * alvh_book_service_create_account:
 * @self: the service
 * @name: its name
 * @error: return location for an error
 *
 * Creates an account and makes it active.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
alvh_book_service_create_account (AlvhBookService  *self,
                                  const char       *name,
                                  GError          **error)
{
  g_autofree char *stripped = NULL;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), 0);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return 0;
  stripped = g_strstrip (g_strdup (name ? name : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_INVALID,
                           _("An account needs a name"));
      return 0;
    }
  id = alvh_journal_store_create_account (self->store, stripped, error);
  if (id <= 0)
    return 0;
  if (!alvh_book_service_set_account (self, id, error))
    return 0;
  return id;
}

/* ---- book ------------------------------------------------------------ */

/**
 * alvh_book_service_get_book:
 * @self: the service
 *
 * The active account's open condors and VIX hedge legs as the model's book.
 *
 * Returns: (transfer none): the book
 */
AlvhBook *
alvh_book_service_get_book (AlvhBookService *self)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), NULL);
  return self->book;
}

/**
 * alvh_book_service_get_condors:
 * @self: the service
 *
 * The active account's open condors as stored.
 *
 * Returns: (transfer none) (element-type AlvhCondor): the condors
 */
GPtrArray *
alvh_book_service_get_condors (AlvhBookService *self)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), NULL);
  return self->condors;
}

/**
 * alvh_book_service_get_legs:
 * @self: the service
 *
 * The active account's open hedge legs as stored.
 *
 * Returns: (transfer none) (element-type AlvhLeg): the legs
 */
GPtrArray *
alvh_book_service_get_legs (AlvhBookService *self)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), NULL);
  return self->legs;
}

/**
 * alvh_book_service_add_condor:
 * @self: the service
 * @condor: the condor (its id, for an update)
 * @error: return location for an error
 *
 * Books a condor in the active account (opened now unless set).
 *
 * Returns: its id, or 0 with @error set
 */
gint64
alvh_book_service_add_condor (AlvhBookService          *self,
                              const AlvhCondor  *condor,
                              GError                  **error)
{
  return alvh_book_service_book_condor (self, condor, 0.0, error);
}

/**
 * alvh_book_service_book_condor:
 * @self: the service
 * @condor: the condor (opened now unless set)
 * @fees: dollars paid on the opening fill
 * @error: return location for an error
 *
 * Books a condor in the active account with its opening fill.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
alvh_book_service_book_condor (AlvhBookService   *self,
                               const AlvhCondor  *condor,
                               double             fees,
                               GError           **error)
{
  AlvhCondor copy;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), 0);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return 0;
  copy = *condor;
  copy.account_id = self->account_id;
  if (copy.opened == 0)
    copy.opened = alvh_time_now ();
  id = alvh_journal_store_book_condor (self->store, &copy, fees, error);
  if (id > 0)
    alvh_book_service_changed (self);
  return id;
}

/**
 * alvh_book_service_update_condor:
 * @self: the service
 * @condor: the condor (its id, for an update)
 * @error: return location for an error
 *
 * Stores an edited condor.
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_book_service_update_condor (AlvhBookService          *self,
                                 const AlvhCondor  *condor,
                                 GError                  **error)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return FALSE;
  if (!alvh_journal_store_update_condor (self->store, condor, error))
    return FALSE;
  alvh_book_service_changed (self);
  return TRUE;
}

/**
 * alvh_book_service_close_condor:
 * @self: the service
 * @id: the stored id
 * @price: the closing price
 * @error: return location for an error
 *
 * Closes a condor now at a price.
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_book_service_close_condor (AlvhBookService  *self,
                                gint64            id,
                                double            price,
                                GError          **error)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return FALSE;
  if (!alvh_journal_store_close_condor (self->store, id, alvh_time_now (), price, error))
    return FALSE;
  alvh_book_service_changed (self);
  return TRUE;
}

/**
 * alvh_book_service_add_leg:
 * @self: the service
 * @leg: the hedge leg (its id, for an update)
 * @error: return location for an error
 *
 * Books a hedge leg in the active account (opened now unless set).
 *
 * Returns: its id, or 0 with @error set
 */
gint64
alvh_book_service_add_leg (AlvhBookService       *self,
                           const AlvhLeg  *leg,
                           GError               **error)
{
  return alvh_book_service_book_leg (self, leg, 0.0, error);
}

/**
 * alvh_book_service_book_leg:
 * @self: the service
 * @leg: the leg (opened now unless set)
 * @fees: dollars paid on the opening fill
 * @error: return location for an error
 *
 * Books a hedge leg in the active account with its opening fill.
 *
 * Returns: its id, or 0 with @error set
 */
gint64
alvh_book_service_book_leg (AlvhBookService  *self,
                            const AlvhLeg    *leg,
                            double            fees,
                            GError          **error)
{
  AlvhLeg copy;
  gint64 id;

  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), 0);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return 0;
  copy = *leg;
  copy.account_id = self->account_id;
  if (copy.opened == 0)
    copy.opened = alvh_time_now ();
  /* a leg entered by hand follows the decision that proposed it that day */
  if (copy.manual && copy.decision_id == 0)
    {
      copy.decision_id = alvh_journal_store_find_proposing_decision (self->store, copy.account_id, copy.opened, error);
      if (copy.decision_id < 0)
        return 0;
    }
  id = alvh_journal_store_book_leg (self->store, &copy, fees, error);
  if (id > 0)
    alvh_book_service_changed (self);
  return id;
}

/**
 * alvh_book_service_update_leg:
 * @self: the service
 * @leg: the hedge leg (its id, for an update)
 * @error: return location for an error
 *
 * Stores an edited hedge leg.
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_book_service_update_leg (AlvhBookService       *self,
                              const AlvhLeg  *leg,
                              GError               **error)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return FALSE;
  if (!alvh_journal_store_update_leg (self->store, leg, error))
    return FALSE;
  alvh_book_service_changed (self);
  return TRUE;
}

/**
 * alvh_book_service_close_leg:
 * @self: the service
 * @id: the stored id
 * @quantity: how many to close
 * @price: the closing price
 * @error: return location for an error
 *
 * Closes some or all of a hedge leg now at a price.
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_book_service_close_leg (AlvhBookService  *self,
                             gint64            id,
                             double            quantity,
                             double            price,
                             GError          **error)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return FALSE;
  if (!alvh_journal_store_close_leg (self->store, id, alvh_time_now (),
                                     quantity, price, error))
    return FALSE;
  alvh_book_service_changed (self);
  return TRUE;
}


/**
 * alvh_book_service_new:
 * @store: (nullable): the app database (NULL when it could not be opened)
 * @data_dir: its directory, for messages
 * @store_error: (nullable): why it could not be opened
 * @settings: (nullable): the application's settings: the active account is
 *   read from and written to "active-account"
 *
 * Opens the remembered account (creating "Main" in a new database) and
 * reads its book.
 *
 * Returns: (transfer full): the book service
 */
AlvhBookService *
alvh_book_service_new (AlvhJournalStore *store,
                       const char       *data_dir,
                       const GError     *store_error,
                       GSettings        *settings)
{
  AlvhBookService *self = g_object_new (ALVH_TYPE_BOOK_SERVICE, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->data_dir = g_strdup (data_dir);
  self->store_error = store_error != NULL ? g_error_copy (store_error) : NULL;
  self->settings = settings != NULL ? g_object_ref (settings) : NULL;
  if (self->store != NULL)
    open_account (self);
  reload_book (self);
  return self;
}

/**
 * alvh_book_service_list_all_legs:
 * @self: the service
 * @error: return location for an error
 *
 * Every hedge leg of the active account, the closed ones too.
 *
 * Returns: (transfer full) (element-type AlvhLeg) (nullable): a new array,
 *   empty without a database or an active account; NULL with @error set
 *   when the store fails
 */
GPtrArray *
alvh_book_service_list_all_legs (AlvhBookService  *self,
                                 GError          **error)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), NULL);
  if (self->store == NULL || self->account_id == 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) alvh_leg_free);
  return alvh_journal_store_list_legs (self->store, self->account_id, 0, 0, error);
}

/**
 * alvh_book_service_list_leg_signals:
 * @self: the service
 * @leg_id: a leg of the app database
 * @error: return location for an error
 *
 * The signals recorded behind a leg (those of the decision it was booked from).
 *
 * Returns: (transfer full) (element-type AlvhSignal) (nullable): a new
 *   array, empty without a database; NULL with @error set when the store fails
 */
GPtrArray *
alvh_book_service_list_leg_signals (AlvhBookService  *self,
                                    gint64            leg_id,
                                    GError          **error)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), NULL);
  if (self->store == NULL)
    return g_ptr_array_new ();
  return alvh_journal_store_list_leg_signals (self->store, leg_id, error);
}

/**
 * alvh_book_service_get_error:
 * @self: the service
 *
 * Why the active account or its book could not be read when the book was
 * last (re)loaded; the book is then shown empty.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL when the book was read
 */
const GError *
alvh_book_service_get_error (AlvhBookService *self)
{
  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), NULL);
  return self->load_error;
}

/**
 * alvh_book_service_changed:
 * @self: the service
 *
 * Reads the book again from the database and emits ::changed.
 */
void
alvh_book_service_changed (AlvhBookService *self)
{
  g_return_if_fail (ALVH_IS_BOOK_SERVICE (self));
  reload_book (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * alvh_book_service_close_fill:
 * @self: the service
 * @id: a condor's or a leg's id
 * @is_condor: which
 * @time: the fill's time
 * @quantity: units or contracts (0 = all of a condor)
 * @price: points per unit
 * @fees: dollars paid
 * @error: return location for an error
 *
 * Records a closing fill at any past time.
 *
 * Returns: TRUE, or FALSE with @error set
 */
gboolean
alvh_book_service_close_fill (AlvhBookService  *self,
                              gint64            id,
                              gboolean          is_condor,
                              gint64            time,
                              double            quantity,
                              double            price,
                              double            fees,
                              GError          **error)
{
  gboolean ok;

  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), FALSE);
  if (!alvh_service_need_store (self->store, self->data_dir, self->store_error, error))
    return FALSE;
  ok = is_condor ? alvh_journal_store_close_condor_fill (self->store, id, time, quantity, price, fees, error)
                 : alvh_journal_store_close_leg_fill (self->store, id, time, quantity, price, fees, error);
  if (ok)
    alvh_book_service_changed (self);
  return ok;
}

AlvhLedger *
alvh_book_service_load_ledger (AlvhBookService   *self,
                               AlvhMarketService *market,
                               gint64             account_id,
                               GError           **error)
{
  g_autoptr(AlvhLedger) ledger = NULL;
  AlvhSeries *spx, *vix;

  g_return_val_if_fail (ALVH_IS_BOOK_SERVICE (self), NULL);
  g_return_val_if_fail (ALVH_IS_MARKET_SERVICE (market), NULL);

  if (self->store == NULL)
    {
      g_set_error_literal (error, ALVH_SERVICE_ERROR, ALVH_SERVICE_ERROR_NO_STORE, _("The journal is not open"));
      return NULL;
    }
  ledger = alvh_journal_store_load_ledger (self->store, account_id > 0 ? account_id : self->account_id, NULL, error);
  if (ledger == NULL)
    return NULL;
  spx = alvh_market_service_get_series (market, "SPX");
  vix = alvh_market_service_get_series (market, "VIX");
  if (spx != NULL && vix != NULL)
    {
      g_autoptr(AlvhMarketFrame) frame = alvh_market_frame_new_join (spx, vix,
                                                                     alvh_market_service_get_series (market, "VX"),
                                                                     alvh_market_service_get_series (market, "VVIX"),
                                                                     NULL, G_MININT64, G_MAXINT64);

      /* marks at a stored chain's mids (ALVH-SPEC section 6) */
      alvh_market_frame_set_chains (frame, alvh_market_service_get_chains (market));
      alvh_ledger_set_market (ledger, frame, vix);
    }
  return g_steal_pointer (&ledger);
}
