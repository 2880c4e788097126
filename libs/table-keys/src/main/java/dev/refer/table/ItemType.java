package dev.refer.table;

/**
 * The {@code type} attribute every item carries (see docs/data-model.md): what kind of record an item is. The stream
 * consumers read it, so the SDK adapters and the lean client write the same names.
 */
public enum ItemType {
    PROGRAM, PARTNER, PARTNER_EMAIL, LINK, CLICK, LEAD, LEAD_EMAIL, CUSTOMER, CONVERSION, ORDER, COMMISSION,
    PARTNER_STATS, PARTNER_CLICKS, CLICK_DELTA, CLICK_ROLLUP, COUNTED, COUNTED_SPLIT, PAYOUT, PAYEE, PAYOUT_RUN,
    PAYOUT_RUN_DONE, MAIL, COMMS_SETTINGS, PREFERENCES, SUPPRESSION, MAILING_RUN, BROADCAST, DIGEST, DIGEST_EVENT,
    DIGEST_ADMITTED, LEAD_HELD, DATA_VERSION, TERMS, TERMS_CURRENT, TERMS_ACCEPTANCE, SIGNIN_TOKEN, PORTAL_SESSION,
    RATE_COUNTER
}
