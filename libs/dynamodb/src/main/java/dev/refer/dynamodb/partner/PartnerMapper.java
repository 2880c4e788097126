package dev.refer.dynamodb.partner;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.program.PlanMapper;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * {@code PARTNER#{id}} / {@code PARTNER}, listed newest first in GSI1 {@code PROGRAM#{pid}#PARTNERS} by id; and its
 * email guard {@code PARTNER_EMAIL#{pid}#{email}}, which makes one partner per email address.
 */
public final class PartnerMapper {

    public static final String STATUS = "status";

    private PartnerMapper() {
    }

    public static Map<String, AttributeValue> toItem(Partner partner, ProgramId programId) {
        return ItemBuilder.item(Keys.partner(partner.id()), ItemType.PARTNER)
                .gsi1(Keys.partnersOf(programId), partner.id().value())
                .s("partnerId", partner.id().value())
                .s("name", partner.name())
                .s("email", partner.email().value())
                .s("company", partner.company())
                .s(STATUS, partner.status().name())
                .map("plan", PlanMapper.toMap(partner.planOverride()))
                .instant("createdAt", partner.createdAt())
                .build();
    }

    static Map<String, AttributeValue> emailGuard(Partner partner, ProgramId programId) {
        return ItemBuilder.item(Keys.partnerEmail(programId, partner.email()), ItemType.PARTNER_EMAIL)
                .s("partnerId", partner.id().value())
                .build();
    }

    static Partner fromItem(Map<String, AttributeValue> item) {
        return new Partner(new PartnerId(Attributes.string(item, "partnerId")),
                Attributes.string(item, "name"),
                new EmailAddress(Attributes.string(item, "email")),
                Attributes.optionalString(item, "company"),
                Attributes.enumValue(item, STATUS, PartnerStatus.class),
                PlanMapper.fromMap(Attributes.optionalMap(item, "plan")),
                Attributes.instant(item, "createdAt"));
    }
}
