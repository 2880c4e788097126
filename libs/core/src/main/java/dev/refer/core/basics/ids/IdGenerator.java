package dev.refer.core.basics.ids;

/**
 * Source of new ids. Ids are time-sortable (newest-first listings sort by id) and unguessable where they are public
 * (click ids travel in URLs). Injected so tests are deterministic.
 */
public interface IdGenerator {

    /** A 26-character Crockford base32 id: 48 bits of milliseconds then 80 random bits (ULID layout). */
    String newId();

    /** A short random code, lower-case base32, for generated link codes. */
    String newCode(int length);
}
