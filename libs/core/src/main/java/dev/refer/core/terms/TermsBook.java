package dev.refer.core.terms;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.PartnerId;

import java.util.Optional;

/** The program's terms: its published versions, the current one, and each partner's acceptances. */
public interface TermsBook {

    /**
     * Stores a new version and makes it the current one, in one write; false (and nothing changed) when the version
     * was published before.
     */
    boolean publish(Terms terms);

    /** The version partners accept now; empty before the first is published. A consistent read. */
    Optional<Terms> current();

    Optional<Terms> find(String version);

    /** Every version, newest first. */
    Page<Terms> history(PageRequest page);

    /** Stores the acceptance; false (the first one kept) when the partner accepted that version before. */
    boolean accept(Acceptance acceptance);

    /** The partner's acceptance of one version: one GetItem. */
    Optional<Acceptance> acceptance(PartnerId partnerId, String version);

    /** The partner's acceptances, newest first. */
    Page<Acceptance> acceptances(PartnerId partnerId, PageRequest page);
}
