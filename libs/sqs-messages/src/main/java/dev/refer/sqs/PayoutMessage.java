package dev.refer.sqs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.refer.core.partner.PartnerId;
import dev.refer.lambda.LambdaJson;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One message of the run's queue: {@link Pay} one partner for a period, {@link Plan} the next page of a payee shard,
 * or {@link Summarize} the run. Sealed, so a worker's dispatch is a {@code switch} the compiler checks; on the queue
 * it is flat JSON with a {@code type} ({@code pay}, {@code plan}, {@code summarize}).
 */
public sealed interface PayoutMessage {

    /** Pay one partner what it earned in the period, up to the run's cutoff. */
    record Pay(YearMonth period, Instant periodStart, Instant cutoff, PartnerId partner) implements PayoutMessage {
    }

    /** Plan the next page of one payee shard. */
    record Plan(YearMonth period, int shard) implements PayoutMessage {
    }

    /** Summarize the period's run once every partner is paid. */
    record Summarize(YearMonth period) implements PayoutMessage {
    }

    static PayoutMessage pay(YearMonth period, Instant periodStart, Instant cutoff, PartnerId partner) {
        return new Pay(period, periodStart, cutoff, partner);
    }

    static PayoutMessage summarize(YearMonth period) {
        return new Summarize(period);
    }

    static PayoutMessage plan(YearMonth period, int shard) {
        return new Plan(period, shard);
    }

    /** The queue's body. */
    default String toJson() {
        return LambdaJson.write(switch (this) {
            case Pay p -> new Json("pay", p.period().toString(), p.periodStart().toString(), p.cutoff().toString(),
                    p.partner().value(), null);
            case Plan p -> new Json("plan", p.period().toString(), null, null, null, p.shard());
            case Summarize s -> new Json("summarize", s.period().toString(), null, null, null, null);
        });
    }

    /** A body of the queue; one of no known type is an {@link IllegalArgumentException} (the message fails). */
    static PayoutMessage fromJson(String body) {
        Json json = LambdaJson.readTrusted(body, Json.class);
        return switch (String.valueOf(json.type())) {
            case "pay" -> new Pay(YearMonth.parse(json.period()), Instant.parse(json.periodStart()),
                    Instant.parse(json.cutoff()), new PartnerId(json.partnerId()));
            case "plan" -> new Plan(YearMonth.parse(json.period()), json.shard());
            case "summarize" -> new Summarize(YearMonth.parse(json.period()));
            default -> throw new IllegalArgumentException("unknown payout message type " + json.type());
        };
    }

    /** The wire form: flat, absent fields left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Json(String type, String period, String periodStart, String cutoff, String partnerId, Integer shard) {
    }
}
