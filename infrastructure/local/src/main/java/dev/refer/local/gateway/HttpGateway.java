package dev.refer.local.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP API on localhost: matches each request to a template route, enforces the IAM authorizer (as an admin
 * key), turns the request into the payload 2.0 event, invokes the function and turns its answer back into HTTP, with
 * API Gateway's own answers where API Gateway would give them (404, 403, 413, 500).
 */
public final class HttpGateway implements AutoCloseable {

    /** HTTP API's payload limit. */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    public static final String SCHEDULES_PATH = "/_local/schedules/";
    /** Local-only pages (the outbox), GET, no key: a developer's tools, not part of the API. */
    public static final String LOCAL_PATH = "/_local/";
    private static final int THREADS = 64;
    private static final int BACKLOG = 256;

    private final RouteTable routes;
    private final AdminKey adminKey;
    private final ScheduleInvoker schedules;
    private final java.util.function.Function<String, Optional<GatewayResponse>> localPages;
    private final LocalControl control;
    private final Map<String, StaticAsset> assets;
    private final HttpServer server;
    private final ExecutorService executor;
    private final boolean accessLog;

    private HttpGateway(RouteTable routes, AdminKey adminKey, ScheduleInvoker schedules,
                        java.util.function.Function<String, Optional<GatewayResponse>> localPages, LocalControl control,
                        Map<String, StaticAsset> assets, HttpServer server,
                        ExecutorService executor, boolean accessLog) {
        this.routes = routes;
        this.adminKey = adminKey;
        this.schedules = schedules;
        this.localPages = localPages;
        this.control = control;
        this.assets = assets;
        this.server = server;
        this.executor = executor;
        this.accessLog = accessLog;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0 picks a free port) with a pool of 64 threads, enough for dozens of
     * concurrent connections.
     */
    public static HttpGateway start(RouteTable routes, AdminKey adminKey, ScheduleInvoker schedules, int port,
                                    boolean accessLog) throws IOException {
        return start(routes, adminKey, schedules, path -> Optional.empty(), port, accessLog);
    }

    /** @param localPages GET pages under {@link #LOCAL_PATH} by their path (the outbox) */
    public static HttpGateway start(RouteTable routes, AdminKey adminKey, ScheduleInvoker schedules,
                                    java.util.function.Function<String, Optional<GatewayResponse>> localPages,
                                    int port, boolean accessLog) throws IOException {
        return start(routes, adminKey, schedules, localPages, LocalControl.NONE, port, accessLog);
    }

    /**
     * @param localPages GET pages under {@link #LOCAL_PATH} by their path (the outbox)
     * @param control    POST actions under {@link #LOCAL_PATH} (the test clock), behind the admin key
     */
    public static HttpGateway start(RouteTable routes, AdminKey adminKey, ScheduleInvoker schedules,
                                    java.util.function.Function<String, Optional<GatewayResponse>> localPages,
                                    LocalControl control, int port, boolean accessLog) throws IOException {
        return start(routes, adminKey, schedules, localPages, control, List.of(), port, accessLog);
    }

    /**
     * @param localPages GET pages under {@link #LOCAL_PATH} by their path (the outbox)
     * @param control    POST actions under {@link #LOCAL_PATH} (the test clock), behind the admin key
     * @param assets     files served as they are at their paths (referral.js), as CloudFront serves them on AWS
     */
    public static HttpGateway start(RouteTable routes, AdminKey adminKey, ScheduleInvoker schedules,
                                    java.util.function.Function<String, Optional<GatewayResponse>> localPages,
                                    LocalControl control, List<StaticAsset> assets, int port, boolean accessLog)
            throws IOException {
        Map<String, StaticAsset> byPath = new LinkedHashMap<>();
        assets.forEach(asset -> byPath.put(asset.path(), asset));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        HttpGateway gateway = new HttpGateway(routes, adminKey, schedules, localPages, control, Map.copyOf(byPath),
                server, executor, accessLog);
        server.createContext("/", gateway::handle);
        server.setExecutor(executor);
        server.start();
        return gateway;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The paths of the files it serves itself (referral.js). */
    public List<String> assetPaths() {
        return List.copyOf(assets.keySet());
    }

    public RouteTable routes() {
        return routes;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        String requestId = HttpApiEvents.newRequestId();
        Routed routed;
        try {
            routed = respond(exchange, requestId);
        } catch (Exception e) {
            System.err.println("request " + requestId + " " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getRawPath() + " failed:");
            e.printStackTrace();
            routed = new Routed(GatewayResponse.message(500, "Internal Server Error"), "-");
        }
        try {
            write(exchange, routed.response(), requestId);
        } catch (IOException e) {
            // the client went away; nothing left to tell it
        } finally {
            exchange.close();
        }
        if (accessLog) {
            System.out.printf("%s %s -> %d %s (%d ms)%n", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), routed.response().statusCode(), routed.target(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    /** What the gateway answered and who answered it (a function's name, or "-" for the gateway itself). */
    private record Routed(GatewayResponse response, String target) {
    }

    private Routed respond(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        Optional<byte[]> body = readBody(exchange);
        if (body.isEmpty()) {
            return new Routed(GatewayResponse.message(413, "Request Entity Too Large"), "-");
        }
        StaticAsset asset = assets.get(rawPath);
        if (asset != null && (method.equals("GET") || method.equals("HEAD"))) {
            return new Routed(asset.response(), "asset");
        }
        if (rawPath.startsWith(SCHEDULES_PATH) && method.equals("POST")) {
            return runSchedule(exchange, rawPath.substring(SCHEDULES_PATH.length()));
        }
        if (rawPath.startsWith(LOCAL_PATH) && method.equals("POST")) {
            if (!adminKey.accepts(exchange.getRequestHeaders().getFirst(AdminKey.HEADER))) {
                return new Routed(GatewayResponse.message(403, "Forbidden"), "-");
            }
            Optional<GatewayResponse> answer = control.post(rawPath, body.get());
            if (answer.isPresent()) {
                return new Routed(answer.get(), "-");
            }
        }
        if (rawPath.startsWith(LOCAL_PATH) && method.equals("GET")) {
            Optional<GatewayResponse> page = localPages.apply(rawPath);
            if (page.isPresent()) {
                return new Routed(page.get(), "-");
            }
        }
        Optional<RouteTable.Match> match = routes.match(method, rawPath);
        if (match.isEmpty()) {
            return new Routed(GatewayResponse.message(404, "Not Found"), "-");
        }
        boolean iamRoute = match.get().binding().route().iamAuth();
        if (iamRoute && !adminKey.accepts(exchange.getRequestHeaders().getFirst(AdminKey.HEADER))) {
            return new Routed(GatewayResponse.message(403, "Forbidden"), "-");
        }
        GatewayRequest request = new GatewayRequest(method, rawPath, exchange.getRequestURI().getRawQuery(),
                headersWithoutAdminKey(exchange), body.get(),
                exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
        byte[] event = HttpApiEvents.toJson(
                HttpApiEvents.event(request, match.get(), requestId, Instant.now(), iamRoute));
        String function = match.get().binding().function().name();
        return new Routed(GatewayResponse.fromFunctionOutput(match.get().binding().function().invoke(event)),
                function);
    }

    private Routed runSchedule(HttpExchange exchange, String functionLogicalId) throws IOException {
        if (!adminKey.accepts(exchange.getRequestHeaders().getFirst(AdminKey.HEADER))) {
            return new Routed(GatewayResponse.message(403, "Forbidden"), "-");
        }
        Optional<byte[]> output = schedules.invoke(functionLogicalId);
        if (output.isEmpty()) {
            return new Routed(GatewayResponse.message(404, "No scheduled function " + functionLogicalId), "-");
        }
        byte[] result = output.get().length == 0 ? "null".getBytes(StandardCharsets.UTF_8) : output.get();
        return new Routed(new GatewayResponse(200, List.of(Map.entry("content-type", "application/json")), result),
                functionLogicalId);
    }

    /**
     * The body, or empty when it is over HTTP API's 10 MB limit. An oversized body is still read to its end (and
     * dropped) before the 413 goes out: a client still uploading would otherwise see its connection reset instead of
     * the answer.
     */
    private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                in.transferTo(OutputStream.nullOutputStream());
                return Optional.empty();
            }
            return Optional.of(body);
        }
    }

    /** The admin key stands in for a SigV4 signature, which API Gateway does not pass on either. */
    private static Map<String, List<String>> headersWithoutAdminKey(HttpExchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>(exchange.getRequestHeaders());
        headers.keySet().removeIf(name -> name.equalsIgnoreCase(AdminKey.HEADER));
        return headers;
    }

    private static void write(HttpExchange exchange, GatewayResponse response, String requestId) throws IOException {
        response.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
        exchange.getResponseHeaders().set("apigw-requestid", requestId);
        int status = response.statusCode();
        boolean noBody = status == 204 || status == 304 || exchange.getRequestMethod().equalsIgnoreCase("HEAD")
                || response.body().length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "gateway-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
