package dev.refer.core.comms;

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
}
