package dev.refer.local;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    private static final LocalStack.Options DEFAULTS = LocalStack.Options.defaults();

    @Test
    void parse_readsDemoAndPort() {
        LocalStack.Options options = CommandLine.parse(new String[] {"--demo", "--port", "0"}, DEFAULTS);

        assertTrue(options.demo());
        assertEquals(0, options.port());
        assertEquals(3000, CommandLine.parse(new String[0], DEFAULTS).port());
    }

    @Test
    void parse_rejectsUnknownArgumentsAndBadPorts() {
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--bogus"}, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--port", "x"}, DEFAULTS));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(new String[] {"--port"}, DEFAULTS));
        assertNull(CommandLine.parse(new String[] {"--help"}, DEFAULTS));
    }

    @Test
    void newWebhookSecret_isAStandardWebhooksSecret() {
        String secret = LocalStack.newWebhookSecret();

        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring("whsec_".length())).length);
    }
}
