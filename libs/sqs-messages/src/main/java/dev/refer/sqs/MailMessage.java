package dev.refer.sqs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.refer.core.comms.Notification;
import dev.refer.core.comms.Notify;
import dev.refer.core.comms.Topic;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.money.Money;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;

/**
 * One message of the mail queue: {@code write} one partner's email of a campaign, {@code step} (plan the page at
 * {@code cursor}; {@code stepId} the step's own id, kept by its redeliveries), {@code finish} (what follows planning), {@code preview} (a broadcast's preview), {@code notify}
 * (tell a partner of a {@code notification} the stream noticed) or {@code lead-alert} (tell sales of a new lead).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MailMessage(String type, String campaign, String cursor, String partnerId, String broadcastId,
                          Told notification, Alert alert, String stepId) {

    public static final String WRITE = "write";
    public static final String STEP = "step";
    public static final String FINISH = "finish";
    public static final String PREVIEW = "preview";
    public static final String NOTIFY = "notify";
    public static final String LEAD_ALERT = "lead-alert";

    public MailMessage(String type, String campaign, String cursor, String partnerId, String broadcastId) {
        this(type, campaign, cursor, partnerId, broadcastId, null, null, null);
    }

    public MailMessage(String type, String campaign, String cursor, String partnerId, String broadcastId,
                       Told notification, Alert alert) {
        this(type, campaign, cursor, partnerId, broadcastId, notification, alert, null);
    }

    /** A notification, flat: its key, partner, topic and event (amount in minor units). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Told(String key, String partnerId, String topic, String what, String at, String about,
                       Long amountMinor, String currency, String detail) {

        public static Told of(Notification notification) {
            NotificationLetter.Event event = notification.event();
            return new Told(notification.key(), notification.partnerId().value(), notification.topic().wireName(),
                    event.what().name(), event.at().toString(), event.about(),
                    event.amount() == null ? null : event.amount().minor(),
                    event.amount() == null ? null : event.amount().currency().getCurrencyCode(), event.detail());
        }

        public Notification notification() {
            return new Notification(key, new PartnerId(partnerId), Topic.fromWire(topic), new NotificationLetter.Event(
                    NotificationLetter.What.valueOf(what), Instant.parse(at), about,
                    amountMinor == null ? null : Money.of(amountMinor, currency), detail));
        }
    }

    /** A sales alert, flat. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(String leadId, String name, String email, String company, String partnerId, String createdAt) {

        public static Alert of(Notify.SalesAlert alert) {
            return new Alert(alert.leadId(), alert.name(), alert.email(), alert.company(), alert.partnerId().value(),
                    alert.createdAt().toString());
        }

        public Notify.SalesAlert salesAlert() {
            return new Notify.SalesAlert(leadId, name, email, company, new PartnerId(partnerId),
                    Instant.parse(createdAt));
        }
    }
}
