package dev.refer.table;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps inside sort keys: fixed-width UTC ISO-8601 with milliseconds ({@code 2026-05-01T09:30:00.000Z}), so
 * string order is time order. ({@link Instant#toString()} drops zero fractions and would sort "...00Z" after
 * "...00.5Z".) Attributes that are not keys keep the exact {@link Instant#toString()} form.
 */
public final class SortableTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private SortableTime() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }
}
