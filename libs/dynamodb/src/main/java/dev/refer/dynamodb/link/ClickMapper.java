package dev.refer.dynamodb.link;

import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.table.ItemType;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * {@code CLICK#{clickId}} / {@code CLICK}: small on purpose (the redirect writes one per visit). {@code expiresAt} is
 * epoch seconds, the form DynamoDB's TTL reads; the click counter reads {@code partnerId}, {@code code} and
 * {@code at} from the stream image.
 */
public final class ClickMapper {

    private ClickMapper() {
    }

    public static Map<String, AttributeValue> toItem(Click click) {
        return ItemBuilder.item(Keys.click(click.id()), ItemType.CLICK)
                .s("code", click.code().value())
                .s("partnerId", click.partnerId().value())
                .s("campaign", click.campaign())
                .instant("at", click.at())
                .n("expiresAt", click.expiresAt().getEpochSecond())
                .build();
    }

    public static Click fromItem(Map<String, AttributeValue> item) {
        return new Click(new ClickId(TableKeys.clickIdOf(Attributes.string(item, Keys.PK))),
                new LinkCode(Attributes.string(item, "code")),
                new PartnerId(Attributes.string(item, "partnerId")),
                Attributes.optionalString(item, "campaign"),
                Attributes.instant(item, "at"),
                Instant.ofEpochSecond(Attributes.number(item, "expiresAt")));
    }
}
