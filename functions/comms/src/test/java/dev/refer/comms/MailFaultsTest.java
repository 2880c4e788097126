package dev.refer.comms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.refer.aws.AwsClients;
import dev.refer.core.comms.Campaign;
import dev.refer.core.comms.Suppression;
import dev.refer.core.comms.Topic;
import dev.refer.core.mail.MailLog;
import dev.refer.core.money.Money;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.payout.PayoutSettings;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.DynamoDbMailLog;
import dev.refer.dynamodb.DynamoDbMailingRuns;
import dev.refer.dynamodb.DynamoDbPartnerRepository;
import dev.refer.dynamodb.DynamoDbPreferences;
import dev.refer.dynamodb.DynamoDbProgramRepository;
import dev.refer.dynamodb.DynamoDbSuppressionList;
import dev.refer.dynamodb.FaultInjector;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.TestTable;
import dev.refer.emulators.MotoServer;
import dev.refer.emulators.SqsEmulator;
import dev.refer.mail.SesMailer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A month's check-ins through the mail queue (DynamoDB Local, the in-process SQS, SES in moto, the real clients),
 * with DynamoDB, SQS or SES failing at each call in turn, before the request leaves and after the service acted on
 * it. After each fault, the queue's redelivery (and the scheduler's retry of the planner) must end as a clean run
 * ends: each email sent once, the opted-out partner and the bounced address sent nothing, and the run's counts
 * exact (each email counted once, never lost with a crashed delivery). One decided exception, as for statements:
 * when SES acted on a send but its answer was lost, that email went out once and stays uncertain (never resent).
 */
class MailFaultsTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String SENDER = "partners@program.example";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static MotoServer moto;
    private static SqsEmulator sqsEmulator;
    private static SqsClient sqs;
    private static TestTable table;

    @BeforeAll
    static void start() {
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

    @AfterAll
    static void stop() {
        sqs.close();
        sqsEmulator.close();
        moto.close();
    }

    /** One program in the shared table: three partners (one opted out of check-ins, one bounced) and a manager. */
    private static final class Scenario {
        final String tag = UUID.randomUUID().toString().substring(0, 8);
        final TableConfig config = new TableConfig(table.name(), new ProgramId("m" + tag));
        final Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneOffset.UTC);
        final Map<String, String> env = new HashMap<>();
        final String queueUrl;

        Scenario() {
            String dlq = sqs.createQueue(r -> r.queueName("mail-dlq-" + tag)).queueUrl();
            String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            queueUrl = sqs.createQueue(r -> r.queueName("mail-" + tag).attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "0",
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                            + "\",\"maxReceiveCount\":\"5\"}"))).queueUrl();
            env.putAll(Map.of("TABLE_NAME", config.tableName(), "PROGRAM_ID", config.programId().value(),
                    "MAIL_QUEUE_URL", queueUrl, "MAIL_FROM", "Program Partners <" + SENDER + ">",
                    "MAIL_CONFIGURATION_SET", "mail-faults", "MAIL_SEND_RATE", "1000", "MAIL_WORKERS", "1",
                    "MAIL_MAX_RECEIVES", "5", "PUBLIC_BASE_URL", "https://api.program.example",
                    "PAYOUT_TIME_ZONE", "UTC"));
            env.put("AWS_ENDPOINT_URL", moto.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_SQS", sqsEmulator.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_DYNAMODB", table.endpoint().toString());
            Currency eur = Currency.getInstance("EUR");
            new DynamoDbProgramRepository(table.client(), config).save(new Program(config.programId(), eur, 30, 30,
                    new CommissionPlan(new Reward.Percent(2000), null, Money.of(2500, "EUR")), List.of("example.com"),
                    List.of("https://www.example.com"), Program.DEFAULT_MAX_EVENT_AGE_DAYS,
                    new PayoutSettings(Map.of(eur, 5_000L), Locale.US, "Paid by bank transfer.",
                            new EmailAddress(address("manager")))));
            Instant joined = Instant.parse("2026-06-01T00:00:00Z");
            for (String name : List.of("ada", "bob", "cid", "dan")) {
                new DynamoDbPartnerRepository(table.client(), config).create(new Partner(
                        new PartnerId(String.format("%026d", Math.abs((tag + name).hashCode()))), "Partner " + name,
                        new EmailAddress(address(name)), null, PartnerStatus.ACTIVE, null, joined));
            }
            new DynamoDbPreferences(table.client(), config).optOut(partnerId("cid"), Topic.CHECKIN, joined);
            new DynamoDbSuppressionList(table.client(), config).record(new Suppression(address("dan"),
                    Suppression.Reason.BOUNCE, joined, "mailbox does not exist"));
        }

        String address(String name) {
            return name + "-" + tag + "@partner.example";
        }

        PartnerId partnerId(String name) {
            return new PartnerId(String.format("%026d", Math.abs((tag + name).hashCode())));
        }

        CommsWiring wiring(List<ExecutionInterceptor> dynamoDb, List<ExecutionInterceptor> sqsFaults,
                           List<ExecutionInterceptor> ses) {
            return CommsWiring.create(env, new CommsWiring.Clients(DynamoDbClients.create(env, dynamoDb),
                    AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", sqsFaults),
                    SesMailer.fromEnv(env, ses), () -> List.of("link-secret-" + tag)), clock);
        }

        /** The month's check-ins, as the schedule (retried when it fails) and the queue's event source drive them. */
        void run(List<ExecutionInterceptor> dynamoDb, List<ExecutionInterceptor> sqsFaults,
                 List<ExecutionInterceptor> ses) throws Exception {
            CommsWiring wiring = wiring(dynamoDb, sqsFaults, ses);
            byte[] event = ("{\"job\":\"checkin\",\"month\":\"" + OCTOBER + "\"}").getBytes(StandardCharsets.UTF_8);
            for (int attempt = 1; ; attempt++) {
                try {
                    new CheckinPlannerHandler(wiring, clock).handleRequest(new ByteArrayInputStream(event),
                            new ByteArrayOutputStream(), null);
                    break;
                } catch (RuntimeException e) {
                    if (attempt == 3) {
                        throw e;
                    }
                }
            }
            drain(new MailWorkerHandler(wiring));
        }

        private void drain(MailWorkerHandler worker) throws Exception {
            for (int round = 0; round < 500; round++) {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (messages.isEmpty()) {
                    return; // visibility 0: nothing is ever hidden, so an empty receive means an empty queue
                }
                ObjectNode event = JSON.createObjectNode();
                ArrayNode records = event.putArray("Records");
                for (Message message : messages) {
                    ObjectNode record = records.addObject().put("messageId", message.messageId())
                            .put("receiptHandle", message.receiptHandle()).put("body", message.body())
                            .put("eventSource", "aws:sqs");
                    ObjectNode attributes = record.putObject("attributes");
                    message.attributesAsStrings().forEach(attributes::put);
                }
                Set<String> failed = new HashSet<>();
                try {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    worker.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
                    JSON.readTree(out.toByteArray()).path("batchItemFailures")
                            .forEach(f -> failed.add(f.path("itemIdentifier").asText()));
                } catch (RuntimeException e) {
                    continue; // a function error: the batch comes back
                }
                List<DeleteMessageBatchRequestEntry> done = messages.stream()
                        .filter(m -> !failed.contains(m.messageId()))
                        .map(m -> DeleteMessageBatchRequestEntry.builder().id(m.messageId())
                                .receiptHandle(m.receiptHandle()).build()).toList();
                if (!done.isEmpty()) {
                    sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
                }
            }
            throw new IllegalStateException("the mail queue did not drain");
        }

        /** Emails per recipient (moto keeps every one) and the run's counts. */
        Map<String, Object> outcome() throws Exception {
            Map<String, Object> outcome = new TreeMap<>();
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    moto.endpoint().resolve("/moto-api/data.json")).build(), HttpResponse.BodyHandlers.ofByteArray());
            for (JsonNode raw : JSON.readTree(response.body()).path("ses").path("RawMessage")) {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(raw.path("raw_data").asText().getBytes(StandardCharsets.UTF_8)));
                String to = message.getAllRecipients()[0].toString();
                if (to.contains(tag)) {
                    outcome.merge(to.substring(0, to.indexOf('-')), 1, (a, b) -> (Integer) a + (Integer) b);
                }
            }
            outcome.put("counts", new TreeMap<>(new DynamoDbMailingRuns(table.client(), config)
                    .find(Campaign.checkin(OCTOBER)).orElseThrow().counts()));
            return outcome;
        }

        MailLog.State logState(String name) {
            return new DynamoDbMailLog(table.client(), config).find(Campaign.checkin(OCTOBER).sendKey(partnerId(name)))
                    .orElseThrow().state();
        }
    }

    private static final Map<String, Object> CLEAN = Map.of("ada", 1, "bob", 1, "manager", 1,
            "counts", Map.of("sent", 2L, "opted_out", 1L, "suppressed", 1L));

    @Test
    void aCleanRun_sendsEachEmailOnce_andCountsEachOutcome() throws Exception {
        Scenario clean = new Scenario();
        clean.run(List.of(), List.of(), List.of());
        assertEquals(CLEAN, clean.outcome());

        clean.run(List.of(), List.of(), List.of()); // the schedule's retry, or the manager's rerun
        assertEquals(CLEAN, clean.outcome(), "a rerun sends and counts nothing twice");
    }

    @Test
    void aFaultAtAnyCallOfDynamoDbOrSqs_beforeOrAfterTheServiceActed_endsInTheStateOfACleanRun() throws Exception {
        FaultInjector dynamoDbCalls = FaultInjector.counting();
        FaultInjector sqsCalls = FaultInjector.counting();
        Scenario counted = new Scenario();
        counted.run(List.of(dynamoDbCalls), List.of(sqsCalls), List.of());
        assertEquals(CLEAN, counted.outcome());

        int runs = 0;
        for (String client : List.of("dynamodb", "sqs")) {
            int calls = client.equals("dynamodb") ? dynamoDbCalls.calls.get() : sqsCalls.calls.get();
            for (int call = 1; call <= calls; call++) {
                for (FaultInjector.When when : FaultInjector.When.values()) {
                    Scenario faulty = new Scenario();
                    List<ExecutionInterceptor> fault = List.of(FaultInjector.at(call, when));
                    faulty.run(client.equals("dynamodb") ? fault : List.of(), client.equals("sqs") ? fault : List.of(),
                            List.of());
                    assertEquals(CLEAN, faulty.outcome(), client + " call " + call + " failing " + when);
                    runs++;
                }
            }
        }
        assertTrue(runs > 60, "faults at " + runs + " points");
    }

    @Test
    void sesRefusingASend_isRetriedByTheRedelivery_andTheEmailGoesOutOnce() throws Exception {
        for (int call = 1; call <= 3; call++) { // two check-ins and the manager's summary
            Scenario faulty = new Scenario();
            faulty.run(List.of(), List.of(), List.of(new RefusedSend(call)));
            assertEquals(CLEAN, faulty.outcome(), "send " + call + " refused");
        }
    }

    @Test
    void aSendWhoseAnswerWasLost_isNeverSentAgain_andStaysUncertainAndUncounted() throws Exception {
        Scenario faulty = new Scenario();
        faulty.run(List.of(), List.of(), List.of(FaultInjector.at(1, FaultInjector.When.AFTER)));

        Map<String, Object> outcome = faulty.outcome();
        assertEquals(1, outcome.get("ada"));
        assertEquals(1, outcome.get("bob"));
        assertEquals(Map.of("sent", 1L, "opted_out", 1L, "suppressed", 1L), outcome.get("counts"),
                "the uncertain email is not counted as sent");
        long uncertain = List.of("ada", "bob").stream().map(faulty::logState)
                .filter(state -> state == MailLog.State.SENDING).count();
        assertEquals(1, uncertain, "its send log entry stays SENDING, for a person to look at");
    }

    /** Makes SES refuse the Nth send for real (an unverified sender, which moto rejects with a 400): nothing sent. */
    private static final class RefusedSend implements ExecutionInterceptor {
        private final int refuse;
        private int calls;

        RefusedSend(int refuse) {
            this.refuse = refuse;
        }

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            if (context.request() instanceof SendEmailRequest send && ++calls == refuse) {
                return send.toBuilder().fromEmailAddress("unverified@nowhere.example").build();
            }
            return context.request();
        }
    }
}
