package dev.refer.local;

import dev.refer.emulators.ScheduleDef;
import dev.refer.local.gateway.ScheduleInvoker;
import dev.refer.local.lambda.LocalFunction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /** A schedule firing: its path ({@code <Function>/<EventName>}) and when. */
    record Firing(String path, Instant at) {
    }

    /**
     * Every enabled schedule's firings in {@code (after, until]}, in time order (ties in template order); when the same
     * schedule fires several times with nothing else between, only its last firing is kept: with the world paused,
     * the runs between would find nothing new (the hourly roll-up between two daily digests).
     */
    List<Firing> firingsBetween(Instant after, Instant until) {
        List<Firing> all = new ArrayList<>();
        byEvent.forEach((path, scheduled) -> {
            if (scheduled.schedule().enabled()) {
                scheduled.schedule().when().firesBetween(after, until).forEach(at -> all.add(new Firing(path, at)));
            }
        });
        List<String> order = List.copyOf(byEvent.keySet());
        all.sort(Comparator.comparing(Firing::at).thenComparing(f -> order.indexOf(f.path())));
        List<Firing> kept = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i + 1 < all.size() && all.get(i + 1).path().equals(all.get(i).path())) {
                continue;
            }
            kept.add(all.get(i));
        }
        return kept;
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
