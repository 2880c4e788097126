package dev.refer.payouts;

import dev.refer.sqs.PayoutMessage;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayPartner;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.SqsBatch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * Works the payout run's queue (template: PayoutWorkerFunction on PayoutQueue): pays one partner per {@code pay}
 * message ({@link PayPartner}), plans one page of a payee shard per {@code plan} message. A message that fails is
 * reported as a batch item failure: SQS redelivers it after its visibility timeout, and after
 * {@code maxReceiveCount} deliveries moves it to PayoutDeadLetterQueue (docs/payouts.md: redriving). Every step is idempotent,
 * so a redelivery finishes what a failed delivery began.
 */
public final class PayoutWorkerHandler implements RequestStreamHandler {

    private final PayoutsWiring wiring;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public PayoutWorkerHandler() {
        this(System.getenv());
    }

    public PayoutWorkerHandler(Map<String, String> env) {
        this(PayoutsWiring.create(env));
        this.priming = SnapStartPriming.register(this::prime, () -> { });
    }

    PayoutWorkerHandler(PayoutsWiring wiring) {
        this.wiring = wiring;
    }

    /** The worker on given clients and clock (benchmarks meter and replay its calls); no SnapStart hooks. */
    public static PayoutWorkerHandler withClients(Map<String, String> env,
                                                  software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb,
                                                  software.amazon.awssdk.services.sqs.SqsClient sqs,
                                                  dev.refer.core.mail.Mailer mailer, java.time.Clock clock) {
        return new PayoutWorkerHandler(PayoutsWiring.create(env, new PayoutsWiring.Clients(dynamoDb, sqs, mailer),
                clock));
    }

    /** SnapStart: an SQS batch with a message of no known type (event and response types, JSON); nothing written. */
    private void prime() {
        try {
            handleRequest(new ByteArrayInputStream(SqsBatch.PRIMING_EVENT), OutputStream.nullOutputStream(), null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        // statements keep the SES pace; a throttled one is retried within this invocation's time, never past it
        wiring.pace().invocation(context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis()));
        SqsBatch.handle(input, output, "payouts.message_failed",
                (body, receives) -> handle(LambdaJson.readTrusted(body, PayoutMessage.class)));
    }

    private void handle(PayoutMessage message) {
        switch (String.valueOf(message.type())) {
            case PayoutMessage.PLAN -> wiring.planner().planShard(YearMonth.parse(message.period()), message.shard());
            case PayoutMessage.SUMMARIZE -> wiring.planner().summarize(YearMonth.parse(message.period()));
            case PayoutMessage.PAY -> {
                YearMonth period = YearMonth.parse(message.period());
                PayPartner.Result result = wiring.payPartner().run(new PayPartner.Command(period,
                        Instant.parse(message.periodStart()), Instant.parse(message.cutoff()),
                        new PartnerId(message.partnerId())));
                Log.info("payouts.partner_done", "period", period.toString(), "partnerId", message.partnerId(),
                        "payouts", result.payouts().size(), "carried", result.carried().size(),
                        "statements", result.statements().values().stream().map(Enum::name).toList());
            }
            default -> throw new IllegalArgumentException("unknown payout message type " + message.type());
        }
    }
}
