package dev.refer.core.stats;

import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.lead.LeadStatus;

import java.util.Currency;

/**
 * Names of the per-partner counters. Event counters exist all-time and per month; status counters are all-time.
 * Money counters carry the currency in their name ({@code revenue.EUR}) and hold minor units.
 */
public final class Counters {

    public static final String CLICKS = "clicks";
    public static final String LEADS = "leads";
    public static final String LEADS_QUALIFIED = "leadsQualified";
    public static final String LEADS_REJECTED = "leadsRejected";
    public static final String LEADS_CONVERTED = "leadsConverted";
    public static final String SALES = "sales";
    public static final String RENEWALS = "renewals";
    public static final String REFUNDS = "refunds";

    private Counters() {
    }

    /** Net revenue brought by the partner: sales and renewals less refunds. */
    public static String revenue(Currency currency) {
        return "revenue." + currency.getCurrencyCode();
    }

    /** Net commission earned: entries created less reversals. */
    public static String commissionEarned(Currency currency) {
        return "commissionEarned." + currency.getCurrencyCode();
    }

    public static String leadStatus(LeadStatus status) {
        return "leadStatus." + status.name();
    }

    public static String commissionStatus(CommissionStatus status, Currency currency) {
        return "commissionStatus." + status.name() + "." + currency.getCurrencyCode();
    }
}
