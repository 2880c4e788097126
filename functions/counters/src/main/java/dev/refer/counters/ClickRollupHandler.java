package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.stats.RollUpClicks;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scheduled click roll-up (template: ClickRollupFunction on ClickRollupSchedule): seals the open epoch of click
 * deltas and adds it to the partners' monthly click counts ({@link RollUpClicks}). Whatever the schedule sends is
 * ignored; a run that fails is finished by the next (or by EventBridge Scheduler's retry), counting nothing twice.
 */
public final class ClickRollupHandler implements RequestStreamHandler {

    private final RollUpClicks rollUp;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public ClickRollupHandler() {
        this(System.getenv());
    }

    public ClickRollupHandler(Map<String, String> env) {
        this(ClickRollupWiring.create(env));
    }

    ClickRollupHandler(ClickRollupWiring wiring) {
        this.rollUp = wiring.rollUp();
        this.priming = wiring.registerPriming();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        RollUpClicks.Result result = rollUp.run();
        Log.info("clicks.rolled_up", "epoch", result.epoch(), "clicks", result.clicks(),
                "partnerMonths", result.partnerMonths(), "alreadyAdded", result.alreadyAdded());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("epoch", result.epoch());
        answer.put("clicks", result.clicks());
        answer.put("partnerMonths", result.partnerMonths());
        answer.put("alreadyAdded", result.alreadyAdded());
        output.write(LambdaJson.writeBytes(answer));
    }
}
