package dev.refer.core.conversion;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.money.Money;
import dev.refer.core.deal.CompanyDomain;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.link.ClickId;
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
import java.util.Objects;

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
 *
 * <p>The customer is bound by its first purchase <em>as it happened</em>, not as it arrived: a sale that occurred
 * before the purchase that bound the customer, within the attribution window of it ({@link Customer#rebindableBy}),
 * binds the customer by its own evidence, and the purchases recorded before it follow the new binding in the same
 * write: what is left of each one's commission for the former partner is reversed by a new negative entry that says
 * why (never edited; a clawback if it was paid), and the new partner earns it once. Every order, the customer and
 * the event are compare-and-set in one transaction, so redeliveries and races count nothing twice. Only this path
 * reads more than the evidence (the earlier purchases' orders, one round trip).
 */
public final class RecordSale {

    private static final int ATTEMPTS = 5;

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final OrderBook orders;
    private final CommissionLedger ledger;
    private final AttributionPolicy attribution;
    private final CommissionPolicy commissions;
    private final IdGenerator ids;
    private final Clock clock;

    public RecordSale(ProgramId programId, ProgramRepository programs, PartnerRepository partners, OrderBook orders,
                      CommissionLedger ledger, AttributionPolicy attribution, CommissionPolicy commissions,
                      IdGenerator ids, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.orders = orders;
        this.ledger = ledger;
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
        if (EventTime.isLateRedelivery(command, now, program, orders)) {
            return new ConversionResult.AlreadyRecorded(command.eventId());
        }
        if (!command.amount().currency().equals(program.currency())) {
            return new ConversionResult.Refused("currency", "must be the program's currency, "
                    + program.currency().getCurrencyCode());
        }
        ClickId clickId = Ulid.isValid(command.rid()) ? new ClickId(command.rid()) : null;
        // read with the evidence: a first sale of a company not seen before costs no round trip of its own
        CompanyDomain dealDomain = AttributionPolicy.dealDomainOf(command.customerEmail());
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Evidence evidence = orders.evidence(new Evidence.Query(command.eventId(), command.orderId(),
                    command.customerExternalId(), command.customerEmail(), clickId, dealDomain));
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
        Customer.Purchase purchase = new Customer.Purchase(command.orderId(), command.eventId(), at);
        // the customer's first purchase as it happened decides, whichever arrived first (within the window)
        boolean binds = customer == null || customer.rebindableBy(at, program.attributionWindow());

        // who gets the credit
        Attribution credit = null;
        Partner partner = null;
        Customer customerAfter = null;
        if (!binds) {
            if (customer.partner().isPresent()) {
                partner = partners.find(customer.partnerId()).orElse(null);
                credit = new Attribution(customer.partnerId(), Attribution.Path.CUSTOMER, null, null, null);
            }
            if (!at.isBefore(customer.since()) && customer.tracking(now, program.maxEventAge())) {
                customerAfter = customer.withPurchase(purchase); // a re-binding may still reach it
            }
        } else {
            AttributionPolicy.LeadEvidence leadEvidence = lead != null && countsAsEvidence(lead.status())
                    ? new AttributionPolicy.LeadEvidence(lead.attribution(), lead.attributedAt()) : null;
            var winner = attribution.forConversionWithDomainRead(evidence.click(), leadEvidence, command.ref(),
                    command.promotionCode(), evidence.dealClaim(), at, program.attributionWindow()).orElse(null);
            if (winner != null) {
                credit = winner.attribution();
                partner = winner.partner();
            }
            if (command.customerExternalId() != null) {
                PartnerId bound = partner == null ? null : partner.id();
                LeadId leadId = lead == null ? null : lead.id();
                customerAfter = customer == null ? Customer.boundBy(command.customerExternalId(), bound, leadId,
                        purchase) : customer.reboundBy(bound, leadId, purchase);
            }
        }
        PartnerId partnerId = credit == null ? null : credit.partnerId();

        // the lead converts when the sale that binds the customer is its partner's (or both are organic)
        OrderBook.LeadConversion leadConversion = null;
        PartnerId leadPartner = lead == null || lead.attribution() == null ? null : lead.attribution().partnerId();
        if (lead != null && lead.status().canConvert() && binds && Objects.equals(partnerId, leadPartner)) {
            leadConversion = new OrderBook.LeadConversion(lead.id(), lead.email(), lead.status(), leadPartner);
        }

        // what it earns: only an active partner earns; refunds recorded before the sale reverse their share
        List<Commission> entries = new ArrayList<>();
        CommissionKind kind = command.kind() == ConversionKind.SALE ? CommissionKind.SALE : CommissionKind.RENEWAL;
        Commission commission = earned(program, partner, kind, command.amount(), command.eventId(),
                command.orderId(), at);
        Order existing = evidence.order();
        Money reversedNow = commission == null ? null : Money.zero(commission.amount().currency());
        if (commission != null) {
            entries.add(commission);
            if (existing != null && existing.refunded().isPositive()) {
                Commission reversal = refundedShare(commission, command.amount(), existing.refunded(),
                        command.eventId(), at);
                if (reversal != null) {
                    entries.add(reversal);
                    reversedNow = reversal.amount().negate();
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

        // the purchases recorded before this earlier one follow its binding
        List<OrderBook.Rebound> rebound = customer != null && binds && !Objects.equals(customer.partnerId(), partnerId)
                ? rebind(program, customer, partner, purchase, entries, now) : List.of();
        return new OrderBook.ConversionWrite(conversion, order, existing == null ? 0 : existing.version(),
                customerAfter, customer == null ? 0 : customer.version(), leadConversion, entries, rebound);
    }

    /**
     * Moves the customer's purchases recorded so far to the partner of its first purchase ({@code partner}, null for
     * organic): what is left of each one's commission is reversed by a negative entry that says why, and the new
     * partner earns it, once, as if it had followed the binding from the start (refunds already recorded taking
     * their share back at once). Adds the entries to {@code entries}; returns the orders and conversions to rewrite.
     */
    private List<OrderBook.Rebound> rebind(Program program, Customer customer, Partner partner,
                                           Customer.Purchase first, List<Commission> entries, Instant now) {
        PartnerId partnerId = partner == null ? null : partner.id();
        String why = "customer " + customer.externalId() + " is bound by its first purchase, order "
                + first.orderId() + " of " + first.occurredAt() + ", " + (partner == null ? "with no partner"
                : "to partner " + partnerId.value());
        List<OrderBook.Rebound> rebound = new ArrayList<>();
        for (OrderBook.PastSale past : orders.pastSales(customer.purchases())) {
            Order order = past.order();
            Conversion recorded = past.conversion();
            if (order == null || recorded == null || !order.sold()
                    || Objects.equals(order.partnerId(), partnerId)) {
                continue;
            }
            Instant soldAt = recorded.occurredAt();
            Money left = order.commissionLeft();
            if (order.commissionId() != null && left.isPositive()) {
                entries.add(new Commission(new CommissionId(ids.newId()), order.partnerId(), CommissionKind.REVERSAL,
                        CommissionStatus.PENDING, left.negate(), why + ": reverses " + left + " of "
                        + order.commission() + " for order " + order.orderId(), recorded.eventId(),
                        order.orderId(), order.commissionId(), soldAt, reversalPayableOn(order, now)));
            }
            CommissionKind kind = order.kind() == ConversionKind.RENEWAL ? CommissionKind.RENEWAL
                    : CommissionKind.SALE;
            Commission commission = earned(program, partner, kind, order.amount(), recorded.eventId(),
                    order.orderId(), soldAt);
            Money reversedNow = commission == null ? null : Money.zero(commission.amount().currency());
            if (commission != null) {
                entries.add(commission);
                if (order.refunded().isPositive()) {
                    Commission reversal = refundedShare(commission, order.amount(), order.refunded(),
                            recorded.eventId(), soldAt);
                    if (reversal != null) {
                        entries.add(reversal);
                        reversedNow = reversal.amount().negate();
                    }
                }
            }
            Order moved = order.reassigned(partnerId, commission == null ? null : commission.id(),
                    commission == null ? null : commission.amount(),
                    commission == null ? null : commission.payableOn(), reversedNow, soldAt);
            Conversion shown = new Conversion(recorded.id(), recorded.eventId(), recorded.kind(), recorded.orderId(),
                    recorded.amount(), recorded.customerExternalId(), recorded.occurredAt(), recorded.recordedAt(),
                    partnerId == null ? null : new Attribution(partnerId, Attribution.Path.CUSTOMER, null, null, null),
                    commission == null ? null : commission.id());
            rebound.add(new OrderBook.Rebound(moved, order.version(), shown));
        }
        return rebound;
    }

    /** The commission a sale earns its partner, when the partner is active and the plan pays for it; else null. */
    private Commission earned(Program program, Partner partner, CommissionKind kind, Money amount, String eventId,
                              String orderId, Instant at) {
        if (partner == null || !partner.isActive()) {
            return null;
        }
        return commissions.forSale(program, partner, kind, amount, at)
                .map(earning -> new Commission(new CommissionId(ids.newId()), partner.id(), earning.kind(),
                        CommissionStatus.PENDING, earning.amount(), earning.rule(), eventId, orderId, null, at,
                        earning.payableOn()))
                .orElse(null);
    }

    /** The share of {@code commission} that refunds recorded before it take back, as a reversal; null if none. */
    private Commission refundedShare(Commission commission, Money saleAmount, Money refunded, String eventId,
                                     Instant at) {
        Money reverse = commissions.reversalFor(commission.amount(), saleAmount, refunded,
                Money.zero(commission.amount().currency()));
        if (!reverse.isPositive()) {
            return null;
        }
        return new Commission(new CommissionId(ids.newId()), commission.partnerId(), CommissionKind.REVERSAL,
                CommissionStatus.PENDING, reverse.negate(), "refunds of " + refunded + " recorded before the sale of"
                + " order " + commission.orderId() + " (sold for " + saleAmount + "): reverses " + reverse + " of "
                + commission.amount(), eventId, commission.orderId(), commission.id(), at, commission.payableOn());
    }

    /**
     * With the former partner's commission as it stands: at once when it was paid or approved early (a clawback),
     * else with it, so the two net in one payout; the order's copy of its holding period when the entry cannot be
     * read. Read only on a re-binding, which is rare: an ordinary sale makes no ledger read.
     */
    private Instant reversalPayableOn(Order order, Instant now) {
        return ledger.find(order.partnerId(), order.commissionId())
                .map(entry -> commissions.reversalPayableOn(entry, now))
                .orElseGet(() -> commissions.reversalPayableOn(order.commissionPayableOn(), now));
    }

    /** A lead the program manager rejected is not evidence: the rejection stands. */
    private static boolean countsAsEvidence(LeadStatus status) {
        return status != LeadStatus.REJECTED;
    }
}
