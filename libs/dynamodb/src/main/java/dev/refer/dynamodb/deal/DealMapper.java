package dev.refer.dynamodb.deal;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.deal.CompanyDomain;
import dev.refer.core.deal.Deal;
import dev.refer.core.deal.DealClaim;
import dev.refer.core.deal.DealId;
import dev.refer.core.deal.DealStatus;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.table.ItemType;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.Map;

/**
 * A registration's item ({@code DEAL}) and its domain's guard ({@code DEAL_DOMAIN}). The guard repeats what the
 * attribution paths need (holder, status, life) so they read one small item by the email's domain; {@code validUntilMs}
 * (a number) is what the conditional writes compare with the time. {@code validUntil} is not the table's TTL
 * attribute: a guard is removed by TTL ({@code expiresAt}) only a week after it stopped holding its domain.
 */
public final class DealMapper {

    static final String DEAL_ID = "dealId";
    static final String PARTNER_ID = "partnerId";
    static final String DOMAIN = "domain";
    static final String STATUS = "status";
    static final String REGISTERED_AT = "registeredAt";
    static final String VALID_UNTIL = "validUntil";
    static final String VALID_UNTIL_MS = "validUntilMs";
    static final String TTL = "expiresAt";
    private static final Duration GUARD_KEPT = Duration.ofDays(7);

    private DealMapper() {
    }

    static Map<String, AttributeValue> dealKey(DealId id) {
        return Keys.key(TableKeys.deal(id.value()));
    }

    public static Map<String, AttributeValue> guardKey(ProgramId programId, CompanyDomain domain) {
        return Keys.key(TableKeys.dealDomain(programId.value(), domain.value()));
    }

    static Map<String, AttributeValue> toItem(Deal deal, ProgramId programId) {
        var order = deal.status() == DealStatus.REJECTED ? deal.decidedAt() : deal.expiresAt();
        return ItemBuilder.item(dealKey(deal.id()), ItemType.DEAL)
                .s(DEAL_ID, deal.id().value())
                .s(PARTNER_ID, deal.partnerId().value())
                .s(DOMAIN, deal.domain().value())
                .s("companyName", deal.companyName())
                .s("contactName", deal.contactName())
                .s("contactEmail", deal.contactEmail() == null ? null : deal.contactEmail().value())
                .s("notes", deal.notes())
                .s(STATUS, deal.status().name())
                .instant(REGISTERED_AT, deal.registeredAt())
                .instant(VALID_UNTIL, deal.expiresAt())
                .n(VALID_UNTIL_MS, deal.expiresAt().toEpochMilli())
                .instant("decidedAt", deal.decidedAt())
                .s("reason", deal.reason())
                .gsi1(TableKeys.dealsOf(deal.partnerId().value()), deal.id().value())
                .gsi2(TableKeys.dealsIn(programId.value(), deal.status().name()),
                        TableKeys.dealOrder(order, deal.id().value()))
                .build();
    }

    static Deal fromItem(Map<String, AttributeValue> item) {
        String contactEmail = Attributes.optionalString(item, "contactEmail");
        return new Deal(new DealId(Attributes.string(item, DEAL_ID)),
                new PartnerId(Attributes.string(item, PARTNER_ID)),
                new CompanyDomain(Attributes.string(item, DOMAIN)),
                Attributes.string(item, "companyName"),
                Attributes.optionalString(item, "contactName"),
                contactEmail == null ? null : new EmailAddress(contactEmail),
                Attributes.optionalString(item, "notes"),
                DealStatus.valueOf(Attributes.string(item, STATUS)),
                Attributes.instant(item, REGISTERED_AT),
                Attributes.instant(item, VALID_UNTIL),
                Attributes.optionalInstant(item, "decidedAt"),
                Attributes.optionalString(item, "reason"));
    }

    static Map<String, AttributeValue> toGuard(DealClaim claim, ProgramId programId) {
        return ItemBuilder.item(guardKey(programId, claim.domain()), ItemType.DEAL_DOMAIN)
                .s(DEAL_ID, claim.dealId().value())
                .s(PARTNER_ID, claim.partnerId().value())
                .s(DOMAIN, claim.domain().value())
                .s(STATUS, claim.status().name())
                .instant(REGISTERED_AT, claim.registeredAt())
                .instant(VALID_UNTIL, claim.expiresAt())
                .n(VALID_UNTIL_MS, claim.expiresAt().toEpochMilli())
                .n(TTL, claim.expiresAt().plus(GUARD_KEPT).getEpochSecond())
                .build();
    }

    public static DealClaim fromGuard(Map<String, AttributeValue> item) {
        return new DealClaim(new DealId(Attributes.string(item, DEAL_ID)),
                new PartnerId(Attributes.string(item, PARTNER_ID)),
                new CompanyDomain(Attributes.string(item, DOMAIN)),
                DealStatus.valueOf(Attributes.string(item, STATUS)),
                Attributes.instant(item, REGISTERED_AT),
                Attributes.instant(item, VALID_UNTIL));
    }
}
