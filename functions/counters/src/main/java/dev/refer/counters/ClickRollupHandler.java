package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.stats.RollUpClicks;
import dev.refer.dynamodb.DynamoDbClickRollups;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.Priming;
import dev.refer.dynamodb.TableConfig;
import dev.refer.lambda.Env;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled click roll-up (template: ClickRollupFunction on ClickRollupSchedule): seals the open epoch of click
 * deltas and adds it to the partners' monthly click counts ({@link RollUpClicks}). Whatever the schedule sends is
 * ignored; a run that fails is finished by the next (or by EventBridge Scheduler's retry), counting nothing twice.
 */
public final class ClickRollupHandler implements RequestStreamHandler {

    /** Partner-months written at once. */
    static final int DEFAULT_PARALLELISM = 16;

    private final RollUpClicks rollUp;
    /** The same run on the calling thread only: priming refuses the writes of its own thread. */
    private final RollUpClicks rollUpInline;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public ClickRollupHandler() {
        this(System.getenv());
    }

    public ClickRollupHandler(Map<String, String> env) {
        this(env, DynamoDbClients.create(env));
        this.priming = SnapStartPriming.register(this::prime, () -> { });
    }

    /**
     * SnapStart: before the snapshot, a run while DynamoDB refuses every write ({@link Priming}), on this thread only
     * (the refusal is the calling thread's): the epochs are read, the seal and every addition are refused (they read
     * as done by another run), nothing is written.
     */
    private void prime() {
        Priming.refused(() -> {
            RollUpClicks.Result result = rollUpInline.run();
            LambdaJson.writeBytes(Map.of("epoch", result.epoch()));
        });
    }

    private ClickRollupHandler(Map<String, String> env, DynamoDbClient client) {
        DynamoDbClickRollups rollups = new DynamoDbClickRollups(client, TableConfig.fromEnv(env));
        this.rollUp = new RollUpClicks(rollups, Env.intOr(env, "CLICK_ROLLUP_PARALLELISM", DEFAULT_PARALLELISM));
        this.rollUpInline = new RollUpClicks(rollups, 1);
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
