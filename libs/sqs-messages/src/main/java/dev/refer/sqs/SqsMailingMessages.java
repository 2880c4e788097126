package dev.refer.sqs;

import dev.refer.core.application.ApplicationId;
import dev.refer.core.application.OnboardingMail;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.MailingMessages;
import dev.refer.core.comms.notify.Notification;
import dev.refer.core.comms.notify.NotificationQueue;
import dev.refer.core.comms.notify.SalesAlert;
import dev.refer.core.partner.PartnerId;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The mail queue (template: MailQueue): {@link MailMessage}s as JSON, partner messages in batches of ten; a
 * campaign's work, what the stream noticed and the onboarding events go through the same queue.
 */
public final class SqsMailingMessages implements MailingMessages, NotificationQueue, OnboardingMail {

    private final SqsBatches batches;

    public SqsMailingMessages(SqsClient sqs, String queueUrl) {
        this.batches = new SqsBatches(sqs, queueUrl);
    }

    @Override
    public void write(Campaign campaign, List<PartnerId> partners) {
        List<String> bodies = new ArrayList<>(partners.size());
        for (PartnerId partner : partners) {
            bodies.add(new MailMessage.Write(campaign, partner).toJson());
        }
        batches.send(bodies);
    }

    @Override
    public void step(Campaign campaign, String cursor, String stepId) {
        batches.send(List.of(new MailMessage.Step(campaign, cursor, stepId).toJson()));
    }

    @Override
    public void finish(Campaign campaign) {
        batches.send(List.of(new MailMessage.Finish(campaign).toJson()));
    }

    @Override
    public void preview(String broadcastId) {
        batches.send(List.of(new MailMessage.Preview(broadcastId).toJson()));
    }

    @Override
    public void notify(List<Notification> notifications, List<SalesAlert> alerts) {
        List<String> bodies = new ArrayList<>(notifications.size() + alerts.size());
        for (Notification notification : notifications) {
            bodies.add(new MailMessage.NotifyPartner(notification).toJson());
        }
        for (SalesAlert alert : alerts) {
            bodies.add(new MailMessage.AlertSales(alert).toJson());
        }
        batches.send(bodies);
    }

    @Override
    public void received(ApplicationId id) {
        batches.send(List.of(new MailMessage.Onboarding(MailMessage.Onboarding.RECEIVED, id.value()).toJson()));
    }

    @Override
    public void decided(ApplicationId id) {
        batches.send(List.of(new MailMessage.Onboarding(MailMessage.Onboarding.DECIDED, id.value()).toJson()));
    }

    @Override
    public void invited(PartnerId partnerId) {
        batches.send(List.of(new MailMessage.Onboarding(MailMessage.Onboarding.INVITED, partnerId.value()).toJson()));
    }
}
