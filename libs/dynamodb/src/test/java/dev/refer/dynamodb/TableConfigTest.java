package dev.refer.dynamodb;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TableConfigTest {

    @Test
    void fromEnv_whenBothSet_readsThem() {
        TableConfig config = TableConfig.fromEnv(Map.of("TABLE_NAME", "refer-table", "PROGRAM_ID", "main"));

        assertEquals("refer-table", config.tableName());
        assertEquals("main", config.programId().value());
    }

    @Test
    void fromEnv_whenTableNameMissing_failsNamingIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TableConfig.fromEnv(Map.of("PROGRAM_ID", "main")));
        assertTrue(e.getMessage().contains("TABLE_NAME"));
    }

    @Test
    void fromEnv_whenProgramIdMissingOrMalformed_failsNamingIt() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> TableConfig.fromEnv(Map.of("TABLE_NAME", "t")));
        IllegalStateException malformed = assertThrows(IllegalStateException.class,
                () -> TableConfig.fromEnv(Map.of("TABLE_NAME", "t", "PROGRAM_ID", "Not Valid")));
        assertTrue(missing.getMessage().contains("PROGRAM_ID"));
        assertTrue(malformed.getMessage().contains("PROGRAM_ID"));
    }
}
