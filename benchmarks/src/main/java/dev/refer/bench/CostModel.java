package dev.refer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dollars per million requests on AWS, from the figures measured in this run (handler durations, capacity units
 * DynamoDB reported) and AWS list prices. Durations measured against DynamoDB Local stand in for in-region ones.
 */
final class CostModel {

    /** The date of the prices below: AWS list prices, us-east-1, as last checked. */
    static final String PRICES_AS_OF = "2025-01-15";
    static final double HTTP_API_PER_MILLION = 1.00;
    static final double LAMBDA_REQUESTS_PER_MILLION = 0.20;
    static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
    static final double DYNAMODB_WRITE_UNIT_PER_MILLION = 0.625;
    static final double DYNAMODB_READ_UNIT_PER_MILLION = 0.125;
    static final double LOGS_PER_GB = 0.50;
    /** template.yaml Globals.Function.MemorySize. */
    static final double MEMORY_GB = 1024 / 1024.0;
    /** One structured log line per lead or conversion (redirects log nothing on success). */
    static final double LOG_LINE_BYTES = 220;
    private CostModel() {
    }

    static List<Metric> run(Map<String, String> figures) {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("cost.prices_as_of", PRICES_AS_OF));
        if (figures.containsKey("redirect.warm.cached.p50.ms")
                && figures.containsKey("clicks.counting.units.write.per_click")) {
            // counting a click: its share of a stream batch's delta and of the roll-up, as measured under realistic
            // traffic by the clicks section
            double counting = (num(figures, "clicks.counting.units.write.per_click")
                    + num(figures, "clicks.rollup.units.write.per_click")) * DYNAMODB_WRITE_UNIT_PER_MILLION
                    + (num(figures, "clicks.counting.units.read.per_click")
                    + num(figures, "clicks.rollup.units.read.per_click")) * DYNAMODB_READ_UNIT_PER_MILLION
                    + (num(figures, "clicks.counting.invocations.per_click")
                    + num(figures, "clicks.rollup.invocations.per_click")) * LAMBDA_REQUESTS_PER_MILLION
                    + (num(figures, "clicks.counting.gb_ms.per_click")
                    + num(figures, "clicks.rollup.gb_ms.per_click")) / 1000 * LAMBDA_ARM_PER_GB_SECOND * 1_000_000;
            double cached = perMillion(ms(figures, "redirect.warm.cached.p50.ms"), 0,
                    num(figures, "redirect.units.write"), 0);
            double uncached = perMillion(ms(figures, "redirect.warm.p50.ms"), num(figures, "redirect.units.read"),
                    num(figures, "redirect.units.write"), 0);
            // realistic: the link cache's miss ratio measured under the same traffic
            double miss = num(figures, "redirect.realistic.cache_miss.ratio");
            metrics.add(Metric.of("cost.clicks.counting.usd_per_million", counting, 3));
            metrics.add(Metric.of("cost.redirect.usd_per_million", cached + counting, 2));
            metrics.add(Metric.of("cost.redirect.uncached.usd_per_million", uncached + counting, 2));
            metrics.add(Metric.of("cost.redirect.realistic.usd_per_million",
                    (1 - miss) * cached + miss * uncached + counting, 2));
            metrics.add(Metric.of("cost.redirect.floor.usd_per_million",
                    HTTP_API_PER_MILLION + LAMBDA_REQUESTS_PER_MILLION + DYNAMODB_WRITE_UNIT_PER_MILLION, 2));
        }
        for (String path : List.of("lead", "webhook")) {
            if (figures.containsKey(path + ".handler.rps")) {
                double meanMs = 1000.0 / num(figures, path + ".handler.rps");
                metrics.add(Metric.of("cost." + path + ".usd_per_million", perMillion(meanMs,
                        num(figures, path + ".units.read"), num(figures, path + ".units.write"), LOG_LINE_BYTES), 2));
            }
        }
        return metrics;
    }

    /** One request: API Gateway, a Lambda invocation billed per started millisecond, DynamoDB units, log bytes. */
    static double perMillion(double durationMs, double readUnits, double writeUnits, double logBytes) {
        double billedSeconds = Math.ceil(durationMs) / 1000.0;
        return HTTP_API_PER_MILLION
                + LAMBDA_REQUESTS_PER_MILLION
                + billedSeconds * MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND * 1_000_000
                + readUnits * DYNAMODB_READ_UNIT_PER_MILLION
                + writeUnits * DYNAMODB_WRITE_UNIT_PER_MILLION
                + logBytes * 1_000_000 / 1e9 * LOGS_PER_GB;
    }

    private static double num(Map<String, String> figures, String name) {
        String value = figures.get(name);
        if (value == null) {
            throw new IllegalStateException("cost model needs " + name + ": run the warm and writes sections first");
        }
        return Double.parseDouble(value);
    }

    private static double ms(Map<String, String> figures, String name) {
        return num(figures, name);
    }
}
