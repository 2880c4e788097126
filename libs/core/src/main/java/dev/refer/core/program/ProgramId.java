package dev.refer.core.program;

import dev.refer.core.basics.validation.Invalid;

/** The program a deployment serves (template parameter ProgramId); part of every program-scoped key. */
public record ProgramId(String value) {

    public ProgramId {
        if (value == null || !value.matches("[a-z0-9-]{1,32}")) {
            throw Invalid.field("programId", "must be 1-32 lower-case letters, digits or dashes");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
