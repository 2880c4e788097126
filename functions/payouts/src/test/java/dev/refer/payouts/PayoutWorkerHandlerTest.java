package dev.refer.payouts;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The worker fed a real SQS event (src/test/resources/events), answering Lambda's partial batch response. */
class PayoutWorkerHandlerTest {

    @Test
    void aBatch_answersTheMessagesItCouldNotHandle_asBatchItemFailures() throws Exception {
        PayoutHarness program = new PayoutHarness(1_000);
        PayoutWorkerHandler worker = new PayoutWorkerHandler(program.wiring(List.of(), List.of(), List.of()));
        byte[] event;
        try (InputStream in = getClass().getResourceAsStream("/events/sqs-payout-messages.json")) {
            event = in.readAllBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        worker.handleRequest(new ByteArrayInputStream(event), out, null);

        // the partner message (a partner with nothing due) is done; the unknown step comes back, then to the DLQ
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"059f36b4-87a3-44ab-83d2-661975830a7d\"}]}",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void snapStartPriming_writesNothing() throws Exception {
        PayoutHarness program = new PayoutHarness(1_000);
        int before = program.table.items().size();
        PayoutWorkerHandler worker = new PayoutWorkerHandler(program.env);
        worker.priming.prime();
        PayoutPlannerHandler planner = new PayoutPlannerHandler(program.env);
        planner.priming.prime();
        assertEquals(before, program.table.items().size());
    }
}
