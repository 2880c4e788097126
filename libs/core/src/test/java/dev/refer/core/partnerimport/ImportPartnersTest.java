package dev.refer.core.partnerimport;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.fakes.Fixtures;
import dev.refer.core.fakes.InMemoryApplications;
import dev.refer.core.fakes.InMemoryStore;
import dev.refer.core.fakes.SequenceIds;
import dev.refer.core.fakes.TestClock;
import dev.refer.core.link.CreateLink;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.ChangePartnerStatus;
import dev.refer.core.partner.CreatePartner;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.partnerimport.ImportPartners.Outcome;
import dev.refer.core.partnerimport.ImportPartners.Result;
import dev.refer.core.partnerimport.ImportPartners.RowReport;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Reward;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.refer.core.partnerimport.ImportColumn.CODES;
import static dev.refer.core.partnerimport.ImportColumn.COMPANY;
import static dev.refer.core.partnerimport.ImportColumn.DESTINATION;
import static dev.refer.core.partnerimport.ImportColumn.EMAIL;
import static dev.refer.core.partnerimport.ImportColumn.NAME;
import static dev.refer.core.partnerimport.ImportColumn.PLAN;
import static dev.refer.core.partnerimport.ImportColumn.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The import's rules on in-memory ports: idempotence, updates, codes never moved, rejected rows storing nothing. */
class ImportPartnersTest {

    private static final List<ImportColumn> COLUMNS = List.of(NAME, EMAIL, STATUS, CODES, PLAN);

    private final InMemoryStore store = new InMemoryStore();
    private final InMemoryApplications applications = new InMemoryApplications(store);
    private final SequenceIds ids = new SequenceIds();
    private final TestClock clock = new TestClock(Fixtures.NOW);
    private final CreatePartner createPartner = new CreatePartner(store, ids, clock);
    private final CreateLink createLink = new CreateLink(Fixtures.PROGRAM, store, store, store, ids, clock);
    private final PartnerDetails details = (id, name, company, plan) -> Optional.ofNullable(store.partners
            .computeIfPresent(id, (k, p) -> new Partner(p.id(), name, p.email(), company, p.status(), plan,
                    p.createdAt())));
    private final ImportPartners importPartners = new ImportPartners(Fixtures.PROGRAM, store, applications, store,
            store, applications, details, createPartner, createLink, new ChangePartnerStatus(store, store),
            applications);

    ImportPartnersTest() {
        store.programs.put(Fixtures.PROGRAM, Fixtures.program());
    }

    private static ImportPartners.Row row(int line, String... cells) {
        return row(COLUMNS, line, cells);
    }

    private static ImportPartners.Row row(List<ImportColumn> columns, int line, String... cells) {
        Map<ImportColumn, String> map = new HashMap<>();
        for (int i = 0; i < cells.length && i < columns.size(); i++) {
            map.put(columns.get(i), cells[i]);
        }
        return new ImportPartners.Row(line, map, cells.length);
    }

    private List<RowReport> run(ImportPartners.Row... rows) {
        return run(COLUMNS, false, rows);
    }

    private List<RowReport> run(List<ImportColumn> columns, boolean invite, ImportPartners.Row... rows) {
        Result result = importPartners.importRows(new ImportPartners.Command(columns, List.of(rows), invite));
        return ((Result.Imported) result).rows();
    }

    private Partner partner(String email) {
        return store.partners.values().stream().filter(p -> p.email().value().equals(email)).findFirst().orElseThrow();
    }

    @Test
    void aNewPartnerIsMadeWithItsCodesKeptExactly_andImportingAgainChangesNothing() {
        ImportPartners.Row ada = row(2, "Ada Lovelace", "Ada@Partner.example", "active", "Ada-News|ada_2026", "");
        List<RowReport> first = run(ada);
        assertEquals(Outcome.CREATED, first.getFirst().outcome(), first.toString());
        assertEquals(List.of("Ada-News", "ada_2026"), first.getFirst().codesAdded());
        Partner stored = partner("ada@partner.example");
        assertEquals(PartnerStatus.ACTIVE, stored.status());
        assertNull(stored.planOverride());
        Link link = store.links.get(new LinkCode("Ada-News"));
        assertEquals(stored.id(), link.partnerId());
        assertTrue(link.redirects());
        assertEquals(URI.create("https://www.example.com/"), link.destination(), "the program's site by default");
        assertFalse(store.links.containsKey(new LinkCode("ada-news")), "codes are case-sensitive, kept as given");

        Map<PartnerId, Partner> partnersBefore = new HashMap<>(store.partners);
        Map<LinkCode, Link> linksBefore = new HashMap<>(store.links);
        List<RowReport> second = run(ada);
        assertEquals(Outcome.UNCHANGED, second.getFirst().outcome(), second.toString());
        assertEquals(stored.id(), second.getFirst().partnerId());
        assertEquals(partnersBefore, store.partners);
        assertEquals(linksBefore, store.links);
    }

    @Test
    void aRowThatDiffersUpdatesNameStatusAndPlan_andSaysSo_andAddsNewCodesOnly() {
        run(row(2, "Ada", "ada@partner.example", "", "ada-one", ""));
        PartnerId id = partner("ada@partner.example").id();

        List<RowReport> report = run(row(2, "Ada L.", "ada@partner.example", "SUSPENDED", "ada-one|ada-two",
                "saleRateBps=1500;leadRewardMinor=1000"));
        RowReport row = report.getFirst();
        assertEquals(Outcome.UPDATED, row.outcome());
        assertEquals(List.of("name", "plan", "status", "codes"), row.changed());
        assertEquals(List.of("ada-two"), row.codesAdded());
        Partner updated = store.partners.get(id);
        assertEquals("Ada L.", updated.name());
        assertEquals(PartnerStatus.SUSPENDED, updated.status());
        assertEquals(new CommissionPlan(new Reward.Percent(1500), null, Money.of(1000, "EUR")), updated.planOverride());
        assertFalse(store.links.get(new LinkCode("ada-one")).partnerActive(), "suspension reaches the old links");
        assertFalse(store.links.get(new LinkCode("ada-two")).partnerActive(), "and the new one");

        assertEquals(Outcome.UPDATED, run(row(2, "Ada L.", "ada@partner.example", "SUSPENDED", "ada-one|ada-two",
                "")).getFirst().outcome(), "a blank plan in a file with a plan column: the program's default");
        assertNull(store.partners.get(id).planOverride());
    }

    @Test
    void aColumnTheFileLeavesOutLeavesThatPartOfTheStoredPartnerAlone() {
        run(row(2, "Ada", "ada@partner.example", "PENDING", "", "saleFlatMinor=5000"));
        Partner before = partner("ada@partner.example");
        List<RowReport> report = run(List.of(EMAIL, NAME), false, row(List.of(EMAIL, NAME), 2,
                "ada@partner.example", "Ada"));
        assertEquals(Outcome.UNCHANGED, report.getFirst().outcome());
        assertEquals(before, partner("ada@partner.example"));
    }

    @Test
    void aCodeOwnedByAnotherPartnerRejectsTheRow_andNothingOfTheRowIsStored() {
        run(row(2, "Bob", "bob@partner.example", "", "bob-code", ""));
        int partners = store.partners.size();
        int links = store.links.size();

        RowReport row = run(row(2, "Ada", "ada@partner.example", "", "ada-code|bob-code", "")).getFirst();
        assertEquals(Outcome.REJECTED, row.outcome());
        assertEquals("codes", row.errors().getFirst().column());
        assertTrue(row.errors().getFirst().rule().startsWith("bob-code belongs to another partner"), row.toString());
        assertEquals(partners, store.partners.size(), "no partner");
        assertEquals(links, store.links.size(), "no link, not even the free code");
        assertEquals(partner("bob@partner.example").id(), store.links.get(new LinkCode("bob-code")).partnerId());
    }

    @Test
    void eachRowIsValidatedAlone_everyBrokenRuleNamed_andTheGoodRowsImported() {
        List<RowReport> report = run(
                row(2, "", "not-an-email", "retired", "ab|admin|ok-code|x y", "saleRateBps=20000"),
                row(3, "Grace", "grace@partner.example", "", "grace-1", ""),
                row(4, "Grace again", "GRACE@partner.example", "", "", ""),
                row(5, "Linus", "linus@partner.example", "", "grace-1", ""),
                row(6, "Too many", "many@partner.example"),
                row(7, "Line\nbreak", "lb@partner.example", "", "", "saleRateBps=1;saleFlatMinor=2"));
        RowReport bad = report.get(0);
        assertEquals(Outcome.REJECTED, bad.outcome());
        List<String> columns = bad.errors().stream().map(ImportPartners.RowError::column).toList();
        assertEquals(List.of("email", "name", "status", "plan", "codes", "codes", "codes"), columns, bad.toString());
        assertEquals(Outcome.CREATED, report.get(1).outcome());
        assertEquals("email", report.get(2).errors().getFirst().column());
        assertEquals("repeats the email of line 3", report.get(2).errors().getFirst().rule());
        assertEquals("grace-1 is listed for another partner on line 3", report.get(3).errors().getFirst().rule());
        assertEquals("row", report.get(4).errors().getFirst().column());
        assertEquals(List.of("name", "plan"), report.get(5).errors().stream().map(ImportPartners.RowError::column)
                .toList());
        assertEquals(1, store.partners.size(), "only Grace");
        assertEquals(1, store.links.size());
    }

    @Test
    void textThatLooksLikeAFormulaOrAScriptIsKeptAsText() {
        run(List.of(NAME, EMAIL, COMPANY), false, row(List.of(NAME, EMAIL, COMPANY), 2,
                "=cmd|' /C calc'!A0", "eve@partner.example", "<script>alert(1)</script>"));
        Partner eve = partner("eve@partner.example");
        assertEquals("=cmd|' /C calc'!A0", eve.name());
        assertEquals("<script>alert(1)</script>", eve.company());
    }

    @Test
    void aPartnerSuspendedInTheOldToolArrivesSuspended_itsLinksNotRedirecting() {
        RowReport row = run(row(2, "Mallory", "mallory@partner.example", "suspended", "mal-1", "")).getFirst();
        assertEquals(Outcome.CREATED, row.outcome());
        assertEquals(PartnerStatus.SUSPENDED, partner("mallory@partner.example").status());
        assertFalse(store.links.get(new LinkCode("mal-1")).redirects());
    }

    @Test
    void newCodesNeedADestination_theRowsOwnOrTheProgramsDefault_withinTheAllowedHosts() {
        List<ImportColumn> columns = List.of(EMAIL, NAME, CODES, DESTINATION);
        List<RowReport> report = run(columns, false,
                row(columns, 2, "ada@partner.example", "Ada", "ada-1", "https://evil.example/"),
                row(columns, 3, "bob@partner.example", "Bob", "bob-1", "https://shop.example.com/p?x=1"));
        assertEquals("destination", report.get(0).errors().getFirst().column());
        assertEquals(Outcome.CREATED, report.get(1).outcome());
        assertEquals(URI.create("https://shop.example.com/p?x=1"), store.links.get(new LinkCode("bob-1")).destination());
    }

    @Test
    void invitationsOnlyWhenAsked_toActivePartners_throughTheOnboardingMail() {
        run(row(2, "Ada", "ada@partner.example", "", "", ""));
        assertTrue(applications.mail.isEmpty(), "no email unless asked");
        List<RowReport> report = run(COLUMNS, true,
                row(2, "Ada", "ada@partner.example", "", "", ""),
                row(3, "Pat", "pat@partner.example", "PENDING", "", ""));
        assertTrue(report.get(0).invited());
        assertFalse(report.get(1).invited());
        assertEquals(List.of("invited:" + partner("ada@partner.example").id()), applications.mail);
    }

    @Test
    void blankRowsAreSkipped_andTheFileMustNameEmailAndName() {
        assertEquals(List.of(), run(row(2, "", " ", "", "", "")));
        assertThrows(Invalid.class, () -> new ImportPartners.Command(List.of(EMAIL, STATUS), List.of(), false));
        List<ImportPartners.Row> many = new ArrayList<>();
        for (int i = 0; i <= ImportPartners.MAX_ROWS; i++) {
            many.add(row(i + 2, "P", "p" + i + "@partner.example", "", "", ""));
        }
        assertThrows(Invalid.class, () -> new ImportPartners.Command(COLUMNS, many, false));
        List<ImportPartners.Row> codes = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            StringBuilder cell = new StringBuilder();
            for (int c = 0; c < 19; c++) {
                cell.append("c").append(i).append("-").append(c).append('|');
            }
            codes.add(row(i + 2, "P", "p" + i + "@partner.example", "", cell.toString(), ""));
        }
        Invalid tooManyCodes = assertThrows(Invalid.class, () -> new ImportPartners.Command(COLUMNS, codes, false));
        assertEquals("codes", tooManyCodes.violations().getFirst().field(), "209 codes in one request");
        new ImportPartners.Command(COLUMNS, codes.subList(0, 10), false); // 190 codes
    }

    @Test
    void planText_readsTheAdminApisPlanFields() {
        assertNull(PlanText.parse(" Default ", java.util.Currency.getInstance("EUR")));
        assertEquals(new CommissionPlan(new Reward.Flat(Money.of(4900, "EUR")), new Reward.Percent(1000), null),
                PlanText.parse("saleFlatMinor=4900; renewalRateBps=1000", java.util.Currency.getInstance("EUR")));
        for (String bad : List.of("sale=20%", "saleRateBps=-1", "saleRateBps=1;saleRateBps=2", "renewalRateBps=5",
                "saleRateBps=10001", "saleRateBps")) {
            assertThrows(Invalid.class, () -> PlanText.parse(bad, java.util.Currency.getInstance("EUR")), bad);
        }
        assertEquals(new EmailAddress("a@b.example"), new EmailAddress("A@B.example"));
    }
}
