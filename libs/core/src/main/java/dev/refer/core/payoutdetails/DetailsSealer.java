package dev.refer.core.payoutdetails;

/**
 * Encrypts and decrypts payout details with a key of the stack (the adapter: JWE with a key from Secrets Manager).
 * A sealed value names its key, so values sealed before a rotation still open while the previous key is kept; and
 * it is bound to its {@code context} (the partner id), so a sealed value copied onto another partner's item does not
 * open there.
 */
public interface DetailsSealer {

    String seal(String plaintext, String context);

    /**
     * @throws IllegalStateException when the value was sealed with a key no longer kept, for another context, or was
     *                               tampered with
     */
    String open(String sealed, String context);
}
