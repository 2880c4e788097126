package dev.refer.core.ports;

import dev.refer.core.commission.Commission;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.Customer;
import dev.refer.core.conversion.Order;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.money.Money;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.StatsDelta;

import java.util.Optional;

/**
 * Conversions, customers, orders and the commission ledger. A conversion and everything it causes are written in
 * one atomic unit that succeeds once per webhook event id.
 */
public interface LedgerRepository {

    /** The lead's move to CONVERTED that goes with a customer's first sale. */
    record LeadConversion(LeadId leadId, LeadStatus expected) {
    }

    /** A refund's change to its order: compare-and-set on the refunded and reversed totals. */
    record OrderRefund(String orderId, Money refundedBefore, Money reversedBefore, Money refundedAfter,
                       Money reversedAfter) {
    }

    /**
     * Everything one conversion writes. Only {@code conversion} is required; the rest is null when it does not
     * apply. {@code newOrder} fails the whole unit when the order id is already recorded.
     */
    record ConversionRecord(Conversion conversion, Customer newCustomer, LeadConversion leadConversion,
                            Order newOrder, OrderRefund orderRefund, Commission commission, StatsDelta stats) {
    }

    enum Outcome {
        RECORDED,
        /** The event id was recorded before: nothing written. */
        DUPLICATE_EVENT,
        /** A different event already recorded this order id as a sale: nothing written. */
        ORDER_EXISTS,
        /** A concurrent write changed the order, lead or customer read by the caller: nothing written; retry. */
        CONFLICT
    }

    Outcome record(ConversionRecord record);

    Optional<Conversion> findByEvent(String eventId);

    Optional<Customer> findCustomer(String externalId);

    Optional<Order> findOrder(String orderId);

    /** A partner's conversions, newest first. */
    Page<Conversion> conversionsOf(PartnerId partnerId, PageRequest page);

    /** A partner's ledger entries, newest first. */
    Page<Commission> commissionsOf(PartnerId partnerId, PageRequest page);
}
