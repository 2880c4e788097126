package dev.refer.redirect;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.link.CachedLinkLookup;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.FollowLink;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.RedirectLocation;
import dev.refer.core.link.SubIdSettings;
import dev.refer.core.link.VisitQuery;
import dev.refer.core.basics.cache.TtlCache;
import dev.refer.dynamodb.lite.LiteClickRecorder;
import dev.refer.dynamodb.lite.LiteConfig;
import dev.refer.dynamodb.lite.LiteDynamoDb;
import dev.refer.dynamodb.lite.LiteLinkLookup;
import dev.refer.dynamodb.lite.LiteSubIdSettings;

import dev.refer.core.basics.time.Clocks;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the redirect's object graph once per execution environment, from the template's environment. Its two
 * DynamoDB calls go through the lean client (dynamodb-lite): the AWS SDK's start-up cost half the redirect's cold start.
 */
public record RedirectWiring(FollowLink followLink, UlidGenerator ids, LiteDynamoDb dynamoDb) {

    /**
     * How long the redirect's DynamoDB calls may take in all, retries included: a visitor waits on them. A click write
     * that runs out of it is given up (the visitor goes on without {@code rid}); so is a lookup (a 503 page).
     */
    static final long CALL_BUDGET_MILLIS = 1500;

    /**
     * How long an environment keeps the program's sub-id names: a change through the admin API reaches every
     * redirect within it. Independent of the link cache, so even with that cache off a visit costs no extra read.
     */
    static final Duration SUB_ID_SETTINGS_TTL = Duration.ofSeconds(60);

    static RedirectWiring create(Map<String, String> env) {
        return create(env, new LiteDynamoDb(LiteConfig.from(env, System.getProperties()), CALL_BUDGET_MILLIS));
    }

    static RedirectWiring create(Map<String, String> env, LiteDynamoDb dynamoDb) {
        String table = required(env, "TABLE_NAME");
        Duration retention = Duration.ofDays(intOr(env, "CLICK_RETENTION_DAYS", 90));
        Duration cacheTtl = Duration.ofSeconds(intOr(env, "LOOKUP_CACHE_TTL_SECONDS", 30));
        Clock clock = Clocks.of(env);
        UlidGenerator ids = new UlidGenerator(clock);
        CachedLinkLookup links = new CachedLinkLookup(new LiteLinkLookup(dynamoDb, table), clock, cacheTtl,
                CachedLinkLookup.DEFAULT_MAX_LINKS);
        Supplier<SubIdSettings> subIds = cachedSubIdSettings(
                new LiteSubIdSettings(dynamoDb, table, required(env, "PROGRAM_ID")), clock);
        return new RedirectWiring(new FollowLink(links, new LiteClickRecorder(dynamoDb, table), ids, clock,
                retention, subIds), ids, dynamoDb);
    }

    /**
     * The sub-id names through a one-entry cache ({@link #SUB_ID_SETTINGS_TTL}); a failed read is not cached, counts
     * one {@code SubIdSettingsFailures} metric and lets the click go unrecorded by sub-id (never the visitor stopped).
     */
    static Supplier<SubIdSettings> cachedSubIdSettings(Supplier<SubIdSettings> read, Clock clock) {
        TtlCache<Boolean, SubIdSettings> cache = new TtlCache<>(clock, SUB_ID_SETTINGS_TTL, 1);
        java.util.function.Function<Boolean, SubIdSettings> load = ignored -> read.get();
        return () -> {
            try {
                return cache.get(Boolean.TRUE, load);
            } catch (RuntimeException e) {
                Metrics.failure("SubIdSettingsFailures", "", e);
                throw e;
            }
        };
    }

    /** The production wiring on a given client: benchmarks compare the handler with raw calls on that client. */
    public static RedirectHandler handler(Map<String, String> env, LiteDynamoDb dynamoDb) {
        return new RedirectHandler(create(env, dynamoDb));
    }

    /**
     * SnapStart: before the snapshot, a visit to an unknown code through the stream interface (event reading, a real
     * GetItem, the 404 page) and the 302 answer's own code (location building with pass-through, an id, the response,
     * sub-id values) without writing a click; after restore, a new random source for click ids and fresh credentials. The click's PutItem is left
     * for the first visitor.
     */
    RedirectPriming registerPriming(RedirectHandler handler) {
        return RedirectPriming.register(() -> {
            try {
                handler.handleRequest(new java.io.ByteArrayInputStream(PRIMING_EVENT), OutputStream.nullOutputStream(),
                        null);
                String location = RedirectLocation.build(URI.create("https://example.com/?plan=pro"),
                        new LinkCode("snapstart-priming"), new ClickId(ids.newId()),
                        VisitQuery.parse("utm_source=priming&sub1=priming&gclid=priming"));
                RedirectResponse.found(location).write(OutputStream.nullOutputStream());
                dev.refer.core.link.SubIds.of(new SubIdSettings(java.util.List.of("sub1")),
                        VisitQuery.parse("sub1=priming"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, () -> {
            ids.reseed();
            if (dynamoDb != null) {
                dynamoDb.afterRestore();
            }
        });
    }

    private static final byte[] PRIMING_EVENT = ("{\"version\":\"2.0\",\"routeKey\":\"GET /{code}\","
            + "\"rawPath\":\"/snapstart-priming\",\"rawQueryString\":\"utm_source=priming\","
            + "\"headers\":{\"user-agent\":\"Mozilla/5.0 (SnapStart priming)\"},"
            + "\"requestContext\":{\"requestId\":\"snapstart-priming\",\"http\":{\"method\":\"GET\"}},"
            + "\"pathParameters\":{\"code\":\"snapstart-priming\"},\"isBase64Encoded\":false}")
            .getBytes(StandardCharsets.UTF_8);

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set: see template.yaml");
        }
        return value;
    }

    private static int intOr(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("environment variable " + name + " must be a whole number, got: " + value);
        }
    }
}
