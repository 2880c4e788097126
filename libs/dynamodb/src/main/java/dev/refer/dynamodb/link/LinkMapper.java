package dev.refer.dynamodb.link;

import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.Map;

/**
 * {@code LINK#{code}} / {@code LINK}, listed newest first in GSI1 {@code PARTNER#{id}#LINKS} by creation time.
 * {@code partnerActive} is the owner's status copied onto the link, so the redirect decides with one read.
 */
public final class LinkMapper {

    static final String ENABLED = "enabled";
    static final String PARTNER_ACTIVE = "partnerActive";

    private LinkMapper() {
    }

    public static Map<String, AttributeValue> toItem(Link link) {
        return ItemBuilder.item(Keys.link(link.code()), ItemType.LINK)
                .gsi1(Keys.linksOf(link.partnerId()), Keys.linkOrder(link.createdAt(), link.code()))
                .s("code", link.code().value())
                .s("partnerId", link.partnerId().value())
                .s("destination", link.destination().toString())
                .s("campaign", link.campaign())
                .bool(ENABLED, link.enabled())
                .bool(PARTNER_ACTIVE, link.partnerActive())
                .instant("createdAt", link.createdAt())
                .build();
    }

    static Link fromItem(Map<String, AttributeValue> item) {
        return new Link(new LinkCode(Attributes.string(item, "code")),
                new PartnerId(Attributes.string(item, "partnerId")),
                URI.create(Attributes.string(item, "destination")),
                Attributes.optionalString(item, "campaign"),
                Attributes.bool(item, ENABLED),
                Attributes.bool(item, PARTNER_ACTIVE),
                Attributes.instant(item, "createdAt"));
    }
}
