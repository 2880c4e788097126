package dev.refer.core.fakes;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.terms.Acceptance;
import dev.refer.core.terms.Terms;
import dev.refer.core.terms.TermsBook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The terms in memory; counts its reads of acceptances, so a test can tell what a cache saved. */
public final class InMemoryTerms implements TermsBook {

    public final Map<String, Terms> versions = new LinkedHashMap<>();
    public final Map<String, Acceptance> acceptances = new LinkedHashMap<>();
    public Terms current;
    public int acceptanceReads;
    public int currentReads;

    @Override
    public boolean publish(Terms terms) {
        if (versions.putIfAbsent(terms.version(), terms) != null) {
            return false;
        }
        current = terms;
        return true;
    }

    @Override
    public Optional<Terms> current() {
        currentReads++;
        return Optional.ofNullable(current);
    }

    @Override
    public Optional<Terms> find(String version) {
        return Optional.ofNullable(versions.get(version));
    }

    @Override
    public Page<Terms> history(PageRequest page) {
        List<Terms> all = new ArrayList<>(versions.values());
        all.sort(Comparator.comparing(Terms::publishedAt).reversed());
        return new Page<>(all.subList(0, Math.min(page.limit(), all.size())), null);
    }

    @Override
    public boolean accept(Acceptance acceptance) {
        return acceptances.putIfAbsent(acceptance.partnerId().value() + "#" + acceptance.version(), acceptance) == null;
    }

    @Override
    public Optional<Acceptance> acceptance(PartnerId partnerId, String version) {
        acceptanceReads++;
        return Optional.ofNullable(acceptances.get(partnerId.value() + "#" + version));
    }

    @Override
    public Page<Acceptance> acceptances(PartnerId partnerId, PageRequest page) {
        List<Acceptance> mine = new ArrayList<>(acceptances.values().stream()
                .filter(a -> a.partnerId().equals(partnerId)).toList());
        mine.sort(Comparator.comparing(Acceptance::acceptedAt).reversed());
        return new Page<>(mine.subList(0, Math.min(page.limit(), mine.size())), null);
    }
}
