package dev.refer.dynamodb;

import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.PartnerId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * {@code PARTNER#{partnerId}} / {@code COMMISSION#{commissionId}}: one append-only ledger entry, beside its partner so
 * a partner's ledger is one Query. Until it is paid it also sits in GSI2 {@code UNPAID#{partnerId}} ordered by the
 * date it becomes payable, the partition the payout worker reads; a paid entry leaves that sparse index.
 */
final class CommissionMapper {

    private CommissionMapper() {
    }

    static Map<String, AttributeValue> toItem(Commission commission) {
        ItemBuilder item = ItemBuilder.item(Keys.commission(commission.partnerId(), commission.id()),
                        ItemType.COMMISSION)
                .s("commissionId", commission.id().value())
                .s("partnerId", commission.partnerId().value())
                .s("kind", commission.kind().name())
                .s("status", commission.status().name())
                .money("amount", "currency", commission.amount())
                .s("rule", commission.rule())
                .s("source", commission.source())
                .s("orderId", commission.orderId())
                .s("reverses", commission.reverses() == null ? null : commission.reverses().value())
                .instant("earnedAt", commission.earnedAt())
                .instant("payableOn", commission.payableOn());
        if (commission.status() != CommissionStatus.PAID) {
            item.gsi2(Keys.unpaid(commission.partnerId()), Keys.unpaidOrder(commission.payableOn(), commission.id()));
        }
        return item.build();
    }

    static Commission fromItem(Map<String, AttributeValue> item) {
        String reverses = Attributes.optionalString(item, "reverses");
        return new Commission(new CommissionId(Attributes.string(item, "commissionId")),
                new PartnerId(Attributes.string(item, "partnerId")),
                Attributes.enumValue(item, "kind", CommissionKind.class),
                Attributes.enumValue(item, "status", CommissionStatus.class),
                Attributes.money(item, "amount", "currency"),
                Attributes.string(item, "rule"),
                Attributes.string(item, "source"),
                Attributes.optionalString(item, "orderId"),
                reverses == null ? null : new CommissionId(reverses),
                Attributes.instant(item, "earnedAt"),
                Attributes.instant(item, "payableOn"));
    }
}
