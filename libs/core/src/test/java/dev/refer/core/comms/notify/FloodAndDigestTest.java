package dev.refer.core.comms.notify;

import dev.refer.core.comms.CommsFixture;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.comms.mailing.Mailed;
import dev.refer.core.comms.mailing.TeamMail;
import dev.refer.core.mail.LeadDigestLetter;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.mail.SendOnce;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The flood and digest rules of notifications, on in-memory ports (the DynamoDB and SES flow: NotificationsTest). */
class FloodAndDigestTest {

    private final CommsFixture f = new CommsFixture();
    private final int perDay = CommsSettings.DEFAULT_NOTIFICATIONS_PER_DAY;

    private Notification lead(int n) {
        return new Notification("lead_new#L" + n, f.ada.id(), Topic.LEADS, new NotificationLetter.Event(
                NotificationLetter.What.LEAD_NEW, CommsFixture.NOV_2.plusSeconds(n), "Lead " + n, null, null));
    }

    private SalesAlert alert(int n) {
        return new SalesAlert("L" + n, "Lead " + n, "lead" + n + "@client.example", null, f.ada.id(),
                CommsFixture.NOV_2.plusSeconds(n));
    }

    @Test
    void aFlood_isToldOneByOneUpToTheDaysLimit_andTheRestWaitsInTheDaysDigest() {
        NotifyPartner notify = f.notifyPartner();
        for (int n = 1; n <= perDay + 5; n++) {
            NotifyPartner.Result result = notify.notify(lead(n));
            if (n <= perDay) {
                assertEquals(new NotifyPartner.Result.Delivered(Deliver.Outcome.SENT), result, "lead " + n);
            } else {
                assertEquals(new NotifyPartner.Result.Filed(LocalDate.parse("2026-11-02")), result, "lead " + n);
            }
        }
        assertEquals(perDay, f.mail.sent.size());
        assertEquals(new NotifyPartner.Result.Delivered(Deliver.Outcome.ALREADY_SENT), notify.notify(lead(1)),
                "a redelivery of an admitted one is admitted again, and the send log drops it");

        f.clock.advance(Duration.ofDays(1));
        Mailed digest = f.partnerDigest().send(Campaign.digest(LocalDate.parse("2026-11-02"), Topic.LEADS), f.ada.id());
        assertEquals(new Mailed.Delivered(Deliver.Outcome.SENT), digest);
        NotificationLetter letter = (NotificationLetter) f.mail.sent.getLast();
        assertEquals(5, letter.events().size(), "the held-back five, in one digest");
    }

    @Test
    void aPartnerWhoTakesADigest_hasEachFiled_andOneWhoWantsNone_hearsNothing() {
        f.comms.save(f.comms.find(f.ada.id()).with(Topic.LEADS, Choice.DIGEST), CommsFixture.NOV_2);
        assertEquals(new NotifyPartner.Result.Filed(LocalDate.parse("2026-11-02")), f.notifyPartner().notify(lead(1)));
        f.comms.optOut(f.ada.id(), Topic.LEADS, CommsFixture.NOV_2);
        assertInstanceOf(NotifyPartner.Result.NotWanted.class, f.notifyPartner().notify(lead(2)));
        f.store.partners.clear();
        assertInstanceOf(NotifyPartner.Result.PartnerGone.class, f.notifyPartner().notify(lead(3)));
        assertEquals(0, f.mail.sent.size());
    }

    @Test
    void aNotificationLateForItsDaysDigest_goesIntoTodays() {
        f.comms.save(f.comms.find(f.ada.id()).with(Topic.LEADS, Choice.DIGEST), CommsFixture.NOV_2);
        f.clock.advance(Duration.ofDays(1)); // Nov 3
        f.partnerDigest().send(Campaign.digest(LocalDate.parse("2026-11-02"), Topic.LEADS), f.ada.id());
        f.notifyPartner().notify(lead(1)); // nothing in it: no digest went out
        assertEquals(new NotifyPartner.Result.Filed(LocalDate.parse("2026-11-02")), f.notifyPartner().notify(lead(2)),
                "the day's digest had nothing: it was not sent, so the day still takes it");
        f.partnerDigest().send(Campaign.digest(LocalDate.parse("2026-11-02"), Topic.LEADS), f.ada.id());
        assertEquals(new NotifyPartner.Result.Filed(LocalDate.parse("2026-11-03")), f.notifyPartner().notify(lead(3)),
                "the day's digest went out: today's takes it");
    }

    @Test
    void salesHearOfEachLeadUpToTheLimit_andTheRestInOneLeadDigest() {
        AlertSales alerts = f.alertSales();
        for (int n = 1; n <= perDay + 3; n++) {
            TeamMail result = alerts.alert(alert(n));
            assertEquals(n <= perDay ? new TeamMail.Sent(SendOnce.Outcome.SENT)
                    : new TeamMail.NotSent(TeamMail.Why.HELD_FOR_DIGEST), result, "alert " + n);
        }
        assertEquals(new TeamMail.Sent(SendOnce.Outcome.SENT), f.salesDigest().send(LocalDate.parse("2026-11-02")));
        assertEquals(3, ((LeadDigestLetter) f.mail.sent.getLast()).leads().size());
        assertEquals(new TeamMail.Sent(SendOnce.Outcome.ALREADY_SENT),
                f.salesDigest().send(LocalDate.parse("2026-11-02")));
        assertEquals(new TeamMail.NotSent(TeamMail.Why.NOTHING_TO_TELL),
                f.salesDigest().send(LocalDate.parse("2026-11-03")));
    }
}
