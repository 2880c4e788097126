package dev.refer.core.comms.mailing;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.consent.PreferencesRepository;
import dev.refer.core.comms.consent.Suppression;
import dev.refer.core.comms.consent.SuppressionList;
import dev.refer.core.mail.Letter;
import dev.refer.core.mail.MailLog;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.PartnerId;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Sends partner mail under the program's consent rules, each email at most once: an address that bounced gets
 * nothing; one that complained gets only transactional mail; a partner gets a topic only as it chose (all, a daily
 * digest, or none). A decision not to send is recorded in the send log under the email's key like a send, so a
 * redelivery neither sends it nor counts it again.
 */
public final class Deliver {

    public enum Outcome {
        SENT, SUPPRESSED, OPTED_OUT,
        /** Sent, or held back, by an earlier delivery: nothing done now. */
        ALREADY_SENT, ALREADY_SUPPRESSED, ALREADY_OPTED_OUT,
        /** An earlier delivery claimed it and did not record the outcome: it may have gone out; never repeated. */
        UNCERTAIN;

        /** Whether this call decided the email's fate. */
        public boolean isFresh() {
            return this == SENT || this == SUPPRESSED || this == OPTED_OUT;
        }

        /**
         * The count a run keeps of the email's settled fate ({@code sent}, {@code suppressed}, {@code opted_out}),
         * whichever delivery settled it (a count lost with a crashed delivery is taken by the next); null while
         * uncertain.
         */
        public String tally() {
            return switch (this) {
                case SENT, ALREADY_SENT -> "sent";
                case SUPPRESSED, ALREADY_SUPPRESSED -> "suppressed";
                case OPTED_OUT, ALREADY_OPTED_OUT -> "opted_out";
                case UNCERTAIN -> null;
            };
        }
    }

    /**
     * One email: {@code key} identifies it for good (partner, kind, period); {@code topic} null is transactional mail.
     *
     * @param digest the letter gathers a topic's notifications of a day
     */
    public record Delivery(String key, PartnerId partnerId, String kind, EmailAddress to, Topic topic, boolean digest,
                           Supplier<? extends Letter> letter) {
    }

    private final MailLog log;
    private final SendOnce sendOnce;
    private final SuppressionList suppressions;
    private final PreferencesRepository preferences;
    private final Clock clock;

    public Deliver(MailLog log, SendOnce sendOnce, SuppressionList suppressions, PreferencesRepository preferences,
                   Clock clock) {
        this.log = log;
        this.sendOnce = sendOnce;
        this.suppressions = suppressions;
        this.preferences = preferences;
        this.clock = clock;
    }

    public Outcome deliver(Delivery delivery) {
        Optional<Refusal> refusal = refusal(delivery);
        if (refusal.isPresent()) {
            var held = log.skip(delivery.key(), delivery.kind(), delivery.partnerId(), delivery.to().value(),
                    refusal.get().reason(), clock.instant());
            if (held.isPresent()) {
                return switch (held.get().state()) {
                    case SENDING -> Outcome.UNCERTAIN;
                    case SENT -> Outcome.ALREADY_SENT;
                    // held back before, for the reason that holds it back now
                    default -> refusal.get().outcome() == Outcome.SUPPRESSED ? Outcome.ALREADY_SUPPRESSED
                            : Outcome.ALREADY_OPTED_OUT;
                };
            }
            return refusal.get().outcome();
        }
        return switch (sendOnce.send(delivery.key(), delivery.partnerId(), delivery.kind(), delivery.to(),
                delivery.letter())) {
            case SENT -> Outcome.SENT;
            case ALREADY_SENT -> Outcome.ALREADY_SENT;
            case UNCERTAIN -> Outcome.UNCERTAIN;
            case BOUNCED -> Outcome.SUPPRESSED;
        };
    }

    /** Why an email must not go: SUPPRESSED or OPTED_OUT, and the reason the send log keeps. */
    private record Refusal(Outcome outcome, String reason) {
    }

    private Optional<Refusal> refusal(Delivery delivery) {
        boolean transactional = delivery.topic() == null;
        Optional<Suppression> suppressed = suppressions.find(delivery.to().value());
        if (suppressed.isPresent() && suppressed.get().blocks(transactional)) {
            return Optional.of(new Refusal(Outcome.SUPPRESSED,
                    "suppressed: " + suppressed.get().reason().name().toLowerCase(java.util.Locale.ROOT)));
        }
        if (transactional || delivery.partnerId() == null) {
            return Optional.empty();
        }
        Choice choice = preferences.find(delivery.partnerId()).choice(delivery.topic());
        boolean wanted = switch (choice) {
            case NONE -> false;
            // a partner who wants all gets a digest only of what a flood held back (CommsSettings.notificationsPerDay)
            case ALL -> true;
            case DIGEST -> delivery.digest();
        };
        return wanted ? Optional.empty() : Optional.of(new Refusal(Outcome.OPTED_OUT,
                "opted out: " + delivery.topic().wireName() + " " + choice.wireName()));
    }
}
