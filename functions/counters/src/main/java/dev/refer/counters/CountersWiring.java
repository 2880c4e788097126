package dev.refer.counters;

import dev.refer.core.stats.ProjectCounters;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import dev.refer.core.basics.time.Clocks;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.ZoneId;
import java.util.Map;

/**
 * Builds the counters' object graph (the stream projection on the table) once per execution environment, and the
 * function's name its flow metrics carry (the dashboard and alarms name it so).
 */
public record CountersWiring(ProjectCounters counters, String functionName) {

    static CountersWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create(env));
    }

    static CountersWiring create(Map<String, String> env, DynamoDbClient client) {
        return new CountersWiring(new ProjectCounters(new DynamoDbStatsRepository(client, TableConfig.fromEnv(env),
                Clocks.of(env)), ZoneId.of(env.getOrDefault("PAYOUT_TIME_ZONE", "UTC"))),
                env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "CountersFunction"));
    }

    /** The handler on a given client (benchmarks and fault tests meter or break its calls). */
    public static CountersHandler handler(Map<String, String> env, DynamoDbClient client) {
        return new CountersHandler(create(env, client));
    }

    /** SnapStart: a stream batch with one click, counted while DynamoDB refuses every write ({@link CountersPriming}). */
    SnapStartPriming registerPriming(CountersHandler handler) {
        return SnapStartPriming.register(() -> CountersPriming.prime(handler), () -> { });
    }
}
