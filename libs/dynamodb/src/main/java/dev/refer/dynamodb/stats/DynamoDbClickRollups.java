package dev.refer.dynamodb.stats;

import dev.refer.core.stats.ClickRollups;
import dev.refer.core.stats.Counters;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Click epochs in the table: the state item {@code CLICKROLLUP/STATE} ({@code sealed}, {@code rolled}), the deltas of
 * each epoch under {@code CLICKDELTAS#{epoch}}, and each partner's month under {@code PARTNER#{id}/CLICKS#{month}}
 * (the total, the first {@value #LINKS_PER_ITEM} links' counts and the last epoch added; more links spill into
 * {@code CLICKS#{month}#{part}} items, each with its own epoch). Every addition is an UpdateItem conditional on the
 * item's epoch being older, so an epoch rolled up twice adds nothing the second time.
 */
public final class DynamoDbClickRollups implements ClickRollups {

    static final String SEALED = "sealed";
    static final String ROLLED = "rolled";
    static final String EPOCH = "epoch";
    /** Link counters in one update: keeps the expression well inside DynamoDB's 4 KB limit. */
    static final int LINKS_PER_ITEM = 100;

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbClickRollups(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    static Epochs readEpochs(DynamoDbClient client, TableConfig table) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.clickRollupState()).consistentRead(true));
        Map<String, AttributeValue> item = response.hasItem() ? response.item() : Map.of();
        Long sealed = Attributes.optionalNumber(item, SEALED);
        Long rolled = Attributes.optionalNumber(item, ROLLED);
        return new Epochs(sealed == null ? 0 : sealed, rolled == null ? 0 : rolled);
    }

    @Override
    public Epochs epochs() {
        return readEpochs(client, table);
    }

    @Override
    public void seal(long epoch) {
        advance(SEALED, epoch);
    }

    @Override
    public void rolled(long epoch) {
        advance(ROLLED, epoch);
    }

    /** Sets {@code attribute} to {@code epoch} unless it is there already (or further). */
    private void advance(String attribute, long epoch) {
        try {
            client.updateItem(r -> r.tableName(table.tableName())
                    .key(Keys.clickRollupState())
                    .updateExpression("SET #a = :epoch, #type = :type")
                    .conditionExpression("attribute_not_exists(#a) OR #a < :epoch")
                    .expressionAttributeNames(Map.of("#a", attribute, "#type", Keys.TYPE))
                    .expressionAttributeValues(Map.of(":epoch", AttributeValue.fromN(Long.toString(epoch)),
                            ":type", AttributeValue.fromS(ItemType.CLICK_ROLLUP.name()))));
        } catch (ConditionalCheckFailedException e) {
            // another run got there first
        }
    }

    @Override
    public void readDeltas(long epoch, Consumer<DeltaLine> lines) {
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(table.tableName())
                .consistentRead(true)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.PK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.clickDeltas(epoch))));
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = client.query(request.exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> delta : page.items()) {
                ClickDeltaCodec.decode(delta.get("counts").b().asByteArray(), lines);
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
    }

    @Override
    public boolean add(long epoch, PartnerClicks clicks) {
        List<String> codes = new ArrayList<>(clicks.perLink().keySet());
        codes.sort(null);
        boolean added = false;
        for (int part = 0; part == 0 || part * LINKS_PER_ITEM < codes.size(); part++) {
            Map<String, Long> counters = new LinkedHashMap<>();
            if (part == 0) {
                counters.put(Counters.CLICKS, clicks.clicks());
            }
            for (String code : codes.subList(Math.min(codes.size(), part * LINKS_PER_ITEM),
                    Math.min(codes.size(), (part + 1) * LINKS_PER_ITEM))) {
                counters.put(Keys.linkClicks(code), clicks.perLink().get(code));
            }
            boolean partAdded = addPart(epoch, clicks, part, counters);
            added = added || (part == 0 && partAdded);
        }
        return added;
    }

    private boolean addPart(long epoch, PartnerClicks clicks, int part, Map<String, Long> counters) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        names.put("#type", Keys.TYPE);
        names.put("#partner", "partnerId");
        names.put("#month", "month");
        names.put("#epoch", EPOCH);
        values.put(":type", AttributeValue.fromS(ItemType.PARTNER_CLICKS.name()));
        values.put(":partner", AttributeValue.fromS(clicks.partnerId().value()));
        values.put(":month", AttributeValue.fromS(clicks.month().toString()));
        values.put(":epoch", AttributeValue.fromN(Long.toString(epoch)));
        List<String> adds = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            names.put("#c" + i, counter.getKey());
            values.put(":c" + i, AttributeValue.fromN(Long.toString(counter.getValue())));
            adds.add("#c" + i + " :c" + i);
            i++;
        }
        try {
            client.updateItem(r -> r.tableName(table.tableName())
                    .key(Keys.partnerClicks(clicks.partnerId(), clicks.month(), part))
                    .updateExpression("SET #type = :type, #partner = :partner, #month = :month, #epoch = :epoch ADD "
                            + String.join(", ", adds))
                    .conditionExpression("attribute_not_exists(#epoch) OR #epoch < :epoch")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
