package dev.refer.dynamodb;

import dev.refer.core.conversion.Customer;
import dev.refer.core.lead.LeadId;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.ProgramId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** {@code CUSTOMER#{pid}#{externalId}} / {@code CUSTOMER}: a billing customer and the partner that brought it. */
final class CustomerMapper {

    private CustomerMapper() {
    }

    static Map<String, AttributeValue> toItem(Customer customer, ProgramId programId) {
        return ItemBuilder.item(Keys.customer(programId, customer.externalId()), ItemType.CUSTOMER)
                .s("externalId", customer.externalId())
                .s("partnerId", customer.partnerId().value())
                .s("leadId", customer.leadId() == null ? null : customer.leadId().value())
                .instant("since", customer.since())
                .build();
    }

    static Customer fromItem(Map<String, AttributeValue> item) {
        String leadId = Attributes.optionalString(item, "leadId");
        return new Customer(Attributes.string(item, "externalId"),
                new PartnerId(Attributes.string(item, "partnerId")),
                leadId == null ? null : new LeadId(leadId),
                Attributes.instant(item, "since"));
    }
}
