package dev.refer.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Metrics are Embedded Metric Format lines CloudWatch can turn into data points, and ordinary log lines too. */
class LogTest {

    @Test
    void metrics_areOneEmbeddedMetricFormatLine_withEveryValueDeclared() throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("Clicks", 12L);
        values.put("Leads", 1L);
        JsonNode line = new ObjectMapper().readTree(captured(() -> Log.metrics("Refer", values,
                Map.of("FunctionName", "refer-Counters"), "counters.flows", "records", 13)));

        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertEquals("Refer", directive.get("Namespace").asText());
        assertEquals("FunctionName", directive.get("Dimensions").get(0).get(0).asText());
        assertEquals("Clicks", directive.get("Metrics").get(0).get("Name").asText());
        assertEquals("Leads", directive.get("Metrics").get(1).get("Name").asText());
        assertTrue(line.get("_aws").get("Timestamp").asLong() > 0);
        assertEquals("refer-Counters", line.get("FunctionName").asText());
        assertEquals(12, line.get("Clicks").asInt());
        assertEquals(1, line.get("Leads").asInt());
        assertEquals("counters.flows", line.get("event").asText());
        assertEquals("13", line.get("records").asText());
    }

    private static String captured(Runnable logging) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            logging.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8).strip();
    }
}
