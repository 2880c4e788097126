package dev.refer.stripe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.conversion.AwaitCheckout;
import dev.refer.core.conversion.ConversionResult;
import dev.refer.core.conversion.RecordRefund;
import dev.refer.core.conversion.RecordSale;
import dev.refer.lambda.HttpFunction;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Log;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;
import dev.refer.lambda.SnapStartPriming;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /webhooks/stripe}: Stripe's own events, verified by Stripe's signature scheme ({@link StripeSignature}),
 * recorded by the same use cases as the conversion webhook's: a paid checkout session or subscription invoice by
 * {@link RecordSale} (a subscription's first invoice through {@link AwaitCheckout}), a refunded charge by
 * {@link RecordRefund#recordCumulative}. Every other event type is answered 200 and stores nothing; a redelivery
 * answers 200 and changes nothing.
 */
public final class StripeWebhookHandler extends HttpFunction {

    /** Stripe's events are small; an invoice with many lines stays far below this. */
    static final int MAX_BODY_BYTES = 256 * 1024;

    private final Supplier<StripeSignature> signatures;
    private final RecordSale recordSale;
    private final AwaitCheckout awaitCheckout;
    private final RecordRefund recordRefund;
    private final Clock clock;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public StripeWebhookHandler() {
        this(System.getenv());
    }

    public StripeWebhookHandler(Map<String, String> env) {
        this(StripeWebhookWiring.create(env));
    }

    StripeWebhookHandler(StripeWebhookWiring wiring) {
        this.signatures = wiring.signatures();
        this.recordSale = wiring.recordSale();
        this.awaitCheckout = wiring.awaitCheckout();
        this.recordRefund = wiring.recordRefund();
        this.clock = wiring.clock();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        if (!request.mediaType().equals("application/json")) {
            return HttpResponse.problem(Problems.unsupportedMediaType("application/json"));
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return HttpResponse.problem(Problems.tooLarge(MAX_BODY_BYTES));
        }
        Optional<String> refusal = signatures.get().refusal(request.body(),
                request.header("stripe-signature").orElse(null));
        if (refusal.isPresent()) {
            Log.warn("stripe.refused", "requestId", request.requestId(), "reason", refusal.get());
            return HttpResponse.problem(Problem.of(400, "invalid-signature", "The signature is not valid",
                    refusal.get()));
        }
        StripeEvent event = StripeEvent.parse(request.body());
        return switch (event) {
            case StripeEvent.Ignored ignored -> {
                Log.info("stripe.ignored", "type", ignored.type(), "requestId", request.requestId());
                yield StripeAnswers.ignored(ignored);
            }
            case StripeEvent.Sale sale when sale.firstInvoice() ->
                    switch (awaitCheckout.firstInvoice(sale.command(), sale.reportedAt())) {
                        case AwaitCheckout.Result.Done done -> answer(done.result(), sale.command().eventId(),
                                request);
                        case AwaitCheckout.Result.Waiting waiting -> {
                            Log.info("stripe.awaiting-checkout", "eventId", sale.command().eventId(),
                                    "requestId", request.requestId());
                            yield StripeAnswers.waiting(waiting.until(), clock.instant());
                        }
                    };
            case StripeEvent.Sale sale -> answer(recordSale.record(sale.command()), sale.command().eventId(),
                    request);
            case StripeEvent.RefundedTotal refund -> answer(recordRefund.recordCumulative(refund.command()),
                    refund.command().eventId(), request);
        };
    }

    private static APIGatewayV2HTTPResponse answer(ConversionResult result, String eventId, HttpRequest request) {
        Log.info("stripe." + result.getClass().getSimpleName(), "eventId", eventId, "requestId", request.requestId());
        return StripeAnswers.of(result);
    }
}
