package dev.refer.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * An HTTP pass-through on loopback in front of an emulator (moto's SES, DynamoDB Local, the SQS): the SDK client is
 * pointed at {@link #endpoint()}, every request goes to the emulator unchanged, and a {@link Tap} sees each one first
 * (when it arrived, method, path, headers, body) and may answer it itself instead (a throttle, an outage). One for
 * the tests that count SES sends, answer them as a throttled SES would, or record the IAM actions a function needs,
 * and for the benchmarks that time SES arrivals.
 */
public final class PassThroughProxy implements AutoCloseable {

    /** A request as it arrived ({@code arrivedNanos}: {@link System#nanoTime()}); header names in lower case. */
    public record Request(long arrivedNanos, String method, String path, Map<String, String> headers, byte[] body) {

        /** True for an SES v2 SendEmail. */
        public boolean isSesSend() {
            return method.equals("POST") && path.equals("/v2/email/outbound-emails");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer given instead of the emulator's. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {

        /** SES's answer when the account's send rate is exceeded (HTTP 429, {@code TooManyRequestsException}). */
        public static Answer sesThrottled() {
            return new Answer(429, Map.of("Content-Type", "application/json",
                    "x-amzn-ErrorType", "TooManyRequestsException"),
                    "{\"message\":\"Maximum sending rate exceeded.\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sees each request before it is passed on; answers null to pass it on, an {@link Answer} to answer it. */
    @FunctionalInterface
    public interface Tap {
        Answer see(Request request) throws IOException;
    }

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Tap tap;
    private volatile URI target;

    /** A proxy in front of {@code target} (null: set later with {@link #in(URI)}), started. */
    public PassThroughProxy(URI target, Tap tap) throws IOException {
        this.target = target;
        this.tap = tap;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "pass-through");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The address to give the client instead of the emulator's. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Points the proxy at {@code target} (when it is known only later) and answers {@link #endpoint()}. */
    public URI in(URI target) {
        this.target = target;
        return endpoint();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
            Answer answer = tap.see(new Request(arrived, exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), Map.copyOf(headers), body));
            if (answer != null) {
                answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
                return;
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] reply = response.body();
            exchange.sendResponseHeaders(response.statusCode(), reply.length == 0 ? -1 : reply.length);
            if (reply.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(reply);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
