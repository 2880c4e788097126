package dev.refer.core.conversion;

import dev.refer.core.validation.Invalid;
import dev.refer.core.attribution.Attribution;
import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.ids.IdGenerator;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.link.ClickId;
import dev.refer.core.ids.Ulid;
import dev.refer.core.money.Money;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The billing system reports a sale or a renewal. Stored exactly once per event id, with everything it causes in one
 * atomic write: the order, the billing customer on its first sale (with its partner, or organic), the referred
 * lead's conversion, and the commission per the partner's plan. A sale whose refunds arrived first counts them: its
 * commission is reversed for the refunded share in the same write.
 *
 * <p>Who gets the credit: a known billing customer stays with the partner that brought it (renewals and later sales;
 * they earn while that partner is active, and nothing is owed for the time it was not) or stays organic; a customer
 * seen for the first time goes by the {@link AttributionPolicy}'s evidence order. Unattributed events are stored
 * and earn nothing.
 */
public final class RecordSale {

    private static final int ATTEMPTS = 5;

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final OrderBook orders;
    private final AttributionPolicy attribution;
    private final CommissionPolicy commissions;
    private final IdGenerator ids;
    private final Clock clock;

    public RecordSale(ProgramId programId, ProgramRepository programs, PartnerRepository partners, OrderBook orders,
                      AttributionPolicy attribution, CommissionPolicy commissions, IdGenerator ids, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.orders = orders;
        this.attribution = attribution;
        this.commissions = commissions;
        this.ids = ids;
        this.clock = clock;
    }

    public ConversionResult record(ConversionCommand command) {
        if (command.kind() == ConversionKind.REFUND) {
            throw new IllegalArgumentException("a refund is recorded by RecordRefund");
        }
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new ConversionResult.ProgramNotConfigured();
        }
        Instant now = clock.instant();
        try {
            EventTime.check(command.occurredAt(), now, program);
        } catch (Invalid outOfBounds) {
            // a redelivery of an event recorded while it was in bounds is still a duplicate, not an error
            if (orders.evidence(new Evidence.Query(command.eventId(), null, null, null, null)).eventRecorded()) {
                return new ConversionResult.AlreadyRecorded(command.eventId());
            }
            throw outOfBounds;
        }
        if (!command.amount().currency().equals(program.currency())) {
            return new ConversionResult.Refused("currency", "must be the program's currency, "
                    + program.currency().getCurrencyCode());
        }
        ClickId clickId = Ulid.isValid(command.rid()) ? new ClickId(command.rid()) : null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Evidence evidence = orders.evidence(new Evidence.Query(command.eventId(), command.orderId(),
                    command.customerExternalId(), command.customerEmail(), clickId));
            if (evidence.eventRecorded()) {
                return new ConversionResult.AlreadyRecorded(command.eventId());
            }
            Order existing = evidence.order();
            if (existing != null && existing.sold()) {
                // the order names the sale's event: ours is a redelivery (the evidence read is not isolated from a
                // transaction committing meanwhile, so the order may show before the event's own record does)
                return command.eventId().equals(existing.saleEventId())
                        ? new ConversionResult.AlreadyRecorded(command.eventId())
                        : new ConversionResult.OrderAlreadyRecorded(command.orderId());
            }
            if (existing != null && !existing.currency().equals(command.amount().currency())) {
                return new ConversionResult.Refused("currency", "must be the currency of the refunds already"
                        + " recorded for order " + command.orderId() + ", "
                        + existing.currency().getCurrencyCode());
            }
            OrderBook.ConversionWrite write = plan(program, command, evidence, now);
            switch (orders.record(write)) {
                case RECORDED -> {
                    return new ConversionResult.Recorded(write.conversion(), write.entries());
                }
                case DUPLICATE_EVENT -> {
                    return new ConversionResult.AlreadyRecorded(command.eventId());
                }
                case CONFLICT -> {
                    // the order, customer or lead changed since we read them: read again and re-plan
                }
            }
        }
        return new ConversionResult.Busy();
    }

    private OrderBook.ConversionWrite plan(Program program, ConversionCommand command, Evidence evidence,
                                           Instant now) {
        Instant at = command.occurredAt();
        Customer customer = evidence.customer();
        Evidence.LeadEvidence lead = evidence.lead();

        // who gets the credit
        Attribution credit = null;
        Partner partner = null;
        Customer newCustomer = null;
        if (customer != null) {
            if (customer.partner().isPresent()) {
                partner = partners.find(customer.partnerId()).orElse(null);
                credit = new Attribution(customer.partnerId(), Attribution.Path.CUSTOMER, null, null, null);
            }
        } else {
            AttributionPolicy.LeadEvidence leadEvidence = lead != null && countsAsEvidence(lead.status())
                    ? new AttributionPolicy.LeadEvidence(lead.attribution(), lead.createdAt()) : null;
            var winner = attribution.forConversion(evidence.click(), leadEvidence, command.ref(), at,
                    program.attributionWindow()).orElse(null);
            if (winner != null) {
                credit = winner.attribution();
                partner = winner.partner();
            }
            if (command.customerExternalId() != null) {
                newCustomer = new Customer(command.customerExternalId(), partner == null ? null : partner.id(),
                        lead == null ? null : lead.id(), at);
            }
        }
        PartnerId partnerId = credit == null ? null : credit.partnerId();

        // the lead converts when the sale is its partner's (or both are organic)
        OrderBook.LeadConversion leadConversion = null;
        if (lead != null && lead.status().canConvert() && customer == null
                && java.util.Objects.equals(partnerId, lead.attribution() == null ? null
                : lead.attribution().partnerId())) {
            leadConversion = new OrderBook.LeadConversion(lead.id(), lead.email(), lead.status());
        }

        // what it earns: only an active partner earns; refunds recorded before the sale reverse their share
        List<Commission> entries = new ArrayList<>();
        CommissionKind kind = command.kind() == ConversionKind.SALE ? CommissionKind.SALE : CommissionKind.RENEWAL;
        Commission commission = null;
        if (partner != null && partner.isActive()) {
            Partner earner = partner;
            commission = commissions.forSale(program, earner, kind, command.amount(), at)
                    .map(earning -> new Commission(new CommissionId(ids.newId()), earner.id(), earning.kind(),
                            CommissionStatus.PENDING, earning.amount(), earning.rule(), command.eventId(),
                            command.orderId(), null, at, earning.payableOn()))
                    .orElse(null);
        }
        Order existing = evidence.order();
        Money reversedNow = commission == null ? null : Money.zero(commission.amount().currency());
        if (commission != null) {
            entries.add(commission);
            if (existing != null && existing.refunded().isPositive()) {
                Money reverse = commissions.reversalFor(commission.amount(), command.amount(), existing.refunded(),
                        reversedNow);
                if (reverse.isPositive()) {
                    entries.add(new Commission(new CommissionId(ids.newId()), partner.id(), CommissionKind.REVERSAL,
                            CommissionStatus.PENDING, reverse.negate(), "refunds of " + existing.refunded()
                            + " recorded before the sale of order " + command.orderId() + " (sold for "
                            + command.amount() + "): reverses " + reverse + " of " + commission.amount(),
                            command.eventId(), command.orderId(), commission.id(), at, commission.payableOn()));
                    reversedNow = reverse;
                }
            }
        }
        Order order = existing == null
                ? Order.sold(command.orderId(), command.kind(), command.eventId(), partnerId, command.amount(),
                commission == null ? null : commission.id(), commission == null ? null : commission.amount(),
                commission == null ? null : commission.payableOn(), at)
                : existing.withSale(command.kind(), command.eventId(), partnerId, command.amount(),
                commission == null ? null : commission.id(), commission == null ? null : commission.amount(),
                commission == null ? null : commission.payableOn(), reversedNow, at);
        Conversion conversion = new Conversion(new ConversionId(ids.newId()), command.eventId(), command.kind(),
                command.orderId(), command.amount(), command.customerExternalId(), at, now, credit,
                commission == null ? null : commission.id());
        return new OrderBook.ConversionWrite(conversion, order, existing == null ? 0 : existing.version(),
                newCustomer, leadConversion, entries);
    }

    /** A lead the program manager rejected is not evidence: the rejection stands. */
    private static boolean countsAsEvidence(LeadStatus status) {
        return status != LeadStatus.REJECTED;
    }
}
