package dev.refer.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The part of the Lambda Runtime API one cold start needs, on loopback, for one boot: the first
 * {@code GET /invocation/next} answers the canned event, later ones block until {@link #close()} (a runtime asks
 * for its next event only after answering the previous one, and Lambda freezes it there); the response is recorded
 * with the {@link System#nanoTime()} it arrived at; an invocation error or init error fails the boot with its body.
 *
 * <p>The runtime interface client (2.9.0) reads the event through its native client (aws-lambda-cpp: the request id,
 * deadline, function ARN and trace id headers) and posts the response the same way; init errors and invocation errors
 * come through {@code HttpURLConnection} with a {@code Lambda-Runtime-Function-Error-Type} header.
 */
final class RuntimeApiStandIn implements AutoCloseable {

    static final String BASE = "/2018-06-01/runtime";
    private static final String NEXT = BASE + "/invocation/next";
    private static final String INVOCATION = BASE + "/invocation/";
    private static final String INIT_ERROR = BASE + "/init/error";

    private final byte[] event;
    private final String requestId;
    private final String functionArn;
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicBoolean delivered = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);

    private volatile long firstNextNanos;
    private volatile long responseNanos;
    private volatile byte[] response;
    private volatile String failure;

    RuntimeApiStandIn(byte[] event, String requestId, String functionArn) throws IOException {
        this.event = event.clone();
        this.requestId = requestId;
        this.functionArn = functionArn;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        // Not the server's own dispatcher thread: a blocked second "next" must not hold up the other calls.
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "runtime-api-stand-in");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext(BASE + "/", this::handle);
        server.start();
    }

    /** What {@code AWS_LAMBDA_RUNTIME_API} is set to: {@code 127.0.0.1:<port>}. */
    String address() {
        return server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
    }

    /**
     * Waits until the runtime answered the event, reported an error, or {@code process} exited.
     *
     * @throws ColdBootException when the boot did not produce a response
     */
    Answer await(Process process, Duration timeout) throws ColdBootException, InterruptedException {
        process.onExit().thenRun(finished::countDown);
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new ColdBootException("no response within " + timeout.toSeconds() + " s"
                    + (firstNextNanos == 0 ? " (the runtime never asked for an event: init did not finish)" : ""));
        }
        if (failure != null) {
            throw new ColdBootException(failure);
        }
        if (response == null) {
            String exit = process.isAlive() ? "" : " with exit code " + process.exitValue();
            throw new ColdBootException("the process exited" + exit + " before answering the event"
                    + (firstNextNanos == 0 ? " (it never asked for an event)" : ""));
        }
        return new Answer(firstNextNanos, responseNanos, response);
    }

    /** When the first {@code GET /next} arrived (init done) and the response arrived, and its body. */
    record Answer(long firstNextNanos, long responseNanos, byte[] body) {
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (method.equals("GET") && path.equals(NEXT)) {
                next(exchange, arrived);
            } else if (method.equals("POST") && path.equals(INIT_ERROR)) {
                fail("init error (" + errorType(exchange) + "): " + text(body));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith(INVOCATION)) {
                invocationResult(exchange, path.substring(INVOCATION.length()), body, arrived);
            } else {
                fail("unexpected Runtime API call " + method + " " + path);
                reply(exchange, 404, "{\"errorMessage\":\"not part of this stand-in\"}");
            }
        } catch (RuntimeException | IOException e) {
            fail("the Runtime API stand-in could not serve a call: " + e);
            throw e;
        }
    }

    private void next(HttpExchange exchange, long arrived) throws IOException {
        if (delivered.compareAndSet(false, true)) {
            firstNextNanos = arrived;
            var headers = exchange.getResponseHeaders();
            headers.set("Content-Type", "application/json");
            headers.set("Lambda-Runtime-Aws-Request-Id", requestId);
            headers.set("Lambda-Runtime-Deadline-Ms",
                    Long.toString(System.currentTimeMillis() + Duration.ofMinutes(10).toMillis()));
            headers.set("Lambda-Runtime-Invoked-Function-Arn", functionArn);
            headers.set("Lambda-Runtime-Trace-Id",
                    "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
            exchange.sendResponseHeaders(200, event.length);
            exchange.getResponseBody().write(event);
            return;
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            reply(exchange, 500, "{\"errorMessage\":\"the benchmark is over\"}");
        } catch (IOException e) {
            // the process is gone; nobody reads this
        }
    }

    private void invocationResult(HttpExchange exchange, String rest, byte[] body, long arrived) throws IOException {
        int slash = rest.lastIndexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        String kind = slash < 0 ? "" : rest.substring(slash + 1);
        if (!id.equals(requestId)) {
            fail("a result for request id " + id + ", expected " + requestId);
            reply(exchange, 400, "{\"errorMessage\":\"unknown request id\"}");
            return;
        }
        switch (kind) {
            case "response" -> {
                if (response == null) {
                    response = body;
                    responseNanos = arrived;
                }
                reply(exchange, 202, "{\"status\":\"OK\"}");
                finished.countDown();
            }
            case "error" -> {
                fail("invocation error (" + errorType(exchange) + "): " + text(body));
                reply(exchange, 202, "{\"status\":\"OK\"}");
            }
            default -> {
                fail("unexpected Runtime API call POST " + INVOCATION + rest);
                reply(exchange, 404, "{\"errorMessage\":\"not part of this stand-in\"}");
            }
        }
    }

    private void fail(String message) {
        if (failure == null) {
            failure = message;
        }
        finished.countDown();
    }

    private static String errorType(HttpExchange exchange) {
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        return type == null ? "no error type" : type;
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
