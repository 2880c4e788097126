package dev.refer.stripe;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stripe's signature scheme as Stripe documents it: {@code t} and every {@code v1} of {@code Stripe-Signature}, HMAC-SHA256
 * of {@code "t.body"} keyed with the whole {@code whsec_} secret, 300 seconds of tolerance, any {@code v1} may match,
 * two secrets during a roll.
 */
class StripeSignatureTest {

    private static final long T = 1_700_000_000L;
    private static final String BODY = "{\"id\":\"evt_test\",\"object\":\"event\"}";
    private static final String SECRET = "whsec_test_secret";
    /** HMAC-SHA256("whsec_test_secret", "1700000000." + BODY), computed apart from Java (Python's hmac module). */
    private static final String EXPECTED = "8042376f6ca064adbe037642a718227dfd59047137eb49497a54c49eb0cfb724";

    private static StripeSignature at(long unixSeconds, String... secrets) {
        return new StripeSignature(List.of(secrets), Clock.fixed(Instant.ofEpochSecond(unixSeconds),
                ZoneOffset.UTC));
    }

    private static Optional<String> check(StripeSignature signature, String header) {
        return signature.refusal(BODY.getBytes(StandardCharsets.UTF_8), header);
    }

    @Test
    void theDocumentedScheme_aKnownVector() {
        assertEquals("t=" + T + ",v1=" + EXPECTED, StripeSignature.header(SECRET, T, BODY),
                "the header Stripe's generateTestHeaderString makes: t=<unix>,v1=<hex>");
        assertEquals(Optional.empty(), check(at(T, SECRET), "t=" + T + ",v1=" + EXPECTED));
    }

    @Test
    void anyV1MayMatch_andOtherSchemesAreIgnored() {
        String other = "0".repeat(64);
        assertEquals(Optional.empty(), check(at(T, SECRET), "t=" + T + ",v1=" + other + ",v1=" + EXPECTED
                + ",v0=" + other));
        assertEquals(Optional.empty(), check(at(T, SECRET), " t=" + T + " , v0=abc , v1=" + EXPECTED + " "),
                "spaces around the pairs, as some proxies write them");
        assertTrue(check(at(T, SECRET), "t=" + T + ",v0=" + EXPECTED).isPresent(), "v0 is not a signature we take");
    }

    @Test
    void duringARoll_bothSecretsVerify_noOther() {
        String next = "whsec_next_secret";
        StripeSignature rolling = at(T, next, SECRET);
        assertEquals(Optional.empty(), check(rolling, StripeSignature.header(next, T, BODY)));
        assertEquals(Optional.empty(), check(rolling, StripeSignature.header(SECRET, T, BODY)));
        assertEquals(Optional.empty(), check(rolling, StripeSignature.header(next, T, BODY) + ",v1=" + EXPECTED),
                "Stripe signs with both while it rolls");
        assertTrue(check(rolling, StripeSignature.header("whsec_other", T, BODY)).isPresent());
    }

    @Test
    void tolerance_is300SecondsEitherWay() {
        String header = StripeSignature.header(SECRET, T, BODY);
        assertEquals(Optional.empty(), check(at(T + 300, SECRET), header));
        assertEquals(Optional.empty(), check(at(T - 300, SECRET), header));
        assertTrue(check(at(T + 301, SECRET), header).orElseThrow().contains("300 seconds"));
        assertTrue(check(at(T - 301, SECRET), header).orElseThrow().contains("300 seconds"));
    }

    @Test
    void theBodyAsReceived_anyChangeFails() {
        StripeSignature signature = at(T, SECRET);
        String header = StripeSignature.header(SECRET, T, BODY);
        assertTrue(signature.refusal((BODY + " ").getBytes(StandardCharsets.UTF_8), header).isPresent());
        assertTrue(signature.refusal(BODY.replace("evt_test", "evt_tesT").getBytes(StandardCharsets.UTF_8), header)
                .isPresent());
        assertTrue(check(signature, header.replace("t=" + T, "t=" + (T + 1))).isPresent(), "the time is signed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "v1=8042376f6ca064adbe037642a718227dfd59047137eb49497a54c49eb0cfb724",
            "t=1700000000", "t=1700000000,v1=", "t=1700000000,v1=zz", "t=abc,v1=00", "t=-1,v1=00", "t=,v1=00",
            "t=1700000000,v1=8042376F6CA064ADBE037642A718227DFD59047137EB49497A54C49EB0CFB72",
            "<script>alert(1)</script>", "t=99999999999999999999,v1=00", "garbage"})
    void malformedHeaders_areRefusedWithAReason(String header) {
        Optional<String> refusal = check(at(T, SECRET), header);
        assertTrue(refusal.isPresent(), header);
        assertTrue(refusal.get().contains("Stripe-Signature"), refusal.get());
    }

    @Test
    void noHeader_orAnOversizedOne_isRefused() {
        assertEquals(Optional.of("the Stripe-Signature header is required"), check(at(T, SECRET), null));
        assertTrue(check(at(T, SECRET), "t=" + T + ",v1=" + EXPECTED + ",v1=" + "a".repeat(5000)).isPresent());
    }
}
