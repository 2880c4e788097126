package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.Context;
import dev.refer.core.mail.PacedMailer;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.SqsFunction;
import dev.refer.sqs.MailMessage;

import java.time.Duration;
import java.util.Map;

/**
 * Works the mail queue (template: MailWorkerFunction on MailQueue): one partner's check-in, broadcast or digest per
 * {@code write} message, paced to its share of the SES send rate; planning steps; the check-in summary; broadcast
 * previews. A failed message is a batch item failure: SQS redelivers it, and after {@code maxReceiveCount}
 * deliveries moves it to MailDeadLetterQueue. Every email has its key in the send log, so a redelivery sends only
 * what is missing.
 */
public final class MailWorkerHandler extends SqsFunction {

    private final MailWork work;
    private final PacedMailer pace;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public MailWorkerHandler() {
        this(System.getenv());
    }

    public MailWorkerHandler(Map<String, String> env) {
        this(MailWorkerWiring.create(env));
    }

    MailWorkerHandler(MailWorkerWiring wiring) {
        super("mail.message_failed");
        this.work = new MailWork(wiring);
        this.pace = wiring.pace();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected void beforeBatch(Context context) {
        // throttled sends are retried within this invocation's time, never past it
        pace.invocation(context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis()));
    }

    @Override
    protected void handle(String body, int receiveCount) {
        work.handle(MailMessage.fromJson(body), receiveCount);
    }
}
