package dev.refer.payouts;

import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.conversion.ConversionCommand;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.ConversionResult;
import dev.refer.core.conversion.RecordRefund;
import dev.refer.core.conversion.RecordSale;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.payout.Payout;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;
import dev.refer.core.stats.ProjectCounters;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.conversion.DynamoDbOrderBook;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.payout.DynamoDbPayoutBook;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import dev.refer.emulators.MotoServer;
import dev.refer.mail.SesMailer;
import dev.refer.testkit.TestClock;
import dev.refer.testkit.events.SchedulerEvents;
import dev.refer.testkit.mail.SesOutbox;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.testkit.queues.TestQueue;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.util.Currency;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A program in DynamoDB Local with its payout queue and SES in moto, driven with the real SDK clients: sales recorded
 * by the real use cases at a chosen time, the stream projection applied to them, the planner and the worker run as
 * Lambda would (the worker fed from the queue, failed messages redelivered at once: the queue's visibility timeout
 * is 0), and what came out read back.
 */
final class PayoutHarness {

    static final String SENDER = "partners@program.example";
    private static MotoServer moto;
    private static SqsClient sqs;
    private static SesV2Client ses;
    private static TestTable shared;

    /** The one table every scenario writes to, each under a program id of its own (tables only accumulate). */
    final TestTable table;
    /** This scenario's program in the shared table. */
    final TableConfig config;
    final TestClock clock = TestClock.at("2026-10-05T10:00:00Z");
    final Map<String, String> env = new HashMap<>();
    final TestQueue queue;
    private final ProgramFixture fixture;
    private final UlidGenerator ids = new UlidGenerator(clock);
    private int events;

    static synchronized MotoServer moto() {
        if (moto == null) {
            LocalSdk.useSharedDynamoDbLocal();
            moto = MotoServer.start();
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
            ses = SesV2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
            shared = TestTable.create();
        }
        return moto;
    }

    PayoutHarness(long minimumMinor) {
        moto();
        // each scenario starts from an empty moto (queues, identities, sent mail): its emails are all it reads
        moto.reset();
        ses.createEmailIdentity(r -> r.emailIdentity(SENDER));
        table = shared;
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        config = new TableConfig(table.name(), new ProgramId("p" + suffix));
        queue = TestQueue.create(sqs, "payouts-" + suffix, 5);
        String configurationSet = "payouts-" + suffix;
        ses.createConfigurationSet(r -> r.configurationSetName(configurationSet));
        env.put("TABLE_NAME", config.tableName());
        env.put("PROGRAM_ID", config.programId().value());
        env.put("PAYOUT_QUEUE_URL", queue.url());
        env.put("PAYOUT_TIME_ZONE", "UTC");
        env.put("MAIL_FROM", "Program Partners <" + SENDER + ">");
        env.put("MAIL_CONFIGURATION_SET", configurationSet);
        env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB", table.endpoint().toString());
        fixture = new ProgramFixture(table.client(), config);
        fixture.program(minimumMinor, Locale.GERMANY, "Paid by bank transfer within 10 days.",
                "manager@program.example");
    }

    /** An active partner (20 % of sales) with an enabled link {@code code}. */
    Partner partner(String email, String code) {
        Partner partner = fixture.partner(new PartnerId(ids.newId()), "Partner " + email, email, clock.instant());
        fixture.link(partner, code, clock.instant());
        return partner;
    }

    /** A sale brought by {@code code} now (20 % commission), its ledger entry projected onto the payee index. */
    void sale(String code, String orderId, long minor) {
        record(ConversionKind.SALE, code, orderId, minor);
    }

    void refund(String orderId, long minor) {
        record(ConversionKind.REFUND, null, orderId, minor);
    }

    /**
     * A sale whose stream record the counters function never applied (its batch failed its retries and went to the
     * dead-letter queue): its ledger entry is stored, the payee index does not list the partner.
     */
    void saleLostToTheStream(String code, String orderId, long minor) {
        record(ConversionKind.SALE, code, orderId, minor, false);
    }

    private void record(ConversionKind kind, String code, String orderId, long minor) {
        record(kind, code, orderId, minor, true);
    }

    private void record(ConversionKind kind, String code, String orderId, long minor, boolean projected) {
        var client = table.client();
        var programs = new DynamoDbProgramRepository(client, config);
        var partners = new DynamoDbPartnerRepository(client, config);
        var orders = new DynamoDbOrderBook(client, config);
        ConversionCommand command = new ConversionCommand("evt-" + (++events), kind, orderId,
                Money.of(minor, "EUR"), "cus-" + orderId, null, clock.instant(), null, code);
        ConversionResult result = kind == ConversionKind.REFUND
                ? new RecordRefund(config.programId(), programs, orders, new DynamoDbCommissionLedger(client, config),
                new CommissionPolicy(), ids, clock)
                .record(command)
                : new RecordSale(config.programId(), programs, partners, orders,
                new DynamoDbCommissionLedger(client, config), new AttributionPolicy(new DynamoDbLinkRepository(client, config), partners), new CommissionPolicy(),
                ids, clock).record(command);
        if (!(result instanceof ConversionResult.Recorded recorded)) {
            throw new IllegalStateException("not recorded: " + result);
        }
        if (!projected) {
            return;
        }
        // what the counters function does with the stream: here the new entries, at once
        List<ProjectCounters.Change> changes = new ArrayList<>();
        for (Commission entry : recorded.entries()) {
            changes.add(new ProjectCounters.CommissionChanged(String.format("%024d", System.nanoTime()), null, entry));
        }
        new ProjectCounters(new DynamoDbStatsRepository(client, config, clock),
                ZoneId.of(env.get("PAYOUT_TIME_ZONE"))).count("harness", changes);
    }

    /** The program manager voids a ledger entry now (admin API's use case, on DynamoDB). */
    dev.refer.core.review.ReviewCommission.Result voidEntry(Partner partner, dev.refer.core.ledger.CommissionId entry) {
        return reviewCommission().voidEntry(partner.id(), entry, "fraudulent order");
    }

    /** The program manager approves a ledger entry early, now. */
    dev.refer.core.review.ReviewCommission.Result approveEarly(Partner partner,
                                                               dev.refer.core.ledger.CommissionId entry) {
        return reviewCommission().approveEarly(partner.id(), entry);
    }

    private dev.refer.core.review.ReviewCommission reviewCommission() {
        var client = table.client();
        return new dev.refer.core.review.ReviewCommission(new DynamoDbCommissionLedger(client, config),
                new DynamoDbOrderBook(client, config), new dev.refer.dynamodb.lead.DynamoDbLeadRepository(client, config),
                ids, clock);
    }

    /** The run of {@code period}, as the schedule and the queue drive it. */
    void run(YearMonth period, List<ExecutionInterceptor> dynamoDb, List<ExecutionInterceptor> sqsFaults,
             List<ExecutionInterceptor> sesFaults) throws Exception {
        PayoutsWiring wiring = wiring(dynamoDb, sqsFaults, sesFaults);
        // EventBridge Scheduler retries a failed invocation
        SchedulerEvents.invoke(new PayoutPlannerHandler(wiring, clock), SchedulerEvents.payoutRun(period), 3);
        queue.queue().drain(new PayoutWorkerHandler(wiring));
    }

    void run(YearMonth period) throws Exception {
        run(period, List.of(), List.of(), List.of());
    }

    PayoutsWiring wiring(List<ExecutionInterceptor> dynamoDb, List<ExecutionInterceptor> sqsFaults,
                         List<ExecutionInterceptor> sesFaults) {
        var clients = new PayoutsWiring.Clients(DynamoDbClients.create(env, dynamoDb),
                dev.refer.aws.AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", sqsFaults),
                SesMailer.fromEnv(env, sesFaults));
        return PayoutsWiring.create(env, clients, clock);
    }

    int deadLetters() {
        return queue.deadLetters().depth();
    }

    List<Payout> payouts(YearMonth period) {
        List<Payout> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Payout> page = new DynamoDbPayoutBook(table.client(), config)
                    .payoutsIn(period, new PageRequest(100, cursor));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        all.sort(java.util.Comparator.comparing(p -> p.id().value()));
        return all;
    }

    List<Commission> ledger(Partner partner) {
        return new DynamoDbCommissionLedger(table.client(), config)
                .commissionsOf(partner.id(), new PageRequest(100, null)).items();
    }

    /** Every email sent to {@code to} (moto keeps all of them). */
    static List<SesOutbox.Mail> sentTo(String to) {
        return new SesOutbox(moto.endpoint()).to(to);
    }
}
