package dev.refer.core.outbound;

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
}
