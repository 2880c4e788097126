package dev.refer.core.fakes;

import dev.refer.core.basics.ids.IdGenerator;

/** Deterministic, increasing ULID-shaped ids. */
public final class SequenceIds implements IdGenerator {

    private long next = 1;

    @Override
    public synchronized String newId() {
        String digits = Long.toString(next++);
        return "01JC" + "0".repeat(22 - digits.length()) + digits;
    }

    @Override
    public synchronized String newCode(int length) {
        String digits = Long.toString(next++);
        return ("c" + "0".repeat(Math.max(0, length - 1 - digits.length())) + digits).substring(0, length);
    }
}
