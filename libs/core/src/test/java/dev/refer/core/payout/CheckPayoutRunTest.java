package dev.refer.core.payout;

import dev.refer.core.fakes.InMemoryPayouts;
import dev.refer.core.fakes.InMemoryStore;
import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The noon check of a payout run: not started, planning or paying, and complete are told apart. */
class CheckPayoutRunTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant CUTOFF = Instant.parse("2026-12-01T00:00:00Z");

    private final InMemoryPayouts runs = new InMemoryPayouts(new InMemoryStore());
    private final CheckPayoutRun check = new CheckPayoutRun(runs);

    @Test
    void aRunThatNeverStarted_isNotStarted() {
        assertEquals(new CheckPayoutRun.Result.NotStarted(NOVEMBER), check.check(NOVEMBER));
    }

    @Test
    void aRunStillPlanning_orWithPayeesLeft_isIncomplete_andOnceEveryPayeeIsProcessed_complete() {
        runs.start(NOVEMBER, START, CUTOFF, CUTOFF.plusSeconds(6 * 3600));
        assertEquals(new CheckPayoutRun.Result.Incomplete(NOVEMBER, false, 0, 0), check.check(NOVEMBER));

        for (int shard = 0; shard < PayeeIndex.SHARDS; shard++) {
            runs.planned(NOVEMBER, shard, null, null, shard == 0 ? 2 : 0);
        }
        runs.processed(NOVEMBER, new PartnerId("01HZX0000000000000000000P1"));
        assertEquals(new CheckPayoutRun.Result.Incomplete(NOVEMBER, true, 2, 1), check.check(NOVEMBER));
        assertEquals(false, check.check(NOVEMBER).complete());

        runs.processed(NOVEMBER, new PartnerId("01HZX0000000000000000000P2"));
        runs.processed(NOVEMBER, new PartnerId("01HZX0000000000000000000P2")); // a redelivery counts once
        assertEquals(new CheckPayoutRun.Result.Complete(NOVEMBER, 2), check.check(NOVEMBER));
        assertEquals(true, check.check(NOVEMBER).complete());
    }
}
