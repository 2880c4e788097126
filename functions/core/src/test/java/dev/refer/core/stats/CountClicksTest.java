package dev.refer.core.stats;

import dev.refer.core.fakes.InMemoryStore;
import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class CountClicksTest {

    private static final PartnerId ANNA = new PartnerId("01JC0000000000000000000001");
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");

    private final InMemoryStore store = new InMemoryStore();
    private final CountClicks countClicks = new CountClicks(store);

    /** {@code n} clicks spread over {@code links} links of one partner: more links than fit one chunk. */
    private static List<CountClicks.ClickRecord> clicks(int n, int links) {
        List<CountClicks.ClickRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new CountClicks.ClickRecord(String.valueOf(1000 + i), ANNA, "link" + (i % links), AT));
        }
        return records;
    }

    @Test
    void count_whenBatchIsRedelivered_countsEachClickOnce() {
        List<CountClicks.ClickRecord> batch = clicks(100, 30);
        assertEquals(100, countClicks.count("stream", batch).countedClicks());
        CountClicks.Outcome again = countClicks.count("stream", batch);
        assertEquals(0, again.countedClicks());
        assertNull(again.firstFailedSequenceNumber());
        assertEquals(100, store.partnerStats(ANNA, null).allTime("clicks"));
    }

    @Test
    void count_whenASecondChunkFails_resumesThereAndCountsEveryClickOnce() {
        List<CountClicks.ClickRecord> batch = clicks(100, 30);
        store.failClickWriteAt = 2;
        CountClicks.Outcome first = countClicks.count("stream", batch);
        assertNotNull(first.firstFailedSequenceNumber());
        int resume = batch.stream().map(CountClicks.ClickRecord::sequenceNumber).toList()
                .indexOf(first.firstFailedSequenceNumber());
        assertEquals(first.countedClicks(), resume, "everything before the failed chunk was counted");

        // Lambda redelivers the batch from the reported record on (ReportBatchItemFailures)
        CountClicks.Outcome retry = countClicks.count("stream", batch.subList(resume, batch.size()));
        assertNull(retry.firstFailedSequenceNumber());
        assertEquals(100, store.partnerStats(ANNA, null).allTime("clicks"));
    }
}
