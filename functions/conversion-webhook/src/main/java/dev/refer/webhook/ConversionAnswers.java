package dev.refer.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.conversion.ConversionResult;
import dev.refer.core.ledger.Commission;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the billing system hears back. Only 2xx stops its retries, so every outcome that is final for this event
 * (recorded, duplicate) is 200, and a retry can only help with 503.
 */
final class ConversionAnswers {

    private ConversionAnswers() {
    }

    static APIGatewayV2HTTPResponse of(ConversionResult result) {
        return switch (result) {
            case ConversionResult.Recorded recorded -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("status", "recorded");
                body.put("conversionId", recorded.conversion().id().value());
                body.put("attributed", recorded.conversion().attribution() != null);
                if (!recorded.entries().isEmpty()) {
                    Commission first = recorded.entries().getFirst();
                    body.put("commissionId", first.id().value());
                    body.put("commissionMinor", first.amount().minor());
                    body.put("commissionCurrency", first.amount().currency().getCurrencyCode());
                }
                body.put("entries", recorded.entries().stream().map(ConversionAnswers::entry).toList());
                yield HttpResponse.json(200, body);
            }
            case ConversionResult.AlreadyRecorded ignored -> HttpResponse.json(200, "{\"status\":\"duplicate\"}");
            case ConversionResult.OrderAlreadyRecorded order -> HttpResponse.problem(Problem.of(409,
                    "order-already-recorded", "Order already recorded",
                    "A sale for order " + order.orderId() + " was recorded under another event id."));
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
