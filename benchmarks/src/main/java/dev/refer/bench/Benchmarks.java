package dev.refer.bench;

import dev.refer.emulators.DynamoDbLocal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs every benchmark in one process and prints each figure as {@code name: value}, one per line. Figures that
 * compare two things are ratios measured side by side in this run, because absolute times drift on shared machines.
 *
 * <pre>java -jar benchmarks/target/refer-benchmarks.jar [section ...]</pre>
 * Sections: jars, cold, warm, writes, stripe, http, portal, clicks, payouts, checkin, hot, cost (default: all, in that order; cost uses the others' figures).
 */
public final class Benchmarks {

    /** A section measures and returns its figures; it may read figures printed before it. */
    public interface Section extends Function<Map<String, String>, List<Metric>> {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // DynamoDB Local leaves non-daemon threads behind: exit explicitly, with a failure status
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Path repository = findRepository();
        // The functions log to stdout (as on Lambda); keep stdout for the figures and send the rest to a file.
        PrintStream figuresOut = System.out;
        Path log = repository.resolve("benchmarks/target/bench-output.log");
        Files.createDirectories(log.getParent());
        System.setOut(new PrintStream(Files.newOutputStream(log), true, java.nio.charset.StandardCharsets.UTF_8));
        System.err.println("function and stack output: " + log);
        Map<String, Section> sections = new LinkedHashMap<>();
        // DynamoDB Local in a JVM of its own: its garbage collection must not pause the measuring thread
        try (DynamoDbLocal dynamoDb = DynamoDbLocal.startInChildJvm();
             BenchContext context = new BenchContext(repository, dynamoDb)) {
            sections.put("jars", figures -> new JarReport(context).run());
            sections.put("cold", figures -> new ColdStartBenchmark(context).run());
            sections.put("warm", figures -> new WarmRedirectBenchmark(context).run());
            sections.put("writes", figures -> new WriteThroughputBenchmark(context).run());
            sections.put("stripe", figures -> new StripeThroughputBenchmark(context).run());
            sections.put("http", figures -> new HttpLoadBenchmark(context).run());
            sections.put("outbound", figures -> new OutboundWebhooksBenchmark(context).run());
            sections.put("portal", figures -> new PortalBenchmark(context).run());
            sections.put("clicks", figures -> new ClickCountingBenchmark(context).run());
            sections.put("payouts", figures -> {
                try {
                    return new PayoutBenchmark(context).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sections.put("checkin", figures -> {
                try {
                    return new CheckinBenchmark(context).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sections.put("hot", figures -> {
                try {
                    return new HotPartnerBenchmark(context).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            sections.put("cost", CostModel::run);
            List<String> chosen = args.length == 0 ? List.copyOf(sections.keySet()) : List.of(args);
            Map<String, String> figures = new LinkedHashMap<>();
            Instant start = Instant.now();
            for (String name : chosen) {
                Section section = sections.get(name);
                if (section == null) {
                    throw new IllegalArgumentException("unknown section " + name + "; known: " + sections.keySet());
                }
                System.err.println("== " + name);
                Instant sectionStart = Instant.now();
                List<Metric> metrics;
                try {
                    metrics = new ArrayList<>(section.apply(figures));
                } finally {
                    context.dropTables();
                }
                // Where the suite's time goes, so a section that grows slow shows in the figures it prints
                metrics.add(Metric.of("bench.section." + name + ".seconds",
                        Duration.between(sectionStart, Instant.now()).toMillis() / 1000.0, 1));
                for (Metric metric : metrics) {
                    figures.put(metric.name(), metric.value());
                    figuresOut.println(metric);
                    figuresOut.flush();
                }
            }
            figuresOut.println(Metric.of("bench.seconds", Duration.between(start, Instant.now()).toSeconds()));
        }
    }

    private static Path findRepository() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("mvnw")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository (no template.yaml and mvnw found above "
                    + Path.of("").toAbsolutePath() + ")");
        }
        return dir;
    }
}
