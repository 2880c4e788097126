package dev.refer.core.outbound;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One attempt at a queued delivery: the endpoint read again (deleted, disabled or unsubscribed since: nothing is
 * sent), its host resolved and checked ({@link SendTarget}), the body signed with every secret of the endpoint
 * ({@link WebhookSignature}: both during a rotation's roll), POSTed; a 2xx is delivered, anything else is tried again
 * after {@link RetrySchedule}'s wait or, after three days, given up (the queue's dead-letter queue keeps it). Every
 * attempt is logged on the delivery's record. A delivery the record shows delivered is not sent again (the queue
 * delivers at least once). An endpoint's first failure since it last answered is noted on it; once it has failed
 * for {@link RetrySchedule#DISABLE_AFTER} without answering, the attempt that finds so disables it and the program
 * manager is told (once: the disabling write is conditional); its deliveries are dropped from then on and can be
 * replayed by hand once it is enabled again.
 */
public final class DeliverWebhook {

    /** The HTTP side (java.net.http in production): POST {@code body} to {@code url}, reached at {@code address}. */
    public interface Transport {
        int post(URI url, InetAddress address, Map<String, String> headers, String body) throws IOException;
    }

    /** What an attempt came to, for the delivery's record (the log per endpoint). */
    public record Attempt(int number, Instant at, Integer statusCode, String error, String outcome) {
    }

    public interface AttemptLog {
        void record(OutboundDelivery delivery, Attempt attempt);

        /** Whether an earlier attempt delivered it (a strongly consistent read of its record). */
        boolean delivered(OutboundDelivery delivery);
    }

    /** Tells the program manager an endpoint was disabled for failing (an email in production). */
    public interface DisabledNotice {
        void endpointDisabled(WebhookEndpoint endpoint, Instant failingSince, Instant disabledAt, String lastError);
    }

    public sealed interface Outcome {
        record Delivered(int statusCode) implements Outcome {
        }

        record RetryAfter(Duration delay) implements Outcome {
        }

        /** Three days of failures: off to the dead-letter queue. */
        record GaveUp() implements Outcome {
        }

        /** The endpoint is gone, disabled or no longer wants this type: nothing sent, nothing retried. */
        record Dropped(String reason) implements Outcome {
        }

        /** Delivered by an earlier attempt (the queue delivered the message again): nothing sent, nothing logged. */
        record AlreadyDelivered() implements Outcome {
        }
    }

    /** The reason a disabled endpoint shows. */
    public static final String DISABLED_FOR_FAILING = "failing for three days without a successful delivery";

    private final WebhookEndpoints endpoints;
    private final SendTarget.Resolver resolver;
    private final Transport transport;
    private final AttemptLog log;
    private final Function<OutboundDelivery, String> body;
    private final DisabledNotice notice;
    private final Clock clock;

    /** @param body the delivery's JSON body (the exact bytes signed and sent; the function's JSON writer makes it) */
    public DeliverWebhook(WebhookEndpoints endpoints, SendTarget.Resolver resolver, Transport transport,
                          AttemptLog log, Function<OutboundDelivery, String> body, DisabledNotice notice,
                          Clock clock) {
        this.endpoints = endpoints;
        this.resolver = resolver;
        this.transport = transport;
        this.log = log;
        this.body = body;
        this.notice = notice;
        this.clock = clock;
    }

    /**
     * @param attempt        this attempt's number, from 1 (the queue's receive count)
     * @param firstAttemptAt when the delivery was first tried (the queue message's first send)
     */
    public Outcome deliver(OutboundDelivery delivery, int attempt, Instant firstAttemptAt) {
        if (log.delivered(delivery)) {
            return new Outcome.AlreadyDelivered();
        }
        Instant now = clock.instant();
        Optional<WebhookEndpoint> found = endpoints.find(delivery.endpointId());
        if (found.isEmpty() || !found.get().wants(delivery.event().type())) {
            String reason = found.isEmpty() ? "endpoint deleted" : "endpoint disabled or unsubscribed";
            log.record(delivery, new Attempt(attempt, now, null, reason, "dropped"));
            return new Outcome.Dropped(reason);
        }
        WebhookEndpoint endpoint = found.get();
        Integer status = null;
        String error = null;
        switch (SendTarget.check(endpoint.url(), resolver)) {
            case SendTarget.Decision.Refused refused -> error = refused.reason();
            case SendTarget.Decision.Allowed allowed -> {
                String json = body.apply(delivery);
                long timestamp = now.getEpochSecond();
                Map<String, String> headers = new LinkedHashMap<>();
                headers.put("content-type", "application/json");
                headers.put("webhook-id", delivery.id());
                headers.put("webhook-timestamp", Long.toString(timestamp));
                headers.put("webhook-signature", WebhookSignature.header(delivery.id(), timestamp, json,
                        endpoint.signingSecrets(now)));
                try {
                    status = transport.post(allowed.url(), allowed.address(), headers, json);
                } catch (IOException e) {
                    error = e.getClass().getSimpleName(); // a timeout, a refused connection: no detail of theirs
                }
            }
        }
        if (status != null && status >= 200 && status < 300) {
            log.record(delivery, new Attempt(attempt, now, status, null, "delivered"));
            if (endpoint.failingSince() != null) {
                endpoints.markHealthy(endpoint.id());
            }
            return new Outcome.Delivered(status);
        }
        failed(endpoint, now, status != null ? "HTTP " + status : error);
        Optional<Duration> wait = RetrySchedule.nextWait(attempt, firstAttemptAt, now);
        log.record(delivery, new Attempt(attempt, now, status, error, wait.isPresent() ? "retrying" : "gave up"));
        return wait.<Outcome>map(Outcome.RetryAfter::new).orElseGet(Outcome.GaveUp::new);
    }

    private void failed(WebhookEndpoint endpoint, Instant now, String lastError) {
        Instant since = endpoint.failingSince();
        if (since == null) {
            endpoints.markFailing(endpoint.id(), now);
        } else if (RetrySchedule.disables(since, now)
                && endpoints.disableFailing(endpoint.id(), since, DISABLED_FOR_FAILING, now)) {
            notice.endpointDisabled(endpoint, since, now, lastError);
        }
    }
}
