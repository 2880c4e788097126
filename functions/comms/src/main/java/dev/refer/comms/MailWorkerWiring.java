package dev.refer.comms;

import dev.refer.core.application.OnboardingLetters;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.time.Clocks;
import dev.refer.core.comms.broadcast.MailBroadcast;
import dev.refer.core.comms.checkin.CheckInPartner;
import dev.refer.core.comms.checkin.SummarizeCheckins;
import dev.refer.core.comms.checkin.TopPartners;
import dev.refer.core.comms.consent.UnsubscribeLinks;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.comms.mailing.DigestCalendar;
import dev.refer.core.comms.mailing.MailingRuns;
import dev.refer.core.comms.mailing.RunMailing;
import dev.refer.core.comms.notify.AlertSales;
import dev.refer.core.comms.notify.NotifyPartner;
import dev.refer.core.comms.notify.SendPartnerDigest;
import dev.refer.core.comms.notify.SendSalesDigest;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.PacedMailer;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.program.CachedProgram;
import dev.refer.core.terms.TermsNotice;
import dev.refer.core.terms.TermsToAccept;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.application.DynamoDbApplicationBook;
import dev.refer.dynamodb.comms.DynamoDbAudience;
import dev.refer.dynamodb.comms.DynamoDbBroadcastBook;
import dev.refer.dynamodb.comms.DynamoDbCommsSettings;
import dev.refer.dynamodb.comms.DynamoDbDigestBook;
import dev.refer.dynamodb.comms.DynamoDbLeaderboard;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.comms.DynamoDbMailingRuns;
import dev.refer.dynamodb.comms.DynamoDbPreferences;
import dev.refer.dynamodb.comms.DynamoDbSuppressionList;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.payout.DynamoDbPayoutBook;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import dev.refer.dynamodb.terms.DynamoDbTermsBook;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.sqs.SqsMailingMessages;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The mail worker's graph (MailWorkerFunction): everything that writes partner mail (check-ins and their summary,
 * broadcasts and their previews, notifications, sales alerts, digests, the notice of new terms, the onboarding emails), the planning steps (the mail queue), the
 * pace ({@code MAIL_SEND_RATE}, {@code MAIL_WORKERS}) and the queue's redrive count ({@code MAIL_MAX_RECEIVES}).
 */
public record MailWorkerWiring(RunMailing mailing, CheckInPartner checkIns, SummarizeCheckins summary,
                        MailBroadcast broadcasts, NotifyPartner notifyPartner, AlertSales alertSales,
                        SendPartnerDigest partnerDigest, SendSalesDigest salesDigest, TermsNotice termsNotice,
                        OnboardingLetters onboarding, MailingRuns runs, int maxReceives, PacedMailer pace) {

    static MailWorkerWiring create(Map<String, String> env) {
        return create(env, CommsClients.dynamoDb(env, List.of()), CommsClients.sqs(env, List.of()),
                CommsClients.mailer(env, List.of()), CommsClients.linkSecrets(env), Clocks.of(env));
    }

    /** @param mailer unpaced (the pace is the wiring's) */
    static MailWorkerWiring create(Map<String, String> env, DynamoDbClient db, SqsClient sqs, Mailer mailer,
                                   Supplier<List<String>> linkSecrets, Clock clock) {
        TableConfig table = TableConfig.fromEnv(env);
        var programs = CachedProgram.of(new DynamoDbProgramRepository(db, table), clock);
        var partners = new DynamoDbPartnerRepository(db, table);
        var preferences = new DynamoDbPreferences(db, table);
        var suppressions = new DynamoDbSuppressionList(db, table);
        var settings = new DynamoDbCommsSettings(db, table);
        var runs = new DynamoDbMailingRuns(db, table);
        var log = new DynamoDbMailLog(db, table);
        var digests = new DynamoDbDigestBook(db, table);
        PacedMailer paced = PacedMailer.fromEnv(mailer, env);
        SendOnce transactional = new SendOnce(log, paced, clock, suppressions::bounced); // bounces only
        // Deliver reads the suppression list itself (bounce and complaint): its SendOnce does not read it again
        Deliver deliver = new Deliver(log, new SendOnce(log, paced, clock), suppressions, preferences, clock);
        UnsubscribeLinks links = CommsClients.links(env, linkSecrets, clock);
        ZoneId zone = CommsClients.zone(env);
        DigestCalendar calendar = new DigestCalendar(zone, clock);
        var messages = new SqsMailingMessages(sqs, CommsClients.mailQueueUrl(env));
        RunMailing mailing = new RunMailing(new DynamoDbAudience(db, table), runs, messages, clock,
                new UlidGenerator(clock));
        var leaderboard = new DynamoDbLeaderboard(db, table);
        TopPartners top = new TopPartners(leaderboard, partners, preferences, clock);
        var id = table.programId();
        return new MailWorkerWiring(mailing,
                new CheckInPartner(id, programs, partners, new DynamoDbStatsRepository(db, table, clock),
                        new DynamoDbLinkRepository(db, table), new DynamoDbPayoutBook(db, table), top, settings,
                        links, deliver, zone, CommsClients.baseUrl(env)),
                new SummarizeCheckins(id, programs, partners, runs, leaderboard, top, settings, transactional),
                new MailBroadcast(id, programs, partners, new DynamoDbBroadcastBook(db, table), settings, links,
                        deliver, transactional),
                new NotifyPartner(id, programs, partners, preferences, digests, settings, links, deliver,
                        transactional, calendar),
                new AlertSales(id, programs, partners, digests, settings, transactional, calendar),
                new SendPartnerDigest(id, programs, partners, digests, settings, links, deliver),
                new SendSalesDigest(id, programs, partners, digests, settings, transactional),
                new TermsNotice(id, programs, partners, new DynamoDbTermsBook(db, table), settings, deliver,
                        CommsClients.baseUrl(env), zone, clock, TermsToAccept.DEFAULT_TTL),
                new OnboardingLetters(id, programs, partners, new DynamoDbLinkRepository(db, table),
                        new DynamoDbApplicationBook(db, table), settings, transactional, CommsClients.baseUrl(env)),
                runs, Integer.parseInt(env.getOrDefault("MAIL_MAX_RECEIVES", "5")), paced);
    }

    /** For the benchmark: the mail worker with interceptors on its DynamoDB and SES clients. */
    public static MailWorkerHandler worker(Map<String, String> env, List<ExecutionInterceptor> dynamoDb,
                                           List<ExecutionInterceptor> ses) {
        return new MailWorkerHandler(create(env, CommsClients.dynamoDb(env, dynamoDb), CommsClients.sqs(env, List.of()),
                CommsClients.mailer(env, ses), CommsClients.linkSecrets(env), Clocks.of(env)));
    }

    /** SnapStart: an SQS batch with a message of no known type (event and response types, JSON); nothing written. */
    SnapStartPriming registerPriming(MailWorkerHandler worker) {
        return SnapStartPriming.register(worker::replayPrimingBatch, () -> { });
    }
}
