package dev.refer.core.conversion;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The order/customer side of conversions: billing events, orders, billing customers. Recording an event writes the
 * event, its order, its customer, the lead it converts and its commission ledger entries as one atomic unit that
 * succeeds once per event id; the ledger entries themselves are the commission ledger's
 * ({@link dev.refer.core.ledger.CommissionLedger}).
 */
public interface OrderBook {

    /**
     * The lead's move to CONVERTED that goes with its customer's first sale; only if still in {@code expected} and
     * still held by {@code partnerId} (null: organic), the partner the sale went to.
     */
    record LeadConversion(LeadId leadId, EmailAddress email, LeadStatus expected, PartnerId partnerId) {
    }

    /**
     * A sale recorded earlier that follows its customer's new binding: its order replaced only if still at
     * {@code expectedOrderVersion}, and its conversion showing the new partner (or none) and commission.
     */
    record Rebound(Order order, long expectedOrderVersion, Conversion conversion) {
        public Rebound {
            Objects.requireNonNull(order, "order");
            Objects.requireNonNull(conversion, "conversion");
        }
    }

    /** A sale recorded earlier, as stored: its order and its conversion. */
    record PastSale(Order order, Conversion conversion) {
    }

    /**
     * Everything one billing event writes. {@code order} is created when {@code expectedOrderVersion} is 0, else
     * replaced only if the stored order is still at that version; {@code customer} likewise by
     * {@code expectedCustomerVersion} (null: the customer is not written); {@code rebound}: the earlier-recorded
     * sales that follow a new binding of the customer.
     */
    record ConversionWrite(Conversion conversion, Order order, long expectedOrderVersion, Customer customer,
                           long expectedCustomerVersion, LeadConversion leadConversion, List<Commission> entries,
                           List<Rebound> rebound) {
        public ConversionWrite {
            Objects.requireNonNull(conversion, "conversion");
            Objects.requireNonNull(order, "order");
            entries = List.copyOf(entries);
            rebound = rebound == null ? List.of() : List.copyOf(rebound);
        }

        /** A write that creates the customer ({@code newCustomer}, when not null) and re-binds nothing. */
        public ConversionWrite(Conversion conversion, Order order, long expectedOrderVersion, Customer newCustomer,
                               LeadConversion leadConversion, List<Commission> entries) {
            this(conversion, order, expectedOrderVersion, newCustomer, 0, leadConversion, entries, List.of());
        }
    }

    enum Outcome {
        RECORDED,
        /** The event id was recorded before: nothing written. */
        DUPLICATE_EVENT,
        /**
         * The order, customer, lead or a re-bound sale changed since the caller read them: nothing written; read
         * again, re-plan.
         */
        CONFLICT
    }

    /**
     * The commission entry a refund reverses, as the refund's plan took it from its order's copy
     * ({@link Order#commissionPayableOn()}) instead of reading it: not paid, and due on {@code dueAt} (not approved
     * early).
     */
    record EntryAsCopied(PartnerId partnerId, CommissionId commissionId, Instant dueAt) {
        public EntryAsCopied {
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(commissionId, "commissionId");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    /** What a refund's write came to. */
    sealed interface RefundOutcome {

        /** As {@link #record} answers: written, a duplicate, or a conflict to re-read and re-plan. */
        record Written(Outcome outcome) implements RefundOutcome {
        }

        /**
         * Nothing written: only the reversed entry is not as copied (approved early, or paid). {@code asStored}: the
         * entry as the refusal found it, to date the reversal by without reading it again; null when it is gone.
         */
        record EntryMoved(Commission asStored) implements RefundOutcome {
        }
    }

    /** All the evidence a billing event needs, in one round trip (strongly consistent). */
    Evidence evidence(Evidence.Query query);

    Outcome record(ConversionWrite write);

    /**
     * As {@link #record}, for a refund whose reversal was dated by its order's copy of the reversed entry
     * ({@code datedBy}): written only while the entry is still as copied, checked in the same atomic write, so a
     * refund costs its evidence read and this write and no read of the entry; else nothing is written and the entry
     * comes back as stored ({@link RefundOutcome.EntryMoved}). A refused event id or order answers as {@link #record}
     * does, before the entry.
     */
    RefundOutcome recordRefund(ConversionWrite write, EntryAsCopied datedBy);

    /** The customer's purchases recorded earlier, as stored now, in the order asked; one round trip. */
    List<PastSale> pastSales(List<Customer.Purchase> purchases);

    /** A partner's conversions, newest first. */
    Page<Conversion> conversionsOf(PartnerId partnerId, PageRequest page);
}
