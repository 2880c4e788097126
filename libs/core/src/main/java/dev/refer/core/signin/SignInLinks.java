package dev.refer.core.signin;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Optional;

/** Sign-in links' tokens, stored as their hashes with the partner they sign in and when they expire. */
public interface SignInLinks {

    void save(TokenHash hash, PartnerId partnerId, Instant expiresAt);

    /**
     * Uses the token at most once: removes it and answers its partner when it exists and has not expired at
     * {@code now}, atomically (two concurrent uses: one partner, one empty); empty otherwise, nothing changed.
     */
    Optional<PartnerId> consume(TokenHash hash, Instant now);
}
