package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import dev.refer.core.comms.Notification;
import dev.refer.dynamodb.NotificationChanges;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Tells partners what just happened (template: NotificationsFunction on the table's stream, filtered to leads,
 * ledger entries and payouts): a new lead, a lead's status, a commission earned, a payout sent, each once (the send
 * log), now or in the day's digest as the partner chose; sales hear of each new attributed lead. Records are handled
 * in order; the first that fails is reported as the batch item failure, so Lambda resumes there and what went
 * before is recognised in the send log.
 */
public final class NotificationsHandler implements RequestStreamHandler {

    private final CommsWiring wiring;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public NotificationsHandler() {
        this(System.getenv());
    }

    public NotificationsHandler(Map<String, String> env) {
        this(CommsWiring.create(env));
        this.priming = SnapStartPriming.register(this::prime, () -> { });
    }

    NotificationsHandler(CommsWiring wiring) {
        this.wiring = wiring;
    }

    /**
     * SnapStart: an empty stream batch (event and response types, JSON), and a notification for a partner that does
     * not exist (the SDK's first GetItem); nothing is written or sent.
     */
    private void prime() {
        try {
            handleRequest(new java.io.ByteArrayInputStream("{\"Records\":[]}".getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        wiring.notifier().notify(CommsWiring.PRIMING_NOTIFICATION);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        DynamodbEvent event = LambdaJson.readEvent(input, DynamodbEvent.class);
        String failedAt = null;
        for (DynamodbEvent.DynamodbStreamRecord record : event.getRecords() == null
                ? List.<DynamodbEvent.DynamodbStreamRecord>of() : event.getRecords()) {
            var images = record.getDynamodb();
            try {
                NotificationChanges.Changes changes = NotificationChanges.of(record.getEventName(),
                        images.getOldImage() == null ? null
                                : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getOldImage()),
                        images.getNewImage() == null ? null
                                : DynamodbAttributeValueTransformer.toAttributeValueMapV2(images.getNewImage()));
                for (Notification notification : changes.notifications()) {
                    var outcome = wiring.notifier().notify(notification);
                    Log.info("notify.done", "key", notification.key(), "outcome",
                            outcome.map(Enum::name).orElse("FILED_OR_NOT_WANTED"));
                }
                if (changes.newLead() != null) {
                    wiring.notifier().alertSales(changes.newLead());
                }
            } catch (RuntimeException e) {
                Log.error("notify.record_failed", e, "sequenceNumber", images.getSequenceNumber());
                failedAt = images.getSequenceNumber();
                break;
            }
        }
        List<StreamsEventResponse.BatchItemFailure> failures = failedAt == null ? List.of()
                : List.of(StreamsEventResponse.BatchItemFailure.builder().withItemIdentifier(failedAt).build());
        output.write(LambdaJson.writeBytes(StreamsEventResponse.builder().withBatchItemFailures(failures).build()));
    }
}
