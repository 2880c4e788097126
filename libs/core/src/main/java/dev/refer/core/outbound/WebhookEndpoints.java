package dev.refer.core.outbound;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The program's outbound webhook endpoints: a handful per program, each read by its key, all in one Query. */
public interface WebhookEndpoints {

    /** Stores a new endpoint (its id is new: a conditional write that never meets an old one). */
    void create(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> find(WebhookEndpointId id);

    /** Every endpoint of the program, oldest first. */
    List<WebhookEndpoint> list();

    /** Replaces a stored endpoint; false when it is gone (deleted meanwhile), and nothing is written. */
    boolean replace(WebhookEndpoint endpoint);

    /** Deletes it; false when there was none. */
    boolean delete(WebhookEndpointId id);

    /** Notes its first failed attempt since it last answered (kept when already set); nothing when it is gone. */
    void markFailing(WebhookEndpointId id, Instant since);

    /** It answered: its failures are over (only written when {@code failingSince} was set). */
    void markHealthy(WebhookEndpointId id);

    /**
     * Disables it for failing since {@code failingSince}, only if it is still enabled and still failing since then
     * (a conditional write): true for the one attempt that disabled it, which tells the manager.
     */
    boolean disableFailing(WebhookEndpointId id, Instant failingSince, String reason, Instant now);
}
