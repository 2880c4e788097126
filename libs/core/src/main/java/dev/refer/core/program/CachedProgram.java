package dev.refer.core.program;

import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The program's settings change rarely and are read on every lead and conversion: each execution environment keeps
 * them for {@link #TTL}. A change made through the admin API reaches every function within that time.
 */
public final class CachedProgram implements ProgramRepository {

    public static final Duration TTL = Duration.ofSeconds(60);

    private final ProgramRepository delegate;
    private final Clock clock;
    private volatile Optional<Program> cached = Optional.empty();
    private volatile ProgramId cachedId;
    private volatile long expiresAtMillis;

    private CachedProgram(ProgramRepository delegate, Clock clock) {
        this.delegate = delegate;
        this.clock = clock;
    }

    public static CachedProgram of(ProgramRepository delegate, Clock clock) {
        return new CachedProgram(delegate, clock);
    }

    @Override
    public Optional<Program> find(ProgramId id) {
        long now = clock.millis();
        if (id.equals(cachedId) && now < expiresAtMillis && cached.isPresent()) {
            return cached;
        }
        Optional<Program> program = delegate.find(id);
        cached = program;
        cachedId = id;
        expiresAtMillis = now + TTL.toMillis();
        return program;
    }

    @Override
    public void save(Program program) {
        delegate.save(program);
        cached = Optional.of(program);
        cachedId = program.id();
        expiresAtMillis = clock.millis() + TTL.toMillis();
    }
}
