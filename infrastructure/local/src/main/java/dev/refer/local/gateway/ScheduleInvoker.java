package dev.refer.local.gateway;

import java.io.IOException;
import java.util.Optional;

/**
 * Runs a scheduled function now, as its schedule would. The gateway exposes it as
 * {@code POST /_local/schedules/{FunctionLogicalId}}, because EventBridge does not run locally.
 */
@FunctionalInterface
public interface ScheduleInvoker {

    ScheduleInvoker NONE = functionLogicalId -> Optional.empty();

    /** The function's output, or empty when no function of that name has a schedule. */
    Optional<byte[]> invoke(String functionLogicalId) throws IOException;
}
