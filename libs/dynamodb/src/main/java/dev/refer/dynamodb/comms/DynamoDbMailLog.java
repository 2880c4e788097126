package dev.refer.dynamodb.comms;

import dev.refer.core.mail.MailLog;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Backoff;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import dev.refer.table.ItemType;
import dev.refer.table.SortableTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The send log: {@code MAIL#{pid}#{sendKey}} / {@code MAIL}, one item per email (kind, recipient, state, SES message
 * id), claimed with a conditional put before the send; a partner's emails are in GSI1 under
 * {@code PARTNER#{id}#MAIL}, newest first.
 */
public final class DynamoDbMailLog implements MailLog {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbMailLog(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    /**
     * The claim carries an attempt id: when the put's answer is lost (a timeout after DynamoDB wrote it), a read tells
     * whether the claim is ours, so a lost answer does not leave a claim nobody acts on.
     */
    @Override
    public Optional<Entry> claim(String key, String kind, PartnerId partnerId, String to, Instant at) {
        return put(key, kind, partnerId, to, State.SENDING, null, at);
    }

    @Override
    public Optional<Entry> skip(String key, String kind, PartnerId partnerId, String to, String reason, Instant at) {
        return put(key, kind, partnerId, to, State.SKIPPED, reason, at);
    }

    private Optional<Entry> put(String key, String kind, PartnerId partnerId, String to, State state, String reason,
                                Instant at) {
        String attempt = java.util.UUID.randomUUID().toString();
        ItemBuilder item = ItemBuilder.item(Keys.mail(table.programId(), key), ItemType.MAIL)
                .s("sendKey", key).s("kind", kind).s("to", to).s("state", state.name())
                .instant("claimedAt", at).s("attempt", attempt);
        if (reason != null) {
            item.s("skipReason", reason);
        }
        if (partnerId != null) {
            item.s("partnerId", partnerId.value()).gsi1(Keys.mailTo(partnerId), SortableTime.format(at) + "#" + key);
        }
        try {
            client.putItem(r -> r.tableName(table.tableName()).item(item.build())
                    .conditionExpression(Writes.KEY_IS_FREE));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return find(key);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            GetItemResponse stored = client.getItem(r -> r.tableName(table.tableName())
                    .key(Keys.mail(table.programId(), key)).consistentRead(true));
            if (stored.hasItem() && attempt.equals(Attributes.optionalString(stored.item(), "attempt"))) {
                return Optional.empty(); // the put went through: the claim is ours
            }
            throw e;
        }
    }

    /** Idempotent, so repeated a few times when its answer is lost: an email sent should not look uncertain. */
    @Override
    public void sent(String key, String messageId, Instant at) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.updateItem(r -> r.tableName(table.tableName()).key(Keys.mail(table.programId(), key))
                        .updateExpression("SET #state = :sent, messageId = :id, sentAt = :at")
                        .conditionExpression(Writes.ITEM_EXISTS)
                        .expressionAttributeNames(Map.of("#state", "state"))
                        .expressionAttributeValues(Map.of(":sent", AttributeValue.fromS(State.SENT.name()),
                                ":id", AttributeValue.fromS(messageId), ":at", AttributeValue.fromS(at.toString()))));
                return;
            } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
                if (attempt == 3) {
                    throw e;
                }
                Backoff.pause(attempt);
            }
        }
    }

    @Override
    public void release(String key) {
        try {
            client.deleteItem(r -> r.tableName(table.tableName()).key(Keys.mail(table.programId(), key))
                    .conditionExpression("#state = :sending")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":sending", AttributeValue.fromS(State.SENDING.name()))));
        } catch (ConditionalCheckFailedException e) {
            // recorded as sent meanwhile, or gone
        }
    }

    @Override
    public Optional<Entry> find(String key) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.mail(table.programId(), key)).consistentRead(true));
        if (!response.hasItem()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = response.item();
        String partner = Attributes.optionalString(item, "partnerId");
        return Optional.of(new Entry(key, Attributes.string(item, "kind"),
                partner == null ? null : new PartnerId(partner), Attributes.string(item, "to"),
                Attributes.enumValue(item, "state", State.class), Attributes.optionalString(item, "messageId"),
                Attributes.instant(item, "claimedAt"), Attributes.optionalInstant(item, "sentAt")));
    }
}
