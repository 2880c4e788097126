package dev.refer.core.payout;

/**
 * OPEN while the run marks its entries paid (a crash leaves it OPEN and the next delivery finishes it); READY once
 * every entry is in, waiting for the transfer; then PAID (with the transfer's reference) or FAILED (with a reason; its
 * entries go back to the partner's balance).
 */
public enum PayoutStatus {
    OPEN, READY, PAID, FAILED
}
