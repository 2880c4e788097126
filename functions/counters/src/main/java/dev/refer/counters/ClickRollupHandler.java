package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.stats.RollUpClicks;
import dev.refer.dynamodb.DynamoDbClickRollups;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.lambda.Env;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled click roll-up (template: ClickRollupFunction, every ClickRollupMinutes): seals the open epoch of click
 * deltas and adds it to the partners' monthly click counts ({@link RollUpClicks}). Whatever the schedule sends is
 * ignored; a run that fails is finished by the next (or by EventBridge Scheduler's retry), counting nothing twice.
 */
public final class ClickRollupHandler implements RequestStreamHandler {

    /** Partner-months written at once. */
    static final int DEFAULT_PARALLELISM = 16;

    private final RollUpClicks rollUp;

    public ClickRollupHandler() {
        this(System.getenv());
    }

    public ClickRollupHandler(Map<String, String> env) {
        this(env, DynamoDbClients.create(env));
    }

    private ClickRollupHandler(Map<String, String> env, DynamoDbClient client) {
        this.rollUp = new RollUpClicks(new DynamoDbClickRollups(client, TableConfig.fromEnv(env)),
                Env.intOr(env, "CLICK_ROLLUP_PARALLELISM", DEFAULT_PARALLELISM));
    }

    /** The handler on a given client (benchmarks meter its calls). */
    public static ClickRollupHandler withClient(Map<String, String> env, DynamoDbClient client) {
        return new ClickRollupHandler(env, client);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        RollUpClicks.Result result = rollUp.run();
        Log.info("clicks.rolled_up", "epoch", result.epoch(), "clicks", result.clicks(),
                "partnerMonths", result.partnerMonths(), "alreadyAdded", result.alreadyAdded());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("epoch", result.epoch());
        answer.put("clicks", result.clicks());
        answer.put("partnerMonths", result.partnerMonths());
        answer.put("alreadyAdded", result.alreadyAdded());
        output.write(LambdaJson.writeBytes(answer));
    }
}
