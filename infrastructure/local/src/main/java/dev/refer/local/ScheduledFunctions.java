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
 * The functions the template schedules, runnable by hand: each gets the event its (first) schedule would send, the
 * schedule's Input, or {@code {}} like an EventBridge Scheduler target without one.
 */
final class ScheduledFunctions implements ScheduleInvoker {

    private record Scheduled(LocalFunction function, ScheduleDef schedule) {
    }

    private final Map<String, Scheduled> functions = new LinkedHashMap<>();

    void add(LocalFunction function, ScheduleDef schedule) {
        functions.putIfAbsent(function.name(), new Scheduled(function, schedule));
    }

    Map<String, ScheduleDef> schedules() {
        Map<String, ScheduleDef> schedules = new LinkedHashMap<>();
        functions.forEach((name, scheduled) -> schedules.put(name, scheduled.schedule()));
        return schedules;
    }

    @Override
    public Optional<byte[]> invoke(String functionLogicalId) throws IOException {
        Scheduled scheduled = functions.get(functionLogicalId);
        if (scheduled == null) {
            return Optional.empty();
        }
        String event = scheduled.schedule().inputJson().orElse("{}");
        return Optional.of(scheduled.function().invoke(event.getBytes(StandardCharsets.UTF_8)));
    }
}
