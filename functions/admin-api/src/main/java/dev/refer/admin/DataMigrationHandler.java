package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.upgrade.DataUpgrades;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brings the table's items to the code's data version after a deploy (template: DataMigrationFunction, invoked by
 * {@code ./deploy} until it answers {@code done}; the local stack runs it at start-up). It works until shortly before
 * its timeout and answers where it stands, {@code {"version", "target", "done", "upgraded"}}; the next invocation
 * resumes there. Whatever it is sent is ignored.
 */
public final class DataMigrationHandler implements RequestStreamHandler {

    /** Left of the invocation's time when it stops: the last page and the saving of where it stands. */
    static final Duration MARGIN = Duration.ofSeconds(20);
    /** The time an invocation without a Lambda context (a test) may take. */
    static final Duration WITHOUT_CONTEXT = Duration.ofMinutes(1);

    private final DataUpgrades upgrades;
    private final Clock clock = Clock.systemUTC();
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public DataMigrationHandler() {
        this(System.getenv());
    }

    public DataMigrationHandler(Map<String, String> env) {
        this(DataMigrationWiring.create(env));
    }

    DataMigrationHandler(DataMigrationWiring wiring) {
        this.upgrades = wiring.upgrades();
        this.priming = wiring.registerPriming();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.transferTo(OutputStream.nullOutputStream());
        long remainingMillis = context == null ? WITHOUT_CONTEXT.toMillis() : context.getRemainingTimeInMillis();
        Instant deadline = clock.instant().plusMillis(remainingMillis).minus(MARGIN);
        DataUpgrades.Progress progress = upgrades.upgrade(deadline);
        Log.info("data.upgraded", "version", progress.version(), "target", progress.target(),
                "done", progress.done(), "upgraded", progress.upgraded());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("version", progress.version());
        answer.put("target", progress.target());
        answer.put("done", progress.done());
        answer.put("upgraded", progress.upgraded());
        output.write(LambdaJson.writeBytes(answer));
    }
}
