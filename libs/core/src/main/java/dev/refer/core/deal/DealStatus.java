package dev.refer.core.deal;

/**
 * Where a registration stands. {@code PENDING} and {@code APPROVED} registrations hold their domain until they expire;
 * an expired one ({@link Deal#statusAt}) no longer holds it, and another partner may register the domain.
 */
public enum DealStatus {
    /** Registered, waiting for the program manager; expires after the program's registration period. */
    PENDING,
    /** The program manager accepted the partner's claim on the account: evidence for attribution until it expires. */
    APPROVED,
    /** The program manager turned it down (with a reason): the domain is free at once. */
    REJECTED,
    /** Derived, never stored: a pending or approved registration past its expiry. */
    EXPIRED
}
