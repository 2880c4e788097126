package dev.refer.admin;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.time.Clocks;
import dev.refer.core.deal.DealQueries;
import dev.refer.core.deal.ReviewDeal;
import dev.refer.core.payoutdetails.PayoutDetailsBook;
import dev.refer.core.lead.ReviewLead;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.link.ChangeLink;
import dev.refer.core.link.CreateLink;
import dev.refer.core.partner.ChangePartnerStatus;
import dev.refer.core.partner.CreatePartner;
import dev.refer.core.program.ConfigureProgram;
import dev.refer.core.reporting.PartnerQueries;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.conversion.DynamoDbOrderBook;
import dev.refer.dynamodb.deal.DynamoDbDealRegistry;
import dev.refer.dynamodb.payoutdetails.DynamoDbPayoutDetails;
import dev.refer.dynamodb.lead.DynamoDbLeadRepository;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.dynamodb.stats.DynamoDbStatsRepository;
import dev.refer.lambda.Env;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.sealing.JweSealer;
import dev.refer.sealing.SealingKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.util.Map;

/** Builds the admin API's object graph once per execution environment. */
record AdminWiring(AdminRoutes routes, PayoutRoutes payouts, CommsRoutes comms, DealAdminRoutes deals,
                   OnboardingRoutes onboarding, ImportRoutes imports, PromotionCodeRoutes promotionCodes,
                   SubIdRoutes subIds, WebhookEndpointRoutes webhookEndpoints,
                   UlidGenerator ids) {

    static AdminWiring create(Map<String, String> env) {
        TableConfig table = TableConfig.fromEnv(env);
        DynamoDbClient dynamoDb = DynamoDbClients.create(env);
        Clock clock = Clocks.of(env);
        UlidGenerator ids = new UlidGenerator(clock);
        var programs = new DynamoDbProgramRepository(dynamoDb, table);
        var partners = new DynamoDbPartnerRepository(dynamoDb, table);
        var links = new DynamoDbLinkRepository(dynamoDb, table);
        var leads = new DynamoDbLeadRepository(dynamoDb, table);
        var orders = new DynamoDbOrderBook(dynamoDb, table);
        var ledger = new DynamoDbCommissionLedger(dynamoDb, table);
        var book = new dev.refer.dynamodb.payout.DynamoDbPayoutBook(dynamoDb, table);
        var runs = new dev.refer.dynamodb.payout.DynamoDbPayoutRuns(dynamoDb, table);
        // the run's queue (template: PayoutQueue); without it the API cannot start a run, and says so
        String queueUrl = env.get("PAYOUT_QUEUE_URL");
        var queue = queueUrl == null || queueUrl.isBlank() ? null : new dev.refer.sqs.SqsPayoutMessages(
                dev.refer.aws.AwsClients.build(software.amazon.awssdk.services.sqs.SqsClient.builder(), env,
                        "AWS_ENDPOINT_URL_SQS", java.util.List.of()), queueUrl);
        PayoutRoutes payouts = new PayoutRoutes(book, runs, new dev.refer.core.payout.ReviewPayout(book, clock),
                new dev.refer.core.review.ReviewCommission(ledger, orders, leads, ids, clock),
                queue == null ? null : new dev.refer.core.payout.StartPayoutRun(runs,
                        new dev.refer.core.payout.PlanPayouts(new dev.refer.dynamodb.payout.DynamoDbPayeeIndex(dynamoDb, table),
                                runs, queue, null, book, clock), queue, clock),
                new dev.refer.dynamodb.comms.DynamoDbMailLog(dynamoDb, table),
                java.time.ZoneId.of(env.getOrDefault("PAYOUT_TIME_ZONE", "UTC")), payoutDetails(env, dynamoDb, table));
        var dealRegistry = new DynamoDbDealRegistry(dynamoDb, table);
        DealAdminRoutes deals = new DealAdminRoutes(new DealQueries(dealRegistry, clock),
                new ReviewDeal(dealRegistry, dealRegistry, clock), dealRegistry);
        // the mail queue (template: MailQueue): broadcasts' previews and sends, check-in runs, the terms' notice and the
        // onboarding emails go through it
        String mailQueueUrl = env.get("MAIL_QUEUE_URL");
        var mailQueue = mailQueueUrl == null || mailQueueUrl.isBlank() ? null : new dev.refer.sqs.SqsMailingMessages(
                dev.refer.aws.AwsClients.build(software.amazon.awssdk.services.sqs.SqsClient.builder(), env,
                        "AWS_ENDPOINT_URL_SQS", java.util.List.of()), mailQueueUrl);
        var commsSettings = new dev.refer.dynamodb.comms.DynamoDbCommsSettings(dynamoDb, table);
        var mailingRuns = new dev.refer.dynamodb.comms.DynamoDbMailingRuns(dynamoDb, table);
        var broadcastBook = new dev.refer.dynamodb.comms.DynamoDbBroadcastBook(dynamoDb, table);
        var mailing = new dev.refer.core.comms.mailing.RunMailing(
                new dev.refer.dynamodb.comms.DynamoDbAudience(dynamoDb, table), mailingRuns, mailQueue, clock, ids);
        // the admin API drafts and starts broadcasts; the mail worker renders and sends them
        var broadcasts = new dev.refer.core.comms.broadcast.Broadcasts(table.programId(), programs, broadcastBook,
                mailQueue, mailing, ids, clock);
        CommsRoutes comms = new CommsRoutes(commsSettings, new dev.refer.dynamodb.comms.DynamoDbPreferences(dynamoDb, table),
                partners, broadcastBook, broadcasts, mailing, mailingRuns,
                java.time.ZoneId.of(env.getOrDefault("PAYOUT_TIME_ZONE", "UTC")), clock);
        // taking partners in: the terms' notice goes as a campaign, each onboarding email through the mail queue
        var termsBook = new dev.refer.dynamodb.terms.DynamoDbTermsBook(dynamoDb, table);
        var applicationBook = new dev.refer.dynamodb.application.DynamoDbApplicationBook(dynamoDb, table);
        CreatePartner createPartner = new CreatePartner(partners, ids, clock);
        var firstLink = new dev.refer.core.application.FirstLink(
                new CreateLink(table.programId(), programs, partners, links, ids, clock), links);
        dev.refer.core.application.OnboardingMail onboardingMail = mailQueue != null ? mailQueue : NO_MAIL_QUEUE;
        var review = new dev.refer.core.application.ReviewApplication(table.programId(), programs, applicationBook,
                applicationBook, createPartner, firstLink, termsBook, onboardingMail, clock);
        OnboardingRoutes onboarding = new OnboardingRoutes(table.programId(), programs, partners, termsBook,
                new dev.refer.core.terms.PublishTerms(termsBook, mailing, clock), applicationBook, review,
                new dev.refer.core.application.InvitePartner(table.programId(), programs, applicationBook,
                        createPartner, firstLink, onboardingMail));
        // partners brought from another tool: the same creation use cases, invitations only when asked
        var changeStatus = new ChangePartnerStatus(partners, links);
        ImportRoutes imports = new ImportRoutes(new dev.refer.core.partnerimport.ImportPartners(table.programId(),
                programs, applicationBook, partners, links, applicationBook,
                new dev.refer.dynamodb.partner.DynamoDbPartnerDetails(dynamoDb, table), createPartner,
                new CreateLink(table.programId(), programs, partners, links, ids, clock), changeStatus,
                onboardingMail), mailQueue != null);
        var queries = new PartnerQueries(partners, links, leads, orders, ledger,
                new DynamoDbStatsRepository(dynamoDb, table, clock),
                java.time.ZoneId.of(env.getOrDefault("PAYOUT_TIME_ZONE", "UTC")), clock);
        return new AdminWiring(new AdminRoutes(table.programId(),
                new ConfigureProgram(table.programId(), programs),
                createPartner,
                changeStatus,
                new CreateLink(table.programId(), programs, partners, links, ids, clock),
                new ChangeLink(links),
                new ReviewLead(table.programId(), programs, leads, partners, ledger, new CommissionPolicy(), ids,
                        clock),
                queries), payouts, comms, deals, onboarding, imports, promotionCodes(dynamoDb, table, links, clock),
                new SubIdRoutes(new dev.refer.dynamodb.link.DynamoDbSubIdSettings(dynamoDb, table), queries),
                webhookEndpoints(env, dynamoDb, table, ids, clock), ids);
    }

    /** Referral codes as coupons: the ties the Stripe webhook reads. */
    private static PromotionCodeRoutes promotionCodes(DynamoDbClient dynamoDb, TableConfig table,
                                                      DynamoDbLinkRepository links, Clock clock) {
        var codes = new dev.refer.dynamodb.coupon.DynamoDbPromotionCodes(dynamoDb, table);
        return new PromotionCodeRoutes(new dev.refer.core.coupon.TiePromotionCode(links, codes, clock), codes);
    }

    /**
     * Outbound webhooks: the endpoint registry (secrets from the JDK's strong random source), the delivery log, and
     * replays onto the delivery queue (template: WebhookDeliveryQueue; without WEBHOOK_QUEUE_URL a replay says so).
     */
    private static WebhookEndpointRoutes webhookEndpoints(Map<String, String> env, DynamoDbClient dynamoDb,
                                                          TableConfig table, UlidGenerator ids, Clock clock) {
        var endpoints = new dev.refer.dynamodb.outbound.DynamoDbWebhookEndpoints(dynamoDb, table);
        var codec = new dev.refer.sqs.WebhookMessages();
        var records = new dev.refer.dynamodb.outbound.DynamoDbDeliveryRecords(dynamoDb, table, codec);
        String queueUrl = env.get("WEBHOOK_QUEUE_URL");
        var replay = queueUrl == null || queueUrl.isBlank() ? null : new dev.refer.core.outbound.ReplayDelivery(
                endpoints, records, new dev.refer.sqs.SqsWebhookDeliveries(dev.refer.aws.AwsClients.build(
                        software.amazon.awssdk.services.sqs.SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS",
                        java.util.List.of()), queueUrl, codec));
        return new WebhookEndpointRoutes(new dev.refer.core.outbound.ManageWebhookEndpoints(endpoints, ids, clock,
                new java.security.SecureRandom()), endpoints, records, replay, clock);
    }

    /**
     * The partners' payout details, opened with the keys of {@code PAYOUT_DETAILS_SECRET_ARN} (template:
     * PayoutDetailsSecret; read at the first CSV, AWSCURRENT and AWSPREVIOUS); null without it, and the CSV's
     * details columns stay empty.
     */
    private static PayoutDetailsBook payoutDetails(Map<String, String> env, DynamoDbClient dynamoDb,
                                                   TableConfig table) {
        String secret = env.get("PAYOUT_DETAILS_SECRET_ARN");
        if (secret == null || secret.isBlank()) {
            return null;
        }
        return new DynamoDbPayoutDetails(dynamoDb, table, new JweSealer(SealingKeys.fromSecretsManager(
                dev.refer.aws.AwsClients.build(SecretsManagerClient.builder(), env,
                        "AWS_ENDPOINT_URL_SECRETS_MANAGER", java.util.List.of()), secret)));
    }

    /**
     * Without a mail queue (an environment that left MAIL_QUEUE_URL out) nothing can tell an applicant or a new
     * partner: a 503 that names it. Every step before it is found again when the request is retried.
     */
    private static final dev.refer.core.application.OnboardingMail NO_MAIL_QUEUE =
            new dev.refer.core.application.OnboardingMail() {
                @Override
                public void received(dev.refer.core.application.ApplicationId id) {
                    throw noQueue();
                }

                @Override
                public void decided(dev.refer.core.application.ApplicationId id) {
                    throw noQueue();
                }

                @Override
                public void invited(dev.refer.core.partner.PartnerId partnerId) {
                    throw noQueue();
                }

                private dev.refer.lambda.ProblemException noQueue() {
                    return new dev.refer.lambda.ProblemException(dev.refer.lambda.Problem.of(503, "no-mail-queue",
                            "No mail queue", "This environment has no mail queue (MAIL_QUEUE_URL): no email can go."));
                }
            };

    /**
     * SnapStart: before the snapshot, a page of partners and a partner that does not exist (routing, the SDK's first
     * Query and GetItem, JSON and problem answers), paths that answer the same before the program is configured:
     * nothing is written. After restore, a new random source for ids.
     */
    SnapStartPriming registerPriming(AdminApiHandler handler) {
        String nobody = "00000000000000000000000000";
        return SnapStartPriming.register(() -> SnapStartPriming.replay(handler,
                SnapStartPriming.httpEvent("GET /admin/partners", "/admin/partners", Map.of(), Map.of(), null),
                SnapStartPriming.httpEvent("GET /admin/partners/{partnerId}", "/admin/partners/" + nobody,
                        Map.of("partnerId", nobody), Map.of(), null)), ids::reseed);
    }
}
