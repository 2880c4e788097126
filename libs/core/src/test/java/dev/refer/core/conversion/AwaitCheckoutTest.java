package dev.refer.core.conversion;

import dev.refer.core.Flow;
import dev.refer.core.attribution.Attribution;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.partner.Partner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A subscription's first payment, reported by its checkout session (with the code the buyer came with) and by its
 * first invoice (without): in either order, one sale with the session's evidence.
 */
class AwaitCheckoutTest {

    private final Flow flow = new Flow();
    private final Partner anna = flow.partner("anna@partner.example");
    private final AwaitCheckout await = new AwaitCheckout(flow.recordSale, flow.store, flow.clock);

    AwaitCheckoutTest() {
        flow.link(anna, "anna-news");
    }

    /** Both reports record the first invoice's sale under the invoice's id; only the session names the code. */
    private ConversionCommand firstPayment(String ref) {
        return new ConversionCommand("in_1", ConversionKind.SALE, "in_1", Money.of(10_000, "EUR"), "cus_1",
                new EmailAddress("ada@acme.example"), flow.clock.instant(), null, ref);
    }

    private ConversionResult session() {
        return flow.recordSale.record(firstPayment("anna-news"));
    }

    private AwaitCheckout.Result invoice(Instant reportedAt) {
        return await.firstInvoice(firstPayment(null), reportedAt);
    }

    @Test
    void inOrder_theSessionRecordsTheSale_theInvoiceIsADuplicate() {
        assertInstanceOf(ConversionResult.Recorded.class, session());
        AwaitCheckout.Result invoice = invoice(flow.clock.instant());
        assertInstanceOf(ConversionResult.AlreadyRecorded.class,
                assertInstanceOf(AwaitCheckout.Result.Done.class, invoice).result());
        assertAnnasSale();
    }

    @Test
    void invoiceFirst_waitsForItsSession_andEndsInTheSameLedger() {
        Instant reported = flow.clock.instant();
        AwaitCheckout.Result.Waiting waiting = assertInstanceOf(AwaitCheckout.Result.Waiting.class,
                invoice(reported));
        assertEquals(reported.plus(AwaitCheckout.GRACE), waiting.until());
        assertEquals(0, flow.store.conversionsByEvent.size(), "nothing stored while it waits");

        flow.clock.advance(Duration.ofSeconds(30));
        assertInstanceOf(ConversionResult.Recorded.class, session());
        flow.clock.advance(Duration.ofMinutes(1)); // the sender's retry
        assertInstanceOf(ConversionResult.AlreadyRecorded.class,
                assertInstanceOf(AwaitCheckout.Result.Done.class, invoice(reported)).result());
        assertAnnasSale();
    }

    @Test
    void pastTheGrace_anInvoiceWithoutSession_isRecordedWithItsOwnEvidence() {
        Instant reported = flow.clock.instant();
        flow.clock.advance(AwaitCheckout.GRACE.plusSeconds(1));
        ConversionResult result = assertInstanceOf(AwaitCheckout.Result.Done.class, invoice(reported)).result();
        assertNull(assertInstanceOf(ConversionResult.Recorded.class, result).conversion().attribution(),
                "organic: no session came, and the invoice named no partner");
        assertEquals(1, flow.store.conversionsByEvent.size());
    }

    private void assertAnnasSale() {
        assertEquals(1, flow.store.conversionsByEvent.size());
        Conversion sale = flow.store.conversionsByEvent.get("in_1");
        assertEquals(anna.id(), sale.attribution().partnerId());
        assertEquals(Attribution.Path.CODE, sale.attribution().path());
        assertEquals(2_000, flow.store.commissions.stream().mapToLong(c -> c.amount().minor()).sum());
    }
}
