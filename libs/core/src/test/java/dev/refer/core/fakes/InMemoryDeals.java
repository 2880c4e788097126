package dev.refer.core.fakes;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.deal.CompanyDomain;
import dev.refer.core.deal.Deal;
import dev.refer.core.deal.DealClaim;
import dev.refer.core.deal.DealId;
import dev.refer.core.deal.DealRegistry;
import dev.refer.core.deal.DealSettings;
import dev.refer.core.deal.DealStatus;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deal registrations in memory, with the adapter's semantics: the registration and its domain guard change together
 * under one lock (the conditional write), the guard is free when absent, rejected or expired; counts reads.
 */
public final class InMemoryDeals implements DealRegistry, DealSettings {

    public final Map<DealId, Deal> deals = new LinkedHashMap<>();
    public final Map<CompanyDomain, DealClaim> guards = new HashMap<>();
    /** Key reads of a domain's guard (what the attribution paths pay). */
    public int claimReads;
    private int days = DEFAULT_DAYS;

    @Override
    public synchronized Registration register(Deal deal, Instant now) {
        DealClaim held = guards.get(deal.domain());
        if (held != null && held.holdsAt(now)) {
            return new Registration.Held(held);
        }
        deals.put(deal.id(), deal);
        guards.put(deal.domain(), deal.claim());
        return new Registration.Registered(deal);
    }

    @Override
    public synchronized Optional<Deal> find(DealId id) {
        return Optional.ofNullable(deals.get(id));
    }

    @Override
    public synchronized Page<Deal> ofPartner(PartnerId partnerId, PageRequest page) {
        return new Page<>(deals.values().stream().filter(d -> d.partnerId().equals(partnerId))
                .sorted(Comparator.comparing((Deal d) -> d.id().value()).reversed()).limit(page.limit()).toList(),
                null);
    }

    @Override
    public synchronized Page<Deal> withStatus(DealStatus status, Instant now, PageRequest page) {
        List<Deal> matching = deals.values().stream().filter(d -> switch (status) {
            case PENDING -> d.status() == DealStatus.PENDING && d.statusAt(now) == DealStatus.PENDING;
            case EXPIRED -> d.status() == DealStatus.PENDING && d.statusAt(now) == DealStatus.EXPIRED;
            default -> d.status() == status;
        }).limit(page.limit()).toList();
        return new Page<>(matching, null);
    }

    @Override
    public synchronized Optional<Deal> approve(DealId id, Instant at, Instant newExpiry) {
        Deal deal = deals.get(id);
        if (deal == null || deal.statusAt(at) != DealStatus.PENDING
                || !guards.get(deal.domain()).dealId().equals(id)) {
            return Optional.empty();
        }
        Deal approved = deal.approved(at, newExpiry);
        deals.put(id, approved);
        guards.put(deal.domain(), approved.claim());
        return Optional.of(approved);
    }

    @Override
    public synchronized Optional<Deal> reject(DealId id, String reason, Instant at) {
        Deal deal = deals.get(id);
        if (deal == null || deal.status() == DealStatus.REJECTED) {
            return Optional.empty();
        }
        Deal rejected = deal.rejected(at, reason);
        deals.put(id, rejected);
        if (guards.get(deal.domain()).dealId().equals(id)) {
            guards.remove(deal.domain());
        }
        return Optional.of(rejected);
    }

    @Override
    public synchronized Optional<DealClaim> claimOn(CompanyDomain domain) {
        claimReads++;
        return Optional.ofNullable(guards.get(domain));
    }

    @Override
    public int registrationDays() {
        return days;
    }

    @Override
    public void setRegistrationDays(int days) {
        this.days = days;
    }
}
