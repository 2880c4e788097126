package dev.refer.counters;

import dev.refer.core.stats.RollUpClicks;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.Priming;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.stats.DynamoDbClickRollups;
import dev.refer.lambda.Env;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.Map;

/**
 * Builds the click roll-up's object graph once per execution environment: the roll-up, and the same run on the
 * calling thread only for priming (priming refuses the writes of its own thread).
 */
public record ClickRollupWiring(RollUpClicks rollUp, RollUpClicks rollUpInline) {

    /** Partner-months written at once. */
    static final int DEFAULT_PARALLELISM = 16;

    static ClickRollupWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create(env));
    }

    static ClickRollupWiring create(Map<String, String> env, DynamoDbClient client) {
        DynamoDbClickRollups rollups = new DynamoDbClickRollups(client, TableConfig.fromEnv(env));
        return new ClickRollupWiring(
                new RollUpClicks(rollups, Env.intOr(env, "CLICK_ROLLUP_PARALLELISM", DEFAULT_PARALLELISM)),
                new RollUpClicks(rollups, 1));
    }

    /** The handler on a given client (benchmarks meter its calls). */
    public static ClickRollupHandler handler(Map<String, String> env, DynamoDbClient client) {
        return new ClickRollupHandler(create(env, client));
    }

    /**
     * SnapStart: before the snapshot, a run while DynamoDB refuses every write ({@link Priming}), on this thread only
     * (the refusal is the calling thread's): the epochs are read, the seal and every addition are refused (they read
     * as done by another run), nothing is written.
     */
    SnapStartPriming registerPriming() {
        return SnapStartPriming.register(() -> Priming.refused(() -> {
            RollUpClicks.Result result = rollUpInline.run();
            LambdaJson.writeBytes(Map.of("epoch", result.epoch()));
        }), () -> { });
    }
}
