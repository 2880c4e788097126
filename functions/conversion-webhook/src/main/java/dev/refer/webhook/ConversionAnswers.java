package dev.refer.webhook;

import dev.refer.core.conversion.RecordConversion;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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

    static APIGatewayV2HTTPResponse of(RecordConversion.Result result) {
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
                yield HttpResponse.json(200, body);
            }
            case RecordConversion.Result.AlreadyRecorded ignored ->
                    HttpResponse.json(200, "{\"status\":\"duplicate\"}");
            case RecordConversion.Result.OrderAlreadyRecorded order -> HttpResponse.problem(Problem.of(409,
                    "order-already-recorded", "Order already recorded",
                    "A sale for order " + order.orderId() + " was recorded under another event id."));
            case RecordConversion.Result.RefundRejected rejected -> HttpResponse.problem(new Problem(422,
                    Problem.TYPE_BASE + "refund-rejected", "The refund cannot be applied",
                    rejected.field() + ": " + rejected.rule(),
                    List.of(new Problem.FieldError(rejected.field(), rejected.rule()))));
            case RecordConversion.Result.Busy ignored -> HttpResponse.withHeader(HttpResponse.problem(Problem.of(503, "busy",
                    "Try again", "Concurrent updates to the same order; retry the delivery.")), "retry-after", "1");
            case RecordConversion.Result.ProgramNotConfigured ignored -> HttpResponse.problem(Problems.programNotConfigured());
        };
    }
}
