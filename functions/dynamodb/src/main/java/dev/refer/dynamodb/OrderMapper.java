package dev.refer.dynamodb;

import dev.refer.core.commission.CommissionId;
import dev.refer.core.conversion.Order;
import dev.refer.core.money.Money;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.ProgramId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * {@code ORDER#{pid}#{orderId}} / {@code ORDER}: a sale, its commission and the running refunded and reversed totals
 * that refunds compare-and-set. {@code refunded} is in the order's {@code currency}; {@code commission} and
 * {@code reversed} in {@code commissionCurrency}.
 */
final class OrderMapper {

    static final String REFUNDED = "refunded";
    static final String REVERSED = "reversed";
    static final String CURRENCY = "currency";
    static final String COMMISSION_CURRENCY = "commissionCurrency";

    private OrderMapper() {
    }

    static Map<String, AttributeValue> toItem(Order order, ProgramId programId) {
        ItemBuilder item = ItemBuilder.item(Keys.order(programId, order.orderId()), ItemType.ORDER)
                .s("orderId", order.orderId())
                .s("partnerId", order.partnerId() == null ? null : order.partnerId().value())
                .money("amount", CURRENCY, order.amount())
                .s("commissionId", order.commissionId() == null ? null : order.commissionId().value())
                .instant("commissionPayableOn", order.commissionPayableOn())
                .n(REFUNDED, order.refunded().minor());
        if (order.commission() != null) {
            item.money("commission", COMMISSION_CURRENCY, order.commission());
        }
        if (order.reversed() != null) {
            item.money(REVERSED, COMMISSION_CURRENCY, order.reversed());
        }
        return item.build();
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        String partnerId = Attributes.optionalString(item, "partnerId");
        String commissionId = Attributes.optionalString(item, "commissionId");
        Money amount = Attributes.money(item, "amount", CURRENCY);
        return new Order(Attributes.string(item, "orderId"),
                partnerId == null ? null : new PartnerId(partnerId),
                amount,
                commissionId == null ? null : new CommissionId(commissionId),
                Attributes.optionalMoney(item, "commission", COMMISSION_CURRENCY),
                Attributes.optionalInstant(item, "commissionPayableOn"),
                new Money(Attributes.number(item, REFUNDED), amount.currency()),
                Attributes.optionalMoney(item, REVERSED, COMMISSION_CURRENCY));
    }
}
