package dev.refer.core.partner;

/** Where a partner stands. Only an active partner's links redirect and only an active partner earns. */
public enum PartnerStatus {
    /** Applied or invited, not yet approved. */
    PENDING,
    ACTIVE,
    /** Stopped by the program manager: links stop redirecting, nothing new is attributed. */
    SUSPENDED
}
