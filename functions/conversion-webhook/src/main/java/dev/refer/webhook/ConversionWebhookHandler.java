package dev.refer.webhook;

import dev.refer.core.conversion.RecordConversion;
import dev.refer.http.HttpFunction;
import dev.refer.http.HttpRequest;
import dev.refer.http.HttpResponse;
import dev.refer.http.Json;
import dev.refer.http.Log;
import dev.refer.http.Problem;
import dev.refer.http.Problems;
import dev.refer.http.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhooks/conversions}: a signed sale, renewal or refund from the billing system. Authentic events
 * are recorded once per event id; a redelivery answers 200 and changes nothing, so the sender may retry freely.
 */
public final class ConversionWebhookHandler extends HttpFunction {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final SignatureCheck signatures;
    private final RecordConversion recordConversion;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public ConversionWebhookHandler() {
        this(System.getenv());
    }

    public ConversionWebhookHandler(Map<String, String> env) {
        this(ConversionWebhookWiring.create(env));
    }

    private ConversionWebhookHandler(ConversionWebhookWiring wiring) {
        this(wiring.signatures(), wiring.recordConversion());
        this.priming = wiring.registerPriming(this);
    }

    /** The production wiring on a given client: benchmarks compare the handler with raw calls on that client. */
    public static ConversionWebhookHandler withClient(Map<String, String> env, DynamoDbClient dynamoDb) {
        ConversionWebhookWiring wiring = ConversionWebhookWiring.create(env, dynamoDb);
        return new ConversionWebhookHandler(wiring.signatures(), wiring.recordConversion());
    }

    ConversionWebhookHandler(SignatureCheck signatures, RecordConversion recordConversion) {
        this.signatures = signatures;
        this.recordConversion = recordConversion;
    }

    @Override
    protected HttpResponse handle(HttpRequest request) {
        if (!request.mediaType().equals("application/json")) {
            return HttpResponse.problem(Problems.unsupportedMediaType("application/json"));
        }
        if (request.body().length > MAX_BODY_BYTES) {
            return HttpResponse.problem(Problems.tooLarge(MAX_BODY_BYTES));
        }
        Optional<String> refusal = signatures.refusal(request.body(), request.headers());
        if (refusal.isPresent()) {
            Log.warn("webhook.refused", "requestId", request.requestId(), "reason", refusal.get());
            return HttpResponse.problem(Problem.of(401, "invalid-signature", "The signature is not valid",
                    refusal.get()));
        }
        RecordConversion.Command command = ConversionEvent.parse(request.body());
        RecordConversion.Result result = recordConversion.record(command);
        Log.info("conversion." + result.getClass().getSimpleName(), "eventId", command.eventId(),
                "type", command.kind().wireName(), "requestId", request.requestId());
        return switch (result) {
            case RecordConversion.Result.Recorded recorded -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "recorded");
                body.put("conversionId", recorded.conversion().id().value());
                body.put("attributed", recorded.conversion().attribution() != null);
                if (recorded.commission() != null) {
                    body.put("commissionId", recorded.commission().id().value());
                    body.put("commissionMinor", recorded.commission().amount().minor());
                    body.put("commissionCurrency", recorded.commission().amount().currency().getCurrencyCode());
                }
                yield HttpResponse.json(200, Json.write(body));
            }
            case RecordConversion.Result.AlreadyRecorded ignored ->
                    HttpResponse.json(200, "{\"status\":\"duplicate\"}");
            case RecordConversion.Result.OrderAlreadyRecorded order -> HttpResponse.problem(Problem.of(409,
                    "order-already-recorded", "Order already recorded",
                    "A sale for order " + order.orderId() + " was recorded under another event id."));
            case RecordConversion.Result.RefundRejected rejected -> HttpResponse.problem(new Problem(422,
                    Problem.TYPE_BASE + "refund-rejected", "The refund cannot be applied",
                    rejected.field() + ": " + rejected.rule(),
                    java.util.List.of(new Problem.FieldError(rejected.field(), rejected.rule()))));
            case RecordConversion.Result.Busy ignored -> HttpResponse.problem(Problem.of(503, "busy",
                    "Try again", "Concurrent updates to the same order; retry the delivery."))
                    .withHeader("retry-after", "1");
            case RecordConversion.Result.ProgramNotConfigured ignored -> HttpResponse.problem(Problems.programNotConfigured());
        };
    }
}
