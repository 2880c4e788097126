package dev.refer.http;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

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

    /** Runs the canned events through {@code function} exactly as a request would; a 5xx answer is a failure. */
    public static void replay(HttpFunction function, byte[]... events) {
        for (byte[] event : events) {
            HttpResponse response = function.respond(readEvent(event));
            if (response.statusCode() >= 500) {
                throw new IllegalStateException("priming request answered " + response.statusCode() + ": "
                        + response.body());
            }
            try {
                ApiGatewayV2Codec.write(response, java.io.OutputStream.nullOutputStream());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private static HttpRequest readEvent(byte[] event) {
        try {
            return ApiGatewayV2Codec.read(event);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
