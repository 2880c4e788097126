package dev.refer.core.lead;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.ClickRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A visitor filled in the lead form on the company's site. The lead is stored once per email address and attributed
 * to the partner whose click id (within the attribution window) or link code it carries, through a link that still
 * redirects ({@link AttributionPolicy}); a second submission with the same email changes nothing, unless it carries
 * stronger evidence than the lead's claim: it then takes the lead over for its partner ({@link LeadClaims}), and the
 * lead keeps the earlier claims as its history. An organic lead
 * (no partner) expires after {@code organicRetention} unless someone reviews it: anyone can post the form, and
 * nobody should pay forever for a flood of unreviewed organic leads.
 */
public final class CaptureLead {

    /**
     * The form as submitted. {@code honeypot} is a field hidden from people: a bot that fills it is refused.
     * {@code origin} is the page's Origin header (absent for same-site posts of plain forms in old browsers).
     */
    /**
     * The honeypot's field name on the wire: a plausible name, so form-filling bots fill it, hidden from people by
     * the form's CSS.
     */
    public static final String HONEYPOT_FIELD = "website_url";

    public record Command(EmailAddress email, String name, String company, String phone, String message,
                          String rid, String ref, String honeypot, String origin, URI thankYouUrl) {
        public Command {
            name = Rules.text(name);
            company = Rules.text(company);
            phone = Rules.text(phone);
            message = Rules.text(message);
            rid = Rules.text(rid);
            ref = Rules.text(ref);
            Rules.check()
                    .maxLength(name, 200, "name")
                    .maxLength(company, 200, "company")
                    .maxLength(phone, 40, "phone")
                    .require(phone == null || phone.matches("[0-9+().\\- /]{3,40}"), "phone",
                            "may only contain digits, spaces and + ( ) . - /")
                    .maxLength(message, 5000, "message")
                    .maxLength(rid, 64, "rid")
                    .maxLength(ref, 64, "ref")
                    .require(honeypot == null || honeypot.isEmpty(), HONEYPOT_FIELD, "must be empty")
                    .orThrow();
        }
    }

    public sealed interface Result {
        /**
         * Stored now, or found already stored for that email ({@code duplicate}); {@code takenOver} when this
         * submission's stronger evidence took the stored lead over.
         */
        record Accepted(LeadId leadId, boolean duplicate, boolean takenOver, boolean attributed, URI thankYouUrl)
                implements Result {
        }

        record OriginNotAllowed() implements Result {
        }

        record ThankYouUrlNotAllowed() implements Result {
        }

        record ProgramNotConfigured() implements Result {
        }
    }

    /** How often a takeover re-reads the lead when another submission or a review changed it first. */
    private static final int ATTEMPTS = 3;

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final ClickRepository clicks;
    private final AttributionPolicy attribution;
    private final LeadRepository leads;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration organicRetention;

    /** @param organicRetention how long an unreviewed organic lead is kept; zero keeps it for good */
    public CaptureLead(ProgramId programId, ProgramRepository programs, ClickRepository clicks,
                       AttributionPolicy attribution, LeadRepository leads, IdGenerator ids, Clock clock,
                       Duration organicRetention) {
        this.programId = programId;
        this.programs = programs;
        this.clicks = clicks;
        this.attribution = attribution;
        this.leads = leads;
        this.ids = ids;
        this.clock = clock;
        this.organicRetention = organicRetention;
    }

    public Result capture(Command command) {
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new Result.ProgramNotConfigured();
        }
        if (command.origin() != null && !program.allowsOrigin(command.origin())) {
            return new Result.OriginNotAllowed();
        }
        if (command.thankYouUrl() != null && !program.allowsThankYouUrl(command.thankYouUrl())) {
            return new Result.ThankYouUrlNotAllowed();
        }
        Instant now = clock.instant();
        Click click = Ulid.isValid(command.rid()) ? clicks.find(new ClickId(command.rid())).orElse(null) : null;
        Attribution credit = attribution.forLead(click, command.ref(), command.email(), now,
                        program.attributionWindow())
                .orElse(null);
        Instant expiresAt = credit == null && !organicRetention.isZero() ? now.plus(organicRetention) : null;
        Lead lead = new Lead(new LeadId(ids.newId()), command.email(), command.name(), command.company(),
                command.phone(), command.message(), LeadStatus.NEW, credit, null, now, now, null, expiresAt);
        return switch (leads.create(lead)) {
            case LeadRepository.Creation.Created created ->
                    new Result.Accepted(created.id(), false, false, credit != null, command.thankYouUrl());
            case LeadRepository.Creation.Duplicate duplicate -> new Result.Accepted(duplicate.existing(), true,
                    credit != null && takeOver(duplicate.existing(), credit, now, program),
                    credit != null, command.thankYouUrl());
        };
    }

    /**
     * The stored lead given over to {@code credit} when that is stronger evidence than its claim: a compare-and-set
     * on the claim read, re-read when another submission or a review got there first.
     */
    private boolean takeOver(LeadId leadId, Attribution credit, Instant now, Program program) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Lead current = leads.find(leadId).orElse(null);
            if (current == null || !LeadClaims.displaces(current, credit, now, program.attributionWindow())) {
                return false;
            }
            if (leads.takeOver(current, current.claimedBy(credit, now))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the lead form may be posted from {@code origin} (CORS preflight). */
    public boolean allowsOrigin(String origin) {
        return programs.find(programId).map(p -> p.allowsOrigin(origin)).orElse(false);
    }
}
