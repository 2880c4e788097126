package dev.refer.redirect;

import dev.refer.dynamodb.lite.JsonWriter;

/**
 * The redirect's failure metrics, as CloudWatch Embedded Metric Format log lines: CloudWatch turns each line into a
 * data point of {@code Refer/Redirect <name>} (no API call, no SDK). Written only when something failed; a normal
 * redirect logs nothing.
 */
final class Metrics {

    static final String NAMESPACE = "Refer/Redirect";

    private Metrics() {
    }

    static void failure(String metric, String requestId, RuntimeException error) {
        StringBuilder line = new StringBuilder(320);
        line.append("{\"_aws\":{\"Timestamp\":").append(System.currentTimeMillis())
                .append(",\"CloudWatchMetrics\":[{\"Namespace\":\"").append(NAMESPACE)
                .append("\",\"Dimensions\":[[]],\"Metrics\":[{\"Name\":\"").append(metric)
                .append("\",\"Unit\":\"Count\"}]}]},\"").append(metric).append("\":1,\"level\":\"WARN\",\"event\":");
        JsonWriter.writeString("redirect." + metric, line);
        line.append(",\"requestId\":");
        JsonWriter.writeString(requestId, line);
        line.append(",\"error\":");
        JsonWriter.writeString(error.getClass().getName() + ": " + error.getMessage(), line);
        System.out.println(line.append('}'));
    }
}
