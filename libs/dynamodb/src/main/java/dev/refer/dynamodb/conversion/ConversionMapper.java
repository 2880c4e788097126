package dev.refer.dynamodb.conversion;

import dev.refer.core.ledger.CommissionId;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.ConversionId;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.attribution.AttributionMapper;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * {@code CONVERSION#{pid}#{eventId}} / {@code CONVERSION}: keyed by the webhook's event id, which is what makes an
 * event count once. Listed newest first in GSI1 under its partner ({@code PARTNER#{id}#CONVERSIONS}) or, when organic,
 * {@code PROGRAM#{pid}#ORGANIC_CONVERSIONS#{shard}}, by conversion id.
 */
public final class ConversionMapper {

    private ConversionMapper() {
    }

    static Map<String, AttributeValue> toItem(Conversion conversion, ProgramId programId) {
        String listing = conversion.attribution() == null
                ? Keys.organicConversions(programId, conversion.id().value())
                : Keys.conversionsOf(conversion.attribution().partnerId());
        return ItemBuilder.item(Keys.conversion(programId, conversion.eventId()), ItemType.CONVERSION)
                .gsi1(listing, conversion.id().value())
                .s("conversionId", conversion.id().value())
                .s("eventId", conversion.eventId())
                .s("kind", conversion.kind().name())
                .s("orderId", conversion.orderId())
                .money("amount", "currency", conversion.amount())
                .s("customerExternalId", conversion.customerExternalId())
                .instant("occurredAt", conversion.occurredAt())
                .instant("recordedAt", conversion.recordedAt())
                .map("attribution", AttributionMapper.toMap(conversion.attribution()))
                .s("commissionId", conversion.commissionId() == null ? null : conversion.commissionId().value())
                .build();
    }

    public static Conversion fromItem(Map<String, AttributeValue> item) {
        String commissionId = Attributes.optionalString(item, "commissionId");
        return new Conversion(new ConversionId(Attributes.string(item, "conversionId")),
                Attributes.string(item, "eventId"),
                Attributes.enumValue(item, "kind", ConversionKind.class),
                Attributes.string(item, "orderId"),
                Attributes.money(item, "amount", "currency"),
                Attributes.optionalString(item, "customerExternalId"),
                Attributes.instant(item, "occurredAt"),
                Attributes.instant(item, "recordedAt"),
                AttributionMapper.fromMap(Attributes.optionalMap(item, "attribution")),
                commissionId == null ? null : new CommissionId(commissionId));
    }
}
