package dev.refer.core.outbound;

import dev.refer.core.events.DomainEvent;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The event types an outbound webhook endpoint can subscribe to, as they are spelled on the wire (the payload's
 * {@code type}). A fixed list: the company's CRM codes against these names, so a name is never renamed. Each maps
 * onto the domain events the table's stream carries ({@link #of(DomainEvent)}).
 */
public enum EventType {
    PARTNER_APPLIED("partner.applied"),
    PARTNER_APPROVED("partner.approved"),
    LEAD_CAPTURED("lead.captured"),
    LEAD_QUALIFIED("lead.qualified"),
    LEAD_REJECTED("lead.rejected"),
    SALE_ATTRIBUTED("sale.attributed"),
    COMMISSION_EARNED("commission.earned"),
    COMMISSION_REVERSED("commission.reversed"),
    PAYOUT_PAID("payout.paid"),
    PAYOUT_FAILED("payout.failed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    /** The wire names, in the list's order (for the problem that names the choices). */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).toList();
    }

    /**
     * The type a domain event is delivered as, if any. A sale attributed is a lead's conversion (the referred
     * customer's first sale recorded for the lead's partner); a new lead taken over by stronger evidence is not news
     * of its own for the CRM (its capture was).
     */
    public static Optional<EventType> of(DomainEvent event) {
        return switch (event) {
            case DomainEvent.LeadCaptured captured -> Optional.of(LEAD_CAPTURED);
            case DomainEvent.LeadAttributed attributed -> Optional.empty();
            case DomainEvent.LeadReviewed reviewed -> switch (reviewed.lead().status()) {
                case QUALIFIED -> Optional.of(LEAD_QUALIFIED);
                case REJECTED -> Optional.of(LEAD_REJECTED);
                case CONVERTED -> Optional.of(SALE_ATTRIBUTED);
                case NEW -> Optional.empty();
            };
            case DomainEvent.CommissionEarned earned -> Optional.of(COMMISSION_EARNED);
            case DomainEvent.CommissionReversed reversed -> Optional.of(COMMISSION_REVERSED);
            case DomainEvent.PayoutPaid paid -> Optional.of(PAYOUT_PAID);
            case DomainEvent.PayoutFailed failed -> Optional.of(PAYOUT_FAILED);
            case DomainEvent.PartnerApplied applied -> Optional.of(PARTNER_APPLIED);
            case DomainEvent.PartnerApproved approved -> Optional.of(PARTNER_APPROVED);
        };
    }
}
