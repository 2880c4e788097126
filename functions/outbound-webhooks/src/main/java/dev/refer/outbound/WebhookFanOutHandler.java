package dev.refer.outbound;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.refer.core.outbound.FanOutEvents;
import dev.refer.core.events.DomainEvent;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.StreamFunction;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Hears what the company's endpoints want to hear (template: WebhookFanOutFunction on the table's stream, filtered
 * to leads, ledger entries and paid payouts): the batch's domain events go to {@link FanOutEvents}, one queued
 * delivery per subscribed endpoint, each claimed once in its delivery record. The stream never waits for an
 * endpoint: the delivery worker sends. If the queue refuses, the whole batch comes again and only what was not
 * queued before is queued.
 */
public final class WebhookFanOutHandler extends StreamFunction {

    private final FanOutEvents fanOut;
    private final Function<DynamodbEvent, List<DomainEvent>> events;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public WebhookFanOutHandler() {
        this(System.getenv());
    }

    public WebhookFanOutHandler(Map<String, String> env) {
        this(FanOutWiring.create(env));
    }

    WebhookFanOutHandler(FanOutWiring wiring) {
        this.fanOut = wiring.fanOut();
        this.events = wiring.events();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected StreamsEventResponse handle(DynamodbEvent event) {
        return wholeBatch(event, "webhooks.fan_out_failed", () -> {
            FanOutEvents.FannedOut done = fanOut.fanOut(events.apply(event));
            if (done.events() > 0) {
                Log.info("webhooks.fanned_out", "events", done.events(), "queued", done.queued(),
                        "skipped", done.skipped());
            }
        });
    }
}
