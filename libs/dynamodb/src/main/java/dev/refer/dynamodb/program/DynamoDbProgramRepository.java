package dev.refer.dynamodb.program;

import dev.refer.core.program.ProgramRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.Optional;

/** The program's settings: one item, replaced as a whole when the program manager saves them. */
public final class DynamoDbProgramRepository implements ProgramRepository {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbProgramRepository(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<Program> find(ProgramId id) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(Keys.program(id)));
        return response.hasItem() ? Optional.of(ProgramMapper.fromItem(response.item())) : Optional.empty();
    }

    @Override
    public void save(Program program) {
        client.putItem(request -> request
                .tableName(table.tableName())
                .item(ProgramMapper.toItem(program)));
    }
}
