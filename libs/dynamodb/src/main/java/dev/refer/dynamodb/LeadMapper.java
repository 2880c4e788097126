package dev.refer.dynamodb;

import dev.refer.core.conversion.Evidence;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.program.ProgramId;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code LEAD#{leadId}} / {@code LEAD}, listed newest first in GSI1 under its partner ({@code PARTNER#{id}#LEADS})
 * or, when organic, under {@code PROGRAM#{pid}#ORGANIC_LEADS#{shard}}; and its email guard
 * {@code LEAD_EMAIL#{pid}#{email}}, which makes one lead per email address and holds what a billing event needs to
 * weigh the lead as evidence (its id, status, attribution and capture time), so a sale reads it in the same round
 * trip as its other evidence. The guard's status moves with the lead's, in the same transactions. An organic lead
 * and its guard carry {@code expiresAt} (TTL) until reviewed. {@code claims} is the lead's history of claims
 * ({@code [{attribution?, at}]}, oldest first; a takeover appends one, and its length is what a takeover or a review
 * compares and sets); the guard's {@code attributedAt} is the holding claim's time (the window of the lead as
 * evidence counts from it).
 */
public final class LeadMapper {

    static final String STATUS = "status";
    static final String STATUS_REASON = "statusReason";
    static final String UPDATED_AT = "updatedAt";
    static final String LEAD_ID = "leadId";
    static final String EXPIRES_AT = "expiresAt";
    static final String CLAIMS = "claims";
    static final String ATTRIBUTION = "attribution";
    static final String ATTRIBUTED_AT = "attributedAt";

    private LeadMapper() {
    }

    static Map<String, AttributeValue> toItem(Lead lead, ProgramId programId) {
        String listing = lead.attribution() == null ? Keys.organicLeads(programId, lead.id().value())
                : Keys.leadsOf(lead.attribution().partnerId());
        ItemBuilder item = ItemBuilder.item(Keys.lead(lead.id()), ItemType.LEAD)
                .gsi1(listing, lead.id().value())
                .s(LEAD_ID, lead.id().value())
                .s("email", lead.email().value())
                .s("name", lead.name())
                .s("company", lead.company())
                .s("phone", lead.phone())
                .s("message", lead.message())
                .s(STATUS, lead.status().name())
                .map("attribution", AttributionMapper.toMap(lead.attribution()))
                .s(STATUS_REASON, lead.statusReason())
                .instant("createdAt", lead.createdAt())
                .instant(UPDATED_AT, lead.updatedAt())
                .n(EXPIRES_AT, lead.expiresAt() == null ? null : lead.expiresAt().getEpochSecond())
                .maps(CLAIMS, lead.history().stream().map(LeadMapper::claim).toList());
        if (lead.reward() != null) {
            item.s("rewardCommissionId", lead.reward().commissionId().value())
                    .money("rewardAmount", "rewardCurrency", lead.reward().amount())
                    .instant("rewardPayableOn", lead.reward().payableOn());
        }
        return item.build();
    }

    static Map<String, AttributeValue> emailGuard(Lead lead, ProgramId programId) {
        return ItemBuilder.item(Keys.leadEmail(programId, lead.email()), ItemType.LEAD_EMAIL)
                .s(LEAD_ID, lead.id().value())
                .s(STATUS, lead.status().name())
                .map("attribution", AttributionMapper.toMap(lead.attribution()))
                .instant("createdAt", lead.createdAt())
                .instant(ATTRIBUTED_AT, lead.attributedAt())
                .n(EXPIRES_AT, lead.expiresAt() == null ? null : lead.expiresAt().getEpochSecond())
                .build();
    }

    private static Map<String, AttributeValue> claim(Lead.Claim claim) {
        return ItemBuilder.map()
                .map(ATTRIBUTION, AttributionMapper.toMap(claim.attribution()))
                .instant("at", claim.at())
                .build();
    }

    /** The stored claims, oldest first; empty for a lead stored before claims were kept. */
    private static List<Lead.Claim> claims(Map<String, AttributeValue> item) {
        AttributeValue claims = item.get(CLAIMS);
        if (claims == null || !claims.hasL()) {
            return List.of();
        }
        return claims.l().stream()
                .map(AttributeValue::m)
                .map(claim -> new Lead.Claim(AttributionMapper.fromMap(Attributes.optionalMap(claim, ATTRIBUTION)),
                        Attributes.instant(claim, "at")))
                .toList();
    }

    public static Lead fromItem(Map<String, AttributeValue> item) {
        String rewardId = Attributes.optionalString(item, "rewardCommissionId");
        Long expiresAt = Attributes.optionalNumber(item, EXPIRES_AT);
        return new Lead(new LeadId(Attributes.string(item, LEAD_ID)),
                new EmailAddress(Attributes.string(item, "email")),
                Attributes.optionalString(item, "name"),
                Attributes.optionalString(item, "company"),
                Attributes.optionalString(item, "phone"),
                Attributes.optionalString(item, "message"),
                Attributes.enumValue(item, STATUS, LeadStatus.class),
                AttributionMapper.fromMap(Attributes.optionalMap(item, "attribution")),
                Attributes.optionalString(item, STATUS_REASON),
                Attributes.instant(item, "createdAt"),
                Attributes.instant(item, UPDATED_AT),
                rewardId == null ? null : new Lead.Reward(new CommissionId(rewardId),
                        Attributes.money(item, "rewardAmount", "rewardCurrency"),
                        Attributes.instant(item, "rewardPayableOn")),
                expiresAt == null ? null : Instant.ofEpochSecond(expiresAt),
                claims(item));
    }

    /** The lead as its email guard holds it, or null when the guard predates the denormalized fields. */
    static Evidence.LeadEvidence fromGuard(Map<String, AttributeValue> guard, EmailAddress email) {
        if (Attributes.optionalString(guard, STATUS) == null) {
            return null;
        }
        return new Evidence.LeadEvidence(new LeadId(Attributes.string(guard, LEAD_ID)), email,
                Attributes.enumValue(guard, STATUS, LeadStatus.class),
                AttributionMapper.fromMap(Attributes.optionalMap(guard, "attribution")),
                Attributes.optionalInstant(guard, ATTRIBUTED_AT) == null ? Attributes.instant(guard, "createdAt")
                        : Attributes.instant(guard, ATTRIBUTED_AT));
    }
}
