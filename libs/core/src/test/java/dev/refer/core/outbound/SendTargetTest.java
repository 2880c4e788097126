package dev.refer.core.outbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The send-time checks: the resolved addresses (SSRF, DNS rebinding) and the retry schedule. */
class SendTargetTest {

    private static final URI CRM = URI.create("https://crm.example.com/hook");

    private static SendTarget.Resolver answering(String... addresses) {
        return host -> {
            List<InetAddress> resolved = new ArrayList<>();
            for (String address : addresses) {
                resolved.add(InetAddress.getByName(address));
            }
            return resolved;
        };
    }

    @Test
    void aPublicName_isConnectedToAtTheCheckedAddress() throws UnknownHostException {
        var allowed = assertInstanceOf(SendTarget.Decision.Allowed.class,
                SendTarget.check(CRM, answering("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")));
        assertEquals(InetAddress.getByName("93.184.215.14"), allowed.address());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.7", "127.0.0.1", "169.254.169.254", "::1", "fc00::1", "fd00:ec2::254",
            "192.168.4.4", "172.20.0.1", "0.0.0.0", "::ffff:10.1.1.1"})
    void aNameResolvingToAPrivateAddress_isRefused_evenAmongPublicOnes(String inside) {
        assertInstanceOf(SendTarget.Decision.Refused.class, SendTarget.check(CRM, answering(inside)));
        assertInstanceOf(SendTarget.Decision.Refused.class, SendTarget.check(CRM, answering("93.184.215.14", inside)));
    }

    @Test
    void aNameThatDoesNotResolve_orAnHttpUrl_isRefused() {
        assertInstanceOf(SendTarget.Decision.Refused.class, SendTarget.check(CRM, host -> {
            throw new UnknownHostException(host);
        }));
        assertInstanceOf(SendTarget.Decision.Refused.class, SendTarget.check(CRM, host -> List.of()));
        assertInstanceOf(SendTarget.Decision.Refused.class,
                SendTarget.check(URI.create("http://crm.example.com/"), answering("93.184.215.14")));
    }

    @Test
    void aRebindingName_isJudgedByWhatItAnswersAtSendTime() {
        // public when registered, private when the delivery goes
        assertInstanceOf(SendTarget.Decision.Refused.class, SendTarget.check(CRM, answering("127.0.0.1")));
    }

    @Test
    void retries_backOffExponentially_forThreeDays_thenDeadLetter() {
        Instant first = Instant.parse("2026-12-07T10:00:00Z");
        assertEquals(Optional.of(Duration.ofSeconds(30)), RetrySchedule.nextWait(1, first, first));
        assertEquals(Optional.of(Duration.ofSeconds(60)), RetrySchedule.nextWait(2, first, first));
        assertEquals(Optional.of(Duration.ofHours(12)), RetrySchedule.nextWait(40, first, first));
        Instant now = first;
        int attempts = 0;
        Optional<Duration> wait = Optional.of(Duration.ZERO);
        while (wait.isPresent()) {
            now = now.plus(wait.get());
            attempts++;
            wait = RetrySchedule.nextWait(attempts, first, now);
        }
        assertTrue(attempts > 10 && attempts < 25, "attempts: " + attempts);
        assertFalse(now.isAfter(first.plus(Duration.ofDays(3))));
        assertTrue(now.isAfter(first.plus(Duration.ofDays(2))), "tries on into the third day: " + now);
        assertFalse(RetrySchedule.disables(first, first.plus(Duration.ofDays(3)).minusSeconds(1)));
        assertTrue(RetrySchedule.disables(first, first.plus(Duration.ofDays(3))));
        assertFalse(RetrySchedule.disables(null, now));
    }
}
