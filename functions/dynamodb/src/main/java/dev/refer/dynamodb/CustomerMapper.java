package dev.refer.dynamodb;

import dev.refer.core.conversion.Customer;
import dev.refer.core.lead.LeadId;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.ProgramId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * {@code CUSTOMER#{pid}#{externalId}} / {@code CUSTOMER}: a billing customer and the partner that brought it, or no
 * {@code partnerId} for an organic customer (recorded too, so a later sale cannot make it a partner's).
 */
final class CustomerMapper {

    private CustomerMapper() {
    }

    static Map<String, AttributeValue> toItem(Customer customer, ProgramId programId) {
        return ItemBuilder.item(Keys.customer(programId, customer.externalId()), ItemType.CUSTOMER)
                .s("externalId", customer.externalId())
                .s("partnerId", customer.partnerId() == null ? null : customer.partnerId().value())
                .s("leadId", customer.leadId() == null ? null : customer.leadId().value())
                .instant("since", customer.since())
                .build();
    }

    static Customer fromItem(Map<String, AttributeValue> item) {
        String leadId = Attributes.optionalString(item, "leadId");
        String partnerId = Attributes.optionalString(item, "partnerId");
        return new Customer(Attributes.string(item, "externalId"),
                partnerId == null ? null : new PartnerId(partnerId),
                leadId == null ? null : new LeadId(leadId),
                Attributes.instant(item, "since"));
    }
}
