package dev.refer.comms;

import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.notify.DigestBook;
import dev.refer.core.comms.notify.Notification;
import dev.refer.core.comms.notify.SalesAlert;
import dev.refer.core.comms.notify.SendSalesDigest;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.dynamodb.comms.DynamoDbCommsSettings;
import dev.refer.dynamodb.comms.DynamoDbDigestBook;
import dev.refer.dynamodb.comms.DynamoDbPreferences;
import dev.refer.sqs.SqsMailingMessages;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications through the mail queue and its worker (what the stream function hands over), with DynamoDB Local,
 * the in-process SQS and SES in moto: each is told once, now, in the day's digest or not at all as the partner chose
 * per topic; sales hear of each new lead once; a flood of one partner's leads sends the first
 * {@value CommsSettings#DEFAULT_NOTIFICATIONS_PER_DAY} (a program setting) now and the rest in the digest (the partner's, and sales' lead digest).
 */
class NotificationsTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T10:00:00Z");
    private static final int PER_DAY = CommsSettings.DEFAULT_NOTIFICATIONS_PER_DAY;

    private static Notification lead(CommsHarness.Scenario scenario, String partner, int n) {
        return new Notification("lead_new#" + scenario.tag + "-" + partner + "-" + n, scenario.partnerId(partner),
                Topic.LEADS, new NotificationLetter.Event(NotificationLetter.What.LEAD_NEW, NOV_1.plusSeconds(n),
                "Lead " + n + " <b>Co</b>", null, null));
    }

    private static Notification commission(CommsHarness.Scenario scenario, String partner, int n) {
        return new Notification("commission#" + scenario.tag + "-" + partner + "-" + n, scenario.partnerId(partner),
                Topic.COMMISSIONS, new NotificationLetter.Event(NotificationLetter.What.COMMISSION_EARNED,
                NOV_1.plusSeconds(n), "order-" + n, Money.of(2_500, "EUR"), "20 % of the sale"));
    }

    private static void choose(CommsHarness.Scenario scenario, String partner, Topic topic, Choice choice) {
        var preferences = new DynamoDbPreferences(CommsHarness.table().client(), scenario.config);
        preferences.save(preferences.find(scenario.partnerId(partner)).with(topic, choice), NOV_1);
    }

    @Test
    void eachNotification_isToldOnce_nowInTheDigestOrNotAtAll_asThePartnerChose() throws Exception {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        choose(scenario, "bob", Topic.LEADS, Choice.DIGEST);
        choose(scenario, "ada", Topic.COMMISSIONS, Choice.NONE);
        SqsMailingMessages queue = new SqsMailingMessages(CommsHarness.sqs(), scenario.queueUrl);
        List<Notification> told = List.of(lead(scenario, "ada", 1), commission(scenario, "ada", 2),
                lead(scenario, "bob", 3), lead(scenario, "bob", 4), commission(scenario, "bob", 5));
        SalesAlert alert = new SalesAlert("L-" + scenario.tag, "Lee <script>", "lee@client.example",
                "Client Co", scenario.partnerId("ada"), NOV_1);

        queue.notify(told, List.of(alert));
        queue.notify(told, List.of(alert)); // the stream's retry of the same batch
        scenario.work();

        Map<String, List<String>> now = scenario.mails();
        assertEquals(1, now.get("ada").size(), "ada: the lead now, not the commission (none): " + now);
        assertTrue(now.get("ada").get(0).contains("Lead 1"), now.toString());
        assertEquals(1, now.get("bob").size(), "bob: the commission now, the leads wait for the digest: " + now);
        assertTrue(now.get("bob").get(0).contains("€25.00"), now.toString());
        assertEquals(1, now.get("manager").size(), "one alert for the lead, queued twice: " + now);
        assertTrue(now.get("manager").get(0).startsWith("New partner lead: “Lee <script>”"), now.toString());

        scenario.plan("{\"job\":\"digest\",\"day\":\"2026-11-01\"}");
        scenario.plan("{\"job\":\"digest\",\"day\":\"2026-11-01\"}"); // a rerun of the day's digests

        Map<String, List<String>> after = scenario.mails();
        assertEquals(2, after.get("bob").size(), "bob's digest, once: " + after);
        assertTrue(after.get("bob").get(1).contains("leads") && after.get("bob").get(1).endsWith("(2)"),
                after.toString());
        assertEquals(1, after.get("ada").size(), "nothing in ada's digest: " + after);
        assertEquals(1, after.get("manager").size());
    }

    @Test
    void aFloodOfAPartnersLeads_isToldOneByOneUpToTheDaysQuota_andTheRestInTheDigests_ofThePartnerAndOfSales()
            throws Exception {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        SqsMailingMessages queue = new SqsMailingMessages(CommsHarness.sqs(), scenario.queueUrl);
        List<Notification> flood = new ArrayList<>();
        List<SalesAlert> alerts = new ArrayList<>();
        for (int n = 1; n <= PER_DAY + 5; n++) {
            flood.add(lead(scenario, "ada", n));
            alerts.add(new SalesAlert("L" + n + "-" + scenario.tag, "Lead " + n, "lead" + n + "@client.example",
                    null, scenario.partnerId("ada"), NOV_1.plusSeconds(n)));
        }
        queue.notify(flood, alerts);
        queue.notify(flood.subList(0, 3), alerts.subList(0, 3)); // redelivered: admitted before, told once
        scenario.work();

        assertEquals(PER_DAY, scenario.mails().get("ada").size());
        assertEquals(PER_DAY, scenario.mails().get("manager").size(), "sales: the day's 20 of ada's leads");

        DigestBook.Held held = new DynamoDbDigestBook(CommsHarness.table().client(), scenario.config)
                .held(LocalDate.parse("2026-11-01"), SendSalesDigest.LEAD_DIGEST_LINES);
        assertEquals(List.of("L21", "L22", "L23", "L24", "L25"), held.alerts().stream()
                .map(a -> a.leadId().substring(0, a.leadId().indexOf('-'))).toList(), "held for sales, in order");
        assertEquals(5, held.total());

        scenario.plan("{\"job\":\"digest\",\"day\":\"2026-11-01\"}");
        scenario.plan("{\"job\":\"digest\",\"day\":\"2026-11-01\"}"); // a rerun: nothing goes twice
        List<String> ada = scenario.mails().get("ada");
        assertEquals(PER_DAY + 1, ada.size());
        assertTrue(ada.get(ada.size() - 1).endsWith("(5)"), "the other five in the digest: " + ada);
        List<String> sales = scenario.mails().get("manager");
        assertEquals(PER_DAY + 1, sales.size(), "sales: the other five in one lead digest: " + sales);
        assertTrue(sales.get(sales.size() - 1).endsWith(": 5 more partner leads on Nov 1, 2026"), sales.toString());

        // late: a lead of the 1st whose alert comes after that day's digests went out (a backlog, a redrive) waits
        // for today's digests, not for a digest that will never go again
        Notification late = lead(scenario, "ada", PER_DAY + 6);
        queue.notify(List.of(late), List.of(new SalesAlert("L26-" + scenario.tag, "Lead 26",
                "lead26@client.example", null, scenario.partnerId("ada"), NOV_1.plusSeconds(26))));
        scenario.work();
        var book = new DynamoDbDigestBook(CommsHarness.table().client(), scenario.config);
        LocalDate today = LocalDate.parse("2026-11-02");
        assertEquals(List.of("L26-" + scenario.tag), book.held(today, 10).alerts().stream()
                .map(SalesAlert::leadId).toList());
        assertEquals(5, book.held(LocalDate.parse("2026-11-01"), 10).total());
        assertEquals(1, book.events(scenario.partnerId("ada"), today, Topic.LEADS).size(), "in ada's digest of today");
        assertEquals(PER_DAY + 1, scenario.mails().get("ada").size(), "nothing sent now");
        assertEquals(PER_DAY + 1, scenario.mails().get("manager").size(), "nothing sent now");
        assertThrows(IllegalArgumentException.class,
                () -> scenario.plan("{\"job\":\"digest\",\"day\":\"2026-11-02\"}"), "today is not over");
    }

    @Test
    void aDayWithoutAFlood_sendsSalesNoLeadDigest() throws Exception {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        SqsMailingMessages queue = new SqsMailingMessages(CommsHarness.sqs(), scenario.queueUrl);
        queue.notify(List.of(lead(scenario, "ada", 1)), List.of(new SalesAlert("L1-" + scenario.tag, "Lead 1",
                "lead1@client.example", null, scenario.partnerId("ada"), NOV_1)));
        scenario.work();
        scenario.plan("{\"job\":\"digest\",\"day\":\"2026-11-01\"}");

        assertEquals(1, scenario.mails().get("manager").size(), "the one alert, no digest: " + scenario.mails());
    }

    @Test
    void theProgramsOwnDailyLimit_decidesWhatGoesOneByOne() throws Exception {
        CommsHarness.Scenario scenario = new CommsHarness.Scenario();
        var settings = new DynamoDbCommsSettings(CommsHarness.table().client(), scenario.config);
        CommsSettings s = settings.find();
        settings.save(new CommsSettings(s.programName(), s.idealCustomer(), s.valueProposition(), s.differentiators(),
                s.onboardingSteps(), s.resources(), s.note(), s.topPartners(), s.salesEmail(), 3));
        SqsMailingMessages queue = new SqsMailingMessages(CommsHarness.sqs(), scenario.queueUrl);
        List<Notification> flood = new ArrayList<>();
        List<SalesAlert> alerts = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            flood.add(lead(scenario, "ada", n));
            alerts.add(new SalesAlert("L" + n + "-" + scenario.tag, "Lead " + n, "lead" + n + "@client.example",
                    null, scenario.partnerId("ada"), NOV_1.plusSeconds(n)));
        }
        queue.notify(flood, alerts);
        scenario.work();
        assertEquals(3, scenario.mails().get("ada").size(), scenario.mails().toString());
        assertEquals(3, scenario.mails().get("manager").size(), scenario.mails().toString());

        scenario.plan("{\"job\":\"digest\",\"day\":\"2026-11-01\"}");
        List<String> ada = scenario.mails().get("ada");
        List<String> sales = scenario.mails().get("manager");
        assertTrue(ada.size() == 4 && ada.get(3).endsWith("(2)"), "the other two in ada's digest: " + ada);
        assertTrue(sales.size() == 4 && sales.get(3).endsWith(": 2 more partner leads on Nov 1, 2026"),
                "the other two in sales' lead digest: " + sales);
    }
}
