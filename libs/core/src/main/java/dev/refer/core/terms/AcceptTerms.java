package dev.refer.core.terms;

import dev.refer.core.partner.PartnerId;

import java.time.Clock;
import java.util.Objects;

/**
 * A partner accepts the current version of the terms (the portal's terms page). Accepting twice keeps the first
 * acceptance (its time, IP and user agent are the evidence); a version that is not the current one is refused, so a
 * page left open across a publication cannot accept what is no longer in force.
 */
public final class AcceptTerms {

    /** @param ip the request's source address, {@code userAgent} its User-Agent header: evidence, either may be null */
    public record Command(PartnerId partnerId, String version, String ip, String userAgent) {
        public Command {
            Objects.requireNonNull(partnerId, "partnerId");
        }
    }

    public sealed interface Result {
        /** The partner's acceptance of the version (the first one, when they had accepted it before). */
        record Accepted(Acceptance acceptance, boolean now) implements Result {
        }

        /** The version is not the current one: the current terms, to show and accept instead. */
        record NotCurrent(Terms current) implements Result {
        }

        /** No terms are published: nothing to accept. */
        record NoTerms() implements Result {
        }
    }

    private final TermsBook book;
    private final Clock clock;

    public AcceptTerms(TermsBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    public Result accept(Command command) {
        Terms current = book.current().orElse(null);
        if (current == null) {
            return new Result.NoTerms();
        }
        if (!current.version().equals(command.version())) {
            return new Result.NotCurrent(current);
        }
        Acceptance acceptance = new Acceptance(command.partnerId(), current.version(), clock.instant(), command.ip(),
                command.userAgent());
        if (book.accept(acceptance)) {
            return new Result.Accepted(acceptance, true);
        }
        return new Result.Accepted(book.acceptance(command.partnerId(), current.version()).orElse(acceptance), false);
    }
}
