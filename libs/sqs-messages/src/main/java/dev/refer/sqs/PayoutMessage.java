package dev.refer.sqs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One message of the run's queue: {@code pay} one partner for a period, or {@code plan} the next page of a payee
 * shard.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PayoutMessage(String type, String period, String periodStart, String cutoff, String partnerId,
                     Integer shard) {

    public static final String PAY = "pay";
    public static final String PLAN = "plan";
    public static final String SUMMARIZE = "summarize";

    public static PayoutMessage pay(YearMonth period, Instant periodStart, Instant cutoff, PartnerId partner) {
        return new PayoutMessage(PAY, period.toString(), periodStart.toString(), cutoff.toString(), partner.value(),
                null);
    }

    public static PayoutMessage summarize(YearMonth period) {
        return new PayoutMessage(SUMMARIZE, period.toString(), null, null, null, null);
    }

    public static PayoutMessage plan(YearMonth period, int shard) {
        return new PayoutMessage(PLAN, period.toString(), null, null, null, shard);
    }
}
