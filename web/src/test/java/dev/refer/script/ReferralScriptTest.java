package dev.refer.script;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.link.LinkCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What can be checked of {@code referral.js} without a browser (its behaviour is {@code ReferralScriptBrowserTest}'s,
 * in the local stack's module): its size on the wire, its immutability per version, the backend's id formats, and
 * that it neither writes HTML nor talks to anyone.
 */
class ReferralScriptTest {

    private static final ReferralScript SCRIPT = ReferralScript.current();
    private static final String SOURCE = new String(SCRIPT.bytes(), StandardCharsets.UTF_8);

    @Test
    void gzipped_itIsAtMost2KB() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(SCRIPT.bytes());
        }
        // the JDK's gzip at its default level; CloudFront's gzip and Brotli come out smaller
        assertTrue(out.size() <= 2048, "referral.js is " + out.size() + " bytes gzipped, over 2 KB");
    }

    /**
     * The asset is cached for a year as immutable, so the bytes of a version never change once published:
     * {@code referral.versions} holds each version's SHA-256, and a changed script must carry a new version.
     */
    @Test
    void aVersion_isOneSetOfBytes_recordedInReferralVersions() throws Exception {
        Map<String, String> published = Files.readAllLines(Path.of("referral.versions")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+"))
                .collect(Collectors.toMap(parts -> parts[0], parts -> parts[1]));
        String sha256 = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(SCRIPT.bytes()));
        assertEquals(sha256, published.get(SCRIPT.version()), "referral.js " + SCRIPT.version()
                + " is cached as immutable wherever it was served: a change needs a new version in the script and "
                + "its line in web/referral.versions (" + SCRIPT.version() + " " + sha256 + " for these bytes)");
    }

    @Test
    void thePath_carriesTheVersion() {
        assertTrue(SCRIPT.version().matches("\\d+\\.\\d+\\.\\d+"), SCRIPT.version());
        assertEquals("/static/referral-" + SCRIPT.version() + ".js", SCRIPT.path());
    }

    /** The script keeps only what the backend would accept: its two patterns are the backend's formats. */
    @Test
    void itsIdFormats_areTheBackends() {
        Pattern rid = jsRegex("RID"), ref = jsRegex("REF");
        List<String> samples = List.of("01JEXAMPLE0000000000000000", "01HZY3K8Q9W2V5T7R4M6N1P0XB", "01hzy3k8q9w2v5t7r4m6n1p0xb",
                "01HZY3K8Q9W2V5T7R4M6N1P0XI", "01HZY3K8Q9W2V5T7R4M6N1P0X", "01HZY3K8Q9W2V5T7R4M6N1P0XBB",
                "bea-browser", "ab", "abc", "_abc", "a".repeat(64), "a".repeat(65), "x\"onmouseover=alert(1)",
                "<script>alert(1)</script>", "bea browser", "bea.browser", "bea%20x", "", "ünï-code");
        for (String sample : samples) {
            assertEquals(Ulid.isValid(sample), rid.matcher(sample).matches(), "rid " + sample);
            assertEquals(LinkCode.isWellFormed(sample), ref.matcher(sample).matches(), "ref " + sample);
        }
    }

    /** Values reach the page only as input values and a cookie; nothing is sent anywhere, nothing is evaluated. */
    @Test
    void itWritesNoHtml_evaluatesNothing_andCallsNoOne() {
        for (String sink : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "Function(", "setTimeout", "setInterval", "fetch(", "XMLHttpRequest", "sendBeacon", "Image(",
                "localStorage", "sessionStorage", "import(", "http://")) {
            assertFalse(SOURCE.contains(sink), "referral.js uses " + sink);
        }
        Matcher urls = Pattern.compile("https://[^\"'\\s]*").matcher(SOURCE);
        while (urls.find()) {
            assertEquals("https://buy.stripe.com/", urls.group(), "the only URL it names is Stripe's payment links' prefix");
        }
    }

    private static Pattern jsRegex(String name) {
        Matcher matcher = Pattern.compile(name + " = /(.+?)/[,;]").matcher(SOURCE);
        assertTrue(matcher.find(), "no " + name + " pattern in referral.js");
        return Pattern.compile(matcher.group(1));
    }
}
