package dev.refer.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One function run the way Lambda runs it: each concurrent invocation gets an execution environment of its own (a
 * handler instance nobody else is using), and environments are reused once free. A handler therefore never sees two
 * requests at once here either, and what it builds at init is built once per environment.
 */
public final class LocalFunction {

    private final String name;
    private final Supplier<RequestStreamHandler> environments;
    private final int timeoutSeconds;
    private final int memorySizeMb;
    private final StdoutLogger logger;
    private final ConcurrentLinkedDeque<RequestStreamHandler> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger created = new AtomicInteger();

    /**
     * @param environments creates the handler of a new execution environment (its init phase)
     */
    public LocalFunction(String name, Supplier<RequestStreamHandler> environments, int timeoutSeconds,
                         int memorySizeMb) {
        this.name = Objects.requireNonNull(name);
        this.environments = Objects.requireNonNull(environments);
        this.timeoutSeconds = timeoutSeconds;
        this.memorySizeMb = memorySizeMb;
        this.logger = new StdoutLogger(name);
    }

    /** A function around one handler instance, with Lambda's defaults (3 s, 128 MB): for tests. */
    public static LocalFunction of(String name, RequestStreamHandler handler) {
        return new LocalFunction(name, () -> handler, 3, 128);
    }

    public String name() {
        return name;
    }

    /** Runs the init phase of a first environment now, so a handler that cannot be built fails at start-up. */
    public void initialize() {
        idle.push(newEnvironment());
    }

    /**
     * Runs the SnapStart hooks of the function's idle environments now, as Lambda does before it takes a snapshot:
     * {@code beforeCheckpoint} of every CRaC resource a handler holds in its fields (a function keeps its hooks in a
     * field, since CRaC holds them weakly). Tests use it to see what priming does.
     */
    public void runBeforeCheckpointHooks() {
        for (RequestStreamHandler handler : idle) {
            for (Class<?> type = handler.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                for (java.lang.reflect.Field field : type.getDeclaredFields()) {
                    if (java.lang.reflect.Modifier.isStatic(field.getModifiers())
                            || !org.crac.Resource.class.isAssignableFrom(field.getType())) {
                        continue;
                    }
                    try {
                        field.setAccessible(true);
                        Object resource = field.get(handler);
                        if (resource != null) {
                            ((org.crac.Resource) resource).beforeCheckpoint(null);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(name + ": beforeCheckpoint of " + field + " failed", e);
                    }
                }
            }
        }
    }

    /** How many execution environments were created so far. */
    public int environmentCount() {
        return created.get();
    }

    /**
     * Invokes the function synchronously with the event's JSON and returns what the handler wrote.
     *
     * @throws IOException or any runtime exception the handler throws, as Lambda would report a function error
     */
    public byte[] invoke(byte[] event) throws IOException {
        RequestStreamHandler handler = idle.poll();
        if (handler == null) {
            handler = newEnvironment();
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), output,
                    new LocalContext(name, timeoutSeconds, memorySizeMb, logger));
        } catch (IOException | RuntimeException e) {
            idle.push(handler); // Lambda keeps the environment after a function error; an Error discards it
            throw e;
        }
        idle.push(handler);
        return output.toByteArray();
    }

    private RequestStreamHandler newEnvironment() {
        RequestStreamHandler handler = environments.get();
        created.incrementAndGet();
        return handler;
    }
}
