package dev.refer.bench;

import dev.refer.core.partner.Partner;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.mail.SesMailer;
import dev.refer.portal.PortalHandler;
import dev.refer.portal.PortalWiring;
import dev.refer.portal.signin.SessionKeys;
import dev.refer.table.TableKey;
import dev.refer.table.TableKeys;
import dev.refer.testkit.mail.SesOutbox;
import dev.refer.testkit.portal.PortalSignIn;
import dev.refer.testkit.program.ProgramFixture;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The partner portal's dashboard page, warm, against DynamoDB Local: {@code GET /portal} through the whole handler (the
 * session cookie's JWT, the session and partner check, the terms gate, the dashboard's reads, the page rendered)
 * next to a raw replay of exactly the DynamoDB requests that page issued, on the same client, interleaved in small
 * blocks. The partner has a long history (10,000 leads, a million clicks over two years, 20 links), and the read
 * units of one page view are reported beside those of a partner who joined today: the dashboard reads counter items,
 * so the two must be the same handful.
 */
final class PortalBenchmark {

    private static final int ITERATIONS = Integer.getInteger("bench.portal.iterations", 2_000);
    private static final int WARMUP = Integer.getInteger("bench.portal.warmup", 1_000);
    private static final int BLOCK = 100;
    private static final int LINKS = 20;
    private static final int LEADS = 10_000;

    private final BenchContext context;

    PortalBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() {
        context.pointSdkAtDynamoDb();
        String table = context.newTableWithoutStream("portal");
        Map<String, String> env = new HashMap<>(context.functionEnvironment(table));
        env.put("PORTAL_COOKIE_SECURE", "false");
        env.put("PUBLIC_BASE_URL", "https://go.example.com");
        env.put("SIGNIN_ANSWER_FLOOR_MILLIS", "0");
        env.put("MAIL_LINK_SECRET_ARN", context.mailAndQueueRefs().getOrDefault("MailLinkSecret", "unused"));

        DynamoDbClient plain = context.client();
        ProgramFixture fixture = new ProgramFixture(plain, new TableConfig(table, new ProgramId(BenchContext.PROGRAM_ID)));
        fixture.program();
        Partner veteran = fixture.activePartner("veteran@partner.example");
        Partner newcomer = fixture.activePartner("newcomer@partner.example");
        seedHistory(plain, table, veteran);

        DynamoDbMeter meter = new DynamoDbMeter();
        DynamoDbClient metered = DynamoDbClients.create(List.of(meter));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SessionKeys.Loaded keys = new SessionKeys.Loaded("bench-1", Map.of("bench-1", key));
        PortalHandler portal = PortalWiring.handler(env, metered, SesMailer.fromEnv(env), () -> keys,
                Clock.systemUTC());
        SesOutbox outbox = new SesOutbox(context.moto().endpoint());
        PortalSignIn.SignedIn veteranSession = PortalSignIn.throughHandler(portal, outbox, veteran.email().value());
        PortalSignIn.SignedIn newcomerSession = PortalSignIn.throughHandler(portal, outbox, newcomer.email().value());
        byte[] veteranPage = dashboardEvent(veteranSession.cookie());
        byte[] newcomerPage = dashboardEvent(newcomerSession.cookie());
        check(invoke(portal, veteranPage));

        // what one page view issues, recorded, and its read units (the veteran's, then the newcomer's)
        meter.reset();
        meter.recording = true;
        check(invoke(portal, veteranPage));
        meter.recording = false;
        List<SdkRequest> recorded = List.copyOf(meter.recorded);
        double veteranUnits = meter.readUnits.sum();
        long veteranCalls = meter.calls.sum();
        meter.reset();
        check(invoke(portal, newcomerPage));
        double newcomerUnits = meter.readUnits.sum();
        long newcomerCalls = meter.calls.sum();

        Runnable handler = () -> invoke(portal, veteranPage);
        Runnable raw = () -> replay(metered, recorded);
        List<Runnable> variants = List.of(handler, raw);
        for (int i = 0; i < WARMUP; i++) {
            variants.forEach(Runnable::run);
        }
        List<Percentiles> results = List.of(new Percentiles(ITERATIONS), new Percentiles(ITERATIONS));
        for (int done = 0; done < ITERATIONS; done += BLOCK) {
            for (int v = 0; v < variants.size(); v++) {
                int variant = (v + done / BLOCK) % variants.size();
                Percentiles samples = results.get(variant);
                for (int i = 0; i < BLOCK && samples.size() < ITERATIONS; i++) {
                    long start = System.nanoTime();
                    variants.get(variant).run();
                    samples.add(System.nanoTime() - start);
                }
            }
        }
        Percentiles page = results.get(0), rawCalls = results.get(1);
        List<Metric> metrics = new ArrayList<>();
        metrics.add(Metric.of("portal.dashboard.invocations", page.size()));
        metrics.add(Metric.of("portal.dashboard.p50.ms", page.ms(50), 3));
        metrics.add(Metric.of("portal.dashboard.p99.ms", page.ms(99), 3));
        metrics.add(Metric.of("portal.dashboard.raw.p50.ms", rawCalls.ms(50), 3));
        metrics.add(Metric.of("portal.dashboard.raw.p99.ms", rawCalls.ms(99), 3));
        metrics.add(Metric.of("portal.dashboard.p50.ratio", page.ms(50) / rawCalls.ms(50), 2));
        metrics.add(Metric.of("portal.dashboard.p99.ratio", page.ms(99) / rawCalls.ms(99), 2));
        metrics.add(Metric.of("portal.dashboard.requests", veteranCalls));
        metrics.add(Metric.of("portal.dashboard.units.read", veteranUnits, 1));
        metrics.add(Metric.of("portal.dashboard.newcomer.requests", newcomerCalls));
        metrics.add(Metric.of("portal.dashboard.newcomer.units.read", newcomerUnits, 1));
        metrics.add(Metric.of("portal.history.leads", LEADS));
        metrics.add(Metric.of("portal.history.clicks", 1_000_000));
        return metrics;
    }

    /** Two years of rolled-up clicks over 20 links (a million), all-time and monthly counters, 10,000 lead items. */
    private static void seedHistory(DynamoDbClient client, String table, Partner partner) {
        String partnerId = partner.id().value();
        YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(23);
        for (int m = 0; m < 24; m++, month = month.plusMonths(1)) {
            Map<String, Long> attributes = new HashMap<>();
            long total = 0;
            for (int i = 0; i < LINKS; i++) {
                long clicks = 1_000_000L / 24 / LINKS + (m == 23 && i == 0 ? 1_000_000L - 24 * LINKS * (1_000_000L / 24 / LINKS) : 0);
                attributes.put(TableKeys.linkClicks("veteran-" + i), clicks);
                total += clicks;
            }
            attributes.put("clicks", total);
            attributes.put("epoch", 7L);
            put(client, table, TableKeys.partnerClicks(partnerId, month, 0), "PARTNER_CLICKS", attributes);
        }
        put(client, table, new TableKey(TableKeys.partnerPk(partnerId), TableKeys.STATS_ALL), "PARTNER_STATS",
                Map.of("leads", (long) LEADS, "leadsQualified", 4_000L, "sales", 900L, "revenue.EUR", 90_000_000L,
                        "commissionEarned.EUR", 18_000_000L, "commissionStatus.PENDING.EUR", 300_000L,
                        "commissionStatus.PAID.EUR", 17_700_000L));
        put(client, table, new TableKey(TableKeys.partnerPk(partnerId),
                TableKeys.statsMonth(YearMonth.now(ZoneOffset.UTC))), "PARTNER_STATS", Map.of("leads", 400L, "sales", 30L));
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < LEADS; i++) {
            String id = String.format("01JLEAD%019d", i);
            Map<String, AttributeValue> item = Map.of(
                    TableKeys.PK, AttributeValue.fromS("LEAD#" + id), TableKeys.SK, AttributeValue.fromS("LEAD"),
                    TableKeys.TYPE, AttributeValue.fromS("LEAD"),
                    TableKeys.GSI1PK, AttributeValue.fromS(TableKeys.leadsOf(partnerId)),
                    TableKeys.GSI1SK, AttributeValue.fromS(id));
            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            if (batch.size() == 25 || i == LEADS - 1) {
                List<WriteRequest> requests = List.copyOf(batch);
                var unprocessed = client.batchWriteItem(r -> r.requestItems(Map.of(table, requests))).unprocessedItems();
                while (!unprocessed.isEmpty()) {
                    Map<String, List<WriteRequest>> again = unprocessed;
                    unprocessed = client.batchWriteItem(r -> r.requestItems(again)).unprocessedItems();
                }
                batch.clear();
            }
        }
    }

    private static void put(DynamoDbClient client, String table, TableKey key, String type, Map<String, Long> numbers) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TableKeys.PK, AttributeValue.fromS(key.pk()));
        item.put(TableKeys.SK, AttributeValue.fromS(key.sk()));
        item.put(TableKeys.TYPE, AttributeValue.fromS(type));
        numbers.forEach((name, value) -> item.put(name, AttributeValue.fromN(Long.toString(value))));
        client.putItem(r -> r.tableName(table).item(item));
    }

    /** The same requests the page issued, raw on the same client. */
    private static void replay(DynamoDbClient client, List<SdkRequest> requests) {
        for (SdkRequest request : requests) {
            switch (request) {
                case GetItemRequest r -> client.getItem(r);
                case BatchGetItemRequest r -> client.batchGetItem(r);
                case QueryRequest r -> client.query(r);
                case UpdateItemRequest r -> client.updateItem(r);
                default -> throw new IllegalStateException("the dashboard issued a request the replay does not know: "
                        + request.getClass().getSimpleName());
            }
        }
    }

    private static byte[] dashboardEvent(String cookie) {
        String event = """
                {"version":"2.0","routeKey":"GET /portal","rawPath":"/portal","rawQueryString":"",
                 "cookies":["%s"],
                 "headers":{"host":"go.example.com","accept":"text/html","user-agent":"%s"},
                 "requestContext":{"http":{"method":"GET","path":"/portal","protocol":"HTTP/1.1",
                   "sourceIp":"203.0.113.7","userAgent":"%s"},"requestId":"bench","routeKey":"GET /portal",
                   "stage":"$default","timeEpoch":0},
                 "isBase64Encoded":false}""".formatted(cookie, BenchData.BROWSER, BenchData.BROWSER);
        return event.getBytes(StandardCharsets.UTF_8);
    }

    private static String invoke(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, byte[] event) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(String response) {
        if (!response.contains("\"statusCode\":200")) {
            throw new IllegalStateException("GET /portal did not answer 200: "
                    + response.substring(0, Math.min(400, response.length())));
        }
    }
}
