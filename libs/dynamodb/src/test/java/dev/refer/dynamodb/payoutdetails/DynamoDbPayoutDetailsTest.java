package dev.refer.dynamodb.payoutdetails;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payoutdetails.Bic;
import dev.refer.core.payoutdetails.Iban;
import dev.refer.core.payoutdetails.PayoutDetails;
import dev.refer.core.payoutdetails.PayoutDetailsBook;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.TestTable;
import dev.refer.sealing.JweSealer;
import dev.refer.sealing.SealingKeys;
import dev.refer.table.TableKeys;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbPayoutDetailsTest {

    private static final String IBAN = "DE89370400440532013000";

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    /** The secret's versions, current first, as Secrets Manager would answer them. */
    private final Map<String, String> versions = new LinkedHashMap<>(Map.of("v1", secret()));
    private final SealingKeys keys = new SealingKeys(() -> new LinkedHashMap<>(versions));
    private final DynamoDbPayoutDetails book = new DynamoDbPayoutDetails(table.client(), table.config(),
            new JweSealer(keys));
    private final PartnerId anna = fixtures.partnerId();
    private final Instant at = Instant.parse("2026-05-04T10:00:00Z");

    private static String secret() {
        return UUID.randomUUID() + "-" + UUID.randomUUID();
    }

    private static PayoutDetails bank() {
        return new PayoutDetails.BankTransfer("Anna Partner", new Iban(IBAN), new Bic("COBADEFFXXX"));
    }

    @Test
    void saved_thenFound_andTheRawItemHoldsNoPlainDetails() {
        PayoutDetailsBook.Stored stored = book.save(anna, bank(), 0, at).orElseThrow();
        assertEquals(1, stored.version());
        assertEquals(stored, book.find(anna).orElseThrow());

        Map<String, AttributeValue> raw = table.item(TableKeys.payoutDetails(anna.value()).pk(), "PAYOUT_DETAILS");
        String everything = raw.toString();
        assertFalse(everything.contains(IBAN), "no plain IBAN in the item");
        assertFalse(everything.contains("Anna Partner"), "no plain holder");
        assertFalse(everything.contains("COBADEFF"), "no plain BIC");
        assertEquals("DE89 **** **** **** **** 00", raw.get("masked").s());
        assertEquals("BANK_TRANSFER", raw.get("method").s());
        assertEquals(5, raw.get("sealed").s().split("\\.").length, "a JWE");
    }

    @Test
    void aNewVersion_needsTheVersionRead() {
        book.save(anna, bank(), 0, at).orElseThrow();
        PayoutDetails paypal = new PayoutDetails.PayPal(new EmailAddress("anna@example.com"));
        assertTrue(book.save(anna, paypal, 0, at).isEmpty(), "a second first version is refused");
        assertEquals(2, book.save(anna, paypal, 1, at).orElseThrow().version());
        assertTrue(book.save(anna, bank(), 1, at).isEmpty(), "a stale version is refused");
        assertEquals(paypal, book.find(anna).orElseThrow().details());
    }

    @Test
    void aKeyRotation_stillOpensTheDetailsSealedBefore() {
        book.save(anna, bank(), 0, at).orElseThrow();
        Map<String, String> rotated = new LinkedHashMap<>();
        rotated.put("v2", secret());
        rotated.putAll(versions);
        versions.clear();
        versions.putAll(rotated);
        DynamoDbPayoutDetails afterRotation = new DynamoDbPayoutDetails(table.client(), table.config(),
                new JweSealer(new SealingKeys(() -> new LinkedHashMap<>(versions))));
        assertEquals(bank(), afterRotation.find(anna).orElseThrow().details(), "sealed under v1, opened after");

        PartnerId bruno = fixtures.partnerId();
        afterRotation.save(bruno, bank(), 0, at);
        String sealed = table.item(TableKeys.payoutDetails(bruno.value()).pk(), "PAYOUT_DETAILS").get("sealed").s();
        String header = new String(java.util.Base64.getUrlDecoder().decode(sealed.split("\\.")[0]));
        assertTrue(header.contains("\"kid\":\"v2\""), "new details are sealed with the current key: " + header);
    }

    @Test
    void detailsCopiedOntoAnotherPartner_doNotOpen() {
        book.save(anna, bank(), 0, at).orElseThrow();
        PartnerId bruno = fixtures.partnerId();
        Map<String, AttributeValue> copy = new LinkedHashMap<>(table.item(
                TableKeys.payoutDetails(anna.value()).pk(), "PAYOUT_DETAILS"));
        copy.put("pk", AttributeValue.fromS(TableKeys.payoutDetails(bruno.value()).pk()));
        copy.put("partnerId", AttributeValue.fromS(bruno.value()));
        table.client().putItem(r -> r.tableName(table.name()).item(copy));
        assertThrows(IllegalStateException.class, () -> book.find(bruno));
    }

    @Test
    void findAll_readsManyPartnersInBatches() {
        List<PartnerId> ids = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            PartnerId id = fixtures.partnerId();
            ids.add(id);
            if (i % 2 == 0) {
                book.save(id, new PayoutDetails.PayPal(new EmailAddress("p" + i + "@example.com")), 0, at);
            }
        }
        Map<PartnerId, PayoutDetails> found = book.findAll(ids);
        assertEquals(65, found.size());
        assertEquals(new PayoutDetails.PayPal(new EmailAddress("p128@example.com")), found.get(ids.get(128)));
    }
}
