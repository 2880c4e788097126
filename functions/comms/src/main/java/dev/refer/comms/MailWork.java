package dev.refer.comms;

import dev.refer.core.comms.Campaign;
import dev.refer.core.comms.Deliver;
import dev.refer.core.comms.Topic;
import dev.refer.core.partner.PartnerId;
import dev.refer.lambda.Log;
import dev.refer.sqs.MailMessage;

import java.util.Optional;

/**
 * What one mail-queue message does: a partner's email of a campaign (counted in the campaign's run once), a planning
 * step, what follows planning, a broadcast's preview, a notification the stream noticed, a sales alert.
 */
final class MailWork {

    private final CommsWiring wiring;

    MailWork(CommsWiring wiring) {
        this.wiring = wiring;
    }

    void handle(MailMessage message, int receiveCount) {
        switch (message) {
            case MailMessage.Write write -> write(write.campaign(), write.partner(), receiveCount);
            case MailMessage.Step step -> wiring.mailing().step(step.campaign(), step.cursor(), step.stepId());
            case MailMessage.Finish finish -> finish(finish.campaign());
            case MailMessage.Preview preview -> wiring.broadcasts().preview(preview.broadcastId());
            case MailMessage.NotifyPartner notify -> Log.info("notify.done", "key", notify.notification().key(),
                    "outcome", wiring.notifier().notify(notify.notification()).map(Enum::name)
                            .orElse("FILED_OR_NOT_WANTED"));
            case MailMessage.AlertSales alert -> Log.info("lead_alert.done", "leadId", alert.alert().leadId(),
                    "outcome", wiring.notifier().alertSales(alert.alert()).map(Enum::name)
                            .orElse("HELD_FOR_DIGEST_OR_NOBODY"));
        }
    }

    private void write(Campaign campaign, PartnerId partner, int receiveCount) {
        Optional<Deliver.Outcome> outcome;
        try {
            outcome = switch (campaign.kind()) {
                case CHECKIN -> wiring.checkIns().run(campaign.month(), partner);
                case BROADCAST -> wiring.broadcasts().toPartner(campaign, partner);
                case DIGEST -> wiring.notifier().digest(campaign, partner);
            };
        } catch (RuntimeException e) {
            if (receiveCount >= wiring.maxReceives()) {
                wiring.runs().count(campaign, "failed"); // its last delivery: the message goes to the DLQ next
            }
            throw e;
        }
        // counted once per email, by whichever delivery gets there (a count a crash lost is taken by the redelivery)
        outcome.map(Deliver.Outcome::tally)
                .ifPresent(tally -> wiring.runs().countOnce(campaign, tally, campaign.sendKey(partner)));
        Log.info("mail.partner_done", "campaign", campaign.key(), "partnerId", partner.value(),
                "outcome", outcome.map(Enum::name).orElse("NOTHING_TO_SEND"));
    }

    private void finish(Campaign campaign) {
        if (campaign.kind() == Campaign.Kind.CHECKIN) {
            Log.info("mail.checkin_summary", "campaign", campaign.key(), "outcome",
                    wiring.summary().run(campaign.month()).map(Enum::name).orElse("NONE"));
        } else if (campaign.kind() == Campaign.Kind.DIGEST && campaign.topic() == Topic.LEADS) {
            // with the partners' lead digests: the leads a flood held back from sales' one-by-one alerts
            Log.info("mail.lead_digest", "campaign", campaign.key(), "outcome",
                    wiring.notifier().salesDigest(campaign.day()).map(Enum::name).orElse("NONE"));
        }
    }
}
