package dev.refer.core.outbound;

import dev.refer.core.events.Applicant;
import dev.refer.core.events.DomainEvent;
import dev.refer.core.lead.Lead;
import dev.refer.core.ledger.Commission;
import dev.refer.core.payout.Payout;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A domain event as the company's endpoints receive it: a type of the fixed list, when it happened, and its data.
 * The id is the event's own, the same however often the stream delivers the change: the type and the subject's id
 * (a lead is captured, qualified, rejected and converted once each; a ledger entry is written once; a payout is paid
 * once), so it keys the delivery record that makes the fan-out exactly-once and is the {@code webhook-id} receivers
 * dedupe by.
 */
public record WebhookEvent(String id, EventType type, Instant occurredAt, Map<String, Object> data) {

    public WebhookEvent {
        data = Map.copyOf(data);
    }

    public static Optional<WebhookEvent> of(DomainEvent event) {
        return EventType.of(event).map(type -> switch (event) {
            case DomainEvent.LeadCaptured captured -> lead(type, captured.lead(), captured.lead().createdAt());
            case DomainEvent.LeadAttributed attributed -> lead(type, attributed.lead(), attributed.lead().updatedAt());
            case DomainEvent.LeadReviewed reviewed -> lead(type, reviewed.lead(), reviewed.lead().updatedAt());
            case DomainEvent.CommissionEarned earned -> commission(type, earned.commission());
            case DomainEvent.CommissionReversed reversed -> commission(type, reversed.reversal());
            case DomainEvent.PayoutPaid paid -> payout(type, paid.payout());
            case DomainEvent.PayoutFailed failed -> payout(type, failed.payout());
            case DomainEvent.PartnerApplied applied -> application(type, applied.applicant(),
                    applied.applicant().createdAt());
            case DomainEvent.PartnerApproved approved -> application(type, approved.applicant(),
                    approved.applicant().decidedAt() == null ? approved.applicant().createdAt()
                            : approved.applicant().decidedAt());
        });
    }

    /** The company's own lead, with its contact details: the CRM is where they belong. */
    private static WebhookEvent lead(EventType type, Lead lead, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("leadId", lead.id().value());
        data.put("email", lead.email().value());
        putIfPresent(data, "name", lead.name());
        putIfPresent(data, "company", lead.company());
        data.put("status", lead.status().name().toLowerCase(java.util.Locale.ROOT));
        if (lead.attribution() != null) {
            data.put("partnerId", lead.attribution().partnerId().value());
            if (lead.attribution().code() != null) {
                data.put("code", lead.attribution().code().value());
            }
        }
        putIfPresent(data, "reason", lead.statusReason());
        return new WebhookEvent(type.wireName() + "." + lead.id().value(), type, at, data);
    }

    private static WebhookEvent commission(EventType type, Commission c) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("commissionId", c.id().value());
        data.put("partnerId", c.partnerId().value());
        data.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        data.put("amountMinor", c.amount().minor());
        data.put("currency", c.amount().currency().getCurrencyCode());
        putIfPresent(data, "orderId", c.orderId());
        if (c.reverses() != null) {
            data.put("reverses", c.reverses().value());
        }
        return new WebhookEvent(type.wireName() + "." + c.id().value(), type, c.earnedAt(), data);
    }

    private static WebhookEvent payout(EventType type, Payout p) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payoutId", p.id().value());
        data.put("partnerId", p.partnerId().value());
        data.put("period", p.period().toString());
        data.put("amountMinor", p.amount().minor());
        data.put("currency", p.amount().currency().getCurrencyCode());
        putIfPresent(data, "reference", p.reference());
        putIfPresent(data, "reason", p.failureReason());
        return new WebhookEvent(type.wireName() + "." + p.id().value(), type, p.updatedAt(), data);
    }

    /** What the applicant told the public form, and the partner an approval made. */
    private static WebhookEvent application(EventType type, Applicant a, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("applicationId", a.applicationId());
        data.put("name", a.name());
        data.put("email", a.email());
        putIfPresent(data, "company", a.company());
        putIfPresent(data, "website", a.website());
        data.put("country", a.country());
        data.put("channels", a.channels());
        putIfPresent(data, "audience", a.audience());
        putIfPresent(data, "reference", a.reference());
        data.put("status", a.status());
        if (a.partnerId() != null) {
            data.put("partnerId", a.partnerId().value());
        }
        return new WebhookEvent(type.wireName() + "." + a.applicationId(), type, at, data);
    }

    private static void putIfPresent(Map<String, Object> data, String name, String value) {
        if (value != null) {
            data.put(name, value);
        }
    }
}
