package dev.refer.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code referral.js} as it is served: its bytes, its version (written once, in the script's {@code version}) and the
 * versioned path it lives at, the same on CloudFront and on the local stack. The path carries the version so the
 * asset can be cached for a year as immutable: a changed script is a new version at a new path, and pages that still
 * name the old one keep getting exactly the bytes they were written against.
 */
public final class ReferralScript {

    /** The script's own cache policy: a year, never revalidated (the path changes when the bytes do). */
    public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";
    public static final String CONTENT_TYPE = "text/javascript; charset=utf-8";
    /** Where the versioned assets live: the S3 key prefix and the URL path prefix. */
    public static final String PATH_PREFIX = "/static/";

    private static final Pattern VERSION = Pattern.compile("version: \"(\\d+\\.\\d+\\.\\d+)\"");
    private static final ReferralScript CURRENT = load();

    private final byte[] bytes;
    private final String version;

    private ReferralScript(byte[] bytes) {
        this.bytes = bytes;
        Matcher matcher = VERSION.matcher(new String(bytes, StandardCharsets.UTF_8));
        if (!matcher.find()) {
            throw new IllegalStateException("referral.js names no version: \"" + VERSION.pattern() + "\"");
        }
        this.version = matcher.group(1);
    }

    public static ReferralScript current() {
        return CURRENT;
    }

    public String version() {
        return version;
    }

    /** {@code /static/referral-<version>.js}; the S3 key is the same without the leading slash. */
    public String path() {
        return PATH_PREFIX + "referral-" + version + ".js";
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    private static ReferralScript load() {
        try (InputStream in = ReferralScript.class.getResourceAsStream("referral.js")) {
            if (in == null) {
                throw new IllegalStateException("referral.js is not on the classpath");
            }
            return new ReferralScript(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
