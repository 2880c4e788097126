package dev.refer.dynamodb.link;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Writes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

import java.util.Map;
import java.util.Optional;

/**
 * Short links. The code is the item's key, so a taken code is a failed create-only put. The redirect reads a link
 * with one GetItem and decides with what is on it: {@code enabled} and the owner's copied {@code partnerActive}.
 */
public final class DynamoDbLinkRepository implements LinkRepository {

    private static final int SUSPENSION_PAGE_SIZE = 100;

    private final DynamoDbClient client;
    private final TableConfig table;
    private final QueryPages pages;

    public DynamoDbLinkRepository(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public boolean create(Link link) {
        try {
            client.putItem(request -> request
                    .tableName(table.tableName())
                    .item(LinkMapper.toItem(link))
                    .conditionExpression(Writes.KEY_IS_FREE));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false; // the code is taken; nothing was written
        }
    }

    @Override
    public Optional<Link> find(LinkCode code) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(Keys.link(code)));
        return response.hasItem() ? Optional.of(LinkMapper.fromItem(response.item())) : Optional.empty();
    }

    @Override
    public Page<Link> linksOf(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.linksOf(partnerId), null, page, LinkMapper::fromItem);
    }

    @Override
    public Optional<Link> setEnabled(LinkCode code, boolean enabled) {
        return setFlag(Keys.link(code), LinkMapper.ENABLED, enabled);
    }

    /**
     * Walks the partner's links page by page (keys only) and rewrites each one's copy of the partner's status. Runs
     * after the partner's own status changed, and is idempotent: a rerun after a crash finishes the job.
     */
    @Override
    public void setPartnerActive(PartnerId partnerId, boolean active) {
        QueryRequest query = QueryRequest.builder()
                .tableName(table.tableName())
                .indexName(Keys.GSI1)
                .keyConditionExpression("gsi1pk = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(Keys.linksOf(partnerId))))
                .projectionExpression("pk, sk")
                .limit(SUSPENSION_PAGE_SIZE)
                .build();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = client.query(query.toBuilder().exclusiveStartKey(start).build());
            for (Map<String, AttributeValue> item : response.items()) {
                setFlag(Keys.key(item.get(Keys.PK).s(), item.get(Keys.SK).s()), LinkMapper.PARTNER_ACTIVE, active);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
    }

    /** Sets a flag on an existing link; empty when there is no such link (the condition keeps out stub items). */
    private Optional<Link> setFlag(Map<String, AttributeValue> key, String flag, boolean value) {
        try {
            UpdateItemResponse response = client.updateItem(request -> request
                    .tableName(table.tableName())
                    .key(key)
                    .updateExpression("SET #flag = :value")
                    .conditionExpression(Writes.ITEM_EXISTS)
                    .expressionAttributeNames(Map.of("#flag", flag))
                    .expressionAttributeValues(Map.of(":value", AttributeValue.fromBool(value)))
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(LinkMapper.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }
}
