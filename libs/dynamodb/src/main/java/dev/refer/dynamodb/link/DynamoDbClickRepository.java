package dev.refer.dynamodb.link;

import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.ClickRepository;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.Optional;

/**
 * Clicks. The redirect's only write: one unconditional PutItem (click ids are fresh random ULIDs), no transaction
 * and no counter; the click counter counts them later from the table's stream.
 */
public final class DynamoDbClickRepository implements ClickRepository {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbClickRepository(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public void record(Click click) {
        client.putItem(request -> request
                .tableName(table.tableName())
                .item(ClickMapper.toItem(click)));
    }

    @Override
    public Optional<Click> find(ClickId id) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(Keys.click(id)));
        return response.hasItem() ? Optional.of(ClickMapper.fromItem(response.item())) : Optional.empty();
    }
}
