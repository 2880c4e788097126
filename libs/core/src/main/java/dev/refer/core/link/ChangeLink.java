package dev.refer.core.link;

import dev.refer.core.link.LinkRepository;

import java.util.Optional;

/** The program manager disables a link (shared somewhere it should not be) or enables it again. */
public final class ChangeLink {

    private final LinkRepository links;

    public ChangeLink(LinkRepository links) {
        this.links = links;
    }

    /** Empty when there is no such link. */
    public Optional<Link> setEnabled(LinkCode code, boolean enabled) {
        return links.setEnabled(code, enabled);
    }
}
