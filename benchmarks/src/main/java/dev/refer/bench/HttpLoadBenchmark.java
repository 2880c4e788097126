package dev.refer.bench;

import dev.refer.local.LocalStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Load over real HTTP through the local stack (gateway, handlers, DynamoDB Local, the click stream consumer): 32
 * keep-alive connections for 30 s on the redirect, then on the lead form. Afterwards every redirect that handed out
 * a click id must have its click item in the table and in the partner's counter (after the stream and the click
 * roll-up): lost clicks are counted, not assumed.
 */
final class HttpLoadBenchmark {

    private static final int CONNECTIONS = Integer.getInteger("bench.http.connections", 32);
    private static final int SECONDS = Integer.getInteger("bench.http.seconds", 30);

    private final BenchContext context;

    HttpLoadBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() {
        try (LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withPort(0)
                .withTableName("refer-bench-http").withAccessLog(false)
                // the mail a lead starts (the partner's notification, sales' alert) is the checkin section's
                // subject; here it would share the two cores with the requests being measured
                .withoutStreamsOf("NotificationsFunction"))) {
            Admin admin = new Admin(stack);
            String partnerId = admin.seed();
            URI redirect = stack.baseUri().resolve("/load-link?utm_source=bench");
            Result redirects = load(i -> HttpRequest.newBuilder(redirect).header("user-agent", BenchData.BROWSER)
                            .GET().build(),
                    response -> response.statusCode() == 302
                            && response.headers().firstValue("location").orElse("").contains("&rid="));
            URI leads = stack.baseUri().resolve("/leads");
            Result leadPosts = load(i -> HttpRequest.newBuilder(leads).header("content-type", "application/json")
                            .header("origin", "https://www.example.com")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"load" + i + "-" + System.nanoTime()
                                    + "@acme.example\",\"ref\":\"load-link\"}")).build(),
                    response -> response.statusCode() == 202);
            stack.awaitStreamsIdle(Duration.ofSeconds(120));
            long stored = countClicks(stack);
            long counted = admin.clicksCounted(partnerId);
            return List.of(
                    Metric.of("http.connections", CONNECTIONS),
                    Metric.of("http.seconds", SECONDS),
                    Metric.of("http.redirect.requests", redirects.ok),
                    Metric.of("http.redirect.rps", redirects.ok / (double) SECONDS, 0),
                    Metric.of("http.redirect.p50.ms", redirects.latencies.ms(50), 2),
                    Metric.of("http.redirect.p99.ms", redirects.latencies.ms(99), 2),
                    Metric.of("http.lead.requests", leadPosts.ok),
                    Metric.of("http.lead.rps", leadPosts.ok / (double) SECONDS, 0),
                    Metric.of("http.lead.p50.ms", leadPosts.latencies.ms(50), 2),
                    Metric.of("http.lead.p99.ms", leadPosts.latencies.ms(99), 2),
                    Metric.of("http.errors", redirects.errors + leadPosts.errors),
                    Metric.of("http.redirect.clicks.stored", stored),
                    Metric.of("http.redirect.clicks.counted", counted),
                    Metric.of("http.redirect.lost_clicks", redirects.ok - stored),
                    Metric.of("http.redirect.uncounted_clicks", stored - counted));
        }
    }

    private record Result(long ok, long errors, Percentiles latencies) {
    }

    private static Result load(IntFunction<HttpRequest> request, Predicate<HttpResponse<Void>> success) {
        AtomicLong ok = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        Percentiles latencies = new Percentiles(5_000_000);
        long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            Thread thread = new Thread(() -> {
                // one client per thread: one keep-alive HTTP/1.1 connection per simulated visitor stream
                try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build()) {
                    long[] local = new long[200_000];
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        long start = System.nanoTime();
                        try {
                            HttpResponse<Void> response = client.send(request.apply((int) sequence.incrementAndGet()),
                                    HttpResponse.BodyHandlers.discarding());
                            if (success.test(response)) {
                                ok.incrementAndGet();
                                if (n < local.length) {
                                    local[n++] = System.nanoTime() - start;
                                }
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    synchronized (latencies) {
                        for (int i = 0; i < n; i++) {
                            latencies.add(local[i]);
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            thread.start();
            threads.add(thread);
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(ok.get(), errors.get(), latencies);
    }

    /** Benchmark-only Scan: how many click items the table really holds. */
    private static long countClicks(LocalStack stack) {
        long count = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = stack.dynamoDb().scan(ScanRequest.builder().tableName(stack.tableName())
                    .filterExpression("#t = :click").expressionAttributeNames(Map.of("#t", "type"))
                    .expressionAttributeValues(Map.of(":click", AttributeValue.fromS("CLICK")))
                    .select(Select.COUNT).exclusiveStartKey(start).build());
            count += page.count();
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Seeds and reads through the admin API, as a program manager would. */
    private record Admin(LocalStack stack) {

        String seed() {
            send("PUT", "/admin/program", """
                    {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"plan":{"saleRateBps":2000},
                     "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"]}""");
            String partner = send("POST", "/admin/partners", "{\"name\":\"Load\",\"email\":\"load@partner.example\"}");
            String id = partner.replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            send("POST", "/admin/partners/" + id + "/links",
                    "{\"code\":\"load-link\",\"destination\":\"https://example.com/pricing\"}");
            return id;
        }

        /** The partner's clicks once the roll-up ran (as its schedule would, run by hand). */
        long clicksCounted(String partnerId) {
            send("POST", "/_local/schedules/ClickRollupFunction", null);
            String stats = send("GET", "/admin/partners/" + partnerId + "/stats", null);
            String clicks = stats.replaceAll("(?s).*\"clicks\":(\\d+).*", "$1");
            return clicks.equals(stats) ? 0 : Long.parseLong(clicks);
        }

        private String send(String method, String path, String json) {
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path))
                        .header("x-admin-key", stack.adminKey());
                request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                        : request.header("content-type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json));
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                            + response.body());
                }
                return response.body();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
