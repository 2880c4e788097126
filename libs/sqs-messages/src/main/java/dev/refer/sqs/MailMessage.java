package dev.refer.sqs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.notify.Notification;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.notify.Notification;
import dev.refer.core.comms.notify.SalesAlert;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.partner.PartnerId;
import dev.refer.lambda.LambdaJson;

import java.time.Instant;

/**
 * One message of the mail queue: {@link Write} one partner's email of a campaign, {@link Step} (plan the page at
 * {@code cursor}; {@code stepId} the step's own id, kept by its redeliveries), {@link Finish} (what follows
 * planning), {@link Preview} (a broadcast's preview), {@link NotifyPartner} (tell a partner of a notification the
 * stream noticed), {@link AlertSales} (tell sales of a new lead) or {@link Onboarding} (an application arrived or was
 * decided, a partner was invited). Sealed, so a worker's dispatch is a {@code switch} the compiler checks; on the queue
 * it is flat JSON with a {@code type} ({@code write}, {@code step}, {@code finish}, {@code preview}, {@code notify},
 * {@code lead-alert}, {@code onboarding}).
 */
public sealed interface MailMessage {

    record Write(Campaign campaign, PartnerId partner) implements MailMessage {
    }

    record Step(Campaign campaign, String cursor, String stepId) implements MailMessage {
    }

    record Finish(Campaign campaign) implements MailMessage {
    }

    record Preview(String broadcastId) implements MailMessage {
    }

    record NotifyPartner(Notification notification) implements MailMessage {
    }

    record AlertSales(SalesAlert alert) implements MailMessage {
    }

    /**
     * An onboarding event: {@code event} is {@code received} or {@code decided} (of an application, {@code id} its id)
     * or {@code invited} ({@code id} the partner's).
     */
    record Onboarding(String event, String id) implements MailMessage {
        public static final String RECEIVED = "received";
        public static final String DECIDED = "decided";
        public static final String INVITED = "invited";

        public Onboarding {
            if (!RECEIVED.equals(event) && !DECIDED.equals(event) && !INVITED.equals(event)) {
                throw new IllegalArgumentException("unknown onboarding event " + event);
            }
            java.util.Objects.requireNonNull(id, "id");
        }
    }

    /** The queue's body. */
    default String toJson() {
        return LambdaJson.write(switch (this) {
            case Write w -> new Json("write", w.campaign().key(), null, w.partner().value(), null,
                    null, null, null, null, null);
            case Step st -> new Json("step", st.campaign().key(), st.cursor(), null, null,
                    null, null, st.stepId(), null, null);
            case Finish f -> new Json("finish", f.campaign().key(), null, null, null, null, null, null, null, null);
            case Preview p -> new Json("preview", null, null, null, p.broadcastId(), null, null, null, null, null);
            case NotifyPartner n -> new Json("notify", null, null, null, null,
                    Told.of(n.notification()), null, null, null, null);
            case AlertSales a -> new Json("lead-alert", null, null, null, null,
                    null, Alert.of(a.alert()), null, null, null);
            case Onboarding o -> new Json("onboarding", null, null, null, null, null, null, null, o.event(), o.id());
        });
    }

    /** A body of the queue; one of no known type is an {@link IllegalArgumentException} (the message fails). */
    static MailMessage fromJson(String body) {
        Json json = LambdaJson.readTrusted(body, Json.class);
        return switch (String.valueOf(json.type())) {
            case "write" -> new Write(Campaign.parse(json.campaign()), new PartnerId(json.partnerId()));
            case "step" -> new Step(Campaign.parse(json.campaign()), json.cursor(), json.stepId());
            case "finish" -> new Finish(Campaign.parse(json.campaign()));
            case "preview" -> new Preview(json.broadcastId());
            case "notify" -> new NotifyPartner(json.notification().notification());
            case "lead-alert" -> new AlertSales(json.alert().salesAlert());
            case "onboarding" -> new Onboarding(json.event(), json.id());
            default -> throw new IllegalArgumentException("unknown mail message type " + json.type());
        };
    }

    /** The wire form: flat, absent fields left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Json(String type, String campaign, String cursor, String partnerId, String broadcastId, Told notification,
                Alert alert, String stepId, String event, String id) {
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

        public static Alert of(SalesAlert alert) {
            return new Alert(alert.leadId(), alert.name(), alert.email(), alert.company(), alert.partnerId().value(),
                    alert.createdAt().toString());
        }

        public SalesAlert salesAlert() {
            return new SalesAlert(leadId, name, email, company, new PartnerId(partnerId),
                    Instant.parse(createdAt));
        }
    }
}
