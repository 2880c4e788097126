package dev.refer.core.fakes;

import dev.refer.core.commission.Commission;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.Customer;
import dev.refer.core.conversion.Order;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.ports.ClickRepository;
import dev.refer.core.ports.LeadRepository;
import dev.refer.core.ports.LedgerRepository;
import dev.refer.core.ports.LinkRepository;
import dev.refer.core.ports.PartnerRepository;
import dev.refer.core.ports.ProgramRepository;
import dev.refer.core.ports.StatsRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.stats.PartnerStats;
import dev.refer.core.stats.StatsDelta;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * In-memory fakes of every port, for fast unit tests of the core only (integration tests use DynamoDB Local).
 * Each atomic port operation is synchronized, mirroring the store's all-or-nothing writes.
 */
public final class InMemoryStore implements ProgramRepository, PartnerRepository, LinkRepository, ClickRepository,
        LeadRepository, LedgerRepository, StatsRepository {

    public final Map<ProgramId, Program> programs = new HashMap<>();
    public final Map<PartnerId, Partner> partners = new LinkedHashMap<>();
    public final Map<LinkCode, Link> links = new LinkedHashMap<>();
    public final Map<ClickId, Click> clicks = new LinkedHashMap<>();
    public final Map<LeadId, Lead> leads = new LinkedHashMap<>();
    public final Map<String, Conversion> conversionsByEvent = new LinkedHashMap<>();
    public final Map<String, Customer> customers = new HashMap<>();
    public final Map<String, Order> orders = new HashMap<>();
    public final List<Commission> commissions = new ArrayList<>();
    public final Map<String, Map<String, Long>> counters = new HashMap<>();
    public final Set<String> countedChunks = new HashSet<>();
    /** The n-th {@code applyClicks} call (1-based) throws, as a throttled or failed write would; 0 never. */
    public int failClickWriteAt;
    private int clickWrites;

    // programs
    @Override
    public synchronized Optional<Program> find(ProgramId id) {
        return Optional.ofNullable(programs.get(id));
    }

    @Override
    public synchronized void save(Program program) {
        programs.put(program.id(), program);
    }

    // partners
    @Override
    public synchronized boolean create(Partner partner) {
        if (partners.values().stream().anyMatch(p -> p.email().equals(partner.email()))) {
            return false;
        }
        partners.put(partner.id(), partner);
        return true;
    }

    @Override
    public synchronized Optional<Partner> find(PartnerId id) {
        return Optional.ofNullable(partners.get(id));
    }

    @Override
    public synchronized Page<Partner> list(PageRequest page) {
        return page(new ArrayList<>(partners.values()), p -> p.id().value(), page);
    }

    @Override
    public synchronized Optional<Partner> updateStatus(PartnerId id, PartnerStatus status) {
        return Optional.ofNullable(partners.computeIfPresent(id, (k, p) -> p.withStatus(status)));
    }

    // links
    @Override
    public synchronized boolean create(Link link) {
        return links.putIfAbsent(link.code(), link) == null;
    }

    @Override
    public synchronized Optional<Link> find(LinkCode code) {
        return Optional.ofNullable(links.get(code));
    }

    @Override
    public synchronized Page<Link> linksOf(PartnerId partnerId, PageRequest page) {
        return page(links.values().stream().filter(l -> l.partnerId().equals(partnerId)).toList(),
                l -> l.createdAt() + "#" + l.code(), page);
    }

    @Override
    public synchronized Optional<Link> setEnabled(LinkCode code, boolean enabled) {
        return Optional.ofNullable(links.computeIfPresent(code, (k, l) -> l.withEnabled(enabled)));
    }

    @Override
    public synchronized void setPartnerActive(PartnerId partnerId, boolean active) {
        links.replaceAll((code, l) -> l.partnerId().equals(partnerId)
                ? new Link(l.code(), l.partnerId(), l.destination(), l.campaign(), l.enabled(), active, l.createdAt())
                : l);
    }

    // clicks
    @Override
    public synchronized void record(Click click) {
        clicks.put(click.id(), click);
    }

    @Override
    public synchronized Optional<Click> find(ClickId id) {
        return Optional.ofNullable(clicks.get(id));
    }

    // leads
    @Override
    public synchronized Creation create(Lead lead, StatsDelta stats) {
        Optional<Lead> existing = findByEmail(lead.email());
        if (existing.isPresent()) {
            return new Creation.Duplicate(existing.get().id());
        }
        leads.put(lead.id(), lead);
        apply(stats);
        return new Creation.Created(lead.id());
    }

    @Override
    public synchronized Optional<Lead> find(LeadId id) {
        return Optional.ofNullable(leads.get(id));
    }

    @Override
    public synchronized Optional<Lead> findByEmail(EmailAddress email) {
        return leads.values().stream().filter(l -> l.email().equals(email)).findFirst();
    }

    @Override
    public synchronized Page<Lead> leadsOf(PartnerId partnerId, PageRequest page) {
        return page(leads.values().stream()
                .filter(l -> l.attributed().map(a -> a.partnerId().equals(partnerId)).orElse(false)).toList(),
                l -> l.id().value(), page);
    }

    @Override
    public synchronized boolean review(Lead reviewed, LeadStatus expected, Commission reward, StatsDelta stats) {
        if (leads.get(reviewed.id()).status() != expected) {
            return false;
        }
        leads.put(reviewed.id(), reviewed);
        if (reward != null) {
            commissions.add(reward);
        }
        apply(stats);
        return true;
    }

    // ledger
    @Override
    public synchronized Outcome record(ConversionRecord record) {
        Conversion conversion = record.conversion();
        if (conversionsByEvent.containsKey(conversion.eventId())) {
            return Outcome.DUPLICATE_EVENT;
        }
        if (record.newCustomer() != null && customers.containsKey(record.newCustomer().externalId())) {
            return Outcome.CONFLICT;
        }
        if (record.leadConversion() != null
                && leads.get(record.leadConversion().leadId()).status() != record.leadConversion().expected()) {
            return Outcome.CONFLICT;
        }
        if (record.newOrder() != null && orders.containsKey(record.newOrder().orderId())) {
            return Outcome.ORDER_EXISTS;
        }
        OrderRefund refund = record.orderRefund();
        if (refund != null) {
            Order order = orders.get(refund.orderId());
            if (!order.refunded().equals(refund.refundedBefore())
                    || !Objects.equals(order.reversed(), refund.reversedBefore())) {
                return Outcome.CONFLICT;
            }
            orders.put(order.orderId(), new Order(order.orderId(), order.partnerId(), order.amount(),
                    order.commissionId(), order.commission(), order.commissionPayableOn(), refund.refundedAfter(),
                    refund.reversedAfter()));
        }
        conversionsByEvent.put(conversion.eventId(), conversion);
        if (record.newCustomer() != null) {
            customers.put(record.newCustomer().externalId(), record.newCustomer());
        }
        if (record.leadConversion() != null) {
            Lead lead = leads.get(record.leadConversion().leadId());
            leads.put(lead.id(), lead.withStatus(LeadStatus.CONVERTED, null, conversion.recordedAt()));
        }
        if (record.newOrder() != null) {
            orders.put(record.newOrder().orderId(), record.newOrder());
        }
        if (record.commission() != null) {
            commissions.add(record.commission());
        }
        apply(record.stats());
        return Outcome.RECORDED;
    }

    @Override
    public synchronized Optional<Conversion> findByEvent(String eventId) {
        return Optional.ofNullable(conversionsByEvent.get(eventId));
    }

    @Override
    public synchronized Optional<Customer> findCustomer(String externalId) {
        return Optional.ofNullable(customers.get(externalId));
    }

    @Override
    public synchronized Optional<Order> findOrder(String orderId) {
        return Optional.ofNullable(orders.get(orderId));
    }

    @Override
    public synchronized Page<Conversion> conversionsOf(PartnerId partnerId, PageRequest page) {
        return page(conversionsByEvent.values().stream()
                .filter(c -> c.attributed().map(a -> a.partnerId().equals(partnerId)).orElse(false)).toList(),
                c -> c.id().value(), page);
    }

    @Override
    public synchronized Page<Commission> commissionsOf(PartnerId partnerId, PageRequest page) {
        return page(commissions.stream().filter(c -> c.partnerId().equals(partnerId)).toList(),
                c -> c.id().value(), page);
    }

    // stats
    @Override
    public synchronized PartnerStats partnerStats(PartnerId partnerId, YearMonth month) {
        return new PartnerStats(partnerId, counters.getOrDefault(partnerId + "#ALL", Map.of()),
                month == null ? Map.of() : counters.getOrDefault(partnerId + "#" + month, Map.of()));
    }

    @Override
    public synchronized boolean applyClicks(String chunkKey, List<ClickIncrement> increments) {
        if (++clickWrites == failClickWriteAt) {
            throw new IllegalStateException("simulated write failure");
        }
        if (!countedChunks.add(chunkKey)) {
            return false;
        }
        for (ClickIncrement increment : increments) {
            add(increment.partnerId() + "#ALL", "clicks", increment.clicks());
            add(increment.partnerId() + "#" + increment.month(), "clicks", increment.clicks());
            add("LINK#" + increment.linkCode() + "#ALL", "clicks", increment.clicks());
        }
        return true;
    }

    private void apply(StatsDelta stats) {
        if (stats == null) {
            return;
        }
        stats.events().forEach((name, delta) -> {
            add(stats.partnerId() + "#ALL", name, delta);
            add(stats.partnerId() + "#" + stats.month(), name, delta);
        });
        stats.statuses().forEach((name, delta) -> add(stats.partnerId() + "#ALL", name, delta));
    }

    private void add(String item, String counter, long delta) {
        counters.computeIfAbsent(item, k -> new HashMap<>()).merge(counter, delta, Long::sum);
    }

    /** Newest first by sort key; the cursor is the last sort key returned. */
    private static <T> Page<T> page(List<T> all, Function<T, String> sortKey, PageRequest request) {
        List<T> sorted = all.stream().sorted(Comparator.comparing(sortKey).reversed())
                .filter(t -> request.cursor() == null || sortKey.apply(t).compareTo(request.cursor()) < 0)
                .toList();
        List<T> items = sorted.subList(0, Math.min(request.limit(), sorted.size()));
        String next = sorted.size() > request.limit() ? sortKey.apply(items.get(items.size() - 1)) : null;
        return new Page<>(items, next);
    }
}
