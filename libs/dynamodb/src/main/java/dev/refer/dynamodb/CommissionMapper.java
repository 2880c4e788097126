package dev.refer.dynamodb;

import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.PartnerId;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * {@code PARTNER#{partnerId}} / {@code COMMISSION#{commissionId}}: one append-only ledger entry, beside its partner so
 * a partner's ledger is one Query. In GSI2 by the date it becomes due: under {@code UNPAID#{partnerId}} until paid
 * (the partition the payout run reads), then under {@code PAYOUT#{payoutId}} (its statement's and a failed payout's).
 */
public final class CommissionMapper {

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
                .instant("payableOn", commission.payableOn())
                .instant("approvedAt", commission.approvedAt())
                .s("payoutId", commission.payoutId())
                .instant("voidedAt", commission.voidedAt());
        item.gsi2(gsi2pk(commission), Keys.unpaidOrder(commission.dueAt(), commission.id()));
        return item.build();
    }

    /** Unpaid: the partner's {@code UNPAID#} partition the payout run reads; paid: its payout's. */
    static String gsi2pk(Commission commission) {
        return commission.paid() ? Keys.paidBy(commission.payoutId()) : Keys.unpaid(commission.partnerId());
    }

    public static Commission fromItem(Map<String, AttributeValue> item) {
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
                Attributes.instant(item, "payableOn"),
                Attributes.optionalInstant(item, "approvedAt"),
                Attributes.optionalString(item, "payoutId"),
                Attributes.optionalInstant(item, "voidedAt"));
    }
}
