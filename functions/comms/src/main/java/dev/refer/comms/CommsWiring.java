package dev.refer.comms;

import com.fasterxml.jackson.databind.JsonNode;
import dev.refer.aws.AwsClients;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.comms.Broadcasts;
import dev.refer.core.comms.CheckInPartner;
import dev.refer.core.comms.Deliver;
import dev.refer.core.comms.MailingMessages;
import dev.refer.core.comms.MailingRuns;
import dev.refer.core.comms.Notify;
import dev.refer.core.comms.PreferencesRepository;
import dev.refer.core.comms.RunMailing;
import dev.refer.core.comms.SummarizeCheckins;
import dev.refer.core.comms.SuppressionList;
import dev.refer.core.comms.TopPartners;
import dev.refer.core.comms.UnsubscribeLinks;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.PacedMailer;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.program.CachedProgram;
import dev.refer.dynamodb.DynamoDbAudience;
import dev.refer.dynamodb.DynamoDbBroadcastBook;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.DynamoDbCommsSettings;
import dev.refer.dynamodb.DynamoDbDigestBook;
import dev.refer.dynamodb.DynamoDbLeaderboard;
import dev.refer.dynamodb.DynamoDbMailLog;
import dev.refer.dynamodb.DynamoDbMailingRuns;
import dev.refer.dynamodb.DynamoDbPreferences;
import dev.refer.dynamodb.DynamoDbSuppressionList;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.payout.DynamoDbPayoutBook;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import dev.refer.lambda.Env;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.StreamFunction;
import dev.refer.mail.SesMailer;
import dev.refer.sqs.SqsMailingMessages;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Partner communications' object graph, once per execution environment. Environment: {@code TABLE_NAME},
 * {@code PROGRAM_ID}, {@code MAIL_QUEUE_URL}, {@code MAIL_FROM}, {@code MAIL_CONFIGURATION_SET},
 * {@code MAIL_LINK_SECRET_ARN}, {@code PUBLIC_BASE_URL}, {@code PAYOUT_TIME_ZONE}, {@code MAIL_SEND_RATE} and
 * {@code MAIL_WORKERS} (the pace), {@code MAIL_MAX_RECEIVES} (the queue's redrive count).
 */
public record CommsWiring(RunMailing mailing, CheckInPartner checkIns, SummarizeCheckins summary,
                          Broadcasts broadcasts, Notify notifier, MailingRuns runs, PreferencesRepository preferences,
                          SuppressionList suppressions, UnsubscribeLinks links, ZoneId zone, int maxReceives,
                          PacedMailer pace) {

    /** Clients, each with the interceptors tests use to inject faults; the mailer unpaced. */
    record Clients(DynamoDbClient dynamoDb, SqsClient sqs, Mailer mailer, Supplier<List<String>> linkSecrets) {
    }

    static Clients clients(Map<String, String> env, List<ExecutionInterceptor> dynamoDb, List<ExecutionInterceptor> sqs,
                           List<ExecutionInterceptor> ses) {
        String queue = env.get("MAIL_QUEUE_URL");
        return new Clients(DynamoDbClients.create(env, dynamoDb),
                queue == null ? null : AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", sqs),
                env.get("MAIL_FROM") == null ? null : SesMailer.fromEnv(env, ses), () -> linkSecrets(env));
    }

    /**
     * Read when a link is first signed or checked (functions that never do, mail events, never read them), and again
     * when UnsubscribeLinks refreshes them (a rotation).
     */
    private static List<String> linkSecrets(Map<String, String> env) {
        try (SecretsManagerClient client = AwsClients.build(SecretsManagerClient.builder(), env,
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", List.of())) {
            return MailLinkSecrets.read(client, Env.require(env, "MAIL_LINK_SECRET_ARN"));
        }
    }

    static CommsWiring create(Map<String, String> env) {
        return create(env, clients(env, List.of(), List.of(), List.of()), Clock.systemUTC());
    }

    static CommsWiring create(Map<String, String> env, Clients clients, Clock clock) {
        TableConfig table = TableConfig.fromEnv(env);
        DynamoDbClient db = clients.dynamoDb();
        var programs = CachedProgram.of(new DynamoDbProgramRepository(db, table), clock);
        var partners = new DynamoDbPartnerRepository(db, table);
        var preferences = new DynamoDbPreferences(db, table);
        var suppressions = new DynamoDbSuppressionList(db, table);
        var settings = new DynamoDbCommsSettings(db, table);
        var runs = new DynamoDbMailingRuns(db, table);
        var log = new DynamoDbMailLog(db, table);
        PacedMailer mailer = clients.mailer() == null ? null : PacedMailer.fromEnv(clients.mailer(), env);
        SendOnce once = new SendOnce(log, mailer, clock, suppressions); // transactional mail: bounces only
        // Deliver reads the suppression list itself (bounce and complaint): its SendOnce does not read it again
        Deliver deliver = new Deliver(log, new SendOnce(log, mailer, clock), suppressions, preferences, clock);
        // the API's address (links in emails); the unsubscribe route itself only checks links, and has none
        String baseUrl = env.getOrDefault("PUBLIC_BASE_URL", "");
        UnsubscribeLinks links = new UnsubscribeLinks(baseUrl, clients.linkSecrets(), clock);
        ZoneId zone = ZoneId.of(env.getOrDefault("PAYOUT_TIME_ZONE", "UTC"));
        var messages = clients.sqs() == null ? null
                : new SqsMailingMessages(clients.sqs(), Env.require(env, "MAIL_QUEUE_URL"));
        RunMailing mailing = new RunMailing(new DynamoDbAudience(db, table), runs, messages, clock, new UlidGenerator(clock));
        var leaderboard = new DynamoDbLeaderboard(db, table);
        TopPartners top = new TopPartners(leaderboard, partners, preferences, clock);
        CheckInPartner checkIns = new CheckInPartner(table.programId(), programs, partners,
                new DynamoDbStatsRepository(db, table, clock), new DynamoDbLinkRepository(db, table),
                new DynamoDbPayoutBook(db, table), top, settings, links, deliver, zone, baseUrl);
        SummarizeCheckins summary = new SummarizeCheckins(table.programId(), programs, partners, runs, leaderboard, top,
                settings, once);
        Broadcasts broadcasts = new Broadcasts(table.programId(), programs, partners, new DynamoDbBroadcastBook(db, table),
                settings, messages, mailing, links, deliver, once, new UlidGenerator(clock), clock);
        Notify notify = new Notify(table.programId(), programs, partners, preferences, new DynamoDbDigestBook(db, table),
                settings, links, deliver, once, zone, clock);
        return new CommsWiring(mailing, checkIns, summary, broadcasts, notify, runs, preferences, suppressions, links,
                zone, Integer.parseInt(env.getOrDefault("MAIL_MAX_RECEIVES", "5")), mailer);
    }

    /** The mail queue alone: the notifications function needs nothing else (no table, no SES). */
    static MailingMessages mailQueue(Map<String, String> env) {
        return new SqsMailingMessages(AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", List.of()),
                Env.require(env, "MAIL_QUEUE_URL"));
    }

    /** For the benchmark: the check-in planner with interceptors on its DynamoDB client (what a run costs). */
    public static CheckinPlannerHandler planner(Map<String, String> env, List<ExecutionInterceptor> dynamoDb) {
        return new CheckinPlannerHandler(create(env, clients(env, dynamoDb, List.of(), List.of()), Clock.systemUTC()),
                Clock.systemUTC());
    }

    /** For the benchmark: the mail worker with interceptors on its DynamoDB and SES clients. */
    public static MailWorkerHandler worker(Map<String, String> env, List<ExecutionInterceptor> dynamoDb,
                                           List<ExecutionInterceptor> ses) {
        return new MailWorkerHandler(create(env, clients(env, dynamoDb, List.of(), ses), Clock.systemUTC()));
    }

    /** SnapStart: an SQS batch with a message of no known type (event and response types, JSON); nothing written. */
    SnapStartPriming registerPriming(MailWorkerHandler worker) {
        return SnapStartPriming.register(worker::replayPrimingBatch, () -> { });
    }

    /** SnapStart: the schedule's event and answer types (JSON); nothing is read or started. */
    SnapStartPriming registerPriming(CheckinPlannerHandler planner) {
        return SnapStartPriming.register(() -> LambdaJson.writeBytes(Map.of("job", "checkin")), () -> { });
    }

    /** SnapStart: JSON, and the SDK's first call (a lookup of an address that is not suppressed); nothing written. */
    SnapStartPriming registerPriming(MailEventsHandler events) {
        return SnapStartPriming.register(() -> {
            LambdaJson.readTrusted("{\"eventType\":\"Open\"}", JsonNode.class);
            suppressions.find("priming@example.invalid");
        }, () -> { });
    }

    /** SnapStart: the confirmation page of a link this program did not sign (a 400 problem); nothing written. */
    SnapStartPriming registerPriming(UnsubscribeHandler unsubscribe) {
        return SnapStartPriming.register(() -> SnapStartPriming.replay(unsubscribe, SnapStartPriming.httpEvent(
                "GET /unsubscribe", "/unsubscribe", Map.of(), Map.of("t", "priming"), null)), () -> { });
    }

    /** SnapStart: an empty stream batch (event and response types, JSON); nothing is queued. */
    static SnapStartPriming registerPriming(NotificationsHandler notifications) {
        return SnapStartPriming.register(() -> notifications.replay(StreamFunction.EMPTY_BATCH), () -> { });
    }
}
