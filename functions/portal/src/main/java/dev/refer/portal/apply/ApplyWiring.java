package dev.refer.portal.apply;

import dev.refer.aws.AwsClients;
import dev.refer.core.application.ApplicationId;
import dev.refer.core.application.FirstLink;
import dev.refer.core.application.OnboardingMail;
import dev.refer.core.application.ReviewApplication;
import dev.refer.core.application.SubmitApplication;
import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.link.CreateLink;
import dev.refer.core.partner.CreatePartner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.CachedProgram;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.application.DynamoDbApplicationBook;
import dev.refer.dynamodb.comms.DynamoDbCommsSettings;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.dynamodb.terms.DynamoDbTermsBook;
import dev.refer.lambda.Problem;
import dev.refer.lambda.ProblemException;
import dev.refer.sqs.SqsMailingMessages;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The application's object graph. The portal function sends no onboarding email itself: the receipt and the
 * manager's notice (and, for a program that approves automatically, the welcome) go to the mail queue
 * ({@code MAIL_QUEUE_URL}), whose worker sends each once through the send log; so a retried post sends nothing twice
 * and this function needs no SES permission. Environment: the table's, {@code MAIL_QUEUE_URL},
 * {@code AWS_ENDPOINT_URL_SQS} (local only).
 */
public final class ApplyWiring {

    private ApplyWiring() {
    }

    public static ApplicationRoutes routes(Map<String, String> env, DynamoDbClient dynamoDb, Clock clock,
                                           IdGenerator ids) {
        String queueUrl = env.get("MAIL_QUEUE_URL");
        OnboardingMail mail = queueUrl == null || queueUrl.isBlank() ? NO_MAIL_QUEUE : new SqsMailingMessages(
                AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", List.of()), queueUrl);
        return routes(TableConfig.fromEnv(env), dynamoDb, mail, clock, ids);
    }

    /** On given clients: tests pass their own queue. */
    public static ApplicationRoutes routes(TableConfig table, DynamoDbClient dynamoDb, OnboardingMail mail,
                                           Clock clock, IdGenerator ids) {
        var programs = CachedProgram.of(new DynamoDbProgramRepository(dynamoDb, table), clock);
        var partners = new DynamoDbPartnerRepository(dynamoDb, table);
        var links = new DynamoDbLinkRepository(dynamoDb, table);
        var applications = new DynamoDbApplicationBook(dynamoDb, table);
        var terms = new DynamoDbTermsBook(dynamoDb, table);
        var review = new ReviewApplication(table.programId(), programs, applications, applications,
                new CreatePartner(partners, ids, clock),
                new FirstLink(new CreateLink(table.programId(), programs, partners, links, ids, clock), links),
                terms, mail, clock);
        return new ApplicationRoutes(table.programId(), programs, new DynamoDbCommsSettings(dynamoDb, table),
                new SubmitApplication(applications, applications, terms, mail, review, ids, clock));
    }

    /** Without a mail queue nobody could be told: a 503 that names it (the application, stored, is found again). */
    private static final OnboardingMail NO_MAIL_QUEUE = new OnboardingMail() {
        @Override
        public void received(ApplicationId id) {
            throw noQueue();
        }

        @Override
        public void decided(ApplicationId id) {
            throw noQueue();
        }

        @Override
        public void invited(PartnerId partnerId) {
            throw noQueue();
        }

        private ProblemException noQueue() {
            return new ProblemException(Problem.of(503, "no-mail-queue", "No mail queue",
                    "This environment has no mail queue (MAIL_QUEUE_URL)."));
        }
    };
}
