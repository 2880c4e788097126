package dev.refer.core.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pace and the retry policy on a fake clock that moves only when the pacer waits. */
class PacedMailerTest {

    private static final long SECOND = 1_000_000_000L;

    /** Time that passes only in {@link #sleep}. */
    private static final class FakeTicker implements PacedMailer.Ticker {
        long now = 5 * SECOND;

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long nanos) {
            now += nanos;
        }
    }

    /** A mail service that throttles the first {@code throttled} sends and records when each attempt reached it. */
    private static final class ScriptedService implements Mailer {
        final FakeTicker ticker;
        final List<Long> attempts = new ArrayList<>();
        final List<Long> sent = new ArrayList<>();
        int throttled;
        boolean refuseForGood;

        ScriptedService(FakeTicker ticker, int throttled) {
            this.ticker = ticker;
            this.throttled = throttled;
        }

        @Override
        public String send(Letter letter) {
            attempts.add(ticker.now);
            if (refuseForGood) {
                throw new MailRefused("MessageRejected", null);
            }
            if (throttled > 0) {
                throttled--;
                throw new MailRefused("TooManyRequestsException: Maximum sending rate exceeded", null, true);
            }
            sent.add(ticker.now);
            return "msg-" + sent.size();
        }
    }

    @Test
    void sendsKeepToTheShareOfTheRate_withinAnySecond() {
        FakeTicker ticker = new FakeTicker();
        ScriptedService ses = new ScriptedService(ticker, 0);
        PacedMailer mailer = new PacedMailer(ses, 14, 2, PacedMailer.Backoff.DEFAULT, ticker); // 7 a second here
        for (int i = 0; i < 30; i++) {
            mailer.send(null);
        }
        assertEquals(30, ses.sent.size());
        for (int i = 7; i < ses.sent.size(); i++) {
            assertTrue(ses.sent.get(i) - ses.sent.get(i - 7) >= SECOND, "8 sends within a second at " + i);
        }
    }

    @Test
    void aThrottledSendIsRetriedInTheInvocation_andLaterSendsWaitBehindIt() {
        FakeTicker ticker = new FakeTicker();
        ScriptedService ses = new ScriptedService(ticker, 3);
        PacedMailer mailer = new PacedMailer(ses, 10, 1,
                new PacedMailer.Backoff(Duration.ofMillis(250), Duration.ofSeconds(4)), ticker);
        mailer.invocation(Duration.ofSeconds(60));

        assertEquals("msg-1", mailer.send(null));
        assertEquals(4, ses.attempts.size(), "three throttled attempts, then the send");
        // waits of 250, 500 and 1000 ms between the attempts (each at least the interval of 105 ms)
        assertTrue(ses.attempts.get(1) - ses.attempts.get(0) >= 250_000_000L);
        assertTrue(ses.attempts.get(2) - ses.attempts.get(1) >= 500_000_000L);
        assertTrue(ses.attempts.get(3) - ses.attempts.get(2) >= 1_000_000_000L);
        mailer.send(null);
        assertTrue(ses.sent.get(1) - ses.sent.get(0) >= 102_000_000L, "the next send keeps the pace after it");
    }

    @Test
    void throttlingThatOutlastsTheInvocation_isThrownBeforeTheDeadline_soTheMessageComesBack() {
        FakeTicker ticker = new FakeTicker();
        ScriptedService ses = new ScriptedService(ticker, Integer.MAX_VALUE);
        PacedMailer mailer = new PacedMailer(ses, 10, 1, PacedMailer.Backoff.DEFAULT, ticker);
        long start = ticker.now;
        mailer.invocation(Duration.ofSeconds(20));

        Mailer.MailRefused refused = assertThrows(Mailer.MailRefused.class, () -> mailer.send(null));
        assertTrue(refused.throttled());
        assertTrue(ses.attempts.size() > 3, "retried while there was time: " + ses.attempts.size());
        assertTrue(ticker.now - start <= Duration.ofSeconds(20).minus(PacedMailer.RESERVE).toNanos(),
                "gave up with the reserve left");
    }

    @Test
    void aSlotPastTheDeadline_isRefusedBeforeTheSend_notCutOffByATimeout() {
        FakeTicker ticker = new FakeTicker();
        ScriptedService ses = new ScriptedService(ticker, 0);
        PacedMailer mailer = new PacedMailer(ses, 1, 10, PacedMailer.Backoff.DEFAULT, ticker); // a send every 10.5 s
        mailer.invocation(Duration.ofSeconds(30));

        for (int i = 0; i < 3; i++) {
            mailer.send(null); // at 0, 10.5 and 21 s
        }
        Mailer.MailRefused refused = assertThrows(Mailer.MailRefused.class, () -> mailer.send(null));
        assertTrue(refused.throttled());
        assertEquals(3, ses.attempts.size(), "the slot at 31.5 s is past the deadline (30 s less the reserve)");
    }

    @Test
    void aRefusalThatIsNotThrottling_isThrownAtOnce() {
        FakeTicker ticker = new FakeTicker();
        ScriptedService ses = new ScriptedService(ticker, 0);
        ses.refuseForGood = true;
        PacedMailer mailer = new PacedMailer(ses, 10, 1, PacedMailer.Backoff.DEFAULT, ticker);

        assertThrows(Mailer.MailRefused.class, () -> mailer.send(null));
        assertEquals(1, ses.attempts.size());
    }
}
