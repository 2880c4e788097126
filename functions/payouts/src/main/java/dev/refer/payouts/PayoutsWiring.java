package dev.refer.payouts;

import dev.refer.aws.AwsClients;
import dev.refer.core.basics.time.Clocks;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.PacedMailer;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.payout.CheckPayoutRun;
import dev.refer.core.payout.PayPartner;
import dev.refer.core.payout.PayoutMessages;
import dev.refer.core.payout.PlanPayouts;
import dev.refer.core.payout.StartPayoutRun;
import dev.refer.core.payout.SummarizeRun;
import dev.refer.core.program.CachedProgram;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.payout.DynamoDbPayeeIndex;
import dev.refer.dynamodb.payout.DynamoDbPayoutBook;
import dev.refer.dynamodb.payout.DynamoDbPayoutRuns;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.lambda.Env;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.mail.SesMailer;
import dev.refer.sqs.SqsPayoutMessages;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The payout run's object graph, once per execution environment: the planner and the worker share it. Environment:
 * {@code TABLE_NAME}, {@code PROGRAM_ID}, {@code PAYOUT_QUEUE_URL}, {@code PAYOUT_TIME_ZONE}, {@code MAIL_FROM},
 * {@code MAIL_CONFIGURATION_SET}, {@code MAIL_SEND_RATE} and {@code MAIL_WORKERS} (the pace of statements: the
 * account's send rate shared by the payout workers that run at once, as the mail workers share it).
 */
public record PayoutsWiring(StartPayoutRun starter, CheckPayoutRun checker, PlanPayouts planner,
                            PayPartner payPartner, ZoneId zone, PacedMailer pace, String functionName) {

    /** Clients for the run, each with the interceptors tests use to inject faults. */
    record Clients(DynamoDbClient dynamoDb, SqsClient sqs, Mailer mailer) {
    }

    static Clients clients(Map<String, String> env, List<ExecutionInterceptor> dynamoDb, List<ExecutionInterceptor> sqs,
                           List<ExecutionInterceptor> ses) {
        return new Clients(DynamoDbClients.create(env, dynamoDb),
                AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", sqs),
                SesMailer.fromEnv(env, ses));
    }

    static PayoutsWiring create(Map<String, String> env) {
        return create(env, clients(env, List.of(), List.of(), List.of()), Clocks.of(env));
    }

    static PayoutsWiring create(Map<String, String> env, Clients clients, Clock clock) {
        TableConfig table = TableConfig.fromEnv(env);
        DynamoDbClient dynamoDb = clients.dynamoDb();
        var programs = CachedProgram.of(new DynamoDbProgramRepository(dynamoDb, table), clock);
        var book = new DynamoDbPayoutBook(dynamoDb, table);
        var payees = new DynamoDbPayeeIndex(dynamoDb, table);
        var runs = new DynamoDbPayoutRuns(dynamoDb, table);
        PayoutMessages messages = new SqsPayoutMessages(clients.sqs(), Env.require(env, "PAYOUT_QUEUE_URL"));
        // statements and summaries are transactional: they go unless the address bounced
        ZoneId zone = ZoneId.of(env.getOrDefault("PAYOUT_TIME_ZONE", "UTC"));
        PacedMailer pace = PacedMailer.fromEnv(clients.mailer(), env);
        SendOnce mail = new SendOnce(new DynamoDbMailLog(dynamoDb, table), pace, clock,
                new dev.refer.dynamodb.comms.DynamoDbSuppressionList(dynamoDb, table)::bounced);
        SummarizeRun summary = new SummarizeRun(table.programId(), programs, book, mail);
        PlanPayouts planner = new PlanPayouts(payees, runs, messages, summary, book, clock);
        return new PayoutsWiring(new StartPayoutRun(runs, planner, messages, clock), new CheckPayoutRun(runs), planner,
                new PayPartner(table.programId(), programs, new DynamoDbPartnerRepository(dynamoDb, table), book,
                        payees, runs, mail, summary, clock, zone), zone, pace,
                env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "PayoutPlannerFunction"));
    }

    /** The worker on given clients and clock (benchmarks meter and replay its calls). */
    public static PayoutWorkerHandler workerHandler(Map<String, String> env, DynamoDbClient dynamoDb, SqsClient sqs,
                                                    Mailer mailer, Clock clock) {
        return new PayoutWorkerHandler(create(env, new Clients(dynamoDb, sqs, mailer), clock));
    }

    /** SnapStart: an SQS batch with a message of no known type (event and response types, JSON); nothing written. */
    SnapStartPriming registerPriming(PayoutWorkerHandler worker) {
        return SnapStartPriming.register(worker::replayPrimingBatch, () -> { });
    }

    /** SnapStart: the event parsing and the period arithmetic; nothing is read or written. */
    SnapStartPriming registerPriming(PayoutPlannerHandler planner) {
        return SnapStartPriming.register(() -> {
            planner.period(new java.io.ByteArrayInputStream("{\"version\":\"0\",\"detail\":{}}".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)));
            LambdaJson.writeBytes(Map.of("period", "2000-01"));
        }, () -> { });
    }
}
