package dev.refer.core.terms;

import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.MailingRuns;
import dev.refer.core.comms.mailing.RunMailing;

import java.time.Clock;

/**
 * The program manager publishes a version of the terms: it becomes the one partners accept (at their next sign-in,
 * before anything else in the portal), and each active partner is told by a transactional email. A program can have
 * 100,000 partners, so the emails go as a campaign through the mail queue ({@link Campaign#terms}): planned page by
 * page, one message per partner, each sent once per partner and version. Publishing the same version with the same
 * text again (a retried request) resumes that campaign and changes nothing else.
 */
public final class PublishTerms {

    public record Command(String version, String text) {
    }

    public sealed interface Result {
        /** Published (now or by an earlier try of the same request), with the run of its emails. */
        record Published(Terms terms, MailingRuns.Run run) implements Result {
        }

        /** The version exists with another text, or is no longer the current one: versions are never edited. */
        record VersionTaken(Terms existing) implements Result {
        }
    }

    private final TermsBook book;
    private final RunMailing mailing;
    private final Clock clock;

    public PublishTerms(TermsBook book, RunMailing mailing, Clock clock) {
        this.book = book;
        this.mailing = mailing;
        this.clock = clock;
    }

    public Result publish(Command command) {
        Terms terms = new Terms(command.version(), command.text(), clock.instant());
        if (!book.publish(terms)) {
            Terms existing = book.find(terms.version()).orElseThrow(
                    () -> new IllegalStateException("terms " + terms.version() + " refused but not found"));
            boolean sameRequest = existing.text().equals(terms.text())
                    && book.current().map(c -> c.version().equals(existing.version())).orElse(false);
            if (!sameRequest) {
                return new Result.VersionTaken(existing);
            }
            return new Result.Published(existing, mailing.start(Campaign.terms(existing.version())));
        }
        return new Result.Published(terms, mailing.start(Campaign.terms(terms.version())));
    }
}
