package dev.refer.payouts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.payout.CheckPayoutRun;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.core.payout.PayoutRuns;
import dev.refer.core.basics.time.Clocks;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.RunCheck;
import dev.refer.lambda.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts a period's payout run (template: PayoutPlannerFunction, EventBridge Scheduler on the 1st of the month in
 * PayoutTimeZone). The schedule's event says nothing: the period is the month that just ended. An input of
 * {@code {"period": "2026-11"}} starts (or resumes) that period instead: a rerun changes nothing that was done.
 * The RunCheck schedule's input {@code {"check": true}} (noon of the 1st) starts nothing: it checks the period's run
 * ({@link CheckPayoutRun}) and writes the metric {@code Refer} / {@value #INCOMPLETE} (1 when not complete),
 * which the PayoutRunIncompleteAlarm watches.
 */
public final class PayoutPlannerHandler implements RequestStreamHandler {

    static final String INCOMPLETE = "PayoutRunIncomplete";

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
        PlannerEvent event = PlannerEvent.read(input);
        YearMonth period = period(event);
        if (event.check()) {
            CheckPayoutRun.Result result = wiring.checker().check(period);
            output.write(RunCheck.report(INCOMPLETE, wiring.functionName(), "period", period.toString(),
                    result.complete(), result));
            return;
        }
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
        return period(PlannerEvent.read(input));
    }

    private YearMonth period(PlannerEvent event) {
        return event.period() != null ? event.period() : PayoutCalendar.previousPeriod(clock.instant(), wiring.zone());
    }
}
