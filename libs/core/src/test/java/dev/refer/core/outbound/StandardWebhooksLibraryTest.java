package dev.refer.core.outbound;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Our outbound signatures, verified by the official Standard Webhooks library ({@code standardwebhooks} 1.3.0 on npm,
 * pinned by src/test/node/package-lock.json): what a company's receiver will run. The library is installed with
 * {@code npm ci} into target/standardwebhooks (npm and its registry are needed, as in CI); without npm the test fails
 * and says so rather than passing unchecked.
 */
class StandardWebhooksLibraryTest {

    private static final Path SOURCE = Path.of("src/test/node");
    private static final Path WORK = Path.of("target/standardwebhooks");
    private static final SecureRandom RANDOM = new SecureRandom();

    @BeforeAll
    static void install() throws Exception {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "verify.js")) {
            Files.copy(SOURCE.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules/standardwebhooks"))) {
            return;
        }
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts")
                    .directory(WORK.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("this test needs node and npm (20 or later) on the PATH to install the official Standard Webhooks "
                    + "library (npm ci in " + WORK.toAbsolutePath() + "): " + e.getMessage());
            return;
        }
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            fail("npm ci of the Standard Webhooks library failed (is the npm registry reachable?):\n" + output);
        }
    }

    private record Delivery(WebhookSecret verifyWith, String id, long timestamp, String body, String signature) {
    }

    private static Delivery signed(WebhookSecret verifyWith, List<WebhookSecret> signWith, String body) {
        String id = "msg_" + Long.toHexString(RANDOM.nextLong());
        long now = Instant.now().getEpochSecond();
        return new Delivery(verifyWith, id, now, body, WebhookSignature.header(id, now, body, signWith));
    }

    private static List<String> verify(List<Delivery> deliveries) throws Exception {
        StringBuilder input = new StringBuilder();
        for (Delivery d : deliveries) {
            input.append("{\"secret\":").append(json(d.verifyWith().value()))
                    .append(",\"id\":").append(json(d.id()))
                    .append(",\"timestamp\":").append(d.timestamp())
                    .append(",\"body\":").append(json(d.body()))
                    .append(",\"signature\":").append(json(d.signature())).append("}\n");
        }
        Process node = new ProcessBuilder("node", "verify.js").directory(WORK.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        node.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(1, TimeUnit.MINUTES), "node finished");
        assertEquals(0, node.exitValue(), output);
        return output.lines().toList();
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    @Test
    void theOfficialLibrary_verifiesOurSignatures_andRefusesForgeries() throws Exception {
        WebhookSecret secret = WebhookSecret.generate(RANDOM);
        WebhookSecret other = WebhookSecret.generate(RANDOM);
        WebhookSecret rotatedIn = WebhookSecret.generate(RANDOM);
        String body = "{\"type\":\"lead.captured\",\"data\":{\"name\":\"Zoë Ångström\",\"note\":\"a \\\"quote\\\" "
                + "and \\u2028\",\"emoji\":\"\uD83D\uDE80\"}}";
        List<Delivery> deliveries = new ArrayList<>();
        deliveries.add(signed(secret, List.of(secret), body));
        deliveries.add(signed(secret, List.of(secret), "{}"));
        // a rotation's roll: both signatures in one header, either secret verifies
        deliveries.add(signed(rotatedIn, List.of(rotatedIn, secret), body));
        deliveries.add(signed(secret, List.of(rotatedIn, secret), body));
        // forgeries: another secret, a changed body, a changed id
        deliveries.add(signed(other, List.of(secret), body));
        Delivery honest = signed(secret, List.of(secret), body);
        deliveries.add(new Delivery(secret, honest.id(), honest.timestamp(), body.replace("Zoë", "Zoe"),
                honest.signature()));
        deliveries.add(new Delivery(secret, honest.id() + "x", honest.timestamp(), body, honest.signature()));

        List<String> verdicts = verify(deliveries);

        assertEquals(7, verdicts.size(), String.join("\n", verdicts));
        assertEquals(List.of("ok", "ok", "ok", "ok"), verdicts.subList(0, 4));
        for (String verdict : verdicts.subList(4, 7)) {
            assertTrue(verdict.startsWith("refused"), verdict);
        }
    }
}
