package dev.refer.core.basics.ids;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * ULID-layout ids from a {@link SecureRandom}. Functions that run from a SnapStart snapshot must build a new
 * instance after restore, so that two environments restored from one snapshot never share a random stream.
 */
public final class UlidGenerator implements IdGenerator {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final char[] LOWER = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final Clock clock;
    private volatile SecureRandom random;

    public UlidGenerator(Clock clock) {
        this(clock, new SecureRandom());
    }

    public UlidGenerator(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /** A fresh random source: called after a SnapStart restore, so restored environments never share one. */
    public void reseed() {
        random = new SecureRandom();
    }

    @Override
    public String newId() {
        long time = clock.millis();
        byte[] entropy = new byte[10];
        SecureRandom random = this.random;
        random.nextBytes(entropy);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits -> 16 base32 characters
        long high = ((entropy[0] & 0xFFL) << 32) | ((entropy[1] & 0xFFL) << 24) | ((entropy[2] & 0xFFL) << 16)
                | ((entropy[3] & 0xFFL) << 8) | (entropy[4] & 0xFFL);
        long low = ((entropy[5] & 0xFFL) << 32) | ((entropy[6] & 0xFFL) << 24) | ((entropy[7] & 0xFFL) << 16)
                | ((entropy[8] & 0xFFL) << 8) | (entropy[9] & 0xFFL);
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (high & 31)];
            high >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (low & 31)];
            low >>>= 5;
        }
        return new String(out);
    }

    @Override
    public String newCode(int length) {
        char[] out = new char[length];
        SecureRandom random = this.random;
        for (int i = 0; i < length; i++) {
            out[i] = LOWER[random.nextInt(32)];
        }
        return new String(out);
    }
}
