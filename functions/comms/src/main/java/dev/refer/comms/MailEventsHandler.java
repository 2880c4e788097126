package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.refer.core.comms.Suppression;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Records SES's bounce and complaint events in the suppression list (template: MailEventsFunction, subscribed to
 * MailEventsTopic, where the configuration set publishes them). A permanent bounce stops all mail to the address; a
 * complaint all but transactional mail (statements, summaries). Transient bounces change nothing. Recording is
 * idempotent, so SNS's retries are harmless; a message that fails is retried by SNS.
 */
public final class MailEventsHandler implements RequestStreamHandler {

    private final CommsWiring wiring;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public MailEventsHandler() {
        this(System.getenv());
    }

    public MailEventsHandler(Map<String, String> env) {
        this(CommsWiring.create(env));
    }

    MailEventsHandler(CommsWiring wiring) {
        this.wiring = wiring;
        this.priming = wiring.registerPriming(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        // the SNS event as a tree: SNSEvent's record types carry Joda-Time dates, a library the function does not ship
        JsonNode event = LambdaJson.readTrusted(new String(input.readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8), JsonNode.class);
        int recorded = 0;
        for (JsonNode record : event.path("Records")) {
            JsonNode message = LambdaJson.readTrusted(record.path("Sns").path("Message").asText("{}"), JsonNode.class);
            String type = message.path("eventType").asText(message.path("notificationType").asText(""));
            Instant at = Instant.now();
            if (type.equals("Bounce") && message.path("bounce").path("bounceType").asText().equals("Permanent")) {
                recorded += record(message.path("bounce").path("bouncedRecipients"), Suppression.Reason.BOUNCE, at,
                        message.path("bounce").path("bounceSubType").asText(null));
            } else if (type.equals("Complaint")) {
                recorded += record(message.path("complaint").path("complainedRecipients"),
                        Suppression.Reason.COMPLAINT, at,
                        message.path("complaint").path("complaintFeedbackType").asText(null));
            }
        }
        Log.info("mail.events", "records", event.path("Records").size(), "suppressed", recorded);
    }

    private int record(JsonNode recipients, Suppression.Reason reason, Instant at, String detail) {
        int count = 0;
        for (JsonNode recipient : recipients) {
            String address = recipient.path("emailAddress").asText("").strip().toLowerCase(Locale.ROOT);
            if (!address.isEmpty()) {
                wiring.suppressions().record(new Suppression(address, reason, at, detail));
                count++;
            }
        }
        return count;
    }
}
