package dev.refer.dynamodb.payoutdetails;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.payoutdetails.DetailsSealer;
import dev.refer.core.payoutdetails.PayoutDetails;
import dev.refer.core.payoutdetails.PayoutDetailsBook;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Backoff;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payout details beside their partner ({@code PARTNER#{partnerId}} / {@code PAYOUT_DETAILS}): the method and the
 * masked form in clear (what the partner's pages show without opening anything), the details themselves only sealed
 * ({@link DetailsSealer}, bound to the partner id). A new version is a put on condition that the stored version is
 * the one read.
 */
public final class DynamoDbPayoutDetails implements PayoutDetailsBook {

    static final String METHOD = "method";
    static final String MASKED = "masked";
    static final String SEALED = "sealed";
    static final String VERSION = "version";
    static final String UPDATED_AT = "updatedAt";
    private static final int BATCH = 100;

    private final DynamoDbClient client;
    private final TableConfig table;
    private final DetailsSealer sealer;

    public DynamoDbPayoutDetails(DynamoDbClient client, TableConfig table, DetailsSealer sealer) {
        this.client = client;
        this.table = table;
        this.sealer = sealer;
    }

    private static Map<String, AttributeValue> key(PartnerId partnerId) {
        return Keys.key(TableKeys.payoutDetails(partnerId.value()));
    }

    @Override
    public Optional<Stored> find(PartnerId partnerId) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(key(partnerId))
                .consistentRead(true));
        return response.hasItem() ? Optional.of(stored(partnerId, response.item())) : Optional.empty();
    }

    @Override
    public Optional<Stored> save(PartnerId partnerId, PayoutDetails details, long expectedVersion, Instant at) {
        long version = expectedVersion + 1;
        Map<String, AttributeValue> item = ItemBuilder.item(key(partnerId), ItemType.PAYOUT_DETAILS)
                .s("partnerId", partnerId.value())
                .s(METHOD, details.method().name())
                .s(MASKED, details.masked())
                .s(SEALED, sealer.seal(details.encode(), partnerId.value()))
                .n(VERSION, version)
                .instant(UPDATED_AT, at)
                .build();
        try {
            client.putItem(request -> {
                request.tableName(table.tableName()).item(item);
                if (expectedVersion == 0) {
                    request.conditionExpression("attribute_not_exists(#v)")
                            .expressionAttributeNames(Map.of("#v", VERSION));
                } else {
                    request.conditionExpression("#v = :v")
                            .expressionAttributeNames(Map.of("#v", VERSION))
                            .expressionAttributeValues(Map.of(":v",
                                    AttributeValue.fromN(Long.toString(expectedVersion))));
                }
            });
            return Optional.of(new Stored(details, version, at));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty(); // changed meanwhile
        }
    }

    /** BatchGetItem, 100 keys a request, unprocessed keys asked again. */
    @Override
    public Map<PartnerId, PayoutDetails> findAll(Collection<PartnerId> partnerIds) {
        Map<PartnerId, PayoutDetails> found = new HashMap<>();
        List<PartnerId> ids = new ArrayList<>(new LinkedHashSet<>(partnerIds));
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Map<String, AttributeValue>> keys = ids.subList(from, Math.min(ids.size(), from + BATCH)).stream()
                    .map(DynamoDbPayoutDetails::key).toList();
            Map<String, KeysAndAttributes> request = Map.of(table.tableName(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int attempt = 0; !request.isEmpty(); attempt++) {
                Map<String, KeysAndAttributes> ask = request;
                BatchGetItemResponse response = client.batchGetItem(r -> r.requestItems(ask));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table.tableName(),
                        List.of())) {
                    PartnerId partnerId = new PartnerId(Attributes.string(item, "partnerId"));
                    found.put(partnerId, stored(partnerId, item).details());
                }
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!request.isEmpty()) {
                    Backoff.pause(attempt);
                }
            }
        }
        return found;
    }

    private Stored stored(PartnerId partnerId, Map<String, AttributeValue> item) {
        PayoutDetails details = PayoutDetails.decode(sealer.open(Attributes.string(item, SEALED),
                partnerId.value()));
        return new Stored(details, Attributes.number(item, VERSION), Attributes.instant(item, UPDATED_AT));
    }
}
