package dev.refer.core.portal;

import dev.refer.core.link.CreateLink;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.partner.PartnerId;

import java.util.Optional;

/**
 * A signed-in partner's own links: create one for a channel or campaign (the program's destination rules, a generated
 * code, at most {@code limit} links a partner) and disable one of theirs. A link of someone else is not found.
 */
public final class PartnerLinks {

    /** The default of the per-partner link limit: plenty of channels, not a link farm. */
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

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

    private final CreateLink createLink;
    private final LinkRepository links;
    private final LinkCount count;
    private final int limit;

    /** @param limit links a partner may have (1 to {@value #MAX_LIMIT}; the dashboard lists up to that many) */
    public PartnerLinks(CreateLink createLink, LinkRepository links, LinkCount count, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("the link limit must be between 1 and " + MAX_LIMIT);
        }
        this.createLink = createLink;
        this.links = links;
        this.count = count;
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    /**
     * A new link with a generated code. The limit is checked by counting before writing: two creations at the same
     * instant may end one link over it, which is harmless (it only bounds what a partner can create by hand).
     */
    public Created create(PartnerId partnerId, String destination, String campaign) {
        CreateLink.Command command = new CreateLink.Command(partnerId, null, destination, campaign);
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
