package dev.refer.testkit.events;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A scheduled invocation carries the schedule's Input verbatim and is retried as the schedule's policy does. */
class SchedulerEventsTest {

    /** Fails its first {@code failures} invocations; notes every input it got. */
    private static RequestStreamHandler failing(int failures, List<String> inputs) {
        return (input, output, context) -> {
            inputs.add(new String(input.readAllBytes(), StandardCharsets.UTF_8));
            if (inputs.size() <= failures) {
                throw new IllegalStateException("attempt " + inputs.size() + " failed");
            }
        };
    }

    @Test
    void aFailedInvocation_isRetried_withTheSameInput_untilItSucceeds() {
        List<String> inputs = new ArrayList<>();

        SchedulerEvents.invoke(failing(2, inputs), SchedulerEvents.checkin(YearMonth.of(2026, 10)), 3);

        assertEquals(List.of("{\"job\":\"checkin\",\"month\":\"2026-10\"}",
                "{\"job\":\"checkin\",\"month\":\"2026-10\"}", "{\"job\":\"checkin\",\"month\":\"2026-10\"}"), inputs);
    }

    @Test
    void theLastFailure_isThrown_whenTheAttemptsRunOut() {
        List<String> inputs = new ArrayList<>();

        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> SchedulerEvents.invoke(failing(5, inputs), SchedulerEvents.payoutRun(), 2));

        assertEquals("attempt 2 failed", failure.getMessage());
        assertEquals(List.of("{}", "{}"), inputs);
    }
}
