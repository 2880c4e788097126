package dev.refer.core.fakes;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.Customer;
import dev.refer.core.conversion.Evidence;
import dev.refer.core.conversion.Order;
import dev.refer.core.conversion.OrderBook;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadId;
import dev.refer.core.lead.LeadRepository;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.review.CommissionVoids;
import dev.refer.core.link.Click;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.ClickRepository;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.PartnerStats;
import dev.refer.core.stats.ProjectCounters;
import dev.refer.core.stats.StatsRepository;

import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * In-memory fakes of every port, for fast unit tests of the core only (integration tests use DynamoDB Local).
 * Each atomic port operation is synchronized, mirroring the store's all-or-nothing writes. Every stored change of a
 * lead, an order, a ledger entry or a click is appended to {@link #stream}, as the table's stream would deliver it;
 * {@link #projectStream()} feeds what is new to the counters' projection.
 */
public final class InMemoryStore implements ProgramRepository, PartnerRepository, LinkRepository, ClickRepository,
        LeadRepository, OrderBook, CommissionVoids, StatsRepository {

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
    /** The program's time zone (PayoutTimeZone): the months the counters count in. */
    public ZoneId zone = ZoneOffset.UTC;
    /** What the table's stream would carry, in order. */
    public final List<ProjectCounters.Change> stream = new ArrayList<>();
    private int projected;
    private long sequence;
    /** The n-th {@code apply} call (1-based) throws, as a throttled or failed write would; 0 never. */
    public int failApplyAt;
    private int applies;

    /** Feeds every stream record not projected yet to the counters' projection; returns its outcome. */
    public Applied projectStream() {
        List<ProjectCounters.Change> pending;
        synchronized (this) {
            pending = List.copyOf(stream.subList(projected, stream.size()));
        }
        Applied outcome = new ProjectCounters(this, zone).count("stream", pending);
        synchronized (this) {
            projected += outcome.firstFailedSequenceNumber() == null ? pending.size() : outcome.appliedRecords();
        }
        return outcome;
    }

    private String nextSequence() {
        return String.format("%020d", ++sequence);
    }
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
        stream.add(new ProjectCounters.ClickAdded(nextSequence(), click.partnerId(), click.code().value(),
                click.at()));
    }

    @Override
    public synchronized Optional<Click> find(ClickId id) {
        return Optional.ofNullable(clicks.get(id));
    }

    // leads
    @Override
    public synchronized Creation create(Lead lead) {
        Optional<Lead> existing = findByEmail(lead.email());
        if (existing.isPresent()) {
            return new Creation.Duplicate(existing.get().id());
        }
        putLead(lead);
        return new Creation.Created(lead.id());
    }

    private void putLead(Lead lead) {
        Lead before = leads.put(lead.id(), lead);
        stream.add(new ProjectCounters.LeadChanged(nextSequence(), before, lead));
    }

    private void putOrder(Order order) {
        Order before = orders.put(order.orderId(), order);
        stream.add(new ProjectCounters.OrderChanged(nextSequence(), before, order));
    }

    private void addEntry(Commission entry) {
        commissions.add(entry);
        stream.add(new ProjectCounters.CommissionChanged(nextSequence(), null, entry));
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
    public synchronized boolean review(Lead reviewed, LeadStatus expected, List<Commission> entries) {
        Lead stored = leads.get(reviewed.id());
        if (stored.status() != expected || !stored.history().equals(reviewed.history())) {
            return false;
        }
        for (Commission entry : entries) {
            if (entry.kind() == dev.refer.core.ledger.CommissionKind.REVERSAL
                    && find(entry.partnerId(), entry.reverses()).map(c -> c.voidedAt() != null).orElse(false)) {
                return false; // the entry it takes back was voided meanwhile
            }
        }
        putLead(reviewed);
        entries.forEach(this::addEntry);
        return true;
    }

    @Override
    public synchronized boolean takeOver(Lead current, Lead claimed) {
        Lead stored = leads.get(current.id());
        if (stored == null || stored.status() != LeadStatus.NEW || !stored.history().equals(current.history())) {
            return false;
        }
        putLead(claimed);
        return true;
    }

    // order book
    /** Where the evidence reads a company domain's registration (the flow's deal registry). */
    public dev.refer.core.deal.DealClaims deals = dev.refer.core.deal.DealClaims.NONE;

    @Override
    public synchronized Evidence evidence(Evidence.Query query) {
        Lead lead = query.email() == null ? null : findByEmail(query.email()).orElse(null);
        return new Evidence(query.eventId() != null && conversionsByEvent.containsKey(query.eventId()),
                query.orderId() == null ? null : orders.get(query.orderId()),
                query.customerExternalId() == null ? null : customers.get(query.customerExternalId()),
                lead == null ? null : new Evidence.LeadEvidence(lead.id(), lead.email(), lead.status(),
                        lead.attribution(), lead.attributedAt()),
                query.clickId() == null ? null : clicks.get(query.clickId()),
                query.dealDomain() == null ? null : deals.claimOn(query.dealDomain()).orElse(null));
    }

    @Override
    public synchronized OrderBook.Outcome record(ConversionWrite write) {
        Conversion conversion = write.conversion();
        if (conversionsByEvent.containsKey(conversion.eventId())) {
            return OrderBook.Outcome.DUPLICATE_EVENT;
        }
        if (write.customer() != null) {
            Customer stored = customers.get(write.customer().externalId());
            if (write.expectedCustomerVersion() == 0 ? stored != null
                    : stored == null || stored.version() != write.expectedCustomerVersion()) {
                return OrderBook.Outcome.CONFLICT;
            }
        }
        if (write.leadConversion() != null) {
            Lead lead = leads.get(write.leadConversion().leadId());
            PartnerId holder = lead.attribution() == null ? null : lead.attribution().partnerId();
            if (lead.status() != write.leadConversion().expected()
                    || !java.util.Objects.equals(holder, write.leadConversion().partnerId())) {
                return OrderBook.Outcome.CONFLICT;
            }
        }
        Order stored = orders.get(write.order().orderId());
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != write.expectedOrderVersion()) {
            return OrderBook.Outcome.CONFLICT;
        }
        for (OrderBook.Rebound rebound : write.rebound()) {
            Order before = orders.get(rebound.order().orderId());
            if (before == null || before.version() != rebound.expectedOrderVersion()
                    || !conversionsByEvent.containsKey(rebound.conversion().eventId())) {
                return OrderBook.Outcome.CONFLICT;
            }
        }
        conversionsByEvent.put(conversion.eventId(), conversion);
        putOrder(write.order());
        if (write.customer() != null) {
            customers.put(write.customer().externalId(), write.customer());
        }
        if (write.leadConversion() != null) {
            Lead lead = leads.get(write.leadConversion().leadId());
            putLead(lead.withStatus(LeadStatus.CONVERTED, null, lead.reward(), conversion.recordedAt()));
        }
        for (OrderBook.Rebound rebound : write.rebound()) {
            putOrder(rebound.order());
            conversionsByEvent.put(rebound.conversion().eventId(), rebound.conversion());
        }
        write.entries().forEach(this::addEntry);
        return OrderBook.Outcome.RECORDED;
    }

    @Override
    public synchronized OrderBook.RefundOutcome recordRefund(ConversionWrite write, OrderBook.EntryAsCopied datedBy) {
        if (conversionsByEvent.containsKey(write.conversion().eventId())) {
            return new OrderBook.RefundOutcome.Written(OrderBook.Outcome.DUPLICATE_EVENT);
        }
        Order stored = orders.get(write.order().orderId());
        if ((stored == null ? 0 : stored.version()) != write.expectedOrderVersion()) {
            return new OrderBook.RefundOutcome.Written(OrderBook.Outcome.CONFLICT);
        }
        Commission entry = commissions.stream()
                .filter(c -> c.id().equals(datedBy.commissionId()) && c.partnerId().equals(datedBy.partnerId()))
                .findFirst().orElse(null);
        if (entry == null || entry.paid() || !entry.dueAt().equals(datedBy.dueAt())) {
            return new OrderBook.RefundOutcome.EntryMoved(entry);
        }
        return new OrderBook.RefundOutcome.Written(record(write));
    }

    @Override
    public synchronized List<OrderBook.PastSale> pastSales(List<Customer.Purchase> purchases) {
        return purchases.stream().map(p -> new OrderBook.PastSale(orders.get(p.orderId()),
                conversionsByEvent.get(p.eventId()))).toList();
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

    @Override
    public synchronized Optional<Commission> find(PartnerId partnerId, dev.refer.core.ledger.CommissionId id) {
        return commissions.stream().filter(c -> c.id().equals(id) && c.partnerId().equals(partnerId)).findFirst();
    }

    /** Replaces a stored entry (same id), as a conditional update would; the stream sees the change. */
    public synchronized void replaceEntry(Commission after) {
        for (int i = 0; i < commissions.size(); i++) {
            if (commissions.get(i).id().equals(after.id())) {
                Commission before = commissions.set(i, after);
                stream.add(new ProjectCounters.CommissionChanged(nextSequence(), before, after));
                return;
            }
        }
        throw new IllegalStateException("no entry " + after.id());
    }

    @Override
    public synchronized boolean approveEarly(Commission approved) {
        Commission stored = find(approved.partnerId(), approved.id()).orElse(null);
        if (stored == null || stored.status() != dev.refer.core.ledger.CommissionStatus.PENDING
                || stored.voidedAt() != null) {
            return false;
        }
        replaceEntry(approved);
        return true;
    }

    @Override
    public synchronized boolean voidEntry(VoidWrite write) {
        Commission stored = find(write.voided().partnerId(), write.voided().id()).orElse(null);
        if (stored == null || stored.voidedAt() != null) {
            return false;
        }
        if (write.orderBefore() != null
                && orders.get(write.orderBefore().orderId()).version() != write.orderBefore().version()) {
            return false;
        }
        if (write.leadBefore() != null && !leads.get(write.leadBefore().id()).equals(write.leadBefore())) {
            return false;
        }
        replaceEntry(stored.voided(write.voided().voidedAt()));
        if (write.orderAfter() != null) {
            putOrder(write.orderAfter());
        }
        if (write.leadAfter() != null) {
            putLead(write.leadAfter());
        }
        if (write.voidEntry() != null) {
            addEntry(write.voidEntry());
        }
        return true;
    }

    // stats
    @Override
    public synchronized java.util.Map<String, Long> linkClicks(PartnerId partnerId, YearMonth month) {
        return java.util.Map.of(); // clicks per link are rolled up by DynamoDB's adapter only
    }

    @Override
    public synchronized PartnerStats partnerStats(PartnerId partnerId, YearMonth since, YearMonth month) {
        return new PartnerStats(partnerId, counters.getOrDefault(partnerId + "#ALL", Map.of()),
                month == null ? Map.of() : counters.getOrDefault(partnerId + "#" + month, Map.of()));
    }

    /** Applies the whole list as one chunk, keyed by its first sequence number. */
    @Override
    public synchronized Applied apply(String streamKey, List<Projected> records) {
        if (records.isEmpty()) {
            return new Applied(0, 0, null);
        }
        if (++applies == failApplyAt) {
            return new Applied(0, 0, records.getFirst().sequenceNumber());
        }
        if (!countedChunks.add(streamKey + "#" + records.getFirst().sequenceNumber())) {
            return new Applied(0, 1, null);
        }
        for (Projected record : records) {
            record.deltas().forEach(delta -> {
                delta.events().forEach((name, value) -> {
                    add(delta.partnerId() + "#ALL", name, value);
                    add(delta.partnerId() + "#" + delta.month(), name, value);
                });
                delta.statuses().forEach((name, value) -> add(delta.partnerId() + "#ALL", name, value));
            });
            if (record.click() != null) {
                add(record.click().partnerId() + "#ALL", Counters.CLICKS, 1);
                add(record.click().partnerId() + "#" + record.click().month(), Counters.CLICKS, 1);
                add("LINK#" + record.click().linkCode() + "#" + record.click().month(), Counters.CLICKS, 1);
            }
        }
        return new Applied(records.size(), 0, null);
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
