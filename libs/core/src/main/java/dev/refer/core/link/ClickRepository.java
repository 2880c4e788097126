package dev.refer.core.link;

import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;

import java.util.Optional;

/** Clicks: written once on the redirect path (a single put), read by id when a lead or sale carries a {@code rid}. */
public interface ClickRepository extends ClickRecorder {

    @Override
    void record(Click click);

    Optional<Click> find(ClickId id);
}
