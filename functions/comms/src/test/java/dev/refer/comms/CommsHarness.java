package dev.refer.comms;

import dev.refer.aws.AwsClients;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Suppression;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.mail.MailLog;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.FaultInjector;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.comms.DynamoDbMailingRuns;
import dev.refer.dynamodb.comms.DynamoDbPreferences;
import dev.refer.dynamodb.comms.DynamoDbSuppressionList;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.emulators.MotoServer;
import dev.refer.emulators.SqsEmulator;
import dev.refer.mail.SesMailer;
import dev.refer.testkit.events.SchedulerEvents;
import dev.refer.testkit.mail.SesOutbox;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.testkit.queues.TestQueue;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A program for the comms tests in DynamoDB Local (one shared table, a program per scenario), the in-process SQS and
 * SES in moto, with the real clients: the planner and the mail worker driven as the schedule and the queue's event
 * source drive them, and what came out read back (emails per recipient from moto, the run's counts).
 */
final class CommsHarness {

    private CommsHarness() {
    }

    private static String newTag() {
        start();
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static SqsClient sqs() {
        start();
        return sqs;
    }

    static TestTable table() {
        start();
        return table;
    }

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String SENDER = "partners@program.example";
    private static MotoServer moto;
    private static SqsEmulator sqsEmulator;
    private static SqsClient sqs;
    private static TestTable table;

    private static boolean started;

    /** The shared engines, started once for every test class of the module that needs them. */
    static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        LocalSdk.useSharedDynamoDbLocal();
        table = TestTable.create();
        moto = MotoServer.start();
        sqsEmulator = SqsEmulator.start("us-east-1");
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        sqs = SqsClient.builder().endpointOverride(sqsEmulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        try (SesV2Client ses = SesV2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build()) {
            ses.createEmailIdentity(r -> r.emailIdentity(SENDER));
            ses.createConfigurationSet(r -> r.configurationSetName("mail-faults"));
        }
    }

    /** One program in the shared table: three partners (one opted out of check-ins, one bounced) and a manager. */
    static final class Scenario {
        final String tag = newTag(); // starts the engines first: the fields below need them
        final TableConfig config = new TableConfig(table.name(), new ProgramId("m" + tag));
        final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
        final Map<String, String> env = new HashMap<>();
        final TestQueue queue;
        final String queueUrl;

        Scenario() {
            queue = TestQueue.create(sqs, "mail-" + tag, 5);
            queueUrl = queue.url();
            env.putAll(Map.of("TABLE_NAME", config.tableName(), "PROGRAM_ID", config.programId().value(),
                    "MAIL_QUEUE_URL", queueUrl, "MAIL_FROM", "Program Partners <" + SENDER + ">",
                    "MAIL_CONFIGURATION_SET", "mail-faults", "MAIL_SEND_RATE", "1000", "MAIL_WORKERS", "1",
                    "MAIL_MAX_RECEIVES", "5", "PUBLIC_BASE_URL", "https://api.program.example",
                    "PAYOUT_TIME_ZONE", "UTC"));
            env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_SQS", sqsEmulator.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_DYNAMODB", table.endpoint().toString());
            ProgramFixture fixture = new ProgramFixture(table.client(), config);
            fixture.program(5_000L, Locale.US, "Paid by bank transfer.", address("manager"));
            Instant joined = Instant.parse("2026-06-01T00:00:00Z");
            for (String name : List.of("ada", "bob", "cid", "dan")) {
                fixture.partner(partnerId(name), "Partner " + name, address(name), joined);
            }
            fixture.optOut(partnerId("cid"), Topic.CHECKIN, joined);
            fixture.suppress(address("dan"), Suppression.Reason.BOUNCE, joined, "mailbox does not exist");
        }

        String address(String name) {
            return name + "-" + tag + "@partner.example";
        }

        PartnerId partnerId(String name) {
            return new PartnerId(String.format("%026d", Math.abs((tag + name).hashCode())));
        }

        /** The planner and the mail worker of one execution environment, on the same clients. */
        record Functions(CheckinPlannerHandler planner, MailWorkerHandler worker) {
        }

        Functions functions(List<ExecutionInterceptor> dynamoDb, List<ExecutionInterceptor> sqsFaults,
                            List<ExecutionInterceptor> ses) {
            var db = DynamoDbClients.create(env, dynamoDb);
            var queue = AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", sqsFaults);
            return new Functions(new CheckinPlannerHandler(PlannerWiring.create(env, db, queue, clock)),
                    new MailWorkerHandler(MailWorkerWiring.create(env, db, queue, SesMailer.fromEnv(env, ses),
                            () -> List.of("link-secret-" + tag), clock)));
        }

        /** The month's check-ins, as the schedule (retried when it fails) and the queue's event source drive them. */
        void run(List<ExecutionInterceptor> dynamoDb, List<ExecutionInterceptor> sqsFaults,
                 List<ExecutionInterceptor> ses) throws Exception {
            Functions functions = functions(dynamoDb, sqsFaults, ses);
            SchedulerEvents.invoke(functions.planner(), SchedulerEvents.checkin(OCTOBER), 3);
            queue.queue().drain(functions.worker());
        }

        /** Invokes the planner with {@code eventJson} (a schedule's input), then works the queue dry. */
        void plan(String eventJson) throws Exception {
            Functions functions = functions(List.of(), List.of(), List.of());
            SchedulerEvents.invoke(functions.planner(), eventJson, 1);
            queue.queue().drain(functions.worker());
        }

        /** Works the queue dry with a clean worker. */
        void work() throws Exception {
            queue.queue().drain(functions(List.of(), List.of(), List.of()).worker());
        }

        /** Emails per recipient (moto keeps every one) and the check-in run's counts. */
        Map<String, Object> outcome() throws Exception {
            Map<String, Object> outcome = new TreeMap<>();
            mails().forEach((name, subjects) -> outcome.put(name, subjects.size()));
            outcome.put("counts", new TreeMap<>(new DynamoDbMailingRuns(table.client(), config)
                    .find(Campaign.checkin(OCTOBER)).orElseThrow().counts()));
            return outcome;
        }

        /** The subjects of the emails each recipient of this scenario got (by the name before the tag). */
        Map<String, List<String>> mails() throws Exception {
            Map<String, List<String>> mails = new TreeMap<>();
            for (SesOutbox.Mail mail : new SesOutbox(moto.endpoint()).messages()) {
                String to = mail.to().getFirst();
                if (to.contains(tag)) {
                    mails.computeIfAbsent(to.substring(0, to.indexOf('-')), k -> new ArrayList<>()).add(mail.subject());
                }
            }
            return mails;
        }

        MailLog.State logState(String name) {
            return new DynamoDbMailLog(table.client(), config).find(Campaign.checkin(OCTOBER).sendKey(partnerId(name)))
                    .orElseThrow().state();
        }
    }

}
