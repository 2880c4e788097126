package dev.refer.payouts;

import com.amazonaws.services.lambda.runtime.Context;
import dev.refer.core.payout.PayPartner;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.SqsFunction;
import dev.refer.sqs.PayoutMessage;

import java.time.Duration;
import java.util.Map;

/**
 * Works the payout run's queue (template: PayoutWorkerFunction on PayoutQueue): pays one partner per {@code pay}
 * message ({@link PayPartner}), plans one page of a payee shard per {@code plan} message. A message that fails is
 * reported as a batch item failure: SQS redelivers it after its visibility timeout, and after
 * {@code maxReceiveCount} deliveries moves it to PayoutDeadLetterQueue (docs/payouts.md: redriving). Every step is idempotent,
 * so a redelivery finishes what a failed delivery began.
 */
public final class PayoutWorkerHandler extends SqsFunction {

    private final PayoutsWiring wiring;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public PayoutWorkerHandler() {
        this(System.getenv());
    }

    public PayoutWorkerHandler(Map<String, String> env) {
        this(PayoutsWiring.create(env));
    }

    PayoutWorkerHandler(PayoutsWiring wiring) {
        super("payouts.message_failed");
        this.wiring = wiring;
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected void beforeBatch(Context context) {
        // statements keep the SES pace; a throttled one is retried within this invocation's time, never past it
        wiring.pace().invocation(context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis()));
    }

    @Override
    protected void handle(String body, int receiveCount) {
        switch (PayoutMessage.fromJson(body)) {
            case PayoutMessage.Plan plan -> wiring.planner().planShard(plan.period(), plan.shard());
            case PayoutMessage.Summarize summarize -> wiring.planner().summarize(summarize.period());
            case PayoutMessage.Pay pay -> {
                PayPartner.Result result = wiring.payPartner().run(new PayPartner.Command(pay.period(),
                        pay.periodStart(), pay.cutoff(), pay.partner()));
                Log.info("payouts.partner_done", "period", pay.period().toString(), "partnerId",
                        pay.partner().value(), "payouts", result.payouts().size(), "carried", result.carried().size(),
                        "statements", result.statements().values().stream().map(Enum::name).toList());
            }
        }
    }
}
