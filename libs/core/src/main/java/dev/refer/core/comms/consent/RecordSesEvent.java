package dev.refer.core.comms.consent;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Records what SES reports of an address in the suppression list: a permanent bounce stops all mail to it (the
 * address does not take mail), a complaint all but transactional mail (statements, summaries). A transient bounce (a
 * full mailbox, a greylisting) changes nothing, as do deliveries, opens and the rest. Recording is idempotent (and a
 * bounce is never downgraded to a complaint), so the notification's retries are harmless.
 */
public final class RecordSesEvent {

    /** One SES event, as its notification names it. */
    public sealed interface SesEvent {
        /**
         * @param bounceType {@code Permanent}, {@code Transient} or {@code Undetermined}
         * @param subType    SES's bounce subtype (kept as the suppression's detail)
         */
        record Bounce(String bounceType, String subType, List<String> recipients) implements SesEvent {
        }

        /** @param feedbackType the complaint's feedback type, if the mailbox provider gave one */
        record Complaint(String feedbackType, List<String> recipients) implements SesEvent {
        }

        /** Any other event (a delivery, an open, a send): nothing to record. */
        record Other(String type) implements SesEvent {
        }
    }

    public sealed interface Result {
        /** {@code addresses} recorded as suppressed for {@code reason}. */
        record Suppressed(Suppression.Reason reason, int addresses) implements Result {
        }

        /** A transient (or undetermined) bounce: the address may take mail tomorrow. */
        record TransientBounce() implements Result {
        }

        /** Not a bounce nor a complaint. */
        record NotAboutAnAddress() implements Result {
        }
    }

    private final SuppressionList suppressions;
    private final Clock clock;

    public RecordSesEvent(SuppressionList suppressions, Clock clock) {
        this.suppressions = suppressions;
        this.clock = clock;
    }

    public Result record(SesEvent event) {
        return switch (event) {
            case SesEvent.Bounce bounce -> "Permanent".equals(bounce.bounceType())
                    ? suppress(bounce.recipients(), Suppression.Reason.BOUNCE, bounce.subType())
                    : new Result.TransientBounce();
            case SesEvent.Complaint complaint ->
                    suppress(complaint.recipients(), Suppression.Reason.COMPLAINT, complaint.feedbackType());
            case SesEvent.Other other -> new Result.NotAboutAnAddress();
        };
    }

    private Result suppress(List<String> recipients, Suppression.Reason reason, String detail) {
        int count = 0;
        for (String recipient : recipients) {
            String address = recipient == null ? "" : recipient.strip().toLowerCase(Locale.ROOT);
            if (!address.isEmpty()) {
                suppressions.record(new Suppression(address, reason, clock.instant(), detail));
                count++;
            }
        }
        return new Result.Suppressed(reason, count);
    }
}
