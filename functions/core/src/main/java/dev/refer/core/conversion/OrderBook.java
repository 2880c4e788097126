package dev.refer.core.conversion;

import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.PartnerId;

import java.util.List;
import java.util.Objects;

/**
 * The order/customer side of conversions: billing events, orders, billing customers. Recording an event writes the
 * event, its order, its customer, the lead it converts and its commission ledger entries as one atomic unit that
 * succeeds once per event id; the ledger entries themselves are the commission ledger's
 * ({@link dev.refer.core.ledger.CommissionLedger}).
 */
public interface OrderBook {

    /** The lead's move to CONVERTED that goes with its customer's first sale; only if still in {@code expected}. */
    record LeadConversion(LeadId leadId, EmailAddress email, LeadStatus expected) {
    }

    /**
     * Everything one billing event writes. {@code order} is created when {@code expectedOrderVersion} is 0, else
     * replaced only if the stored order is still at that version; {@code newCustomer} only if the customer is new.
     */
    record ConversionWrite(Conversion conversion, Order order, long expectedOrderVersion, Customer newCustomer,
                           LeadConversion leadConversion, List<Commission> entries) {
        public ConversionWrite {
            Objects.requireNonNull(conversion, "conversion");
            Objects.requireNonNull(order, "order");
            entries = List.copyOf(entries);
        }
    }

    enum Outcome {
        RECORDED,
        /** The event id was recorded before: nothing written. */
        DUPLICATE_EVENT,
        /** The order, customer or lead changed since the caller read them: nothing written; read again, re-plan. */
        CONFLICT
    }

    /** All the evidence a billing event needs, in one round trip (strongly consistent). */
    Evidence evidence(Evidence.Query query);

    Outcome record(ConversionWrite write);

    /** A partner's conversions, newest first. */
    Page<Conversion> conversionsOf(PartnerId partnerId, PageRequest page);
}
