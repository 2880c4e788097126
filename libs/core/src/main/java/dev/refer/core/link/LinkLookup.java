package dev.refer.core.link;

import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;

import java.util.Optional;

/** Reads a link by its code: all the redirect and attribution need. */
public interface LinkLookup {

    Optional<Link> find(LinkCode code);
}
