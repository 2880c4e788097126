package dev.refer.dynamodb.comms;

import dev.refer.core.comms.Topic;
import dev.refer.core.comms.notify.DigestBook;
import dev.refer.core.comms.notify.Notification;
import dev.refer.core.comms.notify.SalesAlert;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Backoff;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import dev.refer.table.SortableTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Digest notifications: each one an item {@code PARTNER#{id}} / {@code DIGEST#{day}#{topic}#E#{key}} (the same
 * notification twice is one item), and a marker {@code PARTNER#{id}} / {@code DIGEST#{day}#{topic}} that lists the
 * partner in GSI1 {@code PROGRAM#{pid}#DIGESTS#{day}#{topic}} for the daily digest run. Both in one BatchWriteItem,
 * both expire after 30 days. A sales alert a flood held back: {@code PROGRAM#{pid}#LEADS_HELD#{day}} /
 * {@code {createdAt}#{leadId}} (one partition per day, read in order by the day's lead digest), 30 days too.
 */
public final class DynamoDbDigestBook implements DigestBook {

    private static final Duration KEEP = Duration.ofDays(30);

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbDigestBook(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void add(PartnerId partnerId, LocalDate day, Notification notification) {
        String topic = notification.topic().wireName();
        String sk = Keys.digestSk(day, topic);
        long expires = expiry(day);
        NotificationLetter.Event event = notification.event();
        Map<String, AttributeValue> line = ItemBuilder.item(Keys.key(Keys.partnerPk(partnerId),
                        sk + "#E#" + notification.key()), ItemType.DIGEST_EVENT)
                .s("what", event.what().name()).instant("at", event.at()).s("about", event.about())
                .money("amountMinor", "currency", event.amount()).s("detail", event.detail())
                .n("expiresAt", expires).build();
        Map<String, AttributeValue> marker = ItemBuilder.item(Keys.key(Keys.partnerPk(partnerId), sk), ItemType.DIGEST)
                .s("partnerId", partnerId.value())
                .gsi1(Keys.digestsOf(table.programId(), day, topic), partnerId.value())
                .n("expiresAt", expires).build();
        Map<String, List<WriteRequest>> pending = Map.of(table.tableName(), List.of(
                WriteRequest.builder().putRequest(PutRequest.builder().item(line).build()).build(),
                WriteRequest.builder().putRequest(PutRequest.builder().item(marker).build()).build()));
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, List<WriteRequest>> ask = pending;
            var response = client.batchWriteItem(r -> r.requestItems(ask));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                if (attempt == 5) {
                    throw new IllegalStateException("DynamoDB did not take the digest notification");
                }
                Backoff.pause(attempt);
            }
        }
    }

    @Override
    public List<NotificationLetter.Event> events(PartnerId partnerId, LocalDate day, Topic topic) {
        List<NotificationLetter.Event> events = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = client.query(r -> r.tableName(table.tableName())
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.partnerPk(partnerId)),
                            ":sk", AttributeValue.fromS(Keys.digestSk(day, topic.wireName()) + "#E#")))
                    .consistentRead(true).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : response.items()) {
                events.add(new NotificationLetter.Event(
                        Attributes.enumValue(item, "what", NotificationLetter.What.class),
                        Attributes.instant(item, "at"), Attributes.optionalString(item, "about"),
                        Attributes.optionalMoney(item, "amountMinor", "currency"),
                        Attributes.optionalString(item, "detail")));
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        events.sort(java.util.Comparator.comparing(NotificationLetter.Event::at));
        return events;
    }

    /** The day's admitted keys of the topic in one set: adding a key already there is a no-op, so a retry agrees. */
    @Override
    public boolean admitNow(PartnerId partnerId, LocalDate day, String stream, String key, int perDay) {
        long expires = expiry(day);
        try {
            client.updateItem(r -> r.tableName(table.tableName())
                    .key(Keys.key(Keys.partnerPk(partnerId), Keys.digestSk(day, stream) + "#NOW"))
                    .updateExpression("ADD #keys :key SET #type = if_not_exists(#type, :type), expiresAt = :expires")
                    .conditionExpression("attribute_not_exists(#keys) OR size(#keys) < :max OR contains(#keys, :k)")
                    .expressionAttributeNames(Map.of("#keys", "keys", "#type", "type"))
                    .expressionAttributeValues(Map.of(":key", AttributeValue.fromSs(List.of(key)),
                            ":k", AttributeValue.fromS(key), ":max", AttributeValue.fromN(Integer.toString(perDay)),
                            ":type", AttributeValue.fromS(ItemType.DIGEST_ADMITTED.name()),
                            ":expires", AttributeValue.fromN(Long.toString(expires)))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // the day's quota of the topic is taken, by other notifications
        }
    }

    @Override
    public void hold(LocalDate day, SalesAlert alert) {
        client.putItem(r -> r.tableName(table.tableName()).item(ItemBuilder.item(
                        Keys.key(Keys.heldLeads(table.programId(), day),
                                SortableTime.format(alert.createdAt()) + "#" + alert.leadId()),
                        ItemType.LEAD_HELD)
                .s("leadId", alert.leadId()).s("name", alert.name()).s("email", alert.email())
                .s("company", alert.company()).s("partnerId", alert.partnerId().value())
                .instant("createdAt", alert.createdAt()).n("expiresAt", expiry(day)).build()));
    }

    /**
     * The first {@code max} items of the day's partition, then the rest counted (a COUNT query returns no items, so a
     * flood of a million leads is counted without carrying them to the function).
     */
    @Override
    public Held held(LocalDate day, int max) {
        List<SalesAlert> alerts = new ArrayList<>();
        int total = 0;
        Map<String, AttributeValue> start = null;
        do {
            boolean listing = alerts.size() < max;
            QueryRequest.Builder request = QueryRequest.builder().tableName(table.tableName())
                    .keyConditionExpression("#pk = :pk")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK))
                    .expressionAttributeValues(Map.of(":pk",
                            AttributeValue.fromS(Keys.heldLeads(table.programId(), day))))
                    .consistentRead(true).exclusiveStartKey(start);
            QueryResponse response = client.query(listing ? request.limit(max - alerts.size()).build()
                    : request.select(Select.COUNT).build());
            for (Map<String, AttributeValue> item : response.items()) {
                alerts.add(new SalesAlert(Attributes.string(item, "leadId"),
                        Attributes.optionalString(item, "name"), Attributes.optionalString(item, "email"),
                        Attributes.optionalString(item, "company"),
                        new PartnerId(Attributes.string(item, "partnerId")), Attributes.instant(item, "createdAt")));
            }
            total += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return new Held(alerts, total);
    }

    private static long expiry(LocalDate day) {
        return day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().plus(KEEP).getEpochSecond();
    }
}
