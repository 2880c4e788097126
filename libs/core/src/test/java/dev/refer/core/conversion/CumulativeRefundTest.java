package dev.refer.core.conversion;

import dev.refer.core.Flow;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.partner.Partner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * {@link RecordRefund#recordCumulative}: billing systems such as Stripe report a charge's refunded <em>total</em>; each
 * delivery refunds the difference, so every arrival order of the sale and the refund states ends in one ledger.
 */
class CumulativeRefundTest {

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");

    CumulativeRefundTest() {
        flow.link(anna, "anna-news");
    }

    private ConversionResult sale() {
        return flow.event("in_1", ConversionKind.SALE, "order-1", 10_000, "ada@acme.example", "cus_1", null,
                "anna-news", flow.clock.instant());
    }

    private ConversionResult refundedTotal(String eventId, long cumulative) {
        return flow.recordRefund.recordCumulative(new ConversionCommand(eventId, ConversionKind.REFUND, "order-1",
                Money.of(cumulative, "EUR"), "cus_1", new EmailAddress("ada@acme.example"), flow.clock.instant(),
                null, null));
    }

    private long netCommission() {
        return flow.store.commissions.stream().mapToLong(c -> c.amount().minor()).sum();
    }

    @Test
    void eachDelivery_refundsTheDifference() {
        sale();
        assertInstanceOf(ConversionResult.Recorded.class, refundedTotal("ch_1:3000", 3_000));
        ConversionResult second = refundedTotal("ch_1:5000", 5_000);
        assertEquals(2_000, ((ConversionResult.Recorded) second).conversion().amount().minor(), "5,000 less 3,000");
        assertEquals(5_000, flow.store.orders.get("order-1").refunded().minor());
        assertEquals(1_000, netCommission(), "20.00 less half of it");
    }

    @Test
    void anOlderTotal_afterANewerOne_changesNothing() {
        sale();
        refundedTotal("ch_1:5000", 5_000);
        assertInstanceOf(ConversionResult.AlreadyRecorded.class, refundedTotal("ch_1:3000", 3_000));
        assertInstanceOf(ConversionResult.AlreadyRecorded.class, refundedTotal("ch_1:5000", 5_000));
        assertEquals(5_000, flow.store.orders.get("order-1").refunded().minor());
        assertEquals(1_000, netCommission());
    }

    /** Every arrival order of the sale (S) and the totals 3,000 (A) and 5,000 (B), each delivered twice. */
    @ParameterizedTest
    @ValueSource(strings = {"SAB", "SBA", "ASB", "BSA", "ABS", "BAS", "SSAABB", "BABSAS"})
    void everyArrivalOrder_endsInTheSameLedger(String order) {
        for (char event : order.toCharArray()) {
            switch (event) {
                case 'S' -> sale();
                case 'A' -> refundedTotal("ch_1:3000", 3_000);
                case 'B' -> refundedTotal("ch_1:5000", 5_000);
                default -> throw new IllegalArgumentException(order);
            }
        }
        Order recorded = flow.store.orders.get("order-1");
        assertEquals(5_000, recorded.refunded().minor(), order);
        assertEquals(1_000, netCommission(), order + ": 20.00 less half of it");
        assertEquals(List.of(1_000L), List.of(recorded.reversed().minor()), order);
    }
}
