package dev.refer.core.conversion;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The billing system reports a refund of an order. Stored exactly once per event id; the order's refunded total
 * counts it, whichever arrived first:
 * <ul>
 *   <li>after the sale: the refund may not exceed what is left of the order, and a negative ledger entry reverses
 *       the order's commission pro rata to the cumulative refunded share (partial refunds add up to exactly the
 *       commission; payable with the commission while that is held, at once when it is due already or was paid: a
 *       clawback against the next payout);</li>
 *   <li>before the sale (billing systems deliver out of order): the order is recorded by its refunds alone, and the
 *       sale, when it comes, reverses their share of its commission in its own write.</li>
 * </ul>
 * A refund follows its order's partner; it is attributed by nothing else.
 *
 * <p>Two round trips: the evidence (event id and order), then the write. The reversal is dated by the order's copy
 * of its commission's holding period, which the write checks against the entry itself
 * ({@link OrderBook#recordRefund}); only an entry approved early or paid meanwhile costs a second write, dated by the
 * entry the refused one returned.
 */
public final class RecordRefund {

    private static final int ATTEMPTS = 5;

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final OrderBook orders;
    private final CommissionLedger ledger;
    private final CommissionPolicy commissions;
    private final IdGenerator ids;
    private final Clock clock;

    public RecordRefund(ProgramId programId, ProgramRepository programs, OrderBook orders, CommissionLedger ledger,
                        CommissionPolicy commissions, IdGenerator ids, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.orders = orders;
        this.ledger = ledger;
        this.commissions = commissions;
        this.ids = ids;
        this.clock = clock;
    }

    public ConversionResult record(ConversionCommand command) {
        return record(command, false);
    }

    /**
     * A refund reported as the order's <em>cumulative</em> refunded total (Stripe's {@code amount_refunded}): each
     * delivery refunds only the difference from what the order counts already, so deliveries that arrive twice, late
     * or out of order refund the order's total once. A total the order has counted already (an older state arriving
     * after a newer one) changes nothing and answers {@link ConversionResult.AlreadyRecorded}.
     *
     * @param command its {@code amount} is the cumulative refunded total of the order
     */
    public ConversionResult recordCumulative(ConversionCommand command) {
        return record(command, true);
    }

    private ConversionResult record(ConversionCommand reported, boolean cumulative) {
        ConversionCommand command = reported;
        if (command.kind() != ConversionKind.REFUND) {
            throw new IllegalArgumentException("a sale or renewal is recorded by RecordSale");
        }
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new ConversionResult.ProgramNotConfigured();
        }
        Instant now = clock.instant();
        if (EventTime.isLateRedelivery(command, now, program, orders)) {
            return new ConversionResult.AlreadyRecorded(command.eventId());
        }
        Evidence evidence = null;
        // the reversed entry as a refused write found it (empty: gone); null while only the order's copy is known
        Optional<Commission> entryAsStored = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (evidence == null) {
                evidence = orders.evidence(new Evidence.Query(command.eventId(), command.orderId(), null, null,
                        null));
            }
            if (evidence.eventRecorded()) {
                return new ConversionResult.AlreadyRecorded(command.eventId());
            }
            Order order = evidence.order();
            if (cumulative) {
                Money counted = order == null || !order.currency().equals(reported.amount().currency())
                        ? Money.zero(reported.amount().currency()) : order.refunded();
                Money difference = reported.amount().minus(counted);
                if (!difference.isPositive()) {
                    return new ConversionResult.AlreadyRecorded(reported.eventId());
                }
                command = new ConversionCommand(reported.eventId(), reported.kind(), reported.orderId(), difference,
                        reported.customerExternalId(), reported.customerEmail(), reported.occurredAt(),
                        reported.rid(), reported.ref());
            }
            java.util.Currency expected = order == null ? program.currency() : order.currency();
            if (!command.amount().currency().equals(expected)) {
                return new ConversionResult.Refused("currency", order == null
                        ? "must be the program's currency, " + expected.getCurrencyCode()
                        : "must be the order's currency, " + expected.getCurrencyCode());
            }
            if (order != null && order.sold() && command.amount().compareTo(order.refundable()) > 0) {
                return new ConversionResult.Refused("amount", "exceeds what is left to refund on order "
                        + order.orderId() + " (" + order.refundable() + ")");
            }
            Plan plan = plan(command, order, entryAsStored, now);
            OrderBook.ConversionWrite write = plan.write();
            OrderBook.RefundOutcome outcome = plan.datedBy() == null
                    ? new OrderBook.RefundOutcome.Written(orders.record(write))
                    : orders.recordRefund(write, plan.datedBy());
            if (outcome instanceof OrderBook.RefundOutcome.EntryMoved moved) {
                // the entry was approved early or paid: re-plan on the same evidence with the entry as stored
                entryAsStored = Optional.ofNullable(moved.asStored());
                continue;
            }
            switch (((OrderBook.RefundOutcome.Written) outcome).outcome()) {
                case RECORDED -> {
                    return new ConversionResult.Recorded(write.conversion(), write.entries());
                }
                case DUPLICATE_EVENT -> {
                    return new ConversionResult.AlreadyRecorded(command.eventId());
                }
                case CONFLICT -> {
                    // another refund or the sale moved the order since we read it: read again and re-plan
                    evidence = null;
                    entryAsStored = null;
                }
            }
        }
        return new ConversionResult.Busy();
    }

    /** A refund's write, and the order's copy of the reversed entry its reversal was dated by (null: none). */
    private record Plan(OrderBook.ConversionWrite write, OrderBook.EntryAsCopied datedBy) {
    }

    private Plan plan(ConversionCommand command, Order order, Optional<Commission> entryAsStored, Instant now) {
        Instant at = command.occurredAt();
        if (order == null) {
            Conversion conversion = conversion(command, null, null, now);
            return new Plan(new OrderBook.ConversionWrite(conversion, Order.refundedBeforeSale(command.orderId(),
                    command.amount(), at), 0, null, null, List.of()), null);
        }
        Commission reversal = null;
        OrderBook.EntryAsCopied datedBy = null;
        Money reversedAfter = order.reversed();
        if (order.sold() && order.commissionEntry().isPresent()) {
            Money reverse = commissions.reversalFor(order.commission(), order.amount(),
                    order.refunded().plus(command.amount()), order.reversed());
            if (reverse.isPositive()) {
                Instant payableOn;
                if (entryAsStored != null) {
                    payableOn = reversalPayableOn(order, entryAsStored, at);
                } else if (order.commissionPayableOn() != null) {
                    // dated by the order's copy, which the write checks against the entry: no read of it
                    payableOn = commissions.reversalPayableOn(order.commissionPayableOn(), at);
                    datedBy = new OrderBook.EntryAsCopied(order.partnerId(), order.commissionId(),
                            order.commissionPayableOn());
                } else {
                    // an order written before it kept a copy: read the entry
                    payableOn = reversalPayableOn(order, ledger.find(order.partnerId(), order.commissionId()), at);
                }
                reversal = new Commission(new CommissionId(ids.newId()), order.partnerId(), CommissionKind.REVERSAL,
                        CommissionStatus.PENDING, reverse.negate(), "refund of " + command.amount() + " on order "
                        + order.orderId() + " (sold for " + order.amount() + "): reverses " + reverse + " of "
                        + order.commission(), command.eventId(), order.orderId(), order.commissionId(), at,
                        payableOn);
                reversedAfter = order.reversed().plus(reverse);
            }
        }
        Attribution attribution = order.partnerId() == null ? null
                : new Attribution(order.partnerId(), Attribution.Path.ORDER, null, null, null);
        return new Plan(new OrderBook.ConversionWrite(conversion(command, attribution, reversal, now),
                order.withRefund(command.amount(), reversedAfter, at), order.version(), null, null,
                reversal == null ? List.of() : List.of(reversal)), datedBy);
    }

    /**
     * With the commission as it stands (an early approval or a payout made it due now); the order's copy of its
     * holding period when the entry is gone.
     */
    private Instant reversalPayableOn(Order order, Optional<Commission> entry, Instant at) {
        return entry.map(stored -> commissions.reversalPayableOn(stored, at))
                .orElseGet(() -> commissions.reversalPayableOn(order.commissionPayableOn(), at));
    }

    private Conversion conversion(ConversionCommand command, Attribution attribution, Commission entry, Instant now) {
        return new Conversion(new ConversionId(ids.newId()), command.eventId(), command.kind(), command.orderId(),
                command.amount(), command.customerExternalId(), command.occurredAt(), now, attribution,
                entry == null ? null : entry.id());
    }
}
