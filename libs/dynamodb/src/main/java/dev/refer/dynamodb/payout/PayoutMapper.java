package dev.refer.dynamodb.payout;

import dev.refer.core.basics.money.Money;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.payout.PayoutStatus;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.YearMonth;
import java.util.Map;

/**
 * {@code PARTNER#{partnerId}} / {@code PAYOUT#{period}#{currency}}: a payout beside its partner (a partner's history
 * is one Query), and in GSI1 under its period ({@code PROGRAM#{pid}#PAYOUTS#{period}}, by partner): the period's
 * listing and CSV.
 */
public final class PayoutMapper {

    static final String AMOUNT = "amountMinor";
    static final String COUNT = "entryCount";
    static final String STATUS = "status";

    private PayoutMapper() {
    }

    public static Map<String, AttributeValue> toItem(Payout payout, ProgramId programId) {
        return ItemBuilder.item(Keys.payout(payout.id()), ItemType.PAYOUT)
                .s("payoutId", payout.id().value())
                .s("partnerId", payout.partnerId().value())
                .s("period", payout.period().toString())
                .money(AMOUNT, "currency", payout.amount())
                .n(COUNT, payout.entryCount())
                .s(STATUS, payout.status().name())
                .instant("cutoff", payout.cutoff())
                .instant("createdAt", payout.createdAt())
                .instant("updatedAt", payout.updatedAt())
                .s("reference", payout.reference())
                .s("failureReason", payout.failureReason())
                .bool("returned", payout.returned())
                .gsi1(Keys.payoutsIn(programId, payout.period()),
                        payout.partnerId().value() + "#" + payout.amount().currency().getCurrencyCode())
                .build();
    }

    public static Payout fromItem(Map<String, AttributeValue> item) {
        return new Payout(new PayoutId(Attributes.string(item, "payoutId")),
                new PartnerId(Attributes.string(item, "partnerId")),
                YearMonth.parse(Attributes.string(item, "period")),
                Attributes.money(item, AMOUNT, "currency"),
                Attributes.integer(item, COUNT),
                Attributes.enumValue(item, STATUS, PayoutStatus.class),
                Attributes.instant(item, "cutoff"),
                Attributes.instant(item, "createdAt"),
                Attributes.instant(item, "updatedAt"),
                Attributes.optionalString(item, "reference"),
                Attributes.optionalString(item, "failureReason"),
                item.containsKey("returned") && Attributes.bool(item, "returned"));
    }

    static Money zero(PayoutId id) {
        return Money.zero(id.currency());
    }
}
