package dev.refer.webhook;

import dev.refer.core.conversion.RecordConversion;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpFunction;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Log;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;
import dev.refer.lambda.SnapStartPriming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

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
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
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
        return ConversionAnswers.of(result);
    }
}
