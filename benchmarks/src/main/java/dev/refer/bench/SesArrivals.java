package dev.refer.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * A pass-through in front of moto that notes when each SES send arrives: the send rate as SES would see it, not as
 * the sender's log records it afterwards. Everything else goes through untouched.
 */
final class SesArrivals implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("host", "connection", "content-length", "transfer-encoding",
            "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private volatile URI target;
    private final String recipients;
    private final List<Long> arrivals = Collections.synchronizedList(new ArrayList<>());

    /** @param recipients what the destination of a counted send contains (e.g. the partners' domain) */
    SesArrivals(String recipients) throws IOException {
        this.recipients = recipients;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", this::forward);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "ses-arrivals");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The address to use instead of {@code target} (moto's). */
    URI in(URI target) {
        this.target = target;
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** How many counted sends reached SES so far. */
    int count() {
        return arrivals.size();
    }

    /** When each SES v2 SendEmail to the recipients arrived, in nanoseconds ({@link System#nanoTime()}), in order. */
    List<Long> sends() {
        synchronized (arrivals) {
            List<Long> copy = new ArrayList<>(arrivals);
            copy.sort(null);
            return copy;
        }
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            if (exchange.getRequestMethod().equals("POST")
                    && exchange.getRequestURI().getPath().equals("/v2/email/outbound-emails")
                    && new String(body, java.nio.charset.StandardCharsets.UTF_8).contains(recipients)) {
                arrivals.add(arrived);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
