package dev.refer.core.fakes;

import dev.refer.core.basics.page.Page;
import dev.refer.core.comms.mailing.Audience;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.MailingMessages;
import dev.refer.core.comms.mailing.MailingRuns;
import dev.refer.core.comms.mailing.RunMailing;
import dev.refer.core.partner.PartnerId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A campaign's machinery in memory: one page of the audience (the partners given), runs moved by a condition on
 * the cursor as the adapter does, and the queue's messages recorded ({@code writes}: campaign key and partner).
 */
public final class InMemoryMailing implements Audience, MailingRuns, MailingMessages {

    public final List<PartnerId> audience = new ArrayList<>();
    public final Map<String, Run> runs = new HashMap<>();
    public final List<String> writes = new ArrayList<>();
    public int starts;

    public RunMailing mailing(Clock clock) {
        return new RunMailing(this, this, this, clock, new SequenceIds());
    }

    @Override
    public Page<PartnerId> page(Campaign campaign, String cursor) {
        return new Page<>(audience, null);
    }

    @Override
    public Run start(Campaign campaign, Instant at) {
        starts++;
        return runs.computeIfAbsent(campaign.key(), k -> new Run(campaign, at, null, 0, Map.of(), null));
    }

    @Override
    public Optional<Run> find(Campaign campaign) {
        return Optional.ofNullable(runs.get(campaign.key()));
    }

    @Override
    public boolean advance(Campaign campaign, String from, String to, int planned, String stepId) {
        Run run = runs.get(campaign.key());
        if (!Objects.equals(run.cursor(), from) || run.planningDone()) {
            return false;
        }
        runs.put(campaign.key(), new Run(campaign, run.startedAt(), to, run.planned() + planned, run.counts(),
                new LastStep(from, stepId)));
        return true;
    }

    @Override
    public void count(Campaign campaign, String outcome) {
    }

    @Override
    public void countOnce(Campaign campaign, String outcome, String sendKey) {
    }

    @Override
    public void write(Campaign campaign, List<PartnerId> partners) {
        partners.forEach(p -> writes.add(campaign.key() + " " + p.value()));
    }

    @Override
    public void step(Campaign campaign, String cursor, String stepId) {
    }

    @Override
    public void finish(Campaign campaign) {
    }

    @Override
    public void preview(String broadcastId) {
    }
}
