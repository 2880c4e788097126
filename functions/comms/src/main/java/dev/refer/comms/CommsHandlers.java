package dev.refer.comms;

import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** For the benchmark: the planner and the mail worker with interceptors on their clients (what a run costs). */
public final class CommsHandlers {

    private CommsHandlers() {
    }

    public static CheckinPlannerHandler planner(Map<String, String> env, List<ExecutionInterceptor> dynamoDb) {
        return new CheckinPlannerHandler(wiring(env, dynamoDb, List.of()), Clock.systemUTC());
    }

    public static MailWorkerHandler worker(Map<String, String> env, List<ExecutionInterceptor> dynamoDb,
                                           List<ExecutionInterceptor> ses) {
        return new MailWorkerHandler(wiring(env, dynamoDb, ses));
    }

    private static CommsWiring wiring(Map<String, String> env, List<ExecutionInterceptor> dynamoDb,
                                      List<ExecutionInterceptor> ses) {
        return CommsWiring.create(env, CommsWiring.clients(env, dynamoDb, List.of(), ses), Clock.systemUTC());
    }
}
