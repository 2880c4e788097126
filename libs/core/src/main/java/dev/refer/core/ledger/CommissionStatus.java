package dev.refer.core.ledger;

/**
 * Where a ledger entry is on its way to the partner's bank: PENDING through the holding period, APPROVED once
 * payable, PAID when a payout includes it. A refund never edits an entry: it appends a REVERSAL entry, which
 * travels the same way and nets against the partner's balance (a clawback when the original was already paid).
 */
public enum CommissionStatus {
    PENDING, APPROVED, PAID
}
