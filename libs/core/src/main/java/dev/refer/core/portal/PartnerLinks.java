package dev.refer.core.portal;

import dev.refer.core.link.CreateLink;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.util.Optional;

/**
 * A signed-in partner's own links: create one for a channel or campaign (the program's destination rules, a generated
 * code, at most the program's {@code maxLinksPerPartner} links a partner) and disable one of theirs. A link of
 * someone else is not found.
 */
public final class PartnerLinks {

    public sealed interface Created {
        record Done(Link link) implements Created {
        }

        record LimitReached(int limit) implements Created {
        }

        record ProgramNotConfigured() implements Created {
        }

        record PartnerNotFound() implements Created {
        }
    }

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final CreateLink createLink;
    private final LinkRepository links;
    private final LinkCount count;

    public PartnerLinks(ProgramId programId, ProgramRepository programs, CreateLink createLink, LinkRepository links,
                        LinkCount count) {
        this.programId = programId;
        this.programs = programs;
        this.createLink = createLink;
        this.links = links;
        this.count = count;
    }

    /** The links a partner may have: the program's setting (its default before the program is configured). */
    public int limit() {
        return programs.find(programId).map(Program::maxLinksPerPartner).orElse(Program.DEFAULT_MAX_LINKS_PER_PARTNER);
    }

    /**
     * A new link with a generated code. The limit is checked by counting before writing: two creations at the same
     * instant may end one link over it, which is harmless (it only bounds what a partner can create by hand).
     */
    public Created create(PartnerId partnerId, String destination, String campaign) {
        CreateLink.Command command = new CreateLink.Command(partnerId, null, destination, campaign);
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new Created.ProgramNotConfigured();
        }
        int limit = program.maxLinksPerPartner();
        if (count.countUpTo(partnerId, limit) >= limit) {
            return new Created.LimitReached(limit);
        }
        return switch (createLink.create(command)) {
            case CreateLink.Result.Created created -> new Created.Done(created.link());
            case CreateLink.Result.ProgramNotConfigured ignored -> new Created.ProgramNotConfigured();
            case CreateLink.Result.PartnerNotFound ignored -> new Created.PartnerNotFound();
            case CreateLink.Result.CodeTaken taken ->
                    throw new IllegalStateException("a generated code was reported taken: " + taken.code());
        };
    }

    /** The partner's own link by code; empty for a link of another partner, as for one that does not exist. */
    public Optional<Link> own(PartnerId partnerId, LinkCode code) {
        return links.find(code).filter(link -> link.partnerId().equals(partnerId));
    }

    /** Disables the partner's own link (again: no change); empty when it is not theirs. */
    public Optional<Link> disable(PartnerId partnerId, LinkCode code) {
        return own(partnerId, code).flatMap(link -> link.enabled() ? links.setEnabled(code, false)
                : Optional.of(link));
    }
}
