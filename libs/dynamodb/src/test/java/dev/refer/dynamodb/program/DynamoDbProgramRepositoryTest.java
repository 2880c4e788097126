package dev.refer.dynamodb.program;

import dev.refer.core.basics.money.Money;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbProgramRepositoryTest {

    private final TestTable table = TestTable.create();
    private final DynamoDbProgramRepository programs = new DynamoDbProgramRepository(table.client(), table.config());

    @Test
    void find_whenNeverSaved_isEmpty() {
        assertTrue(programs.find(TestTable.PROGRAM_ID).isEmpty());
    }

    @Test
    void save_thenFind_roundTripsSettingsAndPlan() {
        Program program = new Program(TestTable.PROGRAM_ID, Money.currency("EUR"), 60, 30,
                new CommissionPlan(new Reward.Percent(2_000), new Reward.Flat(Money.of(1_500, "EUR")),
                        Money.of(5_000, "EUR")),
                List.of("example.com"), List.of("https://www.example.com"));

        programs.save(program);

        assertEquals(program, programs.find(TestTable.PROGRAM_ID).orElseThrow());
        assertEquals(1, table.count("PROGRAM"));
    }

    @Test
    void theLinkLimit_roundTrips_andAnItemWithoutItReadsTheDefault() {
        Program program = new Program(TestTable.PROGRAM_ID, Money.currency("EUR"), 30, 30,
                new CommissionPlan(new Reward.Percent(2_000), null, null), List.of(), List.of())
                .withMaxLinksPerPartner(7);
        programs.save(program);
        assertEquals(7, programs.find(TestTable.PROGRAM_ID).orElseThrow().maxLinksPerPartner());

        table.client().updateItem(r -> r.tableName(table.name())
                .key(dev.refer.dynamodb.Keys.program(TestTable.PROGRAM_ID))
                .updateExpression("REMOVE maxLinksPerPartner"));
        assertEquals(Program.DEFAULT_MAX_LINKS_PER_PARTNER,
                programs.find(TestTable.PROGRAM_ID).orElseThrow().maxLinksPerPartner());
    }

    @Test
    void save_whenSavedBefore_replacesTheSettings() {
        programs.save(new Program(TestTable.PROGRAM_ID, Money.currency("EUR"), 30, 14,
                new CommissionPlan(new Reward.Percent(1_000), null, Money.of(100, "EUR")), List.of(), List.of()));
        Program changed = new Program(TestTable.PROGRAM_ID, Money.currency("USD"), 90, 0,
                new CommissionPlan(new Reward.Flat(Money.of(10_000, "USD")), null, null), List.of(), List.of());

        programs.save(changed);

        assertEquals(changed, programs.find(TestTable.PROGRAM_ID).orElseThrow());
        assertTrue(programs.find(new ProgramId("other")).isEmpty());
    }
}
