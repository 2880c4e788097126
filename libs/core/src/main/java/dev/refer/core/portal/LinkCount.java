package dev.refer.core.portal;

import dev.refer.core.partner.PartnerId;

/** How many links a partner has, counted only as far as a limit needs (a bounded read, not a count of history). */
public interface LinkCount {

    /** The partner's links (enabled or not), counting no further than {@code upTo}. */
    int countUpTo(PartnerId partnerId, int upTo);
}
