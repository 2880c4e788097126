package dev.refer.core.program;

import dev.refer.core.ports.ProgramRepository;

import java.util.Optional;

/** The program manager sets the program's currency, windows, default plan and allow-lists. */
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
        programs.save(program);
        return program;
    }

    public Optional<Program> current() {
        return programs.find(programId);
    }
}
