package dev.refer.dynamodb.upgrade;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.conversion.Evidence;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.upgrade.DataUpgrades.Progress;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.conversion.DynamoDbOrderBook;
import dev.refer.dynamodb.lead.DynamoDbLeadRepository;
import dev.refer.dynamodb.lead.LeadMapper;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A table written by the previous item shapes is brought up to the code's data version by the deploy's upgrade:
 * resumably (a run cut short continues where it stood), idempotently (a second run rewrites nothing) and without
 * undoing what a function wrote meanwhile.
 */
class DynamoDbDataUpgradesTest {

    private static final Instant FAR = Instant.parse("2999-01-01T00:00:00Z");

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbLeadRepository leads = new DynamoDbLeadRepository(table.client(), table.config());
    private final DynamoDbOrderBook orders = new DynamoDbOrderBook(table.client(), table.config());

    @Test
    void aTableOfVersion1_withGuardsBeforeTheCopy_isUpgradedToVersion2_resumably_andOnce() {
        List<Lead> written = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Lead lead = fixtures.lead("lead" + i + "@example.com", i % 3 == 0 ? null : fixtures.partnerId());
            leads.create(lead);
            written.add(lead);
        }
        // the previous shape: a guard held only the lead's id ...
        for (Lead lead : written) {
            stripToVersion1(lead, true);
        }
        // ... and a review since then gave one its status, but neither attribution nor capture time
        Lead reviewed = fixtures.lead("reviewed@example.com", fixtures.partnerId());
        leads.create(reviewed);
        Lead qualified = reviewed.withStatus(LeadStatus.QUALIFIED, "fit", null, fixtures.now());
        assertTrue(leads.review(qualified, LeadStatus.NEW, List.of()));
        stripToVersion1(reviewed, false);
        written.add(qualified);
        assertEquals("QUALIFIED", guard(reviewed).get("status").s());
        assertThrows(RuntimeException.class, () -> evidence(reviewed),
                "before the upgrade, a sale to this customer cannot even weigh the lead (no capture time)");

        // a deadline already passed after one page: the run stops and says so, and the next resumes
        MovingClock clock = new MovingClock();
        DynamoDbDataUpgrades firstRun = new DynamoDbDataUpgrades(table.client(), table.config(),
                List.of(new LeadGuardCopy(table.client(), table.config())), 3, clock);
        clock.stopAfter(1);
        Progress cut = firstRun.upgrade(Instant.parse("2026-01-01T00:00:01Z"));
        assertFalse(cut.done());
        assertEquals(1, cut.version());
        assertEquals(2, cut.target());
        assertTrue(table.item("PROGRAM#test", "DATA_VERSION").containsKey("cursor"), "where it stood is saved");

        DynamoDbDataUpgrades upgrades = new DynamoDbDataUpgrades(table.client(), table.config(),
                List.of(new LeadGuardCopy(table.client(), table.config())), 3, Clock.systemUTC());
        Progress rest = upgrades.upgrade(FAR);
        assertTrue(rest.done());
        assertEquals(2, rest.version());
        assertEquals(written.size(), cut.upgraded() + rest.upgraded(), "every old guard rewritten once");

        for (Lead lead : written) {
            Map<String, AttributeValue> expected = LeadMapper.emailGuard(lead, table.config().programId());
            assertEquals(expected, guard(lead), lead.email().value());
        }
        assertEquals(qualified.attribution(), evidence(reviewed).attribution(), "the sale now weighs the partner's lead");
        assertEquals(LeadStatus.QUALIFIED, evidence(reviewed).status(), "the review's status is kept");
        Map<String, AttributeValue> state = table.item("PROGRAM#test", "DATA_VERSION");
        assertEquals("2", state.get("version").n());
        assertFalse(state.containsKey("cursor"));

        Progress again = upgrades.upgrade(FAR);
        assertEquals(new Progress(2, 2, true, 0), again, "a second deploy rewrites nothing");
    }

    @Test
    void aNewTable_isAtTheCodesVersionAfterOneRun_andGuardsWrittenByTheCodeAreLeftAlone() {
        Lead lead = fixtures.lead("fresh@example.com", fixtures.partnerId());
        leads.create(lead);
        Map<String, AttributeValue> before = guard(lead);

        Progress progress = new DynamoDbDataUpgrades(table.client(), table.config()).upgrade(FAR);

        assertEquals(new Progress(2, 2, true, 0), progress);
        assertEquals(before, guard(lead));
    }

    @Test
    void aGuardWhoseLeadIsGone_isLeftAsItIs() {
        Lead lead = fixtures.lead("gone@example.com", null);
        leads.create(lead);
        stripToVersion1(lead, true);
        table.client().deleteItem(r -> r.tableName(table.name()).key(Keys.lead(lead.id())));

        Progress progress = new DynamoDbDataUpgrades(table.client(), table.config()).upgrade(FAR);

        assertEquals(new Progress(2, 2, true, 0), progress);
        assertFalse(guard(lead).containsKey("createdAt"));
    }

    private void stripToVersion1(Lead lead, boolean withStatus) {
        table.client().updateItem(r -> r.tableName(table.name())
                .key(Keys.leadEmail(table.config().programId(), lead.email()))
                .updateExpression("REMOVE attribution, createdAt, attributedAt" + (withStatus ? ", #s" : ""))
                .expressionAttributeNames(withStatus ? Map.of("#s", "status") : null));
    }

    private Map<String, AttributeValue> guard(Lead lead) {
        return table.item("LEAD_EMAIL#test#" + lead.email().value(), "LEAD_EMAIL");
    }

    private Evidence.LeadEvidence evidence(Lead lead) {
        return orders.evidence(new Evidence.Query(null, null, null, new EmailAddress(lead.email().value()), null))
                .lead();
    }

    /** A clock that reads 2026-01-01T00:00:00Z for a number of readings, then a second later. */
    private static final class MovingClock extends Clock {
        private int readingsLeft = Integer.MAX_VALUE;

        void stopAfter(int pages) {
            readingsLeft = pages + 1; // the first reading before the first page; one more saving it
        }

        @Override
        public Instant instant() {
            readingsLeft--;
            return readingsLeft >= 0 ? Instant.parse("2026-01-01T00:00:00Z") : Instant.parse("2026-01-01T00:00:02Z");
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
