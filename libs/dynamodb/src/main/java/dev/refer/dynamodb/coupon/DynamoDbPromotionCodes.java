package dev.refer.dynamodb.coupon;

import dev.refer.core.coupon.PromotionCode;
import dev.refer.core.coupon.PromotionCodes;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import dev.refer.table.ItemType;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.util.Map;
import java.util.Optional;

/**
 * Promotion codes tied to referral codes: one {@code PROMOTION_CODE} item per promotion code id, written once
 * ({@code attribute_not_exists}; a refused write returns the holder, ALL_OLD, so no second read), read by one GetItem.
 */
public final class DynamoDbPromotionCodes implements PromotionCodes {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbPromotionCodes(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    /** Eventually consistent: the sales cache it anyway, and a tie is never changed. */
    @Override
    public Optional<PromotionCode> find(String promotionCodeId) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(key(promotionCodeId)));
        return response.hasItem() ? Optional.of(fromItem(response.item())) : Optional.empty();
    }

    @Override
    public Optional<PromotionCode> tie(PromotionCode tie) {
        Map<String, AttributeValue> item = ItemBuilder.item(key(tie.id()), ItemType.PROMOTION_CODE)
                .s("promotionCodeId", tie.id())
                .s("code", tie.code().value())
                .s("partnerId", tie.partnerId().value())
                .instant("tiedAt", tie.tiedAt())
                .build();
        try {
            client.putItem(request -> request
                    .tableName(table.tableName())
                    .item(item)
                    .conditionExpression(Writes.KEY_IS_FREE)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return Optional.of(e.hasItem() ? fromItem(e.item()) : find(tie.id()).orElseThrow());
        }
    }

    private Map<String, AttributeValue> key(String promotionCodeId) {
        return Keys.key(TableKeys.promotionCode(table.programId().value(), promotionCodeId));
    }

    private static PromotionCode fromItem(Map<String, AttributeValue> item) {
        return new PromotionCode(Attributes.string(item, "promotionCodeId"),
                new LinkCode(Attributes.string(item, "code")), new PartnerId(Attributes.string(item, "partnerId")),
                Attributes.instant(item, "tiedAt"));
    }
}
