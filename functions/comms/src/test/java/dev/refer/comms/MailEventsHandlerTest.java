package dev.refer.comms;

import dev.refer.core.comms.consent.Suppression;
import dev.refer.dynamodb.comms.DynamoDbSuppressionList;
import dev.refer.testkit.events.SesNotifications;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mail-events function (MailEventsFunction) as SNS invokes it, through its public environment constructor, on
 * DynamoDB Local: SES's bounce, complaint and delivery events (test kit's SesNotifications) decide who gets no more
 * mail, read back from the program's suppression list.
 */
class MailEventsHandlerTest {

    private static void deliver(MailEventsHandler handler, byte[] snsEvent) throws IOException {
        handler.handleRequest(new ByteArrayInputStream(snsEvent), new ByteArrayOutputStream(), null);
    }

    private static Optional<Suppression> suppression(CommsHarness.Scenario scenario, String address) {
        return new DynamoDbSuppressionList(CommsHarness.table().client(), scenario.config).find(address);
    }

    @Test
    void aPermanentBounce_suppressesEveryBouncedRecipient_asABounce_theAddressesNormalized() throws IOException {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        MailEventsHandler handler = new MailEventsHandler(scenario.env);

        deliver(handler, SesNotifications.snsEvent(SesNotifications.bounce("Permanent", "NoEmail",
                scenario.address("ada"), "  " + scenario.address("bob").toUpperCase() + " ")));

        Suppression ada = suppression(scenario, scenario.address("ada")).orElseThrow();
        assertEquals(Suppression.Reason.BOUNCE, ada.reason());
        assertEquals("NoEmail", ada.detail(), "the bounce's sub-type says why");
        assertEquals(Suppression.Reason.BOUNCE, suppression(scenario, scenario.address("bob")).orElseThrow().reason());
    }

    @Test
    void aComplaint_suppressesTheAddress_asAComplaint() throws IOException {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        MailEventsHandler handler = new MailEventsHandler(scenario.env);

        deliver(handler, SesNotifications.snsEvent(SesNotifications.complaint("abuse", scenario.address("ada"))));

        Suppression ada = suppression(scenario, scenario.address("ada")).orElseThrow();
        assertEquals(Suppression.Reason.COMPLAINT, ada.reason());
        assertEquals("abuse", ada.detail());
    }

    @Test
    void aTransientBounce_andADelivery_suppressNoOne() throws IOException {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        MailEventsHandler handler = new MailEventsHandler(scenario.env);

        deliver(handler, SesNotifications.snsEvent(
                SesNotifications.bounce("Transient", "MailboxFull", scenario.address("ada")),
                SesNotifications.delivery(scenario.address("bob"))));

        assertTrue(suppression(scenario, scenario.address("ada")).isEmpty(), "a full mailbox may empty");
        assertTrue(suppression(scenario, scenario.address("bob")).isEmpty());
    }

    @Test
    void anEventSnsRedelivers_changesNothingMore() throws IOException {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        MailEventsHandler handler = new MailEventsHandler(scenario.env);
        byte[] event = SesNotifications.snsEvent(SesNotifications.bounce("Permanent", "General",
                scenario.address("ada")));

        deliver(handler, event);
        Suppression first = suppression(scenario, scenario.address("ada")).orElseThrow();
        deliver(handler, event);

        Suppression again = suppression(scenario, scenario.address("ada")).orElseThrow();
        assertEquals(first.reason(), again.reason());
        assertEquals(first.detail(), again.detail());
    }
}
