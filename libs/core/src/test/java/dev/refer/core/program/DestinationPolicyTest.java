package dev.refer.core.program;

import dev.refer.core.basics.validation.Invalid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DestinationPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,<script>x</script>", "ftp://example.com/x",
            "//example.com/path", "/relative", "https://user:pass@example.com/", "https://user@example.com/",
            "https:///nohost", "https://exa mple.com/", "https://example.com/\nx", ""})
    void validate_whenNotAPlainHttpUrl_isInvalid(String destination) {
        Invalid invalid = assertThrows(Invalid.class, () -> DestinationPolicy.validate(destination, List.of()));
        assertEquals("destination", invalid.violations().get(0).field());
    }

    @Test
    void validate_whenHostOutsideTheAllowList_isInvalid() {
        assertThrows(Invalid.class,
                () -> DestinationPolicy.validate("https://evil.com/x", List.of("example.com")));
        assertThrows(Invalid.class,
                () -> DestinationPolicy.validate("https://notexample.com/x", List.of("example.com")));
    }

    @Test
    void validate_whenSubdomainOfAnAllowedHost_isAccepted() {
        assertEquals("www.example.com",
                DestinationPolicy.validate("https://www.example.com/p?utm_source=x", List.of("example.com")).getHost());
    }

    @Test
    void validate_whenTooLong_isInvalid() {
        String longUrl = "https://example.com/" + "a".repeat(2100);
        assertThrows(Invalid.class, () -> DestinationPolicy.validate(longUrl, List.of()));
    }
}
