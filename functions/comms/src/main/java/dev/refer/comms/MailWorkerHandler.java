package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.mail.PacedMailer;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.lambda.SqsBatch;
import dev.refer.sqs.MailMessage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;

/**
 * Works the mail queue (template: MailWorkerFunction on MailQueue): one partner's check-in, broadcast or digest per
 * {@code write} message, paced to its share of the SES send rate; planning steps; the check-in summary; broadcast
 * previews. A failed message is a batch item failure: SQS redelivers it, and after {@code maxReceiveCount}
 * deliveries moves it to MailDeadLetterQueue. Every email has its key in the send log, so a redelivery sends only
 * what is missing.
 */
public final class MailWorkerHandler implements RequestStreamHandler {

    private final MailWork work;
    private final PacedMailer pace;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    SnapStartPriming priming;

    public MailWorkerHandler() {
        this(System.getenv());
    }

    public MailWorkerHandler(Map<String, String> env) {
        this(CommsWiring.create(env));
        this.priming = SnapStartPriming.register(this::prime, () -> { });
    }

    MailWorkerHandler(CommsWiring wiring) {
        this.work = new MailWork(wiring);
        this.pace = wiring.pace();
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
        if (pace != null) {
            // throttled sends are retried within this invocation's time, never past it
            pace.invocation(context == null ? null : Duration.ofMillis(context.getRemainingTimeInMillis()));
        }
        SqsBatch.handle(input, output, "mail.message_failed",
                (body, receives) -> work.handle(LambdaJson.readTrusted(body, MailMessage.class), receives));
    }
}
