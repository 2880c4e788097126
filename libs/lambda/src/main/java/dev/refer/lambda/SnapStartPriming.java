package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * SnapStart hooks (CRaC). Lambda snapshots an environment after init; whatever ran before the snapshot is restored
 * warm. {@code prime} runs just before the snapshot: it pushes canned events through the function's real code on
 * paths that only read (an unknown link, a CORS preflight, a badly signed webhook...), so the classes, the SDK
 * client's first marshalling, signing, endpoint resolution and connection setup are done once, at deploy time,
 * instead of on a visitor's first request. {@code afterRestore} re-creates what must be unique per environment
 * (random sources behind ids), since many environments are restored from one snapshot.
 *
 * <p>CRaC holds resources weakly: the function keeps the returned instance in a field. Outside SnapStart (locally,
 * in tests) registering does nothing.
 */
public final class SnapStartPriming implements Resource {

    private final Runnable prime;
    private final Runnable afterRestore;

    private SnapStartPriming(Runnable prime, Runnable afterRestore) {
        this.prime = prime;
        this.afterRestore = afterRestore;
    }

    public static SnapStartPriming register(Runnable prime, Runnable afterRestore) {
        SnapStartPriming priming = new SnapStartPriming(prime, afterRestore);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Runs the priming now, failures included (tests check that it works and writes nothing). */
    public void prime() {
        prime.run();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            prime();
            Log.info("snapstart.primed");
        } catch (RuntimeException e) {
            // priming is an optimisation: a failure must not prevent the snapshot
            Log.error("snapstart.priming.failed", e);
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        afterRestore.run();
    }

    /**
     * Runs canned events through {@code function} exactly as Lambda would: each is written as JSON and read back
     * through the handler's stream interface (event deserialization, the handler, response serialization). A 5xx
     * answer is a failure: priming must take the function's real, successful paths.
     */
    public static void replay(HttpFunction function, APIGatewayV2HTTPEvent... events) {
        replay(function, true, events);
    }

    /**
     * Like {@link #replay}, for a write path primed while the store refuses every write (the DynamoDB adapters'
     * {@code Priming}): the request runs end to end and its refusal is answered however the function answers
     * a refused write, so any status is expected; only a failure to answer fails the priming.
     */
    public static void replayRefusedWrite(HttpFunction function, APIGatewayV2HTTPEvent... events) {
        replay(function, false, events);
    }

    private static void replay(HttpFunction function, boolean failOn5xx, APIGatewayV2HTTPEvent... events) {
        for (APIGatewayV2HTTPEvent event : events) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                function.handleRequest(new ByteArrayInputStream(LambdaJson.writeBytes(event)), out, null);
                APIGatewayV2HTTPResponse response = LambdaJson.mapper().readValue(out.toByteArray(),
                        APIGatewayV2HTTPResponse.class);
                if (failOn5xx && response.getStatusCode() >= 500) {
                    throw new IllegalStateException("priming request " + event.getRouteKey() + " answered "
                            + response.getStatusCode() + ": " + response.getBody());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A payload 2.0 event as API Gateway sends it, with what routing and the handler need. */
    public static APIGatewayV2HTTPEvent httpEvent(String routeKey, String rawPath, Map<String, String> pathParameters,
                                                  Map<String, String> headers, String body) {
        String method = routeKey.substring(0, routeKey.indexOf(' '));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString("")
                .withHeaders(headers)
                .withPathParameters(pathParameters)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withRequestId("snapstart-priming")
                        .withRouteKey(routeKey)
                        .withStage("$default")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod(method)
                                .withPath(rawPath)
                                .withProtocol("HTTP/1.1")
                                .withSourceIp("192.0.2.1")
                                .withUserAgent(headers.getOrDefault("user-agent", "snapstart-priming"))
                                .build())
                        .build())
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
