package dev.refer.core.link;

import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.DestinationPolicy;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.net.URI;
import java.time.Clock;

/** The program manager gives a partner a new short link, optionally with a chosen code and a campaign tag. */
public final class CreateLink {

    /** {@code code} null means "generate one". */
    public record Command(PartnerId partnerId, String code, String destination, String campaign) {
        public Command {
            Rules rules = Rules.check();
            code = Rules.text(code);
            String chosen = code;
            if (chosen != null) {
                rules.value("code", () -> LinkCode.chosen(chosen));
            }
            campaign = Rules.text(campaign);
            rules.maxLength(campaign, 64, "campaign");
            rules.require(campaign == null || campaign.matches("[A-Za-z0-9._-]+"), "campaign",
                    "may only contain letters, digits, '.', '_' and '-'");
            rules.require(destination != null && !destination.isBlank(), "destination", "is required");
            rules.orThrow();
        }
    }

    public sealed interface Result {
        record Created(Link link) implements Result {
        }

        record PartnerNotFound() implements Result {
        }

        record CodeTaken(String code) implements Result {
        }

        record ProgramNotConfigured() implements Result {
        }
    }

    private static final int GENERATED_CODE_LENGTH = 8;
    private static final int GENERATE_ATTEMPTS = 5;

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final LinkRepository links;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateLink(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                      LinkRepository links, IdGenerator ids, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.links = links;
        this.ids = ids;
        this.clock = clock;
    }

    public Result create(Command command) {
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new Result.ProgramNotConfigured();
        }
        URI destination = DestinationPolicy.validate(command.destination(), program.allowedDestinationHosts());
        Partner partner = partners.find(command.partnerId()).orElse(null);
        if (partner == null) {
            return new Result.PartnerNotFound();
        }
        if (command.code() != null) {
            Link link = newLink(LinkCode.chosen(command.code()), partner, destination, command.campaign());
            return links.create(link) ? new Result.Created(link) : new Result.CodeTaken(command.code());
        }
        for (int attempt = 0; attempt < GENERATE_ATTEMPTS; attempt++) {
            Link link = newLink(new LinkCode(ids.newCode(GENERATED_CODE_LENGTH)), partner, destination,
                    command.campaign());
            if (links.create(link)) {
                return new Result.Created(link);
            }
        }
        throw new IllegalStateException("could not find a free link code in " + GENERATE_ATTEMPTS + " attempts");
    }

    private Link newLink(LinkCode code, Partner partner, URI destination, String campaign) {
        return new Link(code, partner.id(), destination, campaign, true, partner.isActive(), clock.instant());
    }
}
