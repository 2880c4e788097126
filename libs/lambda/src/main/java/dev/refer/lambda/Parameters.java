package dev.refer.lambda;

import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.basics.validation.Invalid;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Path and query parameters read as values. A malformed value is the caller's mistake, so every reader here throws
 * {@link Invalid} on the parameter's name (a 400 problem naming it and the rule, through {@link HttpFunction}), never
 * the parser's own exception ({@code DateTimeParseException}, {@code NumberFormatException}), which would be a 500.
 */
public final class Parameters {

    /** {@code yyyy-MM}, four-digit years only: {@link YearMonth#parse} also takes {@code +10000-01}. */
    private static final Pattern MONTH = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

    private Parameters() {
    }

    /** A month like {@code 2026-11}; absent or blank is "is required". */
    public static YearMonth month(String name, String text) {
        String rule = "must be a month like 2026-11";
        if (text == null || text.isBlank()) {
            throw Invalid.field(name, "is required, a month like 2026-11");
        }
        if (!MONTH.matcher(text).matches()) {
            throw Invalid.field(name, rule);
        }
        return parse(name, text, YearMonth::parse, rule);
    }

    /** A calendar date like {@code 2026-11-30}; absent or blank is "is required". */
    public static LocalDate date(String name, String text) {
        String rule = "must be a date like 2026-11-30";
        if (text == null || text.isBlank()) {
            throw Invalid.field(name, "is required, a date like 2026-11-30");
        }
        if (!DATE.matcher(text).matches()) {
            throw Invalid.field(name, rule);
        }
        return parse(name, text, LocalDate::parse, rule);
    }

    /** A whole number from {@code min} to {@code max} in plain digits (no sign but minus, no decimals, no exponent). */
    public static int wholeNumber(String name, String text, int min, int max) {
        String rule = "must be a whole number from " + min + " to " + max;
        if (text == null || !WHOLE_NUMBER.matcher(text).matches()) {
            throw Invalid.field(name, rule);
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw Invalid.field(name, rule);
        }
        return (int) value;
    }

    /**
     * A value built by {@code parser} (an id's constructor, an enum's lookup): what it refuses, by {@link Invalid}
     * or by the JDK's usual {@link IllegalArgumentException} or {@link DateTimeException}, is {@code rule} on
     * {@code name}. A null text is refused the same way.
     */
    public static <T> T parse(String name, String text, Function<String, T> parser, String rule) {
        if (text == null) {
            throw Invalid.field(name, rule);
        }
        try {
            T value = parser.apply(text);
            if (value == null) {
                throw Invalid.field(name, rule);
            }
            return value;
        } catch (Invalid | IllegalArgumentException | DateTimeException e) {
            throw Invalid.field(name, rule);
        }
    }

    /**
     * The page a listing asks for: {@code limit} (1 to {@value PageRequest#MAX_LIMIT}, else the default
     * {@value PageRequest#DEFAULT_LIMIT}) and {@code cursor} as the previous page returned it. Whether the cursor
     * belongs to the listing is the repository's check ({@link Invalid} on {@code cursor} too).
     */
    public static PageRequest page(HttpRequest request) {
        String limit = request.query("limit").orElse(null);
        int size = limit == null ? PageRequest.DEFAULT_LIMIT
                : wholeNumber("limit", limit, 1, PageRequest.MAX_LIMIT);
        return new PageRequest(size, request.query("cursor").orElse(null));
    }
}
