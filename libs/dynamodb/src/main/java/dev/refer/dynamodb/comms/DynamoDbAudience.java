package dev.refer.dynamodb.comms;

import dev.refer.core.basics.page.Page;
import dev.refer.core.comms.mailing.Audience;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.Audience;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.dynamodb.Cursor;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.partner.PartnerMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign's partners, a page per planning step: for check-ins and broadcasts the program's partner listing (GSI1
 * {@code PROGRAM#{pid}#PARTNERS}, filtered to active partners, only the keys read), for digests the day's digest
 * markers of the topic (GSI1 {@code PROGRAM#{pid}#DIGESTS#{day}#{topic}}). Pages of {@value Audience#PAGE} items
 * read; a page may hold fewer partners (filtered out) and still go on.
 */
public final class DynamoDbAudience implements Audience {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbAudience(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Page<PartnerId> page(Campaign campaign, String cursor) {
        String partition = switch (campaign.kind()) {
            case CHECKIN, BROADCAST, TERMS -> Keys.partnersOf(table.programId());
            case DIGEST -> Keys.digestsOf(table.programId(), campaign.day(), campaign.topic().wireName());
        };
        Map<String, String> names = new HashMap<>(Map.of("#p", Keys.GSI1PK, "#sk", Keys.GSI1SK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", AttributeValue.fromS(partition)));
        QueryRequest.Builder request = QueryRequest.builder().tableName(table.tableName()).indexName(Keys.GSI1)
                .keyConditionExpression("#p = :p").limit(PAGE)
                .exclusiveStartKey(cursor == null ? null : Cursor.startKey(cursor, KeyShape.GSI1, partition, null));
        if (campaign.kind() != Campaign.Kind.DIGEST) {
            names.put("#status", PartnerMapper.STATUS);
            values.put(":active", AttributeValue.fromS(PartnerStatus.ACTIVE.name()));
            request.filterExpression("#status = :active");
        }
        names.put("#pk", Keys.PK);
        names.put("#skt", Keys.SK);
        request.projectionExpression("#pk, #skt, #p, #sk").expressionAttributeNames(names)
                .expressionAttributeValues(values);
        QueryResponse response = client.query(request.build());
        List<PartnerId> partners = response.items().stream()
                .map(Keys::partnerOf)
                .toList();
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Cursor.after(response.lastEvaluatedKey(), KeyShape.GSI1) : null;
        return new Page<>(partners, next);
    }
}
