package dev.refer.comms;

import dev.refer.core.application.ApplicationId;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.Mailed;
import dev.refer.core.comms.notify.NotifyPartner;
import dev.refer.core.partner.PartnerId;
import dev.refer.lambda.Log;
import dev.refer.sqs.MailMessage;

/**
 * What one mail-queue message does: a partner's email of a campaign (counted in the campaign's run once), a planning
 * step, what follows planning, a broadcast's preview, a notification the stream noticed, a sales alert, an onboarding
 * email (an application's receipt and notice, the welcome or the rejection, an invitation).
 */
final class MailWork {

    private final MailWorkerWiring wiring;

    MailWork(MailWorkerWiring wiring) {
        this.wiring = wiring;
    }

    void handle(MailMessage message, int receiveCount) {
        switch (message) {
            case MailMessage.Write write -> write(write.campaign(), write.partner(), receiveCount);
            case MailMessage.Step step -> wiring.mailing().step(step.campaign(), step.cursor(), step.stepId());
            case MailMessage.Finish finish -> finish(finish.campaign());
            case MailMessage.Preview preview -> Log.info("broadcast.preview_done", "broadcastId",
                    preview.broadcastId(), "outcome", wiring.broadcasts().preview(preview.broadcastId()).label());
            case MailMessage.NotifyPartner notify -> Log.info("notify.done", "key", notify.notification().key(),
                    "outcome", label(wiring.notifyPartner().notify(notify.notification())));
            case MailMessage.AlertSales alert -> Log.info("lead_alert.done", "leadId", alert.alert().leadId(),
                    "outcome", wiring.alertSales().alert(alert.alert()).label());
            case MailMessage.Onboarding onboarding -> Log.info("onboarding.done", "event", onboarding.event(),
                    "id", onboarding.id(), "outcome", onboarding(onboarding));
        }
    }

    private String onboarding(MailMessage.Onboarding message) {
        return switch (message.event()) {
            case MailMessage.Onboarding.RECEIVED -> String.join(",",
                    wiring.onboarding().received(new ApplicationId(message.id())));
            case MailMessage.Onboarding.DECIDED -> wiring.onboarding().decided(new ApplicationId(message.id()));
            default -> wiring.onboarding().invited(new PartnerId(message.id()));
        };
    }

    private static String label(NotifyPartner.Result result) {
        return switch (result) {
            case NotifyPartner.Result.Delivered delivered -> delivered.outcome().name();
            case NotifyPartner.Result.Filed filed -> "FILED_FOR_" + filed.day();
            case NotifyPartner.Result.NotWanted notWanted -> "NOT_WANTED";
            case NotifyPartner.Result.PartnerGone gone -> "PARTNER_GONE";
        };
    }

    private void write(Campaign campaign, PartnerId partner, int receiveCount) {
        Mailed outcome;
        try {
            outcome = switch (campaign.kind()) {
                case CHECKIN -> wiring.checkIns().run(campaign.month(), partner);
                case BROADCAST -> wiring.broadcasts().toPartner(campaign, partner);
                case DIGEST -> wiring.partnerDigest().send(campaign, partner);
                case TERMS -> wiring.termsNotice().toPartner(campaign, partner);
            };
        } catch (RuntimeException e) {
            if (receiveCount >= wiring.maxReceives()) {
                wiring.runs().count(campaign, "failed"); // its last delivery: the message goes to the DLQ next
            }
            throw e;
        }
        // counted once per email, by whichever delivery gets there (a count a crash lost is taken by the redelivery)
        String tally = outcome.tally();
        if (tally != null) {
            wiring.runs().countOnce(campaign, tally, campaign.sendKey(partner));
        }
        Log.info("mail.partner_done", "campaign", campaign.key(), "partnerId", partner.value(),
                "outcome", outcome.label());
    }

    private void finish(Campaign campaign) {
        if (campaign.kind() == Campaign.Kind.CHECKIN) {
            Log.info("mail.checkin_summary", "campaign", campaign.key(), "outcome",
                    wiring.summary().run(campaign.month()).label());
        } else if (campaign.kind() == Campaign.Kind.DIGEST && campaign.topic() == Topic.LEADS) {
            // with the partners' lead digests: the leads a flood held back from sales' one-by-one alerts
            Log.info("mail.lead_digest", "campaign", campaign.key(), "outcome",
                    wiring.salesDigest().send(campaign.day()).label());
        }
    }
}
