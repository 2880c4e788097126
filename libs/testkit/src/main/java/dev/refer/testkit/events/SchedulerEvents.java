package dev.refer.testkit.events;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

/**
 * What a scheduled function receives: EventBridge Scheduler invokes its target with the schedule's {@code Input}
 * verbatim (template.yaml: {@code {"job":"checkin"}}, {@code {"job":"digest"}}; the payout schedule has none), and a
 * person running a job by hand adds the period. A failed invocation is retried (the schedule's retry policy), which
 * {@link #invoke(RequestStreamHandler, String, int)} does as well.
 */
public final class SchedulerEvents {

    private SchedulerEvents() {
    }

    /** The payout schedule's invocation (no Input: the planner runs the month that just ended). */
    public static String payoutRun() {
        return "{}";
    }

    /** A payout run of {@code period}, by hand. */
    public static String payoutRun(YearMonth period) {
        return "{\"period\":\"" + period + "\"}";
    }

    /** The check-in schedule's Input. */
    public static String checkin() {
        return "{\"job\":\"checkin\"}";
    }

    /** The check-ins of {@code month}, by hand. */
    public static String checkin(YearMonth month) {
        return "{\"job\":\"checkin\",\"month\":\"" + month + "\"}";
    }

    /** The digest schedule's Input. */
    public static String digest() {
        return "{\"job\":\"digest\"}";
    }

    /**
     * Invokes {@code handler} with {@code input} as Scheduler does, retrying a failed invocation up to
     * {@code attempts} times in all; the last failure is thrown.
     */
    public static void invoke(RequestStreamHandler handler, String input, int attempts) {
        byte[] event = input.getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            try {
                handler.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), null);
                return;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    throw e;
                }
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
