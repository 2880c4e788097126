package dev.refer.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.conversion.ConversionCommand;
import dev.refer.core.conversion.ConversionKind;
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

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code POST /webhooks/conversions}: a signed sale, renewal or refund from the billing system. Authentic events
 * are recorded once per event id (a sale or renewal by {@link RecordSale}, a refund by {@link RecordRefund}); a
 * redelivery answers 200 and changes nothing, so the sender may retry freely.
 */
public final class ConversionWebhookHandler extends HttpFunction {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Supplier<SignatureCheck> signatures;
    private final RecordSale recordSale;
    private final RecordRefund recordRefund;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public ConversionWebhookHandler() {
        this(System.getenv());
    }

    public ConversionWebhookHandler(Map<String, String> env) {
        this(ConversionWebhookWiring.create(env));
    }

    ConversionWebhookHandler(ConversionWebhookWiring wiring) {
        this.signatures = wiring.signatures();
        this.recordSale = wiring.recordSale();
        this.recordRefund = wiring.recordRefund();
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
        Optional<String> refusal = signatures.get().refusal(request.body(), request.headers());
        if (refusal.isPresent()) {
            Log.warn("webhook.refused", "requestId", request.requestId(), "reason", refusal.get());
            return HttpResponse.problem(Problem.of(401, "invalid-signature", "The signature is not valid",
                    refusal.get()));
        }
        ConversionCommand command = ConversionEvent.parse(request.body());
        ConversionResult result = command.kind() == ConversionKind.REFUND ? recordRefund.record(command)
                : recordSale.record(command);
        Log.info("conversion." + result.getClass().getSimpleName(), "eventId", command.eventId(),
                "type", command.kind().wireName(), "requestId", request.requestId());
        return ConversionAnswers.of(result);
    }
}
