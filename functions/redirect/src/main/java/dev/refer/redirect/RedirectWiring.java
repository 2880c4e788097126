package dev.refer.redirect;

import dev.refer.core.ids.UlidGenerator;
import dev.refer.core.link.CachedLinkLookup;
import dev.refer.core.link.FollowLink;
import dev.refer.dynamodb.DynamoDbClickRepository;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.DynamoDbLinkRepository;
import dev.refer.dynamodb.TableConfig;
import dev.refer.http.Env;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Builds the redirect's object graph once per execution environment, from the template's environment. */
record RedirectWiring(FollowLink followLink) {

    static RedirectWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create());
    }

    static RedirectWiring create(Map<String, String> env, DynamoDbClient dynamoDb) {
        TableConfig table = TableConfig.fromEnv(env);
        Duration retention = Duration.ofDays(Env.intOr(env, "CLICK_RETENTION_DAYS", 90));
        Duration cacheTtl = Env.secondsOr(env, "LOOKUP_CACHE_TTL_SECONDS", 30);
        Clock clock = Clock.systemUTC();
        CachedLinkLookup links = new CachedLinkLookup(new DynamoDbLinkRepository(dynamoDb, table), clock, cacheTtl,
                CachedLinkLookup.DEFAULT_MAX_LINKS);
        return new RedirectWiring(new FollowLink(links, new DynamoDbClickRepository(dynamoDb, table),
                new UlidGenerator(clock), clock, retention));
    }
}
