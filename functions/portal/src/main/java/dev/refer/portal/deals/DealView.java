package dev.refer.portal.deals;

import dev.refer.core.deal.Deal;
import dev.refer.core.deal.DealStatus;

import java.time.Instant;

/** One registration as the deals page prints it (plain strings; the template escapes them). */
public record DealView(String id, String company, String domain, String contact, String status, String registered,
                       String until, String reason) {

    static DealView of(Deal deal, Instant now) {
        DealStatus status = deal.statusAt(now);
        String label = switch (status) {
            case PENDING -> "Pending review";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case EXPIRED -> "Expired";
        };
        String contact = deal.contactName() == null ? "" : deal.contactName();
        if (deal.contactEmail() != null) {
            contact = contact.isEmpty() ? deal.contactEmail().value() : contact + " <" + deal.contactEmail().value()
                    + ">";
        }
        return new DealView(deal.id().value(), deal.companyName(), deal.domain().value(), contact, label,
                day(deal.registeredAt()), status == DealStatus.REJECTED ? "" : day(deal.expiresAt()),
                deal.reason() == null ? "" : deal.reason());
    }

    private static String day(Instant at) {
        return at.toString().substring(0, 10);
    }
}
