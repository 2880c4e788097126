package dev.refer.core.basics.page;

import java.util.List;

/** One page of a newest-first listing; {@code nextCursor} is opaque to callers and absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }
}
