package dev.refer.core.program;

import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;

import java.util.Optional;

/** The program's settings. */
public interface ProgramRepository {

    Optional<Program> find(ProgramId id);

    void save(Program program);
}
