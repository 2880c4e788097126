package dev.refer.outbound;

import com.standardwebhooks.Webhook;
import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.events.DomainEvent;
import dev.refer.core.events.DomainEvents;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.outbound.DeliverWebhook;
import dev.refer.core.outbound.EventType;
import dev.refer.core.outbound.SendTarget;
import dev.refer.core.outbound.WebhookEndpoint;
import dev.refer.core.outbound.WebhookEndpointId;
import dev.refer.core.outbound.WebhookSecret;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.outbound.DynamoDbWebhookEndpoints;
import dev.refer.emulators.MotoServer;
import dev.refer.emulators.SqsEmulator;
import dev.refer.mail.SesMailer;
import dev.refer.table.TableKeys;
import dev.refer.testkit.mail.SesOutbox;
import dev.refer.testkit.program.ProgramFixture;
import dev.refer.testkit.queues.QueueDriver;
import dev.refer.testkit.queues.TestQueue;
import dev.refer.testkit.webhooks.HttpsReceiver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outbound webhooks' two functions on DynamoDB Local, the in-process SQS and SES in moto, delivering over real
 * HTTPS to a receiver on loopback: fan-out once however often the stream repeats a batch, sent once however often
 * the queue repeats a message, signed as the official Standard Webhooks library verifies, retried on the queue with
 * backoff, given up to the dead-letter queue after three days, an endpoint failing for three days disabled with one
 * email to the manager, and no connection to an inside address however the name resolves at the last moment.
 */
class OutboundWebhooksTest {

    private static final String SENDER = "partners@program.example";
    private static final AtomicInteger PROGRAMS = new AtomicInteger();
    private static TestTable table;
    private static MotoServer moto;
    private static SqsEmulator sqsEmulator;
    private static SqsClient sqs;
    private static HttpsReceiver receiver;

    private final String tag = "o" + PROGRAMS.incrementAndGet() + Long.toString(System.nanoTime(), 36);
    private final TableConfig config = new TableConfig(table.name(), new ProgramId(tag));
    private final TestQueue queue = TestQueue.create(sqs, "webhooks-" + tag, 50);
    private final Instant now = Instant.now();
    private final Map<String, String> env = new HashMap<>();
    private final DynamoDbWebhookEndpoints endpoints = new DynamoDbWebhookEndpoints(table.client(), config);

    @BeforeAll
    static void start() throws Exception {
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
        }
        receiver = new HttpsReceiver();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        sqs.close();
        sqsEmulator.close();
        moto.close();
    }

    OutboundWebhooksTest() {
        env.putAll(Map.of("TABLE_NAME", config.tableName(), "PROGRAM_ID", config.programId().value(),
                "WEBHOOK_QUEUE_URL", queue.url(), "WEBHOOK_DEAD_LETTER_QUEUE_URL", queue.deadLetters().queueUrl(),
                "MAIL_FROM", "Program Partners <" + SENDER + ">", "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_ENDPOINT_URL_SQS", sqsEmulator.endpoint().toString()));
        new ProgramFixture(table.client(), config).program(0, Locale.US, "terms", "manager-" + tag + "@acme.example");
        receiver.answer = 204;
        receiver.location = null;
    }

    private WebhookEndpoint endpoint(Instant failingSince) {
        WebhookEndpoint endpoint = new WebhookEndpoint(new WebhookEndpointId(endpointId()), receiver.url("/hooks/" + tag), Set.of(EventType.LEAD_CAPTURED), "HubSpot",
                WebhookSecret.generate(new SecureRandom()), null, null, true, null, now, now, failingSince);
        endpoints.create(endpoint);
        return endpoint;
    }

    private List<DomainEvent> leadCaptured() {
        return leadCaptured(0);
    }

    private List<DomainEvent> leadCaptured(int n) {
        Lead lead = new Lead(new LeadId("01JC0000000000000000" + String.format("%05d", Math.abs(tag.hashCode()) % 99999)
                + n),
                new EmailAddress("jane@client.example"), "Jane <script>alert(1)</script>", null, "Client Co", null,
                LeadStatus.NEW, new Attribution(new PartnerId("01JB0000000000000000000001"), Attribution.Path.CODE,
                null, null, null), null, now, now, null, null);
        return DomainEvents.ofLead(null, lead);
    }

    private void fanOut(List<DomainEvent> events) {
        FanOutWiring.create(env, table.client(), sqs, Clock.systemUTC()).fanOut().fanOut(events);
    }

    /** The worker: the receiver is on loopback, so its name service here lets loopback through (production's never). */
    private WebhookDeliveryHandler worker(Clock clock, boolean allowLoopback) {
        SendTarget.Resolver publicAnswer = host -> List.of(InetAddress.getByName("93.184.215.14"));
        HttpTransport transport = new HttpTransport(new PublicOnlyDnsResolver(SystemDefaultDnsResolver.INSTANCE,
                allowLoopback), receiver.clientTls());
        return new WebhookDeliveryHandler(DeliveryWiring.create(env, table.client(), sqs, SesMailer.fromEnv(env),
                publicAnswer, transport, clock));
    }

    private List<HttpsReceiver.Received> mine() {
        return receiver.received.stream().filter(r -> r.path().equals("/hooks/" + tag)).toList();
    }

    private Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> record(String deliveryId) {
        var key = TableKeys.webhookDelivery(deliveryId);
        return table.item(key.pk(), key.sk());
    }

    private String endpointId() {
        return String.format("01JE%022d", Math.abs(tag.hashCode()));
    }

    private static String endpointOf(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        var id = item.get("endpointId");
        return id == null ? "" : id.s();
    }

    private int waiting(QueueDriver driver) {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(driver.queueUrl()).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes()
                .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
    }

    private QueueDriver.Delivery attempt(WebhookDeliveryHandler worker) {
        return queue.queue().deliver(queue.queue().receive(10, 0), QueueDriver.Function.of(worker), true);
    }

    @Test
    void aLeadCaptured_isDeliveredOnce_signedAsTheOfficialLibraryVerifies_thoughStreamAndQueueRepeat()
            throws Exception {
        WebhookEndpoint endpoint = endpoint(null);
        fanOut(leadCaptured());
        fanOut(leadCaptured()); // the stream hands the batch over again
        assertEquals(1, waiting(queue.queue()), "one delivery queued");
        var messages = queue.queue().receive(10, 0);
        String message = messages.getFirst().body();
        queue.queue().deliver(messages, QueueDriver.Function.of(worker(Clock.systemUTC(), true)), true);

        List<HttpsReceiver.Received> got = mine();
        assertEquals(1, got.size());
        HttpsReceiver.Received delivery = got.getFirst();
        new Webhook(endpoint.secret().value()).verify(delivery.body(), HttpHeaders.of(delivery.headers(),
                (a, b) -> true)); // throws unless the signature and timestamp hold
        assertTrue(delivery.body().contains("\"type\":\"lead.captured\""), delivery.body());
        assertTrue(delivery.body().contains("\"name\":\"Jane <script>alert(1)</script>\""),
                "the name as data, JSON-escaped only: " + delivery.body());
        assertTrue(delivery.header("content-type").startsWith("application/json"));
        assertEquals("DELIVERED", record(delivery.header("webhook-id")).get("status").s());

        sqs.sendMessage(r -> r.queueUrl(queue.url()).messageBody(message)); // SQS delivers the message again
        queue.queue().drain(worker(Clock.systemUTC(), true));
        assertEquals(1, mine().size(), "sent once");
        assertEquals(0, waiting(queue.deadLetters()));
    }

    @Test
    void aFailedAttempt_waitsOnTheQueueForItsBackoff() {
        WebhookEndpoint endpoint = endpoint(null);
        receiver.answer = 503;
        fanOut(leadCaptured());
        assertEquals(1, attempt(worker(Clock.systemUTC(), true)).failed(), "handed back to SQS");
        assertTrue(queue.queue().receive(10, 0).isEmpty(), "invisible for the backoff's 30 seconds");
        var record = record(mine().getFirst().header("webhook-id"));
        assertEquals("RETRYING", record.get("status").s());
        assertEquals("503", record.get("lastStatusCode").n());
        assertTrue(endpoints.find(endpoint.id()).orElseThrow().failingSince() != null, "its first failure noted");
    }

    @Test
    void threeDaysAfterItsFirstAttempt_aDeliveryGoesToTheDeadLetterQueue() {
        endpoint(null);
        receiver.answer = 500;
        fanOut(leadCaptured());
        Clock threeDaysOn = Clock.fixed(Instant.now().plus(Duration.ofDays(3)), ZoneOffset.UTC);
        assertEquals(0, attempt(worker(threeDaysOn, true)).failed(), "off the queue");
        assertEquals(0, waiting(queue.queue()));
        assertEquals(1, waiting(queue.deadLetters()));
        assertEquals("GAVE_UP", record(mine().getFirst().header("webhook-id")).get("status").s());
    }

    @Test
    void anEndpointFailingForThreeDays_isDisabled_andTheManagerEmailedOnce() throws Exception {
        WebhookEndpoint endpoint = endpoint(now.minus(Duration.ofDays(3)).minusSeconds(60));
        receiver.answer = 500;
        fanOut(leadCaptured());
        attempt(worker(Clock.systemUTC(), true));
        WebhookEndpoint disabled = endpoints.find(endpoint.id()).orElseThrow();
        assertFalse(disabled.enabled());
        assertEquals(DeliverWebhook.DISABLED_FOR_FAILING, disabled.disabledReason());
        List<SesOutbox.Mail> mails = new SesOutbox(moto.endpoint()).to("manager-" + tag + "@acme.example");
        assertEquals(1, mails.size());
        assertEquals("Webhook endpoint disabled: HubSpot", mails.getFirst().subject());
        assertTrue(mails.getFirst().text().contains("HTTP 500"), mails.getFirst().text());

        fanOut(leadCaptured(1)); // the next lead
        assertEquals(0, waiting(queue.queue()), "a disabled endpoint is queued nothing more");
        assertEquals(1, mine().size());
        assertEquals(1, new SesOutbox(moto.endpoint()).to("manager-" + tag + "@acme.example").size(), "told once");
    }

    @Test
    void aNameThatResolvesInsideAtTheLastMoment_isNeverConnectedTo() {
        endpoint(null);
        fanOut(leadCaptured());
        // the worker's check hears a public address; the connection's own lookup finds loopback (DNS rebinding)
        assertEquals(1, attempt(worker(Clock.systemUTC(), false)).failed());
        assertTrue(mine().isEmpty(), "nothing reached the inside address");
        var records = table.items().stream().filter(item -> "WEBHOOK_DELIVERY".equals(item.get("type").s())
                && endpointOf(item).equals(endpointId())).toList();
        assertEquals(1, records.size());
        assertEquals("RefusedAddressException", records.getFirst().get("lastError").s());
    }

    @Test
    void aRedirect_isAFailedAttempt_neverFollowed() {
        endpoint(null);
        receiver.answer = 302;
        receiver.location = "https://localhost:1/latest/meta-data/";
        fanOut(leadCaptured());
        assertEquals(1, attempt(worker(Clock.systemUTC(), true)).failed());
        assertEquals(1, mine().size());
        assertEquals("302", record(mine().getFirst().header("webhook-id")).get("lastStatusCode").n());
    }

    @Test
    void snapStartPriming_readsButWritesAndSendsNothing() {
        long items = table.items().size();
        int received = receiver.received.size();
        WebhookDeliveryHandler worker = worker(Clock.systemUTC(), true);
        worker.replayPrimingBatch();
        new WebhookFanOutHandler(FanOutWiring.create(env, table.client(), sqs, Clock.systemUTC())).replay(
                dev.refer.lambda.StreamFunction.EMPTY_BATCH);
        assertEquals(items, table.items().size());
        assertEquals(received, receiver.received.size());
        assertEquals(0, waiting(queue.queue()));
    }
}
