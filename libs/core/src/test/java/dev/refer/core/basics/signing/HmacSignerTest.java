package dev.refer.core.basics.signing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HmacSignerTest {

    private static final byte[] KEY = "key".getBytes(StandardCharsets.UTF_8);

    @Test
    void signs_asHmacSha256InBase64Url() {
        // RFC 4231-style known answer: HMAC-SHA256("key", "The quick brown fox jumps over the lazy dog")
        assertEquals("97yD9DBThCSxMpjmqm-xQ-9NWaFJRhdZl0edvC0aPNg",
                HmacSigner.sign(KEY, "The quick brown fox jumps over the lazy dog"));
        assertEquals("97yD9DBThC", HmacSigner.sign(KEY, "The quick brown fox jumps over the lazy dog", 10));
    }

    @Test
    void checks_againstEverySecretOfARotation() {
        byte[] old = "old".getBytes(StandardCharsets.UTF_8);
        String signature = HmacSigner.sign(old, "subject", 27);
        assertTrue(HmacSigner.signedWithAnyOf(List.of(KEY, old), "subject", signature, 27));
        assertFalse(HmacSigner.signedWithAnyOf(List.of(KEY), "subject", signature, 27));
        assertFalse(HmacSigner.signedWithAnyOf(List.of(KEY, old), "other", signature, 27));
    }
}
