package dev.refer.portal;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.time.Clocks;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.portal.apply.ApplyWiring;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Builds the portal's object graph once per execution environment: each route family is registered here. */
public record PortalWiring(List<PublicRoutes> publicRoutes, List<PartnerRoutes> partnerRoutes) {

    static PortalWiring create(Map<String, String> env) {
        DynamoDbClient dynamoDb = DynamoDbClients.create(env);
        Clock clock = Clocks.of(env);
        UlidGenerator ids = new UlidGenerator(clock);
        return new PortalWiring(List.of(ApplyWiring.routes(env, dynamoDb, clock, ids)), List.of());
    }
}
