package dev.refer.testkit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the mail-events function receives: SES's event publishing (the configuration set's SNS destination) wrapped in
 * the SNS event Lambda delivers. Each SES event is one SNS record whose {@code Message} is the SES event as a JSON
 * string ({@code eventType} Bounce, Complaint or Delivery, with the {@code mail} it is about), in the shapes the SES
 * developer guide documents.
 */
public final class SesNotifications {

    public static final String TOPIC_ARN = "arn:aws:sns:us-east-1:123456789012:MailEventsTopic";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SesNotifications() {
    }

    /** A bounce: {@code bounceType} Permanent (the address does not exist), Transient or Undetermined. */
    public static String bounce(String bounceType, String bounceSubType, String... recipients) {
        ObjectNode event = event("Bounce", recipients);
        ObjectNode bounce = event.putObject("bounce");
        bounce.put("bounceType", bounceType).put("bounceSubType", bounceSubType);
        ArrayNode bounced = bounce.putArray("bouncedRecipients");
        for (String recipient : recipients) {
            bounced.addObject().put("emailAddress", recipient).put("action", "failed").put("status", "5.1.1")
                    .put("diagnosticCode", "smtp; 550 5.1.1 user unknown");
        }
        bounce.put("timestamp", "2026-11-02T09:00:01.000Z").put("feedbackId", UUID.randomUUID().toString())
                .put("reportingMTA", "dsn; a8-70.smtp-out.amazonses.com");
        return write(event);
    }

    /** A complaint: the recipient marked the mail as spam ({@code feedbackType} e.g. abuse; null when unknown). */
    public static String complaint(String feedbackType, String... recipients) {
        ObjectNode event = event("Complaint", recipients);
        ObjectNode complaint = event.putObject("complaint");
        ArrayNode complained = complaint.putArray("complainedRecipients");
        for (String recipient : recipients) {
            complained.addObject().put("emailAddress", recipient);
        }
        complaint.put("timestamp", "2026-11-02T09:05:00.000Z").put("feedbackId", UUID.randomUUID().toString())
                .put("userAgent", "ExampleCorp Feedback Loop (V0.01)");
        if (feedbackType != null) {
            complaint.put("complaintFeedbackType", feedbackType);
        }
        return write(event);
    }

    /** A delivery: the receiving server accepted the mail. */
    public static String delivery(String... recipients) {
        ObjectNode event = event("Delivery", recipients);
        ObjectNode delivery = event.putObject("delivery");
        delivery.put("timestamp", "2026-11-02T09:00:01.000Z").put("processingTimeMillis", 546)
                .put("smtpResponse", "250 ok: Message 64111812 accepted").put("reportingMTA", "a8-70.smtp-out.amazonses.com");
        ArrayNode accepted = delivery.putArray("recipients");
        for (String recipient : recipients) {
            accepted.add(recipient);
        }
        return write(event);
    }

    /** The SNS event Lambda delivers, one record per SES event (each a JSON string as above). */
    public static byte[] snsEvent(String... sesEvents) {
        return snsEvent(List.of(sesEvents));
    }

    public static byte[] snsEvent(List<String> sesEvents) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (String message : sesEvents) {
            ObjectNode record = records.addObject();
            record.put("EventSource", "aws:sns").put("EventVersion", "1.0")
                    .put("EventSubscriptionArn", TOPIC_ARN + ":" + UUID.randomUUID());
            ObjectNode sns = record.putObject("Sns");
            sns.put("Type", "Notification").put("MessageId", UUID.randomUUID().toString()).put("TopicArn", TOPIC_ARN)
                    .putNull("Subject");
            sns.put("Message", message).put("Timestamp", Instant.parse("2026-11-02T09:00:02Z").toString())
                    .put("SignatureVersion", "1").put("Signature", "EXAMPLE")
                    .put("SigningCertUrl", "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-0000.pem")
                    .put("UnsubscribeUrl", "https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe")
                    .putObject("MessageAttributes");
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode event(String type, String... recipients) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventType", type);
        ObjectNode mail = event.putObject("mail");
        mail.put("timestamp", "2026-11-02T09:00:00.000Z").put("source", "partners@program.example")
                .put("sourceArn", "arn:aws:ses:us-east-1:123456789012:identity/partners@program.example")
                .put("sendingAccountId", "123456789012").put("messageId", UUID.randomUUID().toString());
        ArrayNode destination = mail.putArray("destination");
        for (String recipient : recipients) {
            destination.add(recipient);
        }
        mail.putObject("tags").putArray("ses:configuration-set").add("partner-mail");
        return event;
    }

    private static String write(ObjectNode event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
