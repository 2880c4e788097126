package dev.refer.dynamodb;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.program.ProgramId;

import java.util.Map;
import java.util.Objects;

/**
 * Which table the adapters use and which program's keys they write: one deployment serves one program, and the
 * program id is part of every program-scoped key (emails, events, orders, customers).
 */
public record TableConfig(String tableName, ProgramId programId) {

    public TableConfig {
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(programId, "programId");
    }

    /**
     * From the function's environment, as template.yaml sets it ({@code TABLE_NAME}, {@code PROGRAM_ID}).
     *
     * @throws IllegalStateException naming the variable that is missing or malformed
     */
    public static TableConfig fromEnv(Map<String, String> env) {
        String tableName = required(env, "TABLE_NAME");
        String programId = required(env, "PROGRAM_ID");
        try {
            return new TableConfig(tableName, new ProgramId(programId));
        } catch (Invalid e) {
            throw new IllegalStateException("PROGRAM_ID must be 1-32 lower-case letters, digits or dashes");
        }
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: the function's environment must define it"
                    + " (template.yaml sets it for every function)");
        }
        return value.strip();
    }
}
