package dev.refer.core.application;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.terms.Terms;
import dev.refer.core.terms.TermsBook;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Someone applies to become a partner (the public application form). One application per email: a second submission
 * replaces the answers of a pending one and never makes another; a decided one is left as it is. The answer is the
 * same whatever happened (new, updated, decided before, the address already a partner's, a bot caught by the
 * honeypot), so the form cannot be used to learn who applied or who is a partner. The applicant accepts the current
 * terms (when the program published any); the program manager is told, and the applicant gets a receipt, through the
 * mail queue; a program that approves automatically approves at once.
 */
public final class SubmitApplication {

    /**
     * The honeypot's field name on the wire: hidden from people by the page's CSS, so only a form-filling bot fills
     * it. Not the lead form's {@code website_url}: this form has a real website field, which autofill may fill.
     */
    public static final String HONEYPOT_FIELD = "contact_me_by_fax_only";

    private static final int MAX_CHANNELS = Channel.values().length;
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /**
     * The form as submitted. {@code ip} and {@code userAgent} are the request's: evidence of the terms' acceptance.
     *
     * @param acceptTerms the "I accept" box; {@code termsVersion} the version the page showed
     */
    public record Command(String name, String email, String company, String website, String country,
                          List<String> channels, String audience, String reference, String termsVersion,
                          boolean acceptTerms, String honeypot, String ip, String userAgent) {
        public Command {
            Rules rules = Rules.check();
            String typed = email;
            EmailAddress parsed = rules.value("email", () -> new EmailAddress(typed));
            email = parsed == null ? email : parsed.value();
            List<String> wire = channels == null ? List.of() : channels.stream().limit(MAX_CHANNELS + 1L)
                    .map(Rules::text).filter(c -> c != null).map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList();
            if (wire.size() > MAX_CHANNELS) {
                rules.require(false, "channels", "at most " + MAX_CHANNELS);
                wire = List.of(Channel.OTHER.wireName());
            }
            for (String channel : wire) {
                if (rules.value("channels", () -> Channel.fromWire(channel)) == null) {
                    break; // one violation names the rule
                }
            }
            channels = wire;
            name = Rules.text(name);
            company = Rules.text(company);
            website = Rules.text(website);
            country = Rules.text(country) == null ? null : country.strip().toUpperCase(Locale.ROOT);
            audience = Rules.text(audience);
            reference = Rules.text(reference);
            termsVersion = Rules.text(termsVersion);
            rules
                    .require(name != null, "name", "is required")
                    .maxLength(name, 200, "name")
                    .require(oneLine(name), "name", "must be one line of text")
                    .maxLength(company, 200, "company")
                    .require(oneLine(company), "company", "must be one line of text")
                    .require(website == null || isWebsite(website), "website",
                            "must be an http or https address (https://...) of at most 300 characters")
                    .require(country != null, "country", "is required")
                    .require(country == null || COUNTRIES.contains(country), "country",
                            "must be a two-letter ISO 3166 country code (GB, DE, US...)")
                    .require(!channels.isEmpty(), "channels", "choose at least one")
                    .require(audience != null, "audience", "is required: who will you tell about us?")
                    .maxLength(audience, 2_000, "audience")
                    .maxLength(reference, 200, "reference")
                    .require(oneLine(reference), "reference", "must be one line of text")
                    .orThrow();
        }

        public EmailAddress emailAddress() {
            return new EmailAddress(email);
        }

        public List<Channel> channelList() {
            return channels.stream().map(Channel::fromWire).toList();
        }

        private static boolean oneLine(String value) {
            return value == null || !CONTROL.matcher(value).find();
        }

        private static boolean isWebsite(String value) {
            if (value.length() > 300 || !oneLine(value)) {
                return false;
            }
            try {
                URI uri = URI.create(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                        && uri.getRawUserInfo() == null;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }

    /** What happened, for logs only: the caller's answer is the same for each. */
    public enum Outcome {
        NEW, UPDATED, DECIDED_BEFORE, ALREADY_A_PARTNER, HONEYPOT, APPROVED_AUTOMATICALLY
    }

    public record Result(Outcome outcome, ApplicationId id) {
    }

    private final ApplicationBook book;
    private final PartnerEmails partnerEmails;
    private final TermsBook terms;
    private final OnboardingMail mail;
    private final ReviewApplication review;
    private final IdGenerator ids;
    private final Clock clock;

    public SubmitApplication(ApplicationBook book, PartnerEmails partnerEmails, TermsBook terms, OnboardingMail mail,
                             ReviewApplication review, IdGenerator ids, Clock clock) {
        this.book = book;
        this.partnerEmails = partnerEmails;
        this.terms = terms;
        this.mail = mail;
        this.review = review;
        this.ids = ids;
        this.clock = clock;
    }

    /** The terms the form shows and the applicant accepts; empty when the program published none. */
    public java.util.Optional<Terms> currentTerms() {
        return terms.current();
    }

    /**
     * What is wrong with the terms' part of a form (an old version, the box not ticked), so that a form refused for
     * other fields names these too.
     */
    public List<Invalid.Violation> termsViolations(String termsVersion, boolean acceptTerms) {
        return termsViolations(terms.current().orElse(null), Rules.text(termsVersion), acceptTerms);
    }

    private static List<Invalid.Violation> termsViolations(Terms current, String termsVersion, boolean accepted) {
        List<Invalid.Violation> violations = new ArrayList<>();
        if (current == null) {
            return violations;
        }
        if (!current.version().equals(termsVersion)) {
            violations.add(new Invalid.Violation("termsVersion", "the terms changed while the form was open:"
                    + " read the current version (" + current.version() + ") and accept it"));
        }
        if (!accepted) {
            violations.add(new Invalid.Violation("acceptTerms", "must be checked: the program's terms apply"
                    + " to every partner"));
        }
        return violations;
    }

    /** @throws Invalid naming each field that breaks a rule (the terms not accepted, or not the current version) */
    public Result submit(Command command) {
        if (command.honeypot() != null && !command.honeypot().isEmpty()) {
            return new Result(Outcome.HONEYPOT, null); // a bot: answered like anyone, nothing stored
        }
        Terms current = terms.current().orElse(null);
        List<Invalid.Violation> violations = termsViolations(current, command.termsVersion(), command.acceptTerms());
        if (!violations.isEmpty()) {
            throw new Invalid(violations);
        }
        if (partnerEmails.partnerOf(command.emailAddress()).isPresent()) {
            return new Result(Outcome.ALREADY_A_PARTNER, null); // answered like a new application: no second partner
        }
        Instant now = clock.instant();
        Application application = new Application(new ApplicationId(ids.newId()), command.name(),
                command.emailAddress(), command.company(), command.website(), command.country(), command.channelList(), command.audience(),
                command.reference(), current == null ? null : current.version(), command.ip(), command.userAgent(),
                ApplicationStatus.PENDING, null, null, now, now, null);
        return switch (book.submit(application)) {
            case ApplicationBook.Submitted.Created created -> {
                mail.received(created.application().id());
                yield approveIfAutomatic(created.application(), Outcome.NEW);
            }
            case ApplicationBook.Submitted.Updated updated -> approveIfAutomatic(updated.application(),
                    Outcome.UPDATED);
            case ApplicationBook.Submitted.Decided decided -> new Result(Outcome.DECIDED_BEFORE,
                    decided.existing().id());
        };
    }

    private Result approveIfAutomatic(Application application, Outcome outcome) {
        if (book.settings().autoApprove()
                && review.approve(application.id()) instanceof ReviewApplication.Approval.Approved) {
            return new Result(Outcome.APPROVED_AUTOMATICALLY, application.id());
        }
        return new Result(outcome, application.id());
    }
}
