package dev.refer.stripe;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.conversion.ConversionResult;
import dev.refer.core.ledger.Commission;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Stripe hears back. Stripe retries every answer but a 2xx for three days, so each outcome that is final for the
 * event (recorded, duplicate, ignored) is 200; a refusal the program manager must see (another currency, a refund
 * beyond the order) is 422 and shows as a failed delivery in Stripe's dashboard; only 503 asks for the retry that
 * helps.
 */
final class StripeAnswers {

    private StripeAnswers() {
    }

    static APIGatewayV2HTTPResponse ignored(StripeEvent.Ignored ignored) {
        return HttpResponse.json(200, Map.of("status", "ignored", "type", ignored.type(), "reason", ignored.why()));
    }

    static APIGatewayV2HTTPResponse waiting(Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        return HttpResponse.withHeader(HttpResponse.problem(Problem.of(503, "awaiting-checkout",
                "Waiting for the checkout session", "The subscription's first invoice is recorded with its checkout"
                        + " session's evidence; deliver it again (it is recorded on its own after " + until + ").")),
                "retry-after", Long.toString(seconds));
    }

    static APIGatewayV2HTTPResponse of(ConversionResult result) {
        return switch (result) {
            case ConversionResult.Recorded recorded -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "recorded");
                body.put("conversionId", recorded.conversion().id().value());
                body.put("kind", recorded.conversion().kind().wireName());
                body.put("attributed", recorded.conversion().attribution() != null);
                body.put("entries", recorded.entries().stream().map(StripeAnswers::entry).toList());
                yield HttpResponse.json(200, body);
            }
            case ConversionResult.AlreadyRecorded ignored -> HttpResponse.json(200, "{\"status\":\"duplicate\"}");
            // another event recorded this order's sale: retrying cannot change that
            case ConversionResult.OrderAlreadyRecorded order -> HttpResponse.json(200,
                    Map.of("status", "order-already-recorded", "orderId", order.orderId()));
            case ConversionResult.Refused refused -> HttpResponse.problem(new Problem(422,
                    Problem.TYPE_BASE + "event-refused", "The event cannot be applied",
                    refused.field() + ": " + refused.rule(),
                    List.of(new Problem.FieldError(refused.field(), refused.rule()))));
            case ConversionResult.Busy ignored -> HttpResponse.withHeader(HttpResponse.problem(Problem.of(503,
                    "busy", "Try again", "Concurrent updates to the same order; retry the delivery.")),
                    "retry-after", "1");
            case ConversionResult.ProgramNotConfigured ignored ->
                    HttpResponse.problem(Problems.programNotConfigured());
        };
    }

    private static Map<String, Object> entry(Commission entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", entry.id().value());
        json.put("kind", entry.kind().name());
        json.put("minor", entry.amount().minor());
        json.put("currency", entry.amount().currency().getCurrencyCode());
        return json;
    }
}
