package dev.refer.core.comms.notify;

import java.util.List;

/**
 * Where what the table's stream noticed waits for the mail workers (template: MailQueue): each notification and each
 * sales alert one message, told once at the SES rate, so the stream never waits for SES.
 */
public interface NotificationQueue {

    void notify(List<Notification> notifications, List<SalesAlert> alerts);
}
