package dev.refer.comms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refer.core.basics.time.Clocks;
import dev.refer.core.comms.consent.RecordSesEvent;
import dev.refer.core.comms.consent.SuppressionList;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.comms.DynamoDbSuppressionList;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** The mail events function's graph (MailEventsFunction): the suppression list, nothing else (no SES, no queue). */
record MailEventsWiring(RecordSesEvent record, SuppressionList suppressions) {

    static MailEventsWiring create(Map<String, String> env) {
        return create(env, CommsClients.dynamoDb(env, List.of()), Clocks.of(env));
    }

    static MailEventsWiring create(Map<String, String> env, DynamoDbClient db, Clock clock) {
        SuppressionList suppressions = new DynamoDbSuppressionList(db, TableConfig.fromEnv(env));
        return new MailEventsWiring(new RecordSesEvent(suppressions, clock), suppressions);
    }

    /** SnapStart: JSON, and the SDK's first call (a lookup of an address that is not suppressed); nothing written. */
    SnapStartPriming registerPriming(MailEventsHandler events) {
        return SnapStartPriming.register(() -> {
            LambdaJson.readTrusted("{\"eventType\":\"Open\"}", JsonNode.class);
            suppressions.find("priming@example.invalid");
        }, () -> { });
    }
}
