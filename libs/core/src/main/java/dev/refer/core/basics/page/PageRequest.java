package dev.refer.core.basics.page;

import dev.refer.core.basics.validation.Invalid;

/** Which page to read: at most {@code limit} items (1-100) after {@code cursor} (null for the first page). */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Invalid.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && (cursor.isEmpty() || cursor.length() > 1024)) {
            throw Invalid.field("cursor", "is not a cursor this API returned");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }
}
