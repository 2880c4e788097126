package dev.refer.dynamodb.comms;

import dev.refer.core.comms.notify.DigestBook;
import dev.refer.core.comms.notify.SalesAlert;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.TestTable;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynamoDbDigestBookTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final PartnerId ADA = new PartnerId("01JD0000000000000000000ADA");

    private final TestTable table = TestTable.create();
    private final DynamoDbDigestBook book = new DynamoDbDigestBook(table.client(), table.config());

    private static SalesAlert alert(int n, LocalDate day) {
        return new SalesAlert("L" + n, "Lead " + n, "lead" + n + "@client.example", n % 2 == 0 ? null : "Co",
                ADA, day.atTime(9, 0).toInstant(java.time.ZoneOffset.UTC).plusSeconds(60L * (10 - n)));
    }

    @Test
    void admitNow_takesTheFirstOnesOfTheDay_andAgreesWithItselfOnARetry() {
        assertTrue(book.admitNow(ADA, DAY, "leads", "k1", 2));
        assertTrue(book.admitNow(ADA, DAY, "leads", "k2", 2));
        assertFalse(book.admitNow(ADA, DAY, "leads", "k3", 2), "the day's two are taken");
        assertTrue(book.admitNow(ADA, DAY, "leads", "k1", 2), "k1 was admitted before: a redelivery decides the same");
        assertTrue(book.admitNow(ADA, DAY, "commissions", "k3", 2), "another topic has its own quota");
        assertTrue(book.admitNow(ADA, DAY.plusDays(1), "leads", "k3", 2), "and another day");
        assertTrue(book.admitNow(ADA, DAY, "leads", "k3", 3), "a higher limit admits more the same day");
    }

    @Test
    void held_listsTheFirstOnesInTimeOrder_andCountsThemAll_filedTwiceOrNot() {
        for (int n = 1; n <= 7; n++) {
            book.hold(DAY, alert(n, DAY));
        }
        book.hold(DAY, alert(3, DAY)); // a redelivery files the same alert again
        book.hold(DAY.plusDays(1), alert(8, DAY.plusDays(1)));

        DigestBook.Held firstThree = book.held(DAY, 3);
        assertEquals(List.of("L7", "L6", "L5"), firstThree.alerts().stream().map(SalesAlert::leadId).toList(),
                "oldest first");
        assertEquals(7, firstThree.total());
        assertEquals(alert(6, DAY), firstThree.alerts().get(1), "each alert as it was filed (no company: null)");

        DigestBook.Held all = book.held(DAY, 200);
        assertEquals(7, all.alerts().size());
        assertEquals(7, all.total());
        assertEquals(1, book.held(DAY.plusDays(1), 200).total());

        // within one second: 09:30:00.5 comes after 09:30:00 (an Instant's own text would sort it first)
        LocalDate other = DAY.minusDays(3);
        Instant second = other.atTime(9, 30).toInstant(java.time.ZoneOffset.UTC);
        book.hold(other, new SalesAlert("late", "B", "b@client.example", null, ADA, second.plusMillis(500)));
        book.hold(other, new SalesAlert("early", "A", "a@client.example", null, ADA, second));
        assertEquals(List.of("early", "late"), book.held(other, 200).alerts().stream()
                .map(SalesAlert::leadId).toList());
        assertEquals(0, book.held(DAY.minusDays(1), 200).total());
    }
}
