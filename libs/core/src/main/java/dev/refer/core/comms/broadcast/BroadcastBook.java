package dev.refer.core.comms.broadcast;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;

import java.time.Instant;
import java.util.Optional;

/** The program manager's broadcasts. */
public interface BroadcastBook {

    void create(Broadcast broadcast);

    Optional<Broadcast> find(String id);

    /** DRAFT to SENDING; the broadcast as it is after (SENDING already: unchanged), empty when there is none. */
    Optional<Broadcast> markSending(String id, Instant at);

    Page<Broadcast> list(PageRequest page);
}
