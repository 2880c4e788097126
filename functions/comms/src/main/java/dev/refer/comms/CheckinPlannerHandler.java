package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.MailingRuns;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.mailing.CheckMailingRun;
import dev.refer.core.comms.mailing.StartMailing;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.RunCheck;
import dev.refer.lambda.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the scheduled mailings (template: CheckinPlannerFunction). The monthly schedule's input
 * {@code {"job":"checkin"}} starts the check-ins of the month that ended ({@code "month":"2026-11"} picks one); the
 * daily one, {@code {"job":"digest"}}, starts yesterday's digests of each notification topic ({@code "day"} picks
 * an earlier day; not today). A rerun resumes what was started and sends nothing twice.
 */
public final class CheckinPlannerHandler implements RequestStreamHandler {

    static final String INCOMPLETE = "CheckinRunIncomplete";

    private final StartMailing start;
    private final CheckMailingRun check;
    private final String functionName;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public CheckinPlannerHandler() {
        this(System.getenv());
    }

    public CheckinPlannerHandler(Map<String, String> env) {
        this(PlannerWiring.create(env));
    }

    CheckinPlannerHandler(PlannerWiring wiring) {
        this.start = wiring.start();
        this.check = wiring.check();
        this.functionName = wiring.functionName();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        switch (PlannerEvent.read(input.readAllBytes())) {
            case PlannerEvent.Check noon -> {
                CheckMailingRun.Result result = check.checkins(noon.month());
                output.write(RunCheck.report(INCOMPLETE, functionName, "campaign", result.campaign().key(),
                        result.complete(), result));
            }
            case PlannerEvent.Start job -> output.write(answer(start.start(job.job())));
        }
    }

    private static byte[] answer(StartMailing.Result result) {
        return switch (result) {
            case StartMailing.Result.DayNotOver notOver -> throw new IllegalArgumentException(
                    "a day's digests go out once it is over: " + notOver.day()
                            + " is not before today in the program's zone");
            case StartMailing.Result.Started started -> {
                Map<String, Object> answer = new LinkedHashMap<>();
                for (StartMailing.Begun begun : started.campaigns()) {
                    Log.info("mail.run_started", "campaign", begun.campaign().key(), "planned", begun.run().planned());
                    answer.put(begun.campaign().key(), Map.of("planned", begun.run().planned(),
                            "planningDone", begun.run().planningDone()));
                }
                yield LambdaJson.writeBytes(answer);
            }
        };
    }
}
