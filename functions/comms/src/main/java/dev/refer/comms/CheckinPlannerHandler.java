package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.refer.core.comms.Campaign;
import dev.refer.core.comms.MailingRuns;
import dev.refer.core.comms.Topic;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.lambda.LambdaJson;
import dev.refer.lambda.Log;
import dev.refer.lambda.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the scheduled mailings (template: CheckinPlannerFunction). The monthly schedule's input
 * {@code {"job":"checkin"}} starts the check-ins of the month that ended ({@code "month":"2026-11"} picks one); the
 * daily one, {@code {"job":"digest"}}, starts yesterday's digests of each notification topic ({@code "day"} picks
 * an earlier day; not today). A rerun resumes what was started and sends nothing twice.
 */
public final class CheckinPlannerHandler implements RequestStreamHandler {

    private final CommsWiring wiring;
    private final Clock clock;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public CheckinPlannerHandler() {
        this(System.getenv());
    }

    public CheckinPlannerHandler(Map<String, String> env) {
        this(CommsWiring.create(env), Clock.systemUTC());
    }

    CheckinPlannerHandler(CommsWiring wiring, Clock clock) {
        this.wiring = wiring;
        this.clock = clock;
        this.priming = wiring.registerPriming(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] bytes = input.readAllBytes();
        JsonNode event = bytes.length == 0 ? null
                : LambdaJson.readTrusted(new String(bytes, StandardCharsets.UTF_8), JsonNode.class);
        String job = event != null && event.hasNonNull("job") ? event.get("job").asText() : "checkin";
        List<Campaign> campaigns = new ArrayList<>();
        if (job.equals("digest")) {
            LocalDate yesterday = wiring.notifier().yesterday();
            LocalDate day = event.hasNonNull("day") ? LocalDate.parse(event.get("day").asText()) : yesterday;
            if (day.isAfter(yesterday)) {
                // a digest sent while its day still runs would leave the rest of the day to the next day's digest
                throw new IllegalArgumentException("a day's digests go out once it is over: " + day
                        + " is not before today in the program's zone");
            }
            for (Topic topic : Topic.values()) {
                if (topic.isNotification()) {
                    campaigns.add(Campaign.digest(day, topic));
                }
            }
        } else if (job.equals("checkin")) {
            campaigns.add(Campaign.checkin(event != null && event.hasNonNull("month")
                    ? YearMonth.parse(event.get("month").asText())
                    : PayoutCalendar.previousPeriod(clock.instant(), wiring.zone())));
        } else {
            throw new IllegalArgumentException("job must be checkin or digest, not " + job);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        for (Campaign campaign : campaigns) {
            MailingRuns.Run run = wiring.mailing().start(campaign);
            Log.info("mail.run_started", "campaign", campaign.key(), "planned", run.planned());
            answer.put(campaign.key(), Map.of("planned", run.planned(), "planningDone", run.planningDone()));
        }
        output.write(LambdaJson.writeBytes(answer));
    }
}
