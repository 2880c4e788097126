package dev.refer.comms;

import dev.refer.core.basics.time.Clocks;
import dev.refer.core.comms.consent.Unsubscribe;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.comms.DynamoDbPreferences;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The unsubscribe function's graph (UnsubscribeFunction): the link secrets (to check links; it signs none) and the
 * partners' preferences; no SES, no queue.
 */
record UnsubscribeWiring(Unsubscribe unsubscribe) {

    static UnsubscribeWiring create(Map<String, String> env) {
        return create(env, CommsClients.dynamoDb(env, List.of()), CommsClients.linkSecrets(env), Clocks.of(env));
    }

    static UnsubscribeWiring create(Map<String, String> env, DynamoDbClient db, Supplier<List<String>> linkSecrets,
                                    Clock clock) {
        return new UnsubscribeWiring(new Unsubscribe(CommsClients.links(env, linkSecrets, clock),
                new DynamoDbPreferences(db, TableConfig.fromEnv(env)), clock));
    }

    /** SnapStart: the confirmation page of a link this program did not sign (a 400 problem); nothing written. */
    SnapStartPriming registerPriming(UnsubscribeHandler unsubscribe) {
        return SnapStartPriming.register(() -> SnapStartPriming.replay(unsubscribe, SnapStartPriming.httpEvent(
                "GET /unsubscribe", "/unsubscribe", Map.of(), Map.of("t", "priming"), null)), () -> { });
    }
}
