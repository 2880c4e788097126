package dev.refer.emulators;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code AWS::Serverless::Function} of the template, with what the local stack needs to run it.
 *
 * @param logicalId      the resource's logical id, e.g. RedirectFunction
 * @param handlerClass   the class part of {@code Handler}
 * @param handlerMethod  the method part of {@code Handler} ("handleRequest" when the template names none)
 * @param codeUri        the {@code CodeUri} as written
 * @param rawEnvironment Globals' variables overlaid with the function's own, still unresolved (intrinsics are maps);
 *                       {@link SamTemplate#resolveEnvironment} turns them into strings
 * @param routes         its {@code HttpApi} events
 * @param streams        its {@code DynamoDB} events
 * @param schedules      its {@code Schedule} and {@code ScheduleV2} events
 * @param queues         its {@code SQS} events
 * @param timeoutSeconds {@code Timeout} (the function's, else Globals', else Lambda's default of 3)
 * @param memorySizeMb   {@code MemorySize} (the function's, else Globals', else Lambda's default of 128)
 */
public record FunctionDef(String logicalId, String handlerClass, String handlerMethod, String codeUri,
                          Map<String, Object> rawEnvironment, List<HttpRoute> routes, List<StreamSource> streams,
                          List<ScheduleDef> schedules, List<QueueSource> queues, int timeoutSeconds,
                          int memorySizeMb) {

    public FunctionDef {
        queues = List.copyOf(queues);
        rawEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(rawEnvironment));
        routes = List.copyOf(routes);
        streams = List.copyOf(streams);
        schedules = List.copyOf(schedules);
    }

    public FunctionDef(String logicalId, String handlerClass, String handlerMethod, String codeUri,
                       Map<String, Object> rawEnvironment, List<HttpRoute> routes, List<StreamSource> streams,
                       List<ScheduleDef> schedules, int timeoutSeconds, int memorySizeMb) {
        this(logicalId, handlerClass, handlerMethod, codeUri, rawEnvironment, routes, streams, schedules, List.of(),
                timeoutSeconds, memorySizeMb);
    }
}
