package dev.refer.bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.program.ProgramId;
import dev.refer.core.stats.Counters;
import dev.refer.counters.CountersWiring;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import dev.refer.emulators.FunctionDef;
import dev.refer.leads.LeadCaptureWiring;
import dev.refer.local.lambda.LocalFunction;
import dev.refer.local.streams.StreamPollers;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A popular partner: {@value #THREADS} threads (each its own handler and client, like concurrent Lambda environments)
 * post {@value #LEADS} leads for one partner's link at once. Counts the posts that did not answer 202, then lets the
 * counters function consume the table's stream (the template's event source settings, as the local stack runs it)
 * and reads how many leads the partner's counters show.
 */
final class HotPartnerBenchmark {

    static final int THREADS = 16;
    static final int LEADS = Integer.getInteger("bench.hot.leads", 1_000);

    private final BenchContext context;

    HotPartnerBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() throws Exception {
        context.pointSdkAtDynamoDb();
        String table = context.newTable("hot");
        BenchData data = BenchData.seed(context.client(), table, "hot-link");
        Map<String, String> env = context.functionEnvironment(table);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<String> failureSamples = new ArrayList<>();
        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            running.add(threads.submit(() -> {
                RequestStreamHandler handler = LeadCaptureWiring.handler(env, DynamoDbClients.create(List.of()));
                for (int i = next.getAndIncrement(); i < LEADS; i = next.getAndIncrement()) {
                    byte[] event = BenchData.postEvent("POST /leads", "/leads",
                            "{\"email\":\"hot" + i + "@acme.example\",\"name\":\"Visitor\",\"ref\":\"hot-link\"}",
                            Map.of("origin", "https://www.example.com"));
                    String response = invoke(handler, event);
                    if (!response.contains("\"statusCode\":202")) {
                        failures.incrementAndGet();
                        synchronized (failureSamples) {
                            if (failureSamples.size() < 3) {
                                failureSamples.add(response);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> thread : running) {
            thread.get();
        }
        threads.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        failureSamples.forEach(sample -> System.err.println("hot partner: a lead failed: " + sample));

        // the counters, from the stream
        FunctionDef counters = context.template().function("CountersFunction");
        String streamArn = context.client().describeTable(r -> r.tableName(table)).table().latestStreamArn();
        long counted;
        try (StreamPollers pollers = new StreamPollers(context.dynamoDb().streamsClient(), "us-east-1")) {
            pollers.subscribe(streamArn, counters.streams().getFirst(), LocalFunction.of("CountersFunction",
                    CountersWiring.handler(env, DynamoDbClients.create(List.of()))));
            pollers.awaitIdle(Duration.ofMinutes(5));
            counted = new DynamoDbStatsRepository(context.client(), new TableConfig(table,
                    new ProgramId(BenchContext.PROGRAM_ID))).partnerStats(data.partner.id(),
                    YearMonth.now(ZoneOffset.UTC), null).allTime(Counters.LEADS);
        }
        return List.of(
                Metric.of("lead.hot_partner.leads", LEADS),
                Metric.of("lead.hot_partner.threads", THREADS),
                Metric.of("lead.hot_partner.failures", failures.get()),
                Metric.of("lead.hot_partner.counted", counted),
                Metric.of("lead.hot_partner.rps", LEADS / seconds, 0));
    }

    private static String invoke(RequestStreamHandler handler, byte[] event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event), out, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
