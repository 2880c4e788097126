package dev.refer.core.comms.notify;

import dev.refer.core.comms.Topic;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.partner.PartnerId;

/**
 * Something of a partner's happened: what, and the key that makes it once ({@code lead-qualified#{leadId}}).
 */
public record Notification(String key, PartnerId partnerId, Topic topic, NotificationLetter.Event event) {
}
