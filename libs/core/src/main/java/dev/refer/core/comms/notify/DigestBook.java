package dev.refer.core.comms.notify;

import dev.refer.core.comms.Topic;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.partner.PartnerId;

import java.time.LocalDate;
import java.util.List;

/**
 * Notifications a partner takes as a daily digest, kept per partner, day and topic until the digest goes out. Adding
 * the same notification twice keeps one.
 */
public interface DigestBook {

    void add(PartnerId partnerId, LocalDate day, Notification notification);

    /** The day's notifications of a topic, oldest first. */
    List<NotificationLetter.Event> events(PartnerId partnerId, LocalDate day, Topic topic);

    /**
     * Whether the email {@code key} about the partner may go out now: true while fewer than {@code perDay} of the
     * {@code stream} (a topic's wire name, or sales' alerts) went out that day, and always for a key admitted before
     * (a redelivery decides the same).
     */
    boolean admitNow(PartnerId partnerId, LocalDate day, String stream, String key, int perDay);

    /** Files a sales alert the day's limit held back, for the day's lead digest to sales; filing it twice keeps one. */
    void hold(LocalDate day, SalesAlert alert);

    /** The day's held-back sales alerts, oldest first, at most {@code max} of them, and how many there are in all. */
    Held held(LocalDate day, int max);

    record Held(List<SalesAlert> alerts, int total) {

        public Held {
            alerts = List.copyOf(alerts);
        }
    }
}
