package dev.refer.bench;

import dev.refer.comms.CheckinPlannerHandler;
import dev.refer.comms.MailWorkerHandler;
import dev.refer.comms.MailWorkerWiring;
import dev.refer.comms.PlannerWiring;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.SeedItems;
import dev.refer.dynamodb.TableConfig;
import dev.refer.emulators.FunctionDef;
import dev.refer.local.LocalStack;
import dev.refer.testkit.mail.SesOutbox;
import dev.refer.testkit.queues.QueueDriver;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The monthly check-in run end to end through the local stack (the admin API starts it; the mail queue, the mail
 * workers at the configured SES send rate, SES in moto): the rate the emails actually reached SES at (noted by a
 * pass-through in front of moto), against the configured rate, and the most that arrived within any one second; a rerun, and the duplicates it caused (none); then the same run's
 * DynamoDB units (by DynamoDB's billing rules) and SES calls per partner from the planner and worker in this process,
 * and what a run costs for 100,000 partners at AWS list prices.
 *
 * <p>{@code -Dbench.checkin.partners=N} sets the size (300 by default), {@code -Dbench.checkin.rate=R} the send rate
 * (the template's MailSendRate default unless given), {@code -Dbench.checkin.workers=W} the workers
 * (MailWorkerMaxConcurrency), {@code -Dbench.checkin.sample=S} how many partners' check-ins the units pass measures
 * (1,000 unless given).
 */
final class CheckinBenchmark {

    private static final int PARTNERS = Integer.getInteger("bench.checkin.partners", 300);
    /** Partners whose check-in the units pass measures (its planning steps included as they come). */
    private static final int UNITS_SAMPLE = Integer.getInteger("bench.checkin.sample", 1_000);
    private static final double SQS_PER_MILLION = 0.40;
    private static final double SES_PER_THOUSAND = 0.10;

    private final BenchContext context;
    private final YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private final Instant monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    CheckinBenchmark(BenchContext context) {
        this.context = context;
    }

    List<Metric> run() throws Exception {
        Map<String, String> defaults = context.template().parameterDefaults();
        String rate = System.getProperty("bench.checkin.rate", defaults.get("MailSendRate"));
        String workers = System.getProperty("bench.checkin.workers", defaults.get("MailWorkerMaxConcurrency"));
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("checkin.assumed", PARTNERS + " active partners with a link each (a tenth new),"
                + " MailSendRate " + rate + "/s, " + workers + " mail workers"));
        try (SesArrivals ses = new SesArrivals("@bench.example");
             LocalStack stack = LocalStack.start(LocalStack.Options.defaults().withPort(0)
                     .withTableName("refer-bench-checkin").withAccessLog(false)
                     .withRef("MailSendRate", rate).withRef("MailWorkerMaxConcurrency", workers)
                     .withEndpoints((function, emulator, endpoint) -> function.equals("MailWorkerFunction")
                             && emulator.equals("moto") ? ses.in(endpoint) : endpoint))) {
            String key = stack.adminKey();
            PayoutBenchmark.admin(stack, key, "PUT", "/admin/program", """
                    {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"plan":{"saleRateBps":2000},
                     "payouts":{"minimum":{"EUR":1000},"locale":"en-US","managerEmail":"manager@program.example"}}""");
            PayoutBenchmark.admin(stack, key, "PUT", "/admin/communications", """
                    {"programName":"Bench Partners","idealCustomer":"Finance teams of 20 to 200 people",
                     "valueProposition":"Closes the books in a day","differentiators":["No setup fee"],
                     "resources":[{"title":"Pitch deck","url":"https://bench.example/deck.pdf"}],
                     "note":{"month":"%s","text":"Webinar on the 12th"},"topPartners":3}""".formatted(month));
            String programId = context.template().parameterDefaults().getOrDefault("ProgramId", "main");
            long seeding = System.nanoTime();
            seed(stack.dynamoDb(), new TableConfig(stack.tableName(), new ProgramId(programId)));
            stack.awaitIdle(Duration.ofMinutes(120));
            System.err.printf("checkin: %d partners seeded in %.0f s; the run starts%n", PARTNERS,
                    (System.nanoTime() - seeding) / 1e9);

            long start = System.nanoTime();
            PayoutBenchmark.admin(stack, key, "POST", "/admin/checkin-runs", "{\"month\":\"" + month + "\"}");
            // a large run takes hours at the SES pace: say how far it is once a minute (stderr, as the rest)
            ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                    .daemon().name("checkin-progress").factory());
            int[] before = {0};
            progress.scheduleAtFixedRate(() -> {
                int now = ses.count();
                System.err.printf("checkin: %,d of %,d check-ins reached SES after %.0f s (%.1f a second in the"
                        + " last minute)%n", now, PARTNERS, (System.nanoTime() - start) / 1e9, (now - before[0]) / 60.0);
                before[0] = now;
            }, 60, 60, TimeUnit.SECONDS);
            try {
                stack.awaitIdle(Duration.ofHours(12));
            } finally {
                progress.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int logged = sendTimes(stack.dynamoDb(), stack.tableName()).size();
            if (logged != PARTNERS) {
                throw new IllegalStateException(logged + " check-ins logged as sent for " + PARTNERS + " partners");
            }
            // when each check-in reached SES
            List<Long> sent = ses.sends();
            double measured = (sent.size() - 1) / ((sent.get(sent.size() - 1) - sent.get(0)) / 1e9);
            // a rerun of the same month: everything was sent, so it sends nothing
            PayoutBenchmark.admin(stack, key, "POST", "/admin/checkin-runs", "{\"month\":\"" + month + "\"}");
            stack.awaitIdle(Duration.ofHours(1));
            List<SesOutbox.Mail> mails = stack.outbox().messages();
            List<String> partnerMail = mails.stream().flatMap(mail -> mail.to().stream())
                    .filter(to -> to.endsWith("@bench.example")).toList();
            int duplicates = partnerMail.size() - new HashSet<>(partnerMail).size();

            metrics.add(Metric.of("checkin.e2e.partners", PARTNERS));
            metrics.add(Metric.of("checkin.e2e.seconds", seconds, 1));
            metrics.add(Metric.of("checkin.emails.sent", partnerMail.size()));
            metrics.add(Metric.of("checkin.duplicates", duplicates));
            metrics.add(Metric.of("checkin.rate.configured_per_second", Double.parseDouble(rate), 1));
            metrics.add(Metric.of("checkin.rate.measured_per_second", measured, 2));
            metrics.add(Metric.of("checkin.rate.max_in_any_second", maxInOneSecond(sent)));
            metrics.add(Metric.of("checkin.rate.ratio", measured / Double.parseDouble(rate), 2));
            metrics.addAll(unitsAndCost(stack, Double.parseDouble(rate), Integer.parseInt(workers)));
        }
        return metrics;
    }

    /** The partners (a tenth joined in the month: onboarding) and a link each, in batch writes. */
    private void seed(DynamoDbClient client, TableConfig table) {
        Instant longAgo = monthStart.minus(Duration.ofDays(120));
        Instant recently = monthStart.plus(Duration.ofDays(20));
        UlidGenerator ids = new UlidGenerator(Clock.fixed(longAgo, ZoneOffset.UTC));
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int p = 0; p < PARTNERS; p++) {
            Instant joined = p % 10 == 0 ? recently : longAgo;
            Partner partner = new Partner(new PartnerId(ids.newId()), "Partner " + p,
                    new EmailAddress("partner" + p + "@bench.example"), null, PartnerStatus.ACTIVE, null, joined);
            items.add(SeedItems.partner(partner, table));
            items.add(SeedItems.link(new Link(LinkCode.chosen("bench-" + p), partner.id(),
                    URI.create("https://bench.example/"), "newsletter", true, true, joined)));
            if (items.size() >= 2_000) {
                PayoutBenchmark.write(client, table.tableName(), items);
                items.clear();
            }
        }
        PayoutBenchmark.write(client, table.tableName(), items);
    }

    /** When each check-in went out, from the send log (the benchmark may scan; functions never do). */
    private List<Instant> sendTimes(DynamoDbClient client, String table) {
        List<Instant> times = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = client.scan(ScanRequest.builder().tableName(table)
                    .filterExpression("#kind = :checkin AND attribute_exists(sentAt)")
                    .expressionAttributeNames(Map.of("#kind", "kind"))
                    .expressionAttributeValues(Map.of(":checkin", AttributeValue.fromS("checkin")))
                    .exclusiveStartKey(start).build());
            page.items().forEach(item -> times.add(Instant.parse(item.get("sentAt").s())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        times.sort(null);
        return times;
    }

    private static int maxInOneSecond(List<Long> sortedNanos) {
        int max = 0;
        int from = 0;
        for (int to = 0; to < sortedNanos.size(); to++) {
            while (sortedNanos.get(to) - sortedNanos.get(from) >= 1_000_000_000L) {
                from++;
            }
            max = Math.max(max, to - from + 1);
        }
        return max;
    }

    // ---- units and cost: the planner and a worker in this process, on the stack's table ------------------------

    /** Counts the calls a client makes (SES sends). */
    private static final class Counter implements ExecutionInterceptor {
        final LongAdder calls = new LongAdder();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.increment();
        }
    }

    private List<Metric> unitsAndCost(LocalStack stack, double rate, int workers) throws Exception {
        // the month before: a campaign of its own for every partner, its mail on a queue only this process reads
        YearMonth other = month.minusMonths(1);
        SqsClient sqs = stack.queues().client();
        String queue = sqs.createQueue(r -> r.queueName("bench-checkin-units")).queueUrl();
        ModeledCapacity capacity = new ModeledCapacity(stack.dynamoDb(), stack.tableName(),
                context.template().createTableRequest(BenchContext.TABLE_LOGICAL_ID, stack.tableName()));
        Counter dynamoDbCalls = new Counter();
        Counter sesCalls = new Counter();
        Map<String, String> plannerEnv = new HashMap<>(stack.functionEnvironment("CheckinPlannerFunction"));
        plannerEnv.put("MAIL_QUEUE_URL", queue);
        Map<String, String> workerEnv = new HashMap<>(stack.functionEnvironment("MailWorkerFunction"));
        workerEnv.put("MAIL_QUEUE_URL", queue);
        workerEnv.put("MAIL_SEND_RATE", "100000"); // units, not pace, are measured here
        workerEnv.put("MAIL_WORKERS", "1");
        CheckinPlannerHandler planner = PlannerWiring.planner(plannerEnv,
                List.of(capacity, dynamoDbCalls));
        MailWorkerHandler worker = MailWorkerWiring.worker(workerEnv, List.of(capacity, dynamoDbCalls),
                List.of(sesCalls));
        planner.handleRequest(new ByteArrayInputStream(("{\"job\":\"checkin\",\"month\":\"" + other + "\"}")
                .getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
        long messages = 0;
        long partners = 0;
        QueueDriver driver = QueueDriver.of(sqs, queue);
        for (int empty = 0; empty < 2 && partners < UNITS_SAMPLE; ) {
            List<Message> batch = driver.receive(10, 0);
            if (batch.isEmpty()) {
                empty++;
                continue;
            }
            empty = 0;
            messages += batch.size();
            partners += batch.stream().filter(m -> m.body().contains("\"type\":\"write\"")).count();
            QueueDriver.Delivery delivery = driver.deliver(batch, QueueDriver.Function.of(worker), true);
            if (delivery.error() != null || delivery.failed() > 0) {
                throw new IllegalStateException("the mail worker failed: " + delivery);
            }
        }
        sqs.purgeQueue(r -> r.queueUrl(queue)); // the rest of a large run, unmeasured
        double writeUnits = capacity.writeUnits.sum() / partners;
        double readUnits = capacity.readUnits.sum() / partners;
        double calls = dynamoDbCalls.calls.sum() / (double) partners;
        double ses = sesCalls.calls.sum() / (double) partners;
        double messagesPerPartner = messages / (double) partners;
        int memoryMb = context.template().functions().stream()
                .filter(f -> f.logicalId().equals("MailWorkerFunction")).mapToInt(FunctionDef::memorySizeMb)
                .findFirst().orElseThrow();
        // per partner on AWS: a worker holds each email for workers / rate seconds (its share of the pace, billed),
        // a tenth of an invocation, the queue's send + receive + delete per message (batched by 10), the units, SES
        double perPartner = workers / rate * memoryMb / 1024.0 * CostModel.LAMBDA_ARM_PER_GB_SECOND
                + 0.1 * messagesPerPartner * CostModel.LAMBDA_REQUESTS_PER_MILLION / 1e6
                + 0.3 * messagesPerPartner * SQS_PER_MILLION / 1e6
                + writeUnits * CostModel.DYNAMODB_WRITE_UNIT_PER_MILLION / 1e6
                + readUnits * CostModel.DYNAMODB_READ_UNIT_PER_MILLION / 1e6
                + ses * SES_PER_THOUSAND / 1e3;
        return List.of(
                Metric.of("checkin.units.sample.partners", partners),
                Metric.of("checkin.queue.messages_per_partner", messagesPerPartner, 2),
                Metric.of("checkin.dynamodb.calls_per_partner", calls, 1),
                Metric.of("checkin.units.write_per_partner", writeUnits, 1),
                Metric.of("checkin.units.read_per_partner", readUnits, 1),
                Metric.of("checkin.ses.calls_per_partner", ses, 2),
                Metric.of("cost.checkin.usd_per_100k_partners", perPartner * 100_000, 2));
    }
}
