package dev.refer.core.comms.consent;

import java.util.Locale;

/** How a partner wants to hear about a topic. */
public enum Choice {
    /** Every email, when it happens. */
    ALL,
    /** Notifications gathered into one email a day (notification topics only). */
    DIGEST,
    /** Nothing. */
    NONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Choice fromWire(String value) {
        for (Choice choice : values()) {
            if (choice.wireName().equals(value)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown choice " + value);
    }
}
