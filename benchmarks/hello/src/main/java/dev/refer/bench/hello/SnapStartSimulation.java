package dev.refer.bench.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.crac.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Field;

/**
 * What SnapStart does to a function, in one JVM: init (the handler's constructor), then the function's own
 * {@code beforeCheckpoint} hook (its priming) as before the snapshot, then {@code afterRestore} as after a restore;
 * the runtime then asks for the first event. ./bench boots this handler in front of a function's jar
 * ({@code REFER_BENCH_HANDLER} names the function's handler class) and times that first real request.
 *
 * <p>The hooks are found as Lambda's CRaC integration finds nothing else: the handler's field holding its
 * {@link Resource} (every handler keeps one, since CRaC holds resources weakly).
 */
public final class SnapStartSimulation implements RequestStreamHandler {

    private final RequestStreamHandler function;

    public SnapStartSimulation() throws Exception {
        String handler = System.getenv("REFER_BENCH_HANDLER");
        if (handler == null) {
            throw new IllegalStateException("REFER_BENCH_HANDLER must name the function's handler class");
        }
        function = (RequestStreamHandler) Class.forName(handler).getConstructor().newInstance();
        Resource hooks = hooks(function);
        hooks.beforeCheckpoint(null);
        hooks.afterRestore(null);
        Restored.mark();
    }

    /** Loaded once the hooks ran: in a class-loading log, what loads after it is the first request's own cost. */
    private static final class Restored {
        static void mark() {
        }
    }

    private static Resource hooks(Object handler) throws IllegalAccessException {
        for (Field field : handler.getClass().getDeclaredFields()) {
            if (Resource.class.isAssignableFrom(field.getType())) {
                field.setAccessible(true);
                return (Resource) field.get(handler);
            }
        }
        throw new IllegalStateException(handler.getClass().getName() + " keeps no SnapStart hooks (org.crac.Resource)");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        function.handleRequest(input, output, context);
    }
}
