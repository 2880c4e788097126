package dev.refer.dynamodb.conversion;

import dev.refer.core.basics.money.Money;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.Order;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Currency;
import java.util.Map;

/**
 * {@code ORDER#{pid}#{orderId}} / {@code ORDER}: an order, known by its sale or first by its refunds (billing systems
 * deliver out of order), with the running refunded and reversed totals. Every change replaces the item on the
 * condition that {@code version} is the one the writer read. Amounts: {@code amount} and {@code refunded} in
 * {@code currency}; {@code commission} and {@code reversed} in {@code commissionCurrency}.
 */
public final class OrderMapper {

    public static final String VERSION = "version";
    static final String CURRENCY = "currency";
    static final String COMMISSION_CURRENCY = "commissionCurrency";

    private OrderMapper() {
    }

    public static Map<String, AttributeValue> toItem(Order order, ProgramId programId) {
        ItemBuilder item = ItemBuilder.item(Keys.order(programId, order.orderId()), ItemType.ORDER)
                .s("orderId", order.orderId())
                .n(VERSION, order.version())
                .s("kind", order.kind() == null ? null : order.kind().name())
                .s("saleEventId", order.saleEventId())
                .s("partnerId", order.partnerId() == null ? null : order.partnerId().value())
                .s(CURRENCY, order.currency().getCurrencyCode())
                .n("amount", order.amount() == null ? null : order.amount().minor())
                .n("refunded", order.refunded().minor())
                .n("refundCount", order.refundCount())
                .s("commissionId", order.commissionId() == null ? null : order.commissionId().value())
                .instant("commissionPayableOn", order.commissionPayableOn())
                .instant("changedAt", order.changedAt());
        if (order.commission() != null) {
            item.money("commission", COMMISSION_CURRENCY, order.commission());
        }
        if (order.reversed() != null) {
            item.money("reversed", COMMISSION_CURRENCY, order.reversed());
        }
        return item.build();
    }

    public static Order fromItem(Map<String, AttributeValue> item) {
        String partnerId = Attributes.optionalString(item, "partnerId");
        String commissionId = Attributes.optionalString(item, "commissionId");
        String kind = Attributes.optionalString(item, "kind");
        Currency currency = Money.currency(Attributes.string(item, CURRENCY));
        Long amount = Attributes.optionalNumber(item, "amount");
        return new Order(Attributes.string(item, "orderId"),
                Attributes.number(item, VERSION),
                kind == null ? null : ConversionKind.valueOf(kind),
                Attributes.optionalString(item, "saleEventId"),
                partnerId == null ? null : new PartnerId(partnerId),
                amount == null ? null : new Money(amount, currency),
                currency,
                commissionId == null ? null : new CommissionId(commissionId),
                Attributes.optionalMoney(item, "commission", COMMISSION_CURRENCY),
                Attributes.optionalInstant(item, "commissionPayableOn"),
                new Money(Attributes.number(item, "refunded"), currency),
                Attributes.integer(item, "refundCount"),
                Attributes.optionalMoney(item, "reversed", COMMISSION_CURRENCY),
                Attributes.instant(item, "changedAt"));
    }
}
