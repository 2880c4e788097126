package dev.refer.dynamodb.conversion;

import dev.refer.core.conversion.Customer;
import dev.refer.core.lead.LeadId;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * {@code CUSTOMER#{pid}#{externalId}} / {@code CUSTOMER}: a billing customer and the partner that brought it, or no
 * {@code partnerId} for an organic customer (recorded too, so a later sale cannot make it a partner's). {@code since}
 * is when its binding purchase happened; {@code version} is compare-and-set by every change; {@code purchases}
 * ({@code [{orderId, eventId, occurredAt}]}) are the purchases an earlier one arriving late would re-bind, absent once
 * the binding is final (and on customers stored before re-binding existed).
 */
final class CustomerMapper {

    static final String VERSION = "version";
    static final String PURCHASES = "purchases";

    private CustomerMapper() {
    }

    static Map<String, AttributeValue> toItem(Customer customer, ProgramId programId) {
        ItemBuilder item = ItemBuilder.item(Keys.customer(programId, customer.externalId()), ItemType.CUSTOMER)
                .s("externalId", customer.externalId())
                .s("partnerId", customer.partnerId() == null ? null : customer.partnerId().value())
                .s("leadId", customer.leadId() == null ? null : customer.leadId().value())
                .instant("since", customer.since())
                .n(VERSION, customer.version());
        if (customer.purchases() != null) {
            item.maps(PURCHASES, customer.purchases().stream().map(purchase -> ItemBuilder.map()
                    .s("orderId", purchase.orderId())
                    .s("eventId", purchase.eventId())
                    .instant("occurredAt", purchase.occurredAt())
                    .build()).toList());
        }
        return item.build();
    }

    static Customer fromItem(Map<String, AttributeValue> item) {
        String leadId = Attributes.optionalString(item, "leadId");
        String partnerId = Attributes.optionalString(item, "partnerId");
        Long version = Attributes.optionalNumber(item, VERSION);
        AttributeValue purchases = item.get(PURCHASES);
        return new Customer(Attributes.string(item, "externalId"),
                partnerId == null ? null : new PartnerId(partnerId),
                leadId == null ? null : new LeadId(leadId),
                Attributes.instant(item, "since"),
                version == null ? 0 : version,
                purchases == null || !purchases.hasL() ? null : purchases.l().stream()
                        .map(AttributeValue::m)
                        .map(p -> new Customer.Purchase(Attributes.string(p, "orderId"),
                                Attributes.string(p, "eventId"), Attributes.instant(p, "occurredAt")))
                        .toList());
    }
}
