package dev.refer.core.conversion;

import dev.refer.core.ledger.Commission;

import java.util.List;

/** How recording a billing event ended. */
public sealed interface ConversionResult {

    /** Stored, with the ledger entries it created (a commission, a reversal, or both, or none). */
    record Recorded(Conversion conversion, List<Commission> entries) implements ConversionResult {
        public Recorded {
            entries = List.copyOf(entries);
        }
    }

    /** This event id was recorded before; nothing changed. */
    record AlreadyRecorded(String eventId) implements ConversionResult {
    }

    /** A sale for this order id was recorded under another event id. */
    record OrderAlreadyRecorded(String orderId) implements ConversionResult {
    }

    /** The event cannot apply (wrong currency, a refund larger than what is left); {@code field} and {@code rule}. */
    record Refused(String field, String rule) implements ConversionResult {
    }

    /** Concurrent writes kept conflicting; nothing was written and the sender should retry. */
    record Busy() implements ConversionResult {
    }

    record ProgramNotConfigured() implements ConversionResult {
    }
}
