package dev.refer.sqs;

import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.notify.Notification;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.notify.Notification;
import dev.refer.core.comms.notify.SalesAlert;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.partner.PartnerId;
import dev.refer.testkit.events.QueueMessages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The queues' sealed messages read back as they were written, in the flat JSON the queues have always carried. */
class QueueMessagesTest {

    private static final PartnerId PARTNER = new PartnerId("01JC0000000000000000000001");
    private static final YearMonth PERIOD = YearMonth.of(2026, 11);

    @Test
    void payoutMessages_roundTrip() {
        for (PayoutMessage message : List.of(
                PayoutMessage.pay(PERIOD, Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"),
                        PARTNER),
                PayoutMessage.plan(PERIOD, 7), PayoutMessage.summarize(PERIOD))) {
            assertEquals(message, PayoutMessage.fromJson(message.toJson()));
        }
    }

    @Test
    void payoutMessage_readsTheFlatWireForm() {
        assertEquals(new PayoutMessage.Pay(PERIOD, Instant.parse("2026-11-01T00:00:00Z"),
                        Instant.parse("2026-12-01T00:00:00Z"), PARTNER),
                PayoutMessage.fromJson("{\"type\":\"pay\",\"period\":\"2026-11\",\"periodStart\":\"2026-11-01T00:00:00Z\","
                        + "\"cutoff\":\"2026-12-01T00:00:00Z\",\"partnerId\":\"01JC0000000000000000000001\"}"));
        assertEquals("{\"type\":\"plan\",\"period\":\"2026-11\",\"shard\":7}", PayoutMessage.plan(PERIOD, 7).toJson());
    }

    @Test
    void mailMessages_roundTrip() {
        Notification notification = new Notification("commission#1", PARTNER, Topic.COMMISSIONS, new NotificationLetter.Event(
                NotificationLetter.What.COMMISSION_EARNED, Instant.parse("2026-11-02T10:00:00Z"), "order 42",
                Money.of(1250, "EUR"), null));
        SalesAlert alert = new SalesAlert("01JC0000000000000000000009", "Ada", "ada@example.com",
                "Analytical", PARTNER, Instant.parse("2026-11-02T10:00:00Z"));
        Campaign checkin = Campaign.checkin(PERIOD);
        for (MailMessage message : List.of(new MailMessage.Write(checkin, PARTNER),
                new MailMessage.Step(Campaign.digest(LocalDate.of(2026, 11, 2), Topic.LEADS), "cursor-1", "step-1"),
                new MailMessage.Finish(checkin), new MailMessage.Preview("01JC00000000000000000000B1"),
                new MailMessage.NotifyPartner(notification), new MailMessage.AlertSales(alert),
                new MailMessage.Write(Campaign.terms("2026-12"), PARTNER),
                new MailMessage.Onboarding(MailMessage.Onboarding.RECEIVED, "01JC0000000000000000000031"),
                new MailMessage.Onboarding(MailMessage.Onboarding.DECIDED, "01JC0000000000000000000031"),
                new MailMessage.Onboarding(MailMessage.Onboarding.INVITED, PARTNER.value()))) {
            assertEquals(message, MailMessage.fromJson(message.toJson()));
        }
    }

    @Test
    void onboardingMessages_areFlat_andAnUnknownEventFails() {
        assertEquals("{\"type\":\"onboarding\",\"event\":\"decided\",\"id\":\"01JC0000000000000000000031\"}",
                new MailMessage.Onboarding("decided", "01JC0000000000000000000031").toJson());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> MailMessage.fromJson(
                "{\"type\":\"onboarding\",\"event\":\"exploded\",\"id\":\"x\"}"));
    }

    @Test
    void theTestKitsQueueFixtures_readBackAsTheirVariants() {
        String partner = PARTNER.value();
        assertInstanceOf(PayoutMessage.Pay.class, PayoutMessage.fromJson(QueueMessages.pay(PERIOD, partner)));
        assertEquals(PayoutMessage.pay(PERIOD, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), PARTNER), PayoutMessage.fromJson(QueueMessages.pay(PERIOD, partner)));
        assertEquals(PayoutMessage.plan(PERIOD, 3), PayoutMessage.fromJson(QueueMessages.plan(PERIOD, 3)));
        assertEquals(PayoutMessage.summarize(PERIOD), PayoutMessage.fromJson(QueueMessages.summarize(PERIOD)));
        Campaign checkin = Campaign.checkin(PERIOD);
        assertEquals(new MailMessage.Write(checkin, PARTNER),
                MailMessage.fromJson(QueueMessages.write(checkin.key(), partner)));
        assertEquals(new MailMessage.Step(checkin, "cursor-1", "step-1"),
                MailMessage.fromJson(QueueMessages.step(checkin.key(), "cursor-1", "step-1")));
        assertEquals(new MailMessage.Finish(checkin), MailMessage.fromJson(QueueMessages.finish(checkin.key())));
        assertEquals(new MailMessage.Preview("b1"), MailMessage.fromJson(QueueMessages.preview("b1")));
        assertInstanceOf(MailMessage.NotifyPartner.class, MailMessage.fromJson(
                QueueMessages.notifyPartner("commission#1", partner, "2026-11-02T10:00:00Z", 1250, "EUR")));
        assertInstanceOf(MailMessage.AlertSales.class, MailMessage.fromJson(
                QueueMessages.alertSales("L1", "lead@client.example", partner, "2026-11-02T10:00:00Z")));
    }

    @Test
    void messagesOfNoKnownType_fail() {
        assertThrows(IllegalArgumentException.class, () -> MailMessage.fromJson("{\"type\":\"priming\"}"));
        assertThrows(IllegalArgumentException.class, () -> PayoutMessage.fromJson("{\"type\":\"priming\"}"));
    }
}
