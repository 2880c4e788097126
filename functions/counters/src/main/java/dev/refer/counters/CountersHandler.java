package dev.refer.counters;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.refer.core.stats.ProjectCounters;
import dev.refer.core.stats.StatsRepository;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.StreamFunction;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Consumes the table's stream (the template filters it to inserted clicks and to stored or changed leads, orders and
 * ledger entries) and keeps every counter: the stream projection ({@link ProjectCounters}). Reads Lambda's
 * {@link DynamodbEvent} and answers its partial batch response ({@link StreamsEventResponse}): the first record of a
 * chunk that could not be written, so Lambda redelivers from there and chunks applied before are recognised and
 * skipped.
 *
 * <p>It never fails as a function once it has applied a chunk: a failure is reported as a batch item failure, so
 * Lambda resumes at that record instead of bisecting the batch (bisecting only retries batches that failed before
 * anything was written, such as an event that cannot be read). A record that cannot be read is reported the same
 * way: after the template's retries, Lambda sends the batch's description to the dead-letter queue.
 */
public final class CountersHandler extends StreamFunction {

    static final String FLOWS_NAMESPACE = "Refer";

    private final ProjectCounters counters;
    private final String functionName;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public CountersHandler() {
        this(System.getenv());
    }

    public CountersHandler(Map<String, String> env) {
        this(CountersWiring.create(env));
    }

    CountersHandler(CountersWiring wiring) {
        this.counters = wiring.counters();
        this.functionName = wiring.functionName();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected StreamsEventResponse handle(DynamodbEvent event) {
        StreamBatch batch = StreamBatch.of(event);
        StatsRepository.Applied applied = counters.count(batch.streamKey(), batch.changes());
        String failedAt = applied.firstFailedSequenceNumber() != null ? applied.firstFailedSequenceNumber()
                : batch.unreadable();
        ProjectCounters.Flows flows = ProjectCounters.Flows.of(batch.changes());
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("Clicks", flows.clicks());
        values.put("Leads", flows.leads());
        values.put("Sales", flows.sales());
        values.put("Commissions", flows.commissions());
        // the flows as an Embedded Metric Format line (the dashboard's first widget), and the batch's outcome
        Log.metrics(FLOWS_NAMESPACE, values, Map.of("FunctionName", functionName), "counters.applied",
                "records", batch.records(), "counted", applied.appliedRecords(),
                "duplicateChunks", applied.duplicateChunks(), "failedAt", failedAt);
        return resumeAt(failedAt);
    }
}
