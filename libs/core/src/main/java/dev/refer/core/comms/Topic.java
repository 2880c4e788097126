package dev.refer.core.comms;

import java.util.Locale;

/**
 * What a partner hears about, each with its own preference (and its own unsubscribe link). Statements and other
 * transactional mail have no topic: they always go (unless the address bounced).
 */
public enum Topic {
    /** The monthly check-in (numbers, guidance, thanks). */
    CHECKIN(false),
    /** The program manager's announcements. */
    BROADCAST(false),
    /** A new lead attributed to the partner; a lead qualified, rejected or converted. */
    LEADS(true),
    /** A commission earned. */
    COMMISSIONS(true),
    /** A payout sent. */
    PAYOUTS(true);

    private final boolean notification;

    Topic(boolean notification) {
        this.notification = notification;
    }

    /** Whether the topic is an event notification (which a partner may take as a daily digest). */
    public boolean isNotification() {
        return notification;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Topic fromWire(String value) {
        for (Topic topic : values()) {
            if (topic.wireName().equals(value)) {
                return topic;
            }
        }
        throw new IllegalArgumentException("unknown topic " + value);
    }
}
