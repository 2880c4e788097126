package dev.refer.core.conversion;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.attribution.Attributor;
import dev.refer.core.commission.Commission;
import dev.refer.core.commission.CommissionId;
import dev.refer.core.commission.CommissionKind;
import dev.refer.core.commission.CommissionPolicy;
import dev.refer.core.commission.CommissionStatus;
import dev.refer.core.ids.IdGenerator;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.money.Money;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.Partner;
import dev.refer.core.ports.LeadRepository;
import dev.refer.core.ports.LedgerRepository;
import dev.refer.core.ports.LedgerRepository.ConversionRecord;
import dev.refer.core.ports.LedgerRepository.LeadConversion;
import dev.refer.core.ports.LedgerRepository.OrderRefund;
import dev.refer.core.ports.PartnerRepository;
import dev.refer.core.ports.ProgramRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.validation.Rules;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The billing system reports a sale, renewal or refund. Stored exactly once per event id, with everything it causes
 * in the same atomic write: the commission per the partner's plan, the lead's conversion into a customer on the
 * first sale, or for a refund a negative entry reversing the order's commission pro rata.
 *
 * <p>Attribution, strongest evidence first: the billing customer (renewals go to the partner that brought the
 * customer), then a referred lead with the customer's email, then the event's own {@code rid} or {@code ref}.
 * An unattributed conversion is stored for reporting and earns nothing.
 */
public final class RecordConversion {

    public record Command(String eventId, ConversionKind kind, String orderId, Money amount,
                          String customerExternalId, EmailAddress customerEmail, Instant occurredAt, String rid,
                          String ref) {
        public Command {
            eventId = Rules.text(eventId);
            orderId = Rules.text(orderId);
            customerExternalId = Rules.text(customerExternalId);
            rid = Rules.text(rid);
            ref = Rules.text(ref);
            Rules.check()
                    .require(eventId != null, "id", "is required")
                    .maxLength(eventId, 128, "id")
                    .require(kind != null, "type", "must be one of sale, renewal, refund")
                    .require(orderId != null, "orderId", "is required")
                    .maxLength(orderId, 128, "orderId")
                    .require(amount != null && amount.isPositive(), "amount", "must be a positive integer in minor units")
                    .maxLength(customerExternalId, 128, "customer.externalId")
                    .require(occurredAt != null, "occurredAt", "is required (ISO-8601)")
                    .maxLength(rid, 64, "rid")
                    .maxLength(ref, 64, "ref")
                    .orThrow();
        }
    }

    public sealed interface Result {
        /** {@code commission} is the new ledger entry (negative for a refund's reversal), or null. */
        record Recorded(Conversion conversion, Commission commission) implements Result {
        }

        /** This event id was recorded before; nothing changed. */
        record AlreadyRecorded(String eventId) implements Result {
        }

        /** A sale for this order id was recorded under another event id. */
        record OrderAlreadyRecorded(String orderId) implements Result {
        }

        /** The refund cannot apply to its order; {@code field} and {@code rule} say why. */
        record RefundRejected(String field, String rule) implements Result {
        }

        /** Concurrent writes kept conflicting; nothing was written and the sender should retry. */
        record Busy() implements Result {
        }

        record ProgramNotConfigured() implements Result {
        }
    }

    private static final int ATTEMPTS = 5;

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final LeadRepository leads;
    private final Attributor attributor;
    private final LedgerRepository ledger;
    private final IdGenerator ids;
    private final Clock clock;

    public RecordConversion(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                            LeadRepository leads, Attributor attributor, LedgerRepository ledger, IdGenerator ids,
                            Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.leads = leads;
        this.attributor = attributor;
        this.ledger = ledger;
        this.ids = ids;
        this.clock = clock;
    }

    public Result record(Command command) {
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new Result.ProgramNotConfigured();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // No read-before-write for duplicates: the conditional put of the event id refuses them atomically.
            Plan plan = command.kind() == ConversionKind.REFUND ? planRefund(command) : planSale(program, command);
            if (plan.rejection != null) {
                // A redelivered refund can look "too large" because its first delivery already counted: say duplicate.
                return ledger.findByEvent(command.eventId()).isPresent()
                        ? new Result.AlreadyRecorded(command.eventId()) : plan.rejection;
            }
            switch (ledger.record(plan.record)) {
                case RECORDED -> {
                    return new Result.Recorded(plan.record.conversion(), plan.record.commission());
                }
                case DUPLICATE_EVENT -> {
                    return new Result.AlreadyRecorded(command.eventId());
                }
                case ORDER_EXISTS -> {
                    return new Result.OrderAlreadyRecorded(command.orderId());
                }
                case CONFLICT -> {
                    // someone changed the order, lead or customer we read: read again and re-plan
                }
            }
        }
        return new Result.Busy();
    }

    private record Plan(ConversionRecord record, Result rejection) {
        static Plan rejected(Result rejection) {
            return new Plan(null, rejection);
        }
    }

    private Plan planSale(Program program, Command command) {
        Instant now = clock.instant();
        Customer customer = command.customerExternalId() == null ? null
                : ledger.findCustomer(command.customerExternalId()).orElse(null);
        Lead lead = null;
        Attribution attribution = null;
        if (customer != null) {
            attribution = new Attribution(customer.partnerId(), Attribution.Path.CUSTOMER, null, null, null);
        } else {
            if (command.customerEmail() != null) {
                lead = leads.findByEmail(command.customerEmail()).orElse(null);
            }
            if (lead != null && lead.attributed().isPresent()) {
                attribution = lead.attribution().via(Attribution.Path.LEAD);
            } else {
                attribution = attributor.attribute(command.rid(), command.ref(), now, program.attributionWindow())
                        .orElse(null);
            }
        }
        Partner partner = attribution == null ? null : partners.find(attribution.partnerId()).orElse(null);
        if (partner == null) {
            attribution = null;
        }

        Customer newCustomer = null;
        LeadConversion leadConversion = null;
        if (attribution != null && customer == null && command.customerExternalId() != null) {
            newCustomer = new Customer(command.customerExternalId(), partner.id(),
                    lead == null ? null : lead.id(), now);
        }
        if (attribution != null && lead != null && lead.status().canConvert()) {
            leadConversion = new LeadConversion(lead.id(), lead.status());
        }

        Commission commission = null;
        if (partner != null && partner.isActive()) {
            commission = CommissionPolicy.forConversion(program, partner, command.kind(), command.amount(), now)
                    .map(earning -> new Commission(new CommissionId(ids.newId()), partner.id(), earning.kind(),
                            CommissionStatus.PENDING, earning.amount(), earning.rule(), command.eventId(),
                            command.orderId(), null, now, earning.payableOn()))
                    .orElse(null);
        }
        Conversion conversion = conversion(command, now, attribution, commission);
        Order order = new Order(command.orderId(), partner == null ? null : partner.id(), command.amount(),
                commission == null ? null : commission.id(), commission == null ? null : commission.amount(),
                commission == null ? null : commission.payableOn(), Money.zero(command.amount().currency()),
                commission == null ? null : Money.zero(commission.amount().currency()));

        StatsDelta stats = null;
        if (partner != null) {
            StatsDelta.Builder delta = StatsDelta.forPartner(partner.id(), now)
                    .event(command.kind() == ConversionKind.SALE ? Counters.SALES : Counters.RENEWALS, 1)
                    .event(Counters.revenue(command.amount().currency()), command.amount().minor());
            if (commission != null) {
                delta.event(Counters.commissionEarned(commission.amount().currency()), commission.amount().minor())
                        .status(Counters.commissionStatus(CommissionStatus.PENDING, commission.amount().currency()),
                                commission.amount().minor());
            }
            if (leadConversion != null) {
                delta.event(Counters.LEADS_CONVERTED, 1)
                        .status(Counters.leadStatus(leadConversion.expected()), -1)
                        .status(Counters.leadStatus(LeadStatus.CONVERTED), 1);
            }
            stats = delta.build();
        }
        return new Plan(new ConversionRecord(conversion, newCustomer, leadConversion, order, null, commission, stats),
                null);
    }

    private Plan planRefund(Command command) {
        Instant now = clock.instant();
        Optional<Order> found = ledger.findOrder(command.orderId());
        if (found.isEmpty()) {
            // A refund of an order we never saw (sold before the program, or organic): kept for reporting.
            return new Plan(new ConversionRecord(conversion(command, now, null, null), null, null, null, null, null,
                    null), null);
        }
        Order order = found.get();
        if (!order.amount().currency().equals(command.amount().currency())) {
            return Plan.rejected(new Result.RefundRejected("currency",
                    "must be the order's currency, " + order.amount().currency().getCurrencyCode()));
        }
        if (command.amount().compareTo(order.refundable()) > 0) {
            return Plan.rejected(new Result.RefundRejected("amount",
                    "exceeds what is left to refund on order " + order.orderId() + " (" + order.refundable() + ")"));
        }
        Commission reversal = null;
        Money reversedAfter = order.reversed();
        if (order.commissionEntry().isPresent()) {
            Money reverse = CommissionPolicy.reversalFor(order.commission(), order.amount(), order.refunded(),
                    command.amount(), order.reversed());
            if (reverse.isPositive()) {
                Instant payableOn = order.commissionPayableOn().isAfter(now) ? order.commissionPayableOn() : now;
                reversal = new Commission(new CommissionId(ids.newId()), order.partnerId(), CommissionKind.REVERSAL,
                        CommissionStatus.PENDING, reverse.negate(),
                        "refund of " + command.amount() + " on order " + order.orderId() + " (sold for "
                                + order.amount() + "): reverses " + reverse + " of " + order.commission(),
                        command.eventId(), order.orderId(), order.commissionId(), now, payableOn);
                reversedAfter = order.reversed().plus(reverse);
            }
        }
        Attribution attribution = order.partnerId() == null ? null
                : new Attribution(order.partnerId(), Attribution.Path.ORDER, null, null, null);
        Conversion conversion = conversion(command, now, attribution, reversal);
        OrderRefund refund = new OrderRefund(order.orderId(), order.refunded(), order.reversed(),
                order.refunded().plus(command.amount()), reversedAfter);
        StatsDelta stats = null;
        if (order.partnerId() != null) {
            StatsDelta.Builder delta = StatsDelta.forPartner(order.partnerId(), now)
                    .event(Counters.REFUNDS, 1)
                    .event(Counters.revenue(command.amount().currency()), -command.amount().minor());
            if (reversal != null) {
                delta.event(Counters.commissionEarned(reversal.amount().currency()), reversal.amount().minor())
                        .status(Counters.commissionStatus(CommissionStatus.PENDING, reversal.amount().currency()),
                                reversal.amount().minor());
            }
            stats = delta.build();
        }
        return new Plan(new ConversionRecord(conversion, null, null, null, refund, reversal, stats), null);
    }

    private Conversion conversion(Command command, Instant now, Attribution attribution, Commission commission) {
        return new Conversion(new ConversionId(ids.newId()), command.eventId(), command.kind(), command.orderId(),
                command.amount(), command.customerExternalId(), command.occurredAt(), now, attribution,
                commission == null ? null : commission.id());
    }
}
