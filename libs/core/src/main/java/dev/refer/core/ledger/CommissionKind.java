package dev.refer.core.ledger;

/** Why a ledger entry exists. */
public enum CommissionKind {
    /** The plan's reward for a lead the sales team qualified. */
    QUALIFIED_LEAD,
    SALE,
    RENEWAL,
    /** A negative entry that takes back (part of) an earlier entry after a refund; points at what it reverses. */
    REVERSAL,
    /** A negative entry that takes back what was left of an entry the program manager voided; points at it. */
    VOID;

    /** An entry that takes back another one (negative, pointing at it). */
    public boolean takesBack() {
        return this == REVERSAL || this == VOID;
    }
}
