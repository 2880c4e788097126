package dev.refer.payouts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.core.payout.PayoutRuns;
import dev.refer.core.basics.time.Clocks;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a period's payout run (template: PayoutPlannerFunction, EventBridge Scheduler on the 1st of the month in
 * PayoutTimeZone). The schedule's event says nothing: the period is the month that just ended. An input of
 * {@code {"period": "2026-11"}} starts (or resumes) that period instead: a rerun changes nothing that was done.
 */
public final class PayoutPlannerHandler implements RequestStreamHandler {

    private final PayoutsWiring wiring;
    private final Clock clock;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public PayoutPlannerHandler() {
        this(System.getenv());
    }

    public PayoutPlannerHandler(Map<String, String> env) {
        this(PayoutsWiring.create(env), Clocks.of(env));
    }

    PayoutPlannerHandler(PayoutsWiring wiring, Clock clock) {
        this.wiring = wiring;
        this.clock = clock;
        this.priming = wiring.registerPriming(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        YearMonth period = period(input);
        PayoutRuns.Run run = wiring.starter().start(period, wiring.zone());
        Log.info("payouts.run_started", "period", period.toString(), "cutoff", run.cutoff().toString(),
                "planned", run.planned(), "processed", run.processed());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("period", period.toString());
        answer.put("periodStart", run.periodStart().toString());
        answer.put("cutoff", run.cutoff().toString());
        answer.put("planned", run.planned());
        answer.put("processed", run.processed());
        output.write(LambdaJson.writeBytes(answer));
    }

    /** The period the event names, or the month that just ended (priming calls it too). */
    YearMonth period(InputStream input) {
        JsonNode event;
        try {
            byte[] bytes = input.readAllBytes();
            event = bytes.length == 0 ? null : LambdaJson.readTrusted(new String(bytes, StandardCharsets.UTF_8), JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event != null && event.hasNonNull("period")) {
            try {
                return YearMonth.parse(event.get("period").asText());
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("period must be YYYY-MM, not " + event.get("period"), e);
            }
        }
        return PayoutCalendar.previousPeriod(clock.instant(), wiring.zone());
    }
}
