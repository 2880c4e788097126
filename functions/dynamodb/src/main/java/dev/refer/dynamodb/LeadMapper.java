package dev.refer.dynamodb;

import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.program.ProgramId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * {@code LEAD#{leadId}} / {@code LEAD}, listed newest first in GSI1 under its partner ({@code PARTNER#{id}#LEADS})
 * or, when organic, under {@code PROGRAM#{pid}#ORGANIC_LEADS}; and its email guard {@code LEAD_EMAIL#{pid}#{email}},
 * which holds the lead id and makes one lead per email address.
 */
final class LeadMapper {

    static final String STATUS = "status";
    static final String STATUS_REASON = "statusReason";
    static final String UPDATED_AT = "updatedAt";
    static final String LEAD_ID = "leadId";

    private LeadMapper() {
    }

    static Map<String, AttributeValue> toItem(Lead lead, ProgramId programId) {
        String listing = lead.attribution() == null ? Keys.organicLeads(programId)
                : Keys.leadsOf(lead.attribution().partnerId());
        return ItemBuilder.item(Keys.lead(lead.id()), ItemType.LEAD)
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
                .build();
    }

    static Map<String, AttributeValue> emailGuard(Lead lead, ProgramId programId) {
        return ItemBuilder.item(Keys.leadEmail(programId, lead.email()), ItemType.LEAD_EMAIL)
                .s(LEAD_ID, lead.id().value())
                .build();
    }

    static Lead fromItem(Map<String, AttributeValue> item) {
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
                Attributes.instant(item, UPDATED_AT));
    }
}
