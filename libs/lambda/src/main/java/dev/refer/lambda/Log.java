package dev.refer.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Structured logs: one JSON line per outcome, with ids and outcomes only (never bodies, emails or secrets).
 * Lambda ships stdout to CloudWatch Logs, where each line is queryable with Logs Insights.
 */
public final class Log {

    private Log() {
    }

    /** {@code keyValues} alternate names and values: {@code Log.info("lead.captured", "leadId", id)}. */
    public static void info(String event, Object... keyValues) {
        emit("INFO", event, keyValues);
    }

    public static void warn(String event, Object... keyValues) {
        emit("WARN", event, keyValues);
    }

    public static void error(String event, Throwable error, Object... keyValues) {
        Object[] withError = java.util.Arrays.copyOf(keyValues, keyValues.length + 2);
        withError[keyValues.length] = "error";
        withError[keyValues.length + 1] = error.getClass().getName() + ": " + error.getMessage();
        emit("ERROR", event, withError);
    }

    /**
     * A metric as a CloudWatch Embedded Metric Format line: CloudWatch turns it into a data point of {@code namespace}
     * / {@code name} with the given dimensions (no API call, no SDK); the line is also an ordinary log line.
     */
    public static void metric(String namespace, String name, double value, Map<String, String> dimensions,
                              String event, Object... keyValues) {
        metrics(namespace, Map.of(name, value), dimensions, event, keyValues);
    }

    /** Several metrics of one namespace and dimensions in one Embedded Metric Format line. */
    public static void metrics(String namespace, Map<String, ? extends Number> values, Map<String, String> dimensions,
                               String event, Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of("Timestamp", System.currentTimeMillis(), "CloudWatchMetrics", java.util.List.of(
                Map.of("Namespace", namespace, "Dimensions", java.util.List.of(java.util.List.copyOf(dimensions.keySet())),
                        "Metrics", values.keySet().stream().map(name -> Map.of("Name", name, "Unit", "Count")).toList()))));
        line.putAll(dimensions);
        line.putAll(values);
        line.put("level", "INFO");
        line.put("event", event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.put(String.valueOf(keyValues[i]), keyValues[i + 1] == null ? null : String.valueOf(keyValues[i + 1]));
        }
        System.out.println(LambdaJson.write(line));
    }

    private static void emit(String level, String event, Object... keyValues) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            line.put(String.valueOf(keyValues[i]), keyValues[i + 1] == null ? null : String.valueOf(keyValues[i + 1]));
        }
        System.out.println(LambdaJson.write(line));
    }
}
