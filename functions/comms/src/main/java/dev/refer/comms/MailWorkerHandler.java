package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.queues.MailMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Works the mail queue (template: MailWorkerFunction on MailQueue): one partner's check-in, broadcast or digest per
 * {@code write} message, paced to its share of the SES send rate; planning steps; the check-in summary; broadcast
 * previews. A failed message is a batch item failure: SQS redelivers it, and after {@code maxReceiveCount}
 * deliveries moves it to MailDeadLetterQueue. Every email has its key in the send log, so a redelivery sends only
 * what is missing.
 */
public final class MailWorkerHandler implements RequestStreamHandler {

    private final MailWork work;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public MailWorkerHandler() {
        this(System.getenv());
    }

    public MailWorkerHandler(Map<String, String> env) {
        this(CommsWiring.create(env));
        this.priming = SnapStartPriming.register(this::prime, () -> { });
    }

    MailWorkerHandler(CommsWiring wiring) {
        this.work = new MailWork(wiring);
    }

    /** SnapStart: an SQS batch with a message of no known type (event and response types, JSON); nothing written. */
    private void prime() {
        String event = "{\"Records\":[{\"messageId\":\"snapstart-priming\",\"body\":\"{\\\"type\\\":\\\"priming\\\"}\","
                + "\"eventSource\":\"aws:sqs\",\"attributes\":{\"ApproximateReceiveCount\":\"1\"}}]}";
        try {
            handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                    OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        SQSEvent event = LambdaJson.readEvent(input, SQSEvent.class);
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage message : event.getRecords() == null ? List.<SQSEvent.SQSMessage>of()
                : event.getRecords()) {
            String receives = message.getAttributes() == null ? null
                    : message.getAttributes().get("ApproximateReceiveCount");
            try {
                work.handle(LambdaJson.readTrusted(message.getBody(), MailMessage.class),
                        receives == null ? 1 : Integer.parseInt(receives));
            } catch (RuntimeException e) {
                Log.error("mail.message_failed", e, "messageId", message.getMessageId(), "receiveCount", receives);
                failures.add(SQSBatchResponse.BatchItemFailure.builder()
                        .withItemIdentifier(message.getMessageId()).build());
            }
        }
        output.write(LambdaJson.writeBytes(SQSBatchResponse.builder().withBatchItemFailures(failures).build()));
    }
}
