package dev.refer.core.attribution;

import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.ports.ClickRepository;
import dev.refer.core.ports.LinkLookup;
import dev.refer.core.ids.Ulid;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Attribution by the evidence a visitor carries: the click id ({@code rid}) first, the link code ({@code ref})
 * second, each only within the program's attribution window and only for an active partner. A click id that is
 * unknown, expired or malformed falls through to the code; neither means organic.
 */
public final class Attributor {

    private final ClickRepository clicks;
    private final LinkLookup links;

    public Attributor(ClickRepository clicks, LinkLookup links) {
        this.clicks = clicks;
        this.links = links;
    }

    public Optional<Attribution> attribute(String rid, String ref, Instant at, Duration window) {
        Optional<Attribution> byClick = byClick(rid, at, window);
        return byClick.isPresent() ? byClick : byCode(ref);
    }

    private Optional<Attribution> byClick(String rid, Instant at, Duration window) {
        if (!Ulid.isValid(rid)) {
            return Optional.empty();
        }
        Click click = clicks.find(new ClickId(rid)).orElse(null);
        if (click == null || click.at().isAfter(at) || click.at().plus(window).isBefore(at)) {
            return Optional.empty();
        }
        Link link = links.find(click.code()).orElse(null);
        if (link == null || !link.partnerActive() || !link.partnerId().equals(click.partnerId())) {
            return Optional.empty();
        }
        return Optional.of(new Attribution(click.partnerId(), Attribution.Path.CLICK, click.code(), click.id(),
                click.campaign()));
    }

    private Optional<Attribution> byCode(String ref) {
        if (!LinkCode.isWellFormed(ref)) {
            return Optional.empty();
        }
        Link link;
        try {
            link = links.find(new LinkCode(ref)).orElse(null);
        } catch (dev.refer.core.validation.Invalid reserved) {
            return Optional.empty();
        }
        if (link == null || !link.redirects()) {
            return Optional.empty();
        }
        return Optional.of(new Attribution(link.partnerId(), Attribution.Path.CODE, link.code(), null,
                link.campaign()));
    }
}
