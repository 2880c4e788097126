package dev.refer.core.comms.consent;

import dev.refer.core.comms.CommsFixture;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.mail.BroadcastLetter;
import dev.refer.core.mail.SendOnce;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consent on in-memory ports: what SES reports suppresses, what a partner chose holds, one click unsubscribes. */
class ConsentRulesTest {

    private final CommsFixture f = new CommsFixture();
    private final RecordSesEvent record = new RecordSesEvent(f.comms, f.clock);

    private Deliver.Outcome deliver(String key, Topic topic) {
        return f.deliver.deliver(new Deliver.Delivery(key, f.ada.id(), "broadcast", f.ada.email(), topic, false,
                () -> new BroadcastLetter(f.ada.email(), java.util.Locale.US, "Acme", "Ada", "Hi", "Body", false,
                        null)));
    }

    @Test
    void aPermanentBounce_suppressesEveryMail_evenTransactional() {
        assertEquals(new RecordSesEvent.Result.Suppressed(Suppression.Reason.BOUNCE, 1), record.record(
                new RecordSesEvent.SesEvent.Bounce("Permanent", "General", List.of(" Ada@Partner.Example "))));
        assertEquals(Deliver.Outcome.SUPPRESSED, deliver("b#1", Topic.BROADCAST));
        assertEquals(Deliver.Outcome.SUPPRESSED, deliver("s#1", null), "a statement neither");
        assertEquals(SendOnce.Outcome.BOUNCED, f.transactional.send("s#2", f.ada.id(), "statement", f.ada.email(),
                () -> { throw new AssertionError("not built"); }));
        assertEquals(0, f.mail.sent.size());
    }

    @Test
    void aComplaint_suppressesAllButTransactionalMail_andNeverDowngradesABounce() {
        record.record(new RecordSesEvent.SesEvent.Complaint("abuse", List.of("ada@partner.example")));
        assertEquals(Deliver.Outcome.SUPPRESSED, deliver("b#1", Topic.BROADCAST));
        assertEquals(Deliver.Outcome.SENT, deliver("s#1", null));
        record.record(new RecordSesEvent.SesEvent.Bounce("Permanent", null, List.of("ada@partner.example")));
        record.record(new RecordSesEvent.SesEvent.Complaint(null, List.of("ada@partner.example")));
        assertEquals(Suppression.Reason.BOUNCE, f.comms.find("ada@partner.example").orElseThrow().reason());
    }

    @Test
    void aTransientBounceOrAnyOtherEvent_changesNothing() {
        assertInstanceOf(RecordSesEvent.Result.TransientBounce.class, record.record(
                new RecordSesEvent.SesEvent.Bounce("Transient", "MailboxFull", List.of("ada@partner.example"))));
        assertInstanceOf(RecordSesEvent.Result.NotAboutAnAddress.class,
                record.record(new RecordSesEvent.SesEvent.Other("Delivery")));
        assertEquals(new RecordSesEvent.Result.Suppressed(Suppression.Reason.COMPLAINT, 0),
                record.record(new RecordSesEvent.SesEvent.Complaint(null, List.of(" "))), "a blank address is none");
        assertTrue(f.comms.suppressions.isEmpty());
    }

    @Test
    void aPartnersChoice_holds_andADecisionIsRecordedOnce() {
        f.comms.optOut(f.ada.id(), Topic.BROADCAST, CommsFixture.NOV_2);
        assertEquals(Deliver.Outcome.OPTED_OUT, deliver("b#1", Topic.BROADCAST));
        assertEquals(Deliver.Outcome.ALREADY_OPTED_OUT, deliver("b#1", Topic.BROADCAST));
        assertEquals(Deliver.Outcome.SENT, deliver("c#1", Topic.CHECKIN), "the other topics still go");
    }

    @Test
    void lookingAtALink_changesNothing_andTheButtonUnsubscribes_once() {
        Unsubscribe unsubscribe = new Unsubscribe(f.links, f.comms, f.clock);
        String token = f.links.token(f.ada.id(), Topic.CHECKIN);
        UnsubscribeLinks.Target target = new UnsubscribeLinks.Target(f.ada.id(), Topic.CHECKIN);
        assertEquals(new Unsubscribe.Result.Confirm(target), unsubscribe.check(token));
        assertEquals(Choice.ALL, f.comms.find(f.ada.id()).choice(Topic.CHECKIN));
        assertEquals(new Unsubscribe.Result.Unsubscribed(target), unsubscribe.unsubscribe(token));
        assertEquals(new Unsubscribe.Result.Unsubscribed(target), unsubscribe.unsubscribe(token));
        assertEquals(Choice.NONE, f.comms.find(f.ada.id()).choice(Topic.CHECKIN));
        assertEquals(Choice.ALL, f.comms.find(f.ada.id()).choice(Topic.BROADCAST));
    }

    @Test
    void aLinkThisProgramDidNotSign_isABadLink_andChangesNothing() {
        Unsubscribe unsubscribe = new Unsubscribe(f.links, f.comms, f.clock);
        String forged = new UnsubscribeLinks("", () -> List.of("another-secret-0123456789"))
                .token(f.ada.id(), Topic.CHECKIN);
        assertInstanceOf(Unsubscribe.Result.BadLink.class, unsubscribe.unsubscribe(forged));
        assertInstanceOf(Unsubscribe.Result.BadLink.class, unsubscribe.check(null));
        assertTrue(f.comms.preferences.isEmpty());
    }
}
