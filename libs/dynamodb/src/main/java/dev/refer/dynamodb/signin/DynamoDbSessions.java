package dev.refer.dynamodb.signin;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.signin.Session;
import dev.refer.core.signin.Sessions;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Backoff;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.partner.PartnerMapper;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code SESSION#{id}} / {@code SESSION}: a portal session (partner, CSRF token, created, last seen) with
 * {@code expiresAt} its absolute end (the table's TTL removes it after). A request reads it and its partner in one
 * consistent BatchGetItem, so a sign-out or a suspension counts from the very next request.
 */
public final class DynamoDbSessions implements Sessions {

    private static final String PARTNER_ID = "partnerId";
    private static final String CSRF = "csrfToken";
    private static final String CREATED_AT = "createdAt";
    private static final String LAST_SEEN_AT = "lastSeenAt";

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbSessions(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void create(Session session) {
        Map<String, AttributeValue> item = ItemBuilder.item(Keys.portalSession(session.id()), ItemType.PORTAL_SESSION)
                .s(PARTNER_ID, session.partnerId().value())
                .s(CSRF, session.csrfToken())
                .instant(CREATED_AT, session.createdAt())
                .instant(LAST_SEEN_AT, session.lastSeenAt())
                .n(DynamoDbSignInLinks.EXPIRES_AT, session.expiresAt().getEpochSecond())
                .build();
        client.putItem(r -> r.tableName(table.tableName()).item(item).conditionExpression("attribute_not_exists(pk)"));
    }

    @Override
    public Optional<Loaded> load(String sessionId, PartnerId partnerId) {
        Map<String, AttributeValue> sessionKey = Keys.portalSession(sessionId);
        Map<String, AttributeValue> partnerKey = Keys.partner(partnerId);
        Map<String, AttributeValue> session = null;
        Map<String, AttributeValue> partner = null;
        List<Map<String, AttributeValue>> pending = List.of(sessionKey, partnerKey);
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            List<Map<String, AttributeValue>> request = pending;
            BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(Map.of(table.tableName(),
                    KeysAndAttributes.builder().keys(request).consistentRead(true).build())));
            for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.tableName(), List.of())) {
                if (item.get(Keys.PK).equals(sessionKey.get(Keys.PK))) {
                    session = item;
                } else if (item.get(Keys.PK).equals(partnerKey.get(Keys.PK))) {
                    partner = item;
                }
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(table.tableName());
            pending = unprocessed == null ? List.of() : new ArrayList<>(unprocessed.keys());
            if (!pending.isEmpty()) {
                if (attempt == 5) {
                    throw new IllegalStateException("BatchGetItem left keys unprocessed after 5 attempts (throttled)");
                }
                Backoff.pause(attempt);
            }
        }
        if (session == null || partner == null) {
            return Optional.empty();
        }
        Session loaded = new Session(sessionId, new PartnerId(Attributes.string(session, PARTNER_ID)),
                Attributes.string(session, CSRF), Attributes.instant(session, CREATED_AT),
                Attributes.instant(session, LAST_SEEN_AT),
                Instant.ofEpochSecond(Attributes.number(session, DynamoDbSignInLinks.EXPIRES_AT)));
        return Optional.of(new Loaded(loaded, Attributes.enumValue(partner, PartnerMapper.STATUS, PartnerStatus.class),
                Attributes.string(partner, "name")));
    }

    @Override
    public void touch(String sessionId, Instant lastSeenAt) {
        try {
            client.updateItem(r -> r.tableName(table.tableName())
                    .key(Keys.portalSession(sessionId))
                    .updateExpression("SET #lastSeenAt = :at")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#lastSeenAt", LAST_SEEN_AT))
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(lastSeenAt.toString()))));
        } catch (ConditionalCheckFailedException e) {
            // signed out meanwhile: the update must not bring it back as a stub
        }
    }

    @Override
    public void delete(String sessionId) {
        client.deleteItem(r -> r.tableName(table.tableName()).key(Keys.portalSession(sessionId)));
    }
}
