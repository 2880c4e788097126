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
 * attempt is logged on the delivery's record.
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
    }

    private final WebhookEndpoints endpoints;
    private final SendTarget.Resolver resolver;
    private final Transport transport;
    private final AttemptLog log;
    private final Function<OutboundDelivery, String> body;
    private final Clock clock;

    /** @param body the delivery's JSON body (the exact bytes signed and sent; the function's JSON writer makes it) */
    public DeliverWebhook(WebhookEndpoints endpoints, SendTarget.Resolver resolver, Transport transport,
                          AttemptLog log, Function<OutboundDelivery, String> body, Clock clock) {
        this.endpoints = endpoints;
        this.resolver = resolver;
        this.transport = transport;
        this.log = log;
        this.body = body;
        this.clock = clock;
    }

    /**
     * @param attempt        this attempt's number, from 1 (the queue's receive count)
     * @param firstAttemptAt when the delivery was first tried (the queue message's first send)
     */
    public Outcome deliver(OutboundDelivery delivery, int attempt, Instant firstAttemptAt) {
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
            return new Outcome.Delivered(status);
        }
        Optional<Duration> wait = RetrySchedule.nextWait(attempt, firstAttemptAt, now);
        log.record(delivery, new Attempt(attempt, now, status, error, wait.isPresent() ? "retrying" : "gave up"));
        return wait.<Outcome>map(Outcome.RetryAfter::new).orElseGet(Outcome.GaveUp::new);
    }
}
