package dev.refer.core.conversion;

import dev.refer.core.lead.LeadId;
import dev.refer.core.partner.PartnerId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A billing customer (the billing system's external id), bound to the partner that brought it, or organic when no
 * partner did, by its <b>first purchase as it happened</b> ({@code since}, the purchase's {@code occurredAt}), with
 * that purchase's own evidence. Its later purchases (renewals, further sales) go to the same partner (earning while
 * the partner is active), and an organic customer stays organic whatever code a later sale carries.
 *
 * <p>Billing systems deliver late and out of order, so the purchase recorded first may not be the first that
 * happened. A purchase that occurred before {@code since}, within the attribution window of it, re-binds the customer
 * by its own evidence ({@link #rebindableBy}); the purchases recorded meanwhile then follow the new binding
 * ({@link RecordSale}). To find them, a customer keeps its {@code purchases} (the binding one and those after it) while
 * a re-binding can still arrive: until {@code maxEventAge} after {@code since} (an older event is refused anyway),
 * and for at most {@link #TRACKED_PURCHASES} of them; past either bound {@code purchases} is null and the binding is
 * final.
 *
 * @param partnerId null for an organic customer
 * @param version   0 before it is stored; every change is a compare-and-set on it
 * @param purchases oldest first; null once the binding is final (or for a customer stored before they were kept)
 */
public record Customer(String externalId, PartnerId partnerId, LeadId leadId, Instant since, long version,
                       List<Purchase> purchases) {

    /** How many purchases a young binding keeps track of; a customer that buys more often is bound for good. */
    public static final int TRACKED_PURCHASES = 10;

    /** One purchase of the customer: its order, the event that recorded it and when it happened. */
    public record Purchase(String orderId, String eventId, Instant occurredAt) {
        public Purchase {
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(occurredAt, "occurredAt");
        }
    }

    public Customer {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(since, "since");
        purchases = purchases == null ? null : List.copyOf(purchases);
    }

    /** A customer as stored before purchases were kept: its binding is final. */
    public Customer(String externalId, PartnerId partnerId, LeadId leadId, Instant since) {
        this(externalId, partnerId, leadId, since, 0, null);
    }

    /** A customer bound by its first recorded purchase. */
    public static Customer boundBy(String externalId, PartnerId partnerId, LeadId leadId, Purchase first) {
        return new Customer(externalId, partnerId, leadId, first.occurredAt(), 1, List.of(first));
    }

    public Optional<PartnerId> partner() {
        return Optional.ofNullable(partnerId);
    }

    /**
     * Whether a purchase that occurred at {@code occurredAt} is the customer's first as it happened, within reach of
     * the current binding: before {@code since}, at most {@code window} before it, while the purchases are tracked.
     */
    public boolean rebindableBy(Instant occurredAt, Duration window) {
        return purchases != null && occurredAt.isBefore(since) && !occurredAt.plus(window).isBefore(since);
    }

    /** Whether a later purchase must still be tracked: a re-binding can still arrive (see the class comment). */
    public boolean tracking(Instant now, Duration maxEventAge) {
        return purchases != null && now.isBefore(since.plus(maxEventAge));
    }

    /** The next version with one more purchase that followed the binding (untracked past the limit). */
    public Customer withPurchase(Purchase purchase) {
        return new Customer(externalId, partnerId, leadId, since, version + 1, tracked(purchases, purchase));
    }

    /** The next version, bound by {@code first}, an earlier purchase, to {@code partner} (null: organic). */
    public Customer reboundBy(PartnerId partner, LeadId lead, Purchase first) {
        return new Customer(externalId, partner, lead, first.occurredAt(), version + 1, tracked(purchases, first));
    }

    private static List<Purchase> tracked(List<Purchase> purchases, Purchase added) {
        if (purchases == null || purchases.size() >= TRACKED_PURCHASES) {
            return null;
        }
        List<Purchase> more = new ArrayList<>(purchases);
        more.add(added);
        more.sort(Comparator.comparing(Purchase::occurredAt));
        return more;
    }
}
