package dev.refer.payouts;

import dev.refer.core.ledger.Commission;
import dev.refer.core.mail.MailLog;
import dev.refer.core.partner.Partner;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.payout.PayoutStatus;
import dev.refer.core.payout.ReviewPayout;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.FaultInjector;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.payout.DynamoDbPayoutBook;
import dev.refer.testkit.mail.RefusedSesSend;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Makes DynamoDB, SQS or SES fail at each call of a payout run in turn, before the request leaves and after the
 * service acted on it; after each fault, the queue's redelivery (and the scheduler's retry of the planner) must end
 * in exactly the state of a clean run: the same payouts with the same entries, nothing paid twice, no entry lost,
 * one statement per payout. One decided exception: when SES acted on a send but the answer was lost, the statement
 * went out once and stays recorded as SENDING (its outcome unknown to us): it is never sent again on its own.
 */
class PayoutFaultsTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    /** What a run leaves: payouts (id, amount, count, status), each entry's payout, statements per partner. */
    private record Outcome(Map<String, String> payouts, Map<String, String> entries, Map<String, Integer> statements) {
    }

    private record Scenario(PayoutHarness program, List<Partner> partners) {
    }

    private Scenario scenario() {
        PayoutHarness program = new PayoutHarness(5_000);
        String tag = Long.toString(System.nanoTime());
        Partner ada = program.partner("ada-" + tag + "@partner.example", "ada-" + tag);
        Partner bob = program.partner("bob-" + tag + "@partner.example", "bob-" + tag);
        Partner cid = program.partner("cid-" + tag + "@partner.example", "cid-" + tag);
        program.sale("ada-" + tag, "o1", 100_000);
        program.sale("ada-" + tag, "o2", 50_000);
        program.sale("bob-" + tag, "o3", 80_000);
        program.sale("cid-" + tag, "o4", 10_000); // below the minimum
        program.clock.to(YearMonth.of(2026, 12), 1);
        return new Scenario(program, List.of(ada, bob, cid));
    }

    private Outcome outcome(Scenario scenario) throws Exception {
        Map<String, String> payouts = new TreeMap<>();
        for (Payout p : scenario.program().payouts(NOVEMBER)) {
            payouts.put(p.partnerId().equals(scenario.partners().get(0).id()) ? "ada"
                            : p.partnerId().equals(scenario.partners().get(1).id()) ? "bob" : "cid",
                    p.amount().minor() + "/" + p.entryCount() + "/" + p.status());
        }
        Map<String, String> entries = new TreeMap<>();
        Map<String, Integer> statements = new TreeMap<>();
        String[] names = {"ada", "bob", "cid"};
        for (int i = 0; i < 3; i++) {
            Partner partner = scenario.partners().get(i);
            for (Commission entry : scenario.program().ledger(partner)) {
                entries.put(names[i] + ":" + entry.orderId(), entry.status() + (entry.paid() ? " by " + names[i] : ""));
            }
            statements.put(names[i], PayoutHarness.sentTo(partner.email().value()).size());
        }
        return new Outcome(payouts, entries, statements);
    }

    @Test
    void aFaultAtAnyCallOfDynamoDbOrSqs_beforeOrAfterTheServiceActed_endsInTheStateOfACleanRun() throws Exception {
        Scenario clean = scenario();
        FaultInjector dynamoDbCalls = FaultInjector.counting();
        FaultInjector sqsCalls = FaultInjector.counting();
        clean.program().run(NOVEMBER, List.of(dynamoDbCalls), List.of(sqsCalls), List.of());
        Outcome expected = outcome(clean);
        assertEquals(Map.of("ada", "30000/2/READY", "bob", "16000/1/READY"), expected.payouts());
        assertEquals(Map.of("ada", 1, "bob", 1, "cid", 0), expected.statements());

        int runs = 0;
        for (String client : List.of("dynamodb", "sqs")) {
            int calls = client.equals("dynamodb") ? dynamoDbCalls.calls.get() : sqsCalls.calls.get();
            for (int call = 1; call <= calls; call++) {
                for (FaultInjector.When when : FaultInjector.When.values()) {
                    Scenario faulty = scenario();
                    FaultInjector fault = FaultInjector.at(call, when);
                    List<ExecutionInterceptor> faults = List.of(fault);
                    faulty.program().run(NOVEMBER, client.equals("dynamodb") ? faults : List.of(),
                            client.equals("sqs") ? faults : List.of(), List.of());
                    assertEquals(expected, outcome(faulty), client + " call " + call + " failing " + when);
                    assertEquals(0, faulty.program().deadLetters());
                    runs++;
                }
            }
        }
        assertTrue(runs > 40, "faults at " + runs + " points");
    }

    @Test
    void sesRefusingASend_isRetriedByTheRedelivery_andTheStatementGoesOutOnce() throws Exception {
        for (int call = 1; call <= 3; call++) { // two statements and the manager's summary
            Scenario faulty = scenario();
            faulty.program().run(NOVEMBER, List.of(), List.of(), List.of(new RefusedSesSend(call)));
            Outcome outcome = outcome(faulty);
            assertEquals(Map.of("ada", 1, "bob", 1, "cid", 0), outcome.statements(), "call " + call);
        }
    }

    @Test
    void aSendWhoseAnswerWasLost_isNeverSentAgainByItself_andStaysVisibleAsUncertain() throws Exception {
        Scenario faulty = scenario();
        faulty.program().run(NOVEMBER, List.of(), List.of(), List.of(FaultInjector.at(1, FaultInjector.When.AFTER)));

        Outcome outcome = outcome(faulty);
        assertEquals(Map.of("ada", 1, "bob", 1, "cid", 0), outcome.statements(), "sent once, not again");
        var log = new DynamoDbMailLog(faulty.program().table.client(), faulty.program().config);
        long uncertain = faulty.program().payouts(NOVEMBER).stream()
                .map(p -> log.find("statement#" + p.id().value()).orElseThrow().state())
                .filter(state -> state == MailLog.State.SENDING).count();
        assertEquals(1, uncertain, "the lost answer leaves that statement SENDING, for a person to look at");
    }

    /**
     * The program manager marks a payout failed (or paid) and a DynamoDB call of it fails, before the request leaves
     * or after DynamoDB acted on it, the answer lost. A lost answer is retried by the SDK itself, which then meets its
     * own condition (the status moved already): the request still finishes the job, a failed payout's entries back in
     * the balance, and answers as a clean one. A fault the SDK gives up on fails the request; the manager's repeat of
     * it finishes the job.
     */
    @Test
    void markingAPayoutFailedOrPaid_whoseAnswerWasLost_finishesTheJob() throws Exception {
        for (boolean fail : new boolean[] {true, false}) {
            Scenario clean = scenario();
            clean.program().run(NOVEMBER);
            FaultInjector counting = FaultInjector.counting();
            review(clean, List.of(counting), fail);
            for (int call = 1; call <= counting.calls.get(); call++) {
                for (FaultInjector.When when : FaultInjector.When.values()) {
                    Scenario faulty = scenario();
                    faulty.program().run(NOVEMBER);
                    // an I/O error: what a timeout on the way back looks like to the SDK, which retries it
                    FaultInjector fault = FaultInjector.at(call, when, SdkClientException.builder()
                            .message("injected: connection reset").cause(new IOException("connection reset")).build());
                    ReviewPayout.Result result;
                    try {
                        result = review(faulty, List.of(fault), fail);
                    } catch (RuntimeException gaveUp) {
                        result = review(faulty, List.of(), fail); // the manager repeats the request
                    }
                    String point = (fail ? "failed" : "paid") + ", call " + call + " failing " + when;
                    assertTrue(fault.fired, point);
                    Payout payout = assertInstanceOf(ReviewPayout.Result.Done.class, result, point).payout();
                    assertEquals(fail ? PayoutStatus.FAILED : PayoutStatus.PAID, payout.status(), point);
                    assertEquals(fail, payout.returned(), point);
                    assertEquals(fail, faulty.program().ledger(faulty.partners().get(0)).stream()
                            .noneMatch(Commission::paid), point + ": the entries are back in the balance");
                }
            }
        }
    }

    private static ReviewPayout.Result review(Scenario scenario, List<ExecutionInterceptor> faults, boolean fail) {
        var client = DynamoDbClients.create(scenario.program().env, faults);
        ReviewPayout review = new ReviewPayout(new DynamoDbPayoutBook(client, scenario.program().config),
                scenario.program().clock);
        PayoutId ada = PayoutId.of(NOVEMBER, Currency.getInstance("EUR"), scenario.partners().get(0).id());
        return fail ? review.markFailed(ada, "IBAN closed") : review.markPaid(ada, "TRX-1");
    }
}
