package dev.refer.core.program;

import dev.refer.core.program.ProgramRepository;

import dev.refer.core.basics.validation.Invalid;

import java.util.Optional;

/**
 * The program manager sets the program's currency, windows, default plan and allow-lists. The currency is fixed
 * once set: every amount the ledger holds (and every flat reward in a partner's plan) is in it, and a program that
 * switched would mix currencies without a rule.
 */
public final class ConfigureProgram {

    private final ProgramId programId;
    private final ProgramRepository programs;

    public ConfigureProgram(ProgramId programId, ProgramRepository programs) {
        this.programId = programId;
        this.programs = programs;
    }

    public Program configure(Program program) {
        if (!program.id().equals(programId)) {
            throw new IllegalArgumentException("this deployment serves program " + programId);
        }
        programs.find(programId).ifPresent(current -> {
            if (!current.currency().equals(program.currency())) {
                throw Invalid.field("currency", "cannot change once set: the program's currency is "
                        + current.currency().getCurrencyCode());
            }
        });
        programs.save(program);
        return program;
    }

    public Optional<Program> current() {
        return programs.find(programId);
    }
}
