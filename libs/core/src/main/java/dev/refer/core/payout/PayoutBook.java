package dev.refer.core.payout;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Payouts and the ledger entries they take. Every change is conditional, so a rerun or a redelivery changes nothing
 * that was done: an entry is marked paid once, a payout is created once, a status moves only forward.
 */
public interface PayoutBook {

    /** The most entries {@link #pay} marks at once (one transaction with the payout's own update). */
    int MAX_BATCH = 98;

    /**
     * A partner's unpaid entries due before {@code cutoff} ({@link Commission#dueAt()}) and written before it, oldest
     * first, every page. Read from an index, so an entry paid a moment ago may still show: {@link #pay} skips it.
     */
    List<Commission> dueEntries(PartnerId partnerId, Instant cutoff);

    /** Whether the partner has any unpaid entry at all. */
    boolean hasUnpaid(PartnerId partnerId);

    /** Marks PENDING entries past their holding period APPROVED (entries already moved on are left alone). */
    void approve(List<Commission> entries);

    Optional<Payout> find(PayoutId id);

    /** Stores {@code payout} unless one with its id exists; returns what is stored. */
    Payout open(Payout payout);

    /**
     * Marks up to {@link #MAX_BATCH} entries paid by the OPEN payout {@code id} and adds them to its amount and count,
     * atomically; entries already paid (by this payout or any) are left out, and so are entries voided since they were
     * read (a void after the read is paid with its entry later, never the entry alone) with the entries of the batch
     * that take them back. Returns the payout after.
     */
    Payout pay(PayoutId id, List<Commission> entries, Instant at);

    /**
     * OPEN to READY, every entry of the run in, on condition that its amount is at least {@code minimum}: an entry
     * another run took meanwhile (two periods' runs overlapping for one partner) leaves the rest, which may be below
     * the minimum or negative, and such a payout never closes. Returns the payout after (unchanged if it had moved
     * on; still OPEN when below the minimum: {@link #withdraw} it).
     */
    Payout close(PayoutId id, long minimum, Instant at);

    /**
     * Undoes an OPEN payout that could not close: its entries go back to the partner's balance (unpaid, approved) and
     * the payout is removed, as if never opened; resumable, and nothing when it is gone or moved on.
     */
    void withdraw(PayoutId id, Instant at);

    /** The entries a payout took, every page. */
    List<Commission> entriesOf(PayoutId id);

    /** READY to PAID with the transfer's reference; empty when the payout is not READY. */
    Optional<Payout> settle(PayoutId id, String reference, Instant at);

    /** READY to FAILED with a reason; empty when the payout is not READY. Entries go back with {@link #returnEntries}. */
    Optional<Payout> fail(PayoutId id, String reason, Instant at);

    /** Puts the entries of a FAILED payout back into the partner's balance (resumable), then marks it returned. */
    void returnEntries(PayoutId id, Instant at);

    Page<Payout> payoutsOf(PartnerId partnerId, PageRequest page);

    /** The partner's payouts of one period (one per currency at most). */
    List<Payout> payoutsOf(PartnerId partnerId, YearMonth period);

    Page<Payout> payoutsIn(YearMonth period, PageRequest page);
}
