package dev.refer.dynamodb.attribution;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/**
 * Who got the credit for a lead or conversion, as a map attribute
 * {@code {partnerId, path, code?, clickId?, campaign?, subIds?}} ({@code subIds}: the click's recorded sub-id values,
 * a map of strings, absent when none).
 */
public final class AttributionMapper {

    private AttributionMapper() {
    }

    public static Map<String, AttributeValue> toMap(Attribution attribution) {
        if (attribution == null) {
            return null;
        }
        return ItemBuilder.map()
                .s("partnerId", attribution.partnerId().value())
                .s("path", attribution.path().name())
                .s("code", attribution.code() == null ? null : attribution.code().value())
                .s("clickId", attribution.clickId() == null ? null : attribution.clickId().value())
                .s("campaign", attribution.campaign())
                .map("subIds", dev.refer.dynamodb.link.ClickMapper.subIdMap(attribution.subIds()))
                .build();
    }

    public static Attribution fromMap(Map<String, AttributeValue> map) {
        if (map == null) {
            return null;
        }
        String code = Attributes.optionalString(map, "code");
        String clickId = Attributes.optionalString(map, "clickId");
        return new Attribution(new PartnerId(Attributes.string(map, "partnerId")),
                Attributes.enumValue(map, "path", Attribution.Path.class),
                code == null ? null : new LinkCode(code),
                clickId == null ? null : new ClickId(clickId),
                Attributes.optionalString(map, "campaign"),
                dev.refer.dynamodb.link.ClickMapper.subIdsOf(Attributes.optionalMap(map, "subIds")));
    }
}
