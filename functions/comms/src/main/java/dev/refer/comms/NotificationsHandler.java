package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.refer.aws.AwsClients;
import dev.refer.core.comms.MailingMessages;
import dev.refer.lambda.Env;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.sqs.SqsMailingMessages;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Notices what partners should hear of (template: NotificationsFunction on the table's stream, filtered to leads,
 * ledger entries and payouts): a new lead, a lead's status, a commission earned, a payout sent, and each new
 * attributed lead for sales; and hands each to the mail queue, where the mail workers tell it once (the send log),
 * at the SES rate, now or in the day's digest as the partner chose. The stream never waits for SES: a flood of a
 * partner's leads is a few batched queue sends here. If the queue refuses, the whole batch comes again (what was
 * queued before is told once all the same).
 */
public final class NotificationsHandler implements RequestStreamHandler {

    private final MailingMessages queue;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public NotificationsHandler() {
        this(System.getenv());
    }

    /** Environment: {@code MAIL_QUEUE_URL}; nothing else (no table, no SES). */
    public NotificationsHandler(Map<String, String> env) {
        this(new SqsMailingMessages(AwsClients.build(SqsClient.builder(), env, "AWS_ENDPOINT_URL_SQS", List.of()),
                Env.require(env, "MAIL_QUEUE_URL")));
        this.priming = SnapStartPriming.register(this::prime, () -> { });
    }

    NotificationsHandler(MailingMessages queue) {
        this.queue = queue;
    }

    /** SnapStart: an empty stream batch (event and response types, JSON); nothing is queued. */
    private void prime() {
        try {
            handleRequest(new java.io.ByteArrayInputStream("{\"Records\":[]}".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        StreamNotices notices = StreamNotices.of(LambdaJson.readEvent(input, DynamodbEvent.class));
        List<StreamsEventResponse.BatchItemFailure> failures = List.of();
        try {
            queue.notify(notices.notifications(), notices.alerts());
            Log.info("notify.queued", "notifications", notices.notifications().size(), "alerts",
                    notices.alerts().size());
        } catch (RuntimeException e) {
            // the whole batch again (what went to the queue before is told once: the send log knows each key)
            Log.error("notify.queue_failed", e, "sequenceNumber", notices.first());
            failures = List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(notices.first())
                    .build());
        }
        output.write(LambdaJson.writeBytes(StreamsEventResponse.builder().withBatchItemFailures(failures).build()));
    }
}
