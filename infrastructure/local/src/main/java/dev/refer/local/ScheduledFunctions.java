package dev.refer.local;

import dev.refer.emulators.ScheduleDef;
import dev.refer.local.gateway.ScheduleInvoker;
import dev.refer.local.lambda.LocalFunction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The template's schedules, runnable by hand: {@code <Function>} runs its function's first schedule,
 * {@code <Function>/<EventName>} any of them (CheckinPlannerFunction has the monthly check-ins and the daily digests).
 * The function gets the event the schedule would send: its Input, or {@code {}} like an EventBridge Scheduler target
 * without one.
 */
final class ScheduledFunctions implements ScheduleInvoker {

    private record Scheduled(LocalFunction function, ScheduleDef schedule) {
    }

    private final Map<String, Scheduled> functions = new LinkedHashMap<>();

    private final Map<String, Scheduled> byEvent = new LinkedHashMap<>();

    void add(LocalFunction function, ScheduleDef schedule) {
        functions.putIfAbsent(function.name(), new Scheduled(function, schedule));
        byEvent.put(function.name() + "/" + schedule.eventName(), new Scheduled(function, schedule));
    }

    /** Every schedule by the path that runs it: {@code <Function>/<EventName>}. */
    Map<String, ScheduleDef> schedules() {
        Map<String, ScheduleDef> schedules = new LinkedHashMap<>();
        byEvent.forEach((path, scheduled) -> schedules.put(path, scheduled.schedule()));
        return schedules;
    }

    @Override
    public Optional<byte[]> invoke(String functionLogicalId) throws IOException {
        Scheduled scheduled = functions.containsKey(functionLogicalId) ? functions.get(functionLogicalId)
                : byEvent.get(functionLogicalId);
        if (scheduled == null) {
            return Optional.empty();
        }
        String event = scheduled.schedule().inputJson().orElse("{}");
        return Optional.of(scheduled.function().invoke(event.getBytes(StandardCharsets.UTF_8)));
    }
}
