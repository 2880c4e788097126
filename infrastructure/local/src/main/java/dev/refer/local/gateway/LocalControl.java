package dev.refer.local.gateway;

import java.io.IOException;
import java.util.Optional;

/**
 * A local-only admin action under {@code POST /_local/...} (the test clock), behind the admin key like the admin
 * routes. Nothing like it exists on AWS.
 */
@FunctionalInterface
public interface LocalControl {

    LocalControl NONE = (path, body) -> Optional.empty();

    /** The answer, or empty when nothing is at {@code path}. */
    Optional<GatewayResponse> post(String path, byte[] body) throws IOException;
}
