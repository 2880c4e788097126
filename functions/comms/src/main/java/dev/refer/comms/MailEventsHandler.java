package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.refer.core.comms.consent.RecordSesEvent;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hands SES's events to {@link RecordSesEvent} (template: MailEventsFunction, subscribed to MailEventsTopic, where
 * the configuration set publishes them), which decides what goes in the suppression list. Recording is idempotent,
 * so SNS's retries are harmless; a message that fails is retried by SNS.
 */
public final class MailEventsHandler implements RequestStreamHandler {

    private final RecordSesEvent record;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public MailEventsHandler() {
        this(System.getenv());
    }

    public MailEventsHandler(Map<String, String> env) {
        this(MailEventsWiring.create(env));
    }

    MailEventsHandler(MailEventsWiring wiring) {
        this.record = wiring.record();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        // the SNS event as a tree: SNSEvent's record types carry Joda-Time dates, a library the function does not ship
        JsonNode event = LambdaJson.readTrusted(new String(input.readAllBytes(), StandardCharsets.UTF_8),
                JsonNode.class);
        int recorded = 0;
        for (JsonNode record : event.path("Records")) {
            JsonNode message = LambdaJson.readTrusted(record.path("Sns").path("Message").asText("{}"), JsonNode.class);
            if (this.record.record(sesEvent(message)) instanceof RecordSesEvent.Result.Suppressed suppressed) {
                recorded += suppressed.addresses();
            }
        }
        Log.info("mail.events", "records", event.path("Records").size(), "suppressed", recorded);
    }

    /** The SES event the notification carries (a configuration set's event, or an identity's notification). */
    private static RecordSesEvent.SesEvent sesEvent(JsonNode message) {
        String type = message.path("eventType").asText(message.path("notificationType").asText(""));
        return switch (type) {
            case "Bounce" -> new RecordSesEvent.SesEvent.Bounce(message.path("bounce").path("bounceType").asText(),
                    message.path("bounce").path("bounceSubType").asText(null),
                    addresses(message.path("bounce").path("bouncedRecipients")));
            case "Complaint" -> new RecordSesEvent.SesEvent.Complaint(
                    message.path("complaint").path("complaintFeedbackType").asText(null),
                    addresses(message.path("complaint").path("complainedRecipients")));
            default -> new RecordSesEvent.SesEvent.Other(type);
        };
    }

    private static List<String> addresses(JsonNode recipients) {
        List<String> addresses = new ArrayList<>();
        for (JsonNode recipient : recipients) {
            addresses.add(recipient.path("emailAddress").asText(""));
        }
        return addresses;
    }
}
