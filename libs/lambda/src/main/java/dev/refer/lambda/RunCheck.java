package dev.refer.lambda;

import java.util.Map;

/**
 * The noon check of a scheduled run (the payout run, the check-ins): one Embedded Metric Format line, {@code Refer} /
 * {@code metric} with the function's name as its dimension, 1 when the run is not complete (the template's alarm on
 * it wakes someone), 0 when it is; and the answer the schedule gets.
 */
public final class RunCheck {

    /** The namespace of the program's own metrics (the flows, the runs' checks). */
    public static final String NAMESPACE = "Refer";

    private RunCheck() {
    }

    /** @param runKey and {@code run} name the run in the answer ({@code "period": "2026-11"}) */
    public static byte[] report(String metric, String functionName, String runKey, String run, boolean complete,
                                Object result) {
        Log.metric(NAMESPACE, metric, complete ? 0 : 1, Map.of("FunctionName", functionName), "run.checked",
                runKey, run, "result", result.toString());
        return LambdaJson.writeBytes(Map.of(runKey, run, "complete", complete,
                "result", result.getClass().getSimpleName()));
    }
}
