package dev.refer.lambda;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a spreadsheet would run is written as text; amounts and plain text stay as they are. */
class CsvCellsTest {

    @Test
    void formulas_areText_andNumbersStay() {
        assertEquals("'=HYPERLINK(\"https://evil.example\",\"Click\")",
                CsvCells.safe("=HYPERLINK(\"https://evil.example\",\"Click\")"));
        assertEquals("'+1+cmd|' /C calc'!A0", CsvCells.safe("+1+cmd|' /C calc'!A0"));
        assertEquals("'@SUM(A1:A9)", CsvCells.safe("@SUM(A1:A9)"));
        assertEquals("'-2+3", CsvCells.safe("-2+3"));
        assertEquals("'\t=1", CsvCells.safe("\t=1"));
        assertEquals("-12.50", CsvCells.safe("-12.50"));
        assertEquals("Ada Lovelace", CsvCells.safe("Ada Lovelace"));
        assertEquals("", CsvCells.safe(""));
        assertArrayEquals(new Object[]{"'=1", 42L, null, "ok"}, CsvCells.safe("=1", 42L, null, "ok"));
    }
}
