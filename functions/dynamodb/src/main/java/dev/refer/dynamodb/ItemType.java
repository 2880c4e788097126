package dev.refer.dynamodb;

/** The {@code type} attribute every item carries (see docs/data-model.md): what kind of record an item is. */
enum ItemType {
    PROGRAM, PARTNER, PARTNER_EMAIL, LINK, CLICK, LEAD, LEAD_EMAIL, CUSTOMER, CONVERSION, ORDER, COMMISSION,
    PARTNER_STATS, PARTNER_CLICKS, CLICK_DELTA, CLICK_ROLLUP, COUNTED, PAYOUT, PAYEE, PAYOUT_RUN, PAYOUT_RUN_DONE, MAIL
}
