package dev.refer.core.payoutdetails;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryMailLog;
import dev.refer.core.fakes.InMemoryPayoutDetails;
import dev.refer.core.fakes.InMemoryStore;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.mail.PayoutDetailsChangedLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChangePayoutDetailsTest {

    static final String IBAN = "DE89 3704 0044 0532 0130 00";

    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryPayoutDetails book = new InMemoryPayoutDetails();
    private final InMemoryMailLog mail = new InMemoryMailLog();
    private final ChangePayoutDetails change = new ChangePayoutDetails(Fixtures.PROGRAM, store, store, book,
            new SendOnce(mail, mail, clock), clock);
    private final Partner anna = Fixtures.activePartner("01JC0000000000000000000001", "anna@partner.example");

    ChangePayoutDetailsTest() {
        store.save(Fixtures.program());
        store.create(anna);
    }

    private ChangePayoutDetails.Result bank(String holder, String iban, String bic) {
        return change.change(new ChangePayoutDetails.Command(anna.id(), "bank_transfer", holder, iban, bic, null));
    }

    @Test
    void aBankAccount_isStoredSealed_shownMasked_andTheChangeIsToldOnce() {
        var changed = assertInstanceOf(ChangePayoutDetails.Result.Changed.class,
                bank("Anna Partner", IBAN, "cobadeffxxx"));
        assertEquals(SendOnce.Outcome.SENT, changed.mail());
        assertEquals("DE89 **** **** **** **** 00", changed.stored().details().masked());
        assertFalse(book.sealed.get(anna.id()).contains("DE89370400440532013000"), "no plain IBAN kept");
        PayoutDetailsChangedLetter letter = assertInstanceOf(PayoutDetailsChangedLetter.class, mail.sent.getFirst());
        assertEquals("DE89 **** **** **** **** 00", letter.masked());
        assertEquals("Bank transfer", letter.method());
        assertEquals(anna.email(), letter.to());

        assertInstanceOf(ChangePayoutDetails.Result.Unchanged.class, bank("Anna Partner", IBAN, "COBADEFFXXX"));
        assertEquals(1, mail.sent.size(), "the same details again: nothing changed, nothing sent");

        clock.advance(Duration.ofDays(1));
        var paypal = assertInstanceOf(ChangePayoutDetails.Result.Changed.class, change.change(
                new ChangePayoutDetails.Command(anna.id(), "paypal", null, null, null, "Jane.Doe@Example.com")));
        assertEquals("j***@example.com", paypal.stored().details().masked());
        assertEquals(2, paypal.stored().version());
        assertEquals(2, mail.sent.size(), "one email per change");
        assertEquals(Set.of("payout-details#" + anna.id().value() + "#1", "payout-details#" + anna.id().value()
                + "#2"), mail.log.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE89370400440532013000", "GB82WEST12345698765432", "NL91ABNA0417164300",
            "FR1420041010050500013M02606", "AT611904300234573201", "CH9300762011623852957", "NO9386011117947"})
    void validIbans_pass(String iban) {
        assertEquals(iban, new Iban(iban).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"DE88370400440532013000", "DE89370400440532013001", "DE8937040044053201300",
            "GB82WEST1234569876543X", "XX", "DE89-3704-0044-0532-0130-00", "<script>alert(1)</script>"})
    void invalidIbans_areRefused(String iban) {
        Invalid invalid = assertThrows(Invalid.class, () -> new Iban(iban));
        assertEquals("iban", invalid.violations().getFirst().field());
    }

    @Test
    void ibansAreMaskedInGroups() {
        assertEquals("NL91 **** **** **** 00", new Iban("NL91ABNA0417164300").masked());
        assertEquals("DE89 3704 0044 0532 0130 00", new Iban(IBAN).formatted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"COBADEFF", "COBADEFFXXX", "deutdeff500"})
    void validBics_pass(String bic) {
        new Bic(bic);
    }

    @ParameterizedTest
    @ValueSource(strings = {"COBADEF", "COBADEFFXX", "1OBADEFFXXX", "COBA DE FF XXX X", "COBA<b>FF"})
    void invalidBics_areRefused(String bic) {
        assertThrows(Invalid.class, () -> new Bic(bic));
    }

    @Test
    void everyBadField_isNamed_andNothingIsStoredOrSent() {
        Invalid invalid = assertThrows(Invalid.class, () -> bank(" ", "DE00370400440532013000", "nope"));
        assertEquals(Set.of("iban", "bic", "holder"), fields(invalid));
        assertEquals("method", fields(assertThrows(Invalid.class, () -> change.change(
                new ChangePayoutDetails.Command(anna.id(), "cash", null, null, null, null)))).iterator().next());
        assertEquals(Set.of("paypalEmail"), fields(assertThrows(Invalid.class, () -> change.change(
                new ChangePayoutDetails.Command(anna.id(), "paypal", null, null, null, "not-an-email")))));
        assertEquals(Set.of("holder"), fields(assertThrows(Invalid.class, () -> bank("x".repeat(300), IBAN,
                "COBADEFF"))));
        assertEquals(Set.of("holder"), fields(assertThrows(Invalid.class, () -> bank("a\u0000b", IBAN,
                "COBADEFF"))));
        assertTrue(book.find(anna.id()).isEmpty());
        assertTrue(mail.sent.isEmpty());
    }

    @Test
    void scriptInTheHolder_isKeptAsText() {
        var changed = assertInstanceOf(ChangePayoutDetails.Result.Changed.class,
                bank("<script>alert('x')</script> & Co", IBAN, "COBADEFF"));
        assertEquals("<script>alert('x')</script> & Co",
                ((PayoutDetails.BankTransfer) book.find(anna.id()).orElseThrow().details()).holder());
        assertEquals(1, changed.stored().version());
    }

    @Test
    void anUnknownPartner_changesNothing() {
        assertInstanceOf(ChangePayoutDetails.Result.PartnerNotFound.class, change.change(
                new ChangePayoutDetails.Command(new PartnerId("01JC0000000000000000000099"), "paypal", null, null,
                        null, "a@b.example")));
        assertTrue(mail.sent.isEmpty());
    }

    @Test
    void theEncodingRoundTrips() {
        for (PayoutDetails details : List.of(new PayoutDetails.BankTransfer("Anna & Co = 100%", new Iban(IBAN),
                new Bic("COBADEFF")), new PayoutDetails.PayPal(new dev.refer.core.basics.email.EmailAddress(
                "a+b@example.com")))) {
            assertEquals(details, PayoutDetails.decode(details.encode()));
        }
    }

    private static Set<String> fields(Invalid invalid) {
        return invalid.violations().stream().map(Invalid.Violation::field).collect(Collectors.toSet());
    }
}
