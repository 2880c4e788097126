package dev.refer.core.comms.notify;

import dev.refer.core.comms.Topic;
import dev.refer.core.events.DomainEvent;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.mail.NotificationLetter.What;
import dev.refer.core.mail.NotificationLetter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the program's events tell partners and sales: a partner hears of a new lead attributed to it (a lead taken
 * over hears only its new partner), of its lead's status, of a commission earned and of a payout sent; sales hear of
 * each new lead a partner brought. Organic leads and reversals are nobody's news here.
 */
public final class PartnerNews {

    private PartnerNews() {
    }

    /** What the event tells its partner (nothing for an organic lead). */
    public static List<Notification> of(DomainEvent event) {
        return switch (event) {
            case DomainEvent.LeadCaptured captured -> captured.lead().status() == LeadStatus.NEW
                    ? lead(captured.lead(), What.LEAD_NEW, "") : List.of();
            // (a takeover's key names the claim: the lead's first partner may have been told of it under the plain key)
            case DomainEvent.LeadAttributed attributed ->
                    lead(attributed.lead(), What.LEAD_NEW, "#" + attributed.lead().history().size());
            case DomainEvent.LeadReviewed reviewed -> lead(reviewed.lead(), switch (reviewed.lead().status()) {
                case NEW -> What.LEAD_NEW;
                case QUALIFIED -> What.LEAD_QUALIFIED;
                case REJECTED -> What.LEAD_REJECTED;
                case CONVERTED -> What.LEAD_CONVERTED;
            }, "");
            case DomainEvent.CommissionEarned earned -> {
                var entry = earned.commission();
                yield List.of(new Notification("commission#" + entry.id().value(), entry.partnerId(),
                        Topic.COMMISSIONS, new NotificationLetter.Event(What.COMMISSION_EARNED, entry.earnedAt(),
                        entry.orderId() == null ? entry.source() : entry.orderId(), entry.amount(), entry.rule())));
            }
            case DomainEvent.PayoutPaid paid -> List.of(new Notification("payout-sent#" + paid.payout().id().value(),
                    paid.payout().partnerId(), Topic.PAYOUTS, new NotificationLetter.Event(What.PAYOUT_SENT,
                    paid.payout().updatedAt(), paid.payout().period().toString(), paid.payout().amount(),
                    paid.payout().reference())));
            case DomainEvent.CommissionReversed reversed -> List.of();
            // the payout's own email tells of a failure; applicants hear from the onboarding emails
            case DomainEvent.PayoutFailed failed -> List.of();
            case DomainEvent.PartnerApplied applied -> List.of();
            case DomainEvent.PartnerApproved approved -> List.of();
        };
    }

    /** The alert sales get of a new lead a partner brought; empty for any other event. */
    public static Optional<SalesAlert> salesAlert(DomainEvent event) {
        if (event instanceof DomainEvent.LeadCaptured(Lead lead) && lead.attribution() != null
                && lead.status() == LeadStatus.NEW) {
            return Optional.of(new SalesAlert(lead.id().value(), lead.name(), lead.email().value(), lead.company(),
                    lead.attribution().partnerId(), lead.createdAt()));
        }
        return Optional.empty();
    }

    private static List<Notification> lead(Lead lead, What what, String claim) {
        if (lead.attribution() == null) {
            return List.of();
        }
        String about = lead.company() == null || lead.company().isBlank() ? lead.name()
                : lead.name() + " (" + lead.company() + ")";
        String key = what.name().toLowerCase(Locale.ROOT) + "#" + lead.id().value() + claim;
        return List.of(new Notification(key, lead.attribution().partnerId(), Topic.LEADS,
                new NotificationLetter.Event(what, lead.updatedAt() == null ? lead.createdAt() : lead.updatedAt(),
                        about, null, what == What.LEAD_REJECTED ? lead.statusReason() : null)));
    }
}
