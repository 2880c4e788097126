package dev.refer.comms;

import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.time.Clocks;
import dev.refer.core.comms.mailing.CheckMailingRun;
import dev.refer.core.comms.mailing.DigestCalendar;
import dev.refer.core.comms.mailing.RunMailing;
import dev.refer.core.comms.mailing.StartMailing;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.comms.DynamoDbAudience;
import dev.refer.dynamodb.comms.DynamoDbMailingRuns;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.sqs.SqsMailingMessages;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The check-in planner's graph (CheckinPlannerFunction): starting a scheduled mailing needs the table (the run, the
 * audience) and the mail queue; no SES, no link secrets.
 */
public record PlannerWiring(StartMailing start, CheckMailingRun check, String functionName) {

    static PlannerWiring create(Map<String, String> env) {
        return create(env, CommsClients.dynamoDb(env, List.of()), CommsClients.sqs(env, List.of()), Clocks.of(env));
    }

    static PlannerWiring create(Map<String, String> env, DynamoDbClient db, SqsClient sqs, Clock clock) {
        TableConfig table = TableConfig.fromEnv(env);
        DynamoDbMailingRuns runs = new DynamoDbMailingRuns(db, table);
        RunMailing mailing = new RunMailing(new DynamoDbAudience(db, table), runs,
                new SqsMailingMessages(sqs, CommsClients.mailQueueUrl(env)), clock, new UlidGenerator(clock));
        return new PlannerWiring(new StartMailing(mailing, new DigestCalendar(CommsClients.zone(env), clock), clock),
                new CheckMailingRun(runs, CommsClients.zone(env), clock),
                env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "CheckinPlannerFunction"));
    }

    /** For the benchmark: the check-in planner with interceptors on its DynamoDB client (what a run costs). */
    public static CheckinPlannerHandler planner(Map<String, String> env, List<ExecutionInterceptor> dynamoDb) {
        return new CheckinPlannerHandler(create(env, CommsClients.dynamoDb(env, dynamoDb),
                CommsClients.sqs(env, List.of()), Clocks.of(env)));
    }

    /** SnapStart: the schedule's event and answer types (JSON); nothing is read or started. */
    SnapStartPriming registerPriming(CheckinPlannerHandler planner) {
        return SnapStartPriming.register(() -> LambdaJson.writeBytes(Map.of("job", "checkin")), () -> { });
    }
}
