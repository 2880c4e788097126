package dev.refer.core.terms;

import dev.refer.core.basics.validation.Rules;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One published version of the program's terms. The version is the manager's own label ({@code 2026-12},
 * {@code v2}); it names the version in every acceptance, so it is short and plain (letters, digits, {@code . _ -}).
 * A version is never edited: a change is a new version, which every partner accepts again.
 */
public record Terms(String version, String text, Instant publishedAt) {

    public static final int MAX_VERSION = 40;
    public static final int MAX_TEXT = 100_000;
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public Terms {
        version = Rules.text(version);
        text = text == null || text.isBlank() ? null : text.strip();
        Rules.check()
                .require(version != null, "version", "is required")
                .maxLength(version, MAX_VERSION, "version")
                .require(version == null || VERSION.matcher(version).matches(), "version",
                        "letters, digits, '.', '_' and '-' only, starting with a letter or digit")
                .require(text != null, "text", "is required")
                .maxLength(text, MAX_TEXT, "text")
                .orThrow();
        Objects.requireNonNull(publishedAt, "publishedAt");
    }

    /** Whether {@code version} names a version this record could hold (a cheap check before any read). */
    public static boolean isVersion(String version) {
        return version != null && version.length() <= MAX_VERSION && VERSION.matcher(version).matches();
    }
}
