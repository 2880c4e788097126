package dev.refer.payouts;

import dev.refer.testkit.PassThroughProxy;
import dev.refer.testkit.mail.SesSendLog;

import dev.refer.core.partner.Partner;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statements keep the SES pace (MAIL_SEND_RATE shared by MAIL_WORKERS payout workers), measured where the sends
 * arrive: a pass-through in front of moto's SES. A send SES throttles is waited out in the invocation, never sent to
 * the dead-letter queue.
 */
class StatementPaceTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final YearMonth DECEMBER = YearMonth.of(2026, 12);

    private static List<Partner> partnersWithEarnings(PayoutHarness program, int count) {
        String tag = Long.toString(System.nanoTime());
        List<Partner> partners = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Partner partner = program.partner("p" + i + "-" + tag + "@partner.example", "p" + i + "-" + tag);
            program.sale("p" + i + "-" + tag, "o" + i + "-" + tag, 100_000);
            partners.add(partner);
        }
        return partners;
    }

    @Test
    void theStatementsOfARun_neverExceedTheSendRate() throws Exception {
        PayoutHarness program = new PayoutHarness(5_000);
        List<Partner> partners = partnersWithEarnings(program, 8);
        SesSendLog sesLog = new SesSendLog(0, null);
        try (PassThroughProxy ses = new PassThroughProxy(PayoutHarness.moto().endpoint(), sesLog)) {
            program.env.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());
            program.env.put("MAIL_SEND_RATE", "8");
            program.env.put("MAIL_WORKERS", "2"); // this worker's share: 4 a second

            program.clock.to(DECEMBER, 1);
            program.run(NOVEMBER);

            for (Partner partner : partners) {
                assertEquals(1, PayoutHarness.sentTo(partner.email().value()).size());
            }
            List<Long> sends = sesLog.sends();
            assertTrue(sends.size() >= partners.size(), "statements and the summary: " + sends.size());
            for (int i = 4; i < sends.size(); i++) {
                long window = sends.get(i) - sends.get(i - 4);
                assertTrue(window >= 1_000_000_000L, "5 sends within " + window / 1_000_000 + " ms (at " + i + ")");
            }
        }
    }

    @Test
    void aStatementSesThrottles_isSentInTheSameInvocation_andNothingReachesTheDeadLetterQueue() throws Exception {
        PayoutHarness program = new PayoutHarness(5_000);
        Partner partner = partnersWithEarnings(program, 1).getFirst();
        // as many throttled answers as the queue's maxReceiveCount: a retry by redelivery would end in the DLQ
        SesSendLog sesLog = new SesSendLog(5, null);
        try (PassThroughProxy ses = new PassThroughProxy(PayoutHarness.moto().endpoint(), sesLog)) {
            program.env.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());

            program.clock.to(DECEMBER, 1);
            program.run(NOVEMBER);

            assertEquals(5, sesLog.throttled());
            assertEquals(1, PayoutHarness.sentTo(partner.email().value()).size(), "the statement, once");
            assertEquals(1, program.payouts(NOVEMBER).size());
            assertEquals(0, program.deadLetters());
        }
    }
}
