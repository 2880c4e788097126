package dev.refer.local.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.refer.local.LocalStack;
import dev.refer.testkit.mail.SesOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partner communications through the local stack (admin API, the mail queue in moto and its worker, the stream's
 * notifications, SES in moto): the month's check-ins reach the right partners with the right variant and numbers,
 * once; a partner who opted out, and an address that bounced, get nothing; every partner value is escaped; the
 * one-click unsubscribe link works and a forged one is refused; a broadcast previews, sends once and counts.
 */
class CommunicationsEndToEndTest {

    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final Instant IN_LAST_MONTH = LAST_MONTH.atDay(10).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LONG_AGO = LAST_MONTH.minusMonths(3).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-comms-e2e")
                .withAdminKey("comms-admin-key").withAccessLog(false));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void checkins_broadcasts_unsubscribe_and_suppression() throws Exception {
        ok(admin("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"maxEventAgeDays":90,
                 "plan":{"saleRateBps":1000},
                 "payouts":{"minimum":{"EUR":5000},"locale":"en-US","managerEmail":"manager@program.example"}}"""));
        ok(admin("PUT", "/admin/communications", """
                {"programName":"Acme Partners","idealCustomer":"Finance teams of 20 to 200 people",
                 "valueProposition":"Closes the books in a day","differentiators":["No setup fee"],
                 "resources":[{"title":"Pitch deck","url":"https://acme.example/deck.pdf"}],
                 "note":{"month":"%s","text":"Webinar on the 12th <b>bring a friend</b>"},"topPartners":1}"""
                .formatted(LAST_MONTH)));
        for (String bad : List.of("{\"topPartners\":99}", "{\"notificationsPerDay\":0}",
                "{\"notificationsPerDay\":501}", "{\"notificationsPerDay\":4294967297}",
                "{\"notificationsPerDay\":\"many\"}")) {
            HttpResponse<String> refused = admin("PUT", "/admin/communications", bad);
            assertEquals(400, refused.statusCode(), bad);
            assertEquals("application/problem+json", refused.headers().firstValue("content-type").orElse(""), bad);
        }
        String kept = admin("GET", "/admin/communications", null).body();
        assertTrue(kept.contains("\"topPartners\":1") && kept.contains("\"notificationsPerDay\":20"),
                "nothing refused was stored: " + kept);

        String top = partner("Tina Top", "tina@top.example", true);
        link(top, "tina-top");
        String idle = partner("Ian Idle", "ian@idle.example", true);
        String evil = partner("<img src=x onerror=alert(1)>", "evil@evil.example", true);
        String optedOut = partner("Olga Out", "olga@out.example", true);
        String bounced = partner("Bob Bounce", "bob@bounce.example", true);
        String fresh = partner("Nina New", "nina@new.example", false);
        ok(admin("PUT", "/admin/partners/" + top + "/preferences", "{\"shoutOut\":true}"));
        ok(admin("PUT", "/admin/partners/" + optedOut + "/preferences", "{\"topics\":{\"checkin\":\"none\"}}"));
        assertEquals(400, admin("PUT", "/admin/partners/" + optedOut + "/preferences",
                "{\"topics\":{\"checkin\":\"digest\"}}").statusCode(), "a digest is for notifications only");
        stack.invoke("MailEventsFunction", snsBounce("bob@bounce.example"));

        // Tina's sale last month: revenue, a commission, the top place
        HttpResponse<String> sale = webhook("""
                {"id":"evt_comms_1","type":"sale","orderId":"inv_c1","amount":120000,"currency":"EUR","ref":"tina-top",
                 "occurredAt":"%s","customer":{"externalId":"cus_c1","email":"buyer@client.example"}}"""
                .formatted(IN_LAST_MONTH));
        assertEquals(200, sale.statusCode(), sale.body());
        stack.awaitIdle(Duration.ofMinutes(2));
        // the stream noticed the commission; the mail worker told Tina, once
        List<SesOutbox.Mail> told = stack.outbox().messages().stream()
                .filter(m -> m.to().contains("tina@top.example")).toList();
        assertEquals(1, told.size(), told.toString());
        assertTrue(told.get(0).subject().contains("€120.00"), told.get(0).subject());

        int before = stack.outbox().messages().size();
        HttpResponse<String> run = admin("POST", "/admin/checkin-runs", "{\"month\":\"" + LAST_MONTH + "\"}");
        assertEquals(202, run.statusCode(), run.body());
        stack.awaitIdle(Duration.ofMinutes(2));
        assertEquals(400, admin("POST", "/admin/checkin-runs", "{\"month\":\"2999-01\"}").statusCode());
        // a rerun sends nothing twice
        assertEquals(202, admin("POST", "/admin/checkin-runs", "{\"month\":\"" + LAST_MONTH + "\"}").statusCode());
        stack.awaitIdle(Duration.ofMinutes(2));

        List<SesOutbox.Mail> mails = stack.outbox().messages().subList(before, stack.outbox().messages().size());
        SesOutbox.Mail tina = only(mails, "tina@top.example");
        assertTrue(tina.subject().startsWith("Thank you: you were a top Acme Partners partner"), tina.subject());
        assertTrue(tina.text().contains("Revenue you brought: €1,200.00"), tina.text());
        assertTrue(tina.text().contains("Commissions earned: €120.00"), tina.text());
        assertTrue(tina.text().contains("Shout-out to") && tina.text().contains("Tina Top"), tina.text());
        assertTrue(tina.text().contains("tina-top: 0 clicks"), tina.text());
        assertTrue(tina.html().contains("Webinar on the 12th &lt;b&gt;bring a friend&lt;/b&gt;"), tina.html());
        assertTrue(tina.raw().contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), tina.raw());

        SesOutbox.Mail ian = only(mails, "ian@idle.example");
        assertTrue(ian.subject().contains("how to share your link"), ian.subject());
        assertTrue(ian.text().contains("Nobody followed your links"), ian.text());
        assertTrue(ian.text().contains("€1,200.00") == false, "Ian's numbers are his own");

        SesOutbox.Mail nina = only(mails, "nina@new.example");
        assertTrue(nina.subject().startsWith("Getting started with Acme Partners"), nina.subject());
        assertTrue(nina.text().contains("Who we help best: Finance teams"), nina.text());

        SesOutbox.Mail injected = only(mails, "evil@evil.example");
        assertFalse(injected.html().contains("<img src=x"), "a partner's name is escaped");
        assertTrue(injected.html().contains("&lt;img src=x onerror=alert(1)&gt;"), injected.html());

        assertTrue(mails.stream().noneMatch(m -> m.to().contains("olga@out.example")), "opted out of check-ins");
        assertTrue(mails.stream().noneMatch(m -> m.to().contains("bob@bounce.example")), "the address bounced");
        SesOutbox.Mail summary = only(mails, "manager@program.example");
        assertTrue(summary.text().contains("1 partners brought revenue") && summary.text().contains("Tina Top"),
                summary.text());
        Map<String, Object> counts = counts(json(admin("GET", "/admin/checkin-runs/" + LAST_MONTH, null)));
        assertEquals(Map.of("sent", 4, "suppressed", 1, "opted_out", 1, "failed", 0), counts);

        // one-click unsubscribe with the link of Ian's email; a forged link changes nothing
        String unsubscribe = header(ian.raw(), "List-Unsubscribe");
        URI link = URI.create(unsubscribe.substring(1, unsubscribe.length() - 1));
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(local(link)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<form method=\"post\""), page.body());
        assertEquals("all", topics(idle).get("checkin"), "GET only asks");
        HttpResponse<String> forged = HTTP.send(HttpRequest.newBuilder(local(URI.create(
                link.toString().substring(0, link.toString().length() - 3) + "AAA")))
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, forged.statusCode());
        assertEquals("application/problem+json", forged.headers().firstValue("content-type").orElse(""));
        assertEquals("all", topics(idle).get("checkin"), "a forged link changes nothing");
        HttpResponse<String> oneClick = HTTP.send(HttpRequest.newBuilder(local(link))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, oneClick.statusCode(), oneClick.body());
        assertEquals("none", topics(idle).get("checkin"));
        assertEquals("all", topics(idle).get("broadcast"), "only the topic of the link");

        // a broadcast: the preview to the manager, then every active partner who wants it, once
        assertEquals(400, admin("POST", "/admin/broadcasts", "{\"subject\":\"\",\"body\":\"x\"}").statusCode());
        assertEquals(400, admin("POST", "/admin/broadcasts",
                "{\"subject\":\"Hi\",\"body\":\"x\",\"audience\":\"tier:gold\"}").statusCode());
        HttpResponse<String> created = admin("POST", "/admin/broadcasts",
                "{\"subject\":\"Training on Friday\",\"body\":\"Join us <script>alert(1)</script>\"}");
        assertEquals(201, created.statusCode(), created.body());
        String broadcastId = (String) json(created).get("id");
        stack.awaitIdle(Duration.ofMinutes(1));
        int beforeBroadcast = stack.outbox().messages().size();
        assertTrue(stack.outbox().messages().stream().anyMatch(m -> m.subject().equals("[Preview] Training on Friday")
                && m.to().contains("manager@program.example")));
        assertEquals(202, admin("POST", "/admin/broadcasts/" + broadcastId + "/send", null).statusCode());
        assertEquals(202, admin("POST", "/admin/broadcasts/" + broadcastId + "/send", null).statusCode());
        stack.awaitIdle(Duration.ofMinutes(2));
        List<SesOutbox.Mail> sent = stack.outbox().messages().subList(beforeBroadcast, stack.outbox().messages().size());
        assertEquals(5, sent.stream().filter(m -> m.subject().equals("Training on Friday")).count(),
                "six active partners, one bounced");
        assertTrue(sent.stream().allMatch(m -> !m.html().contains("<script>")));
        assertEquals(Map.of("sent", 5, "suppressed", 1, "opted_out", 0, "failed", 0),
                counts(json(admin("GET", "/admin/broadcasts/" + broadcastId, null)).get("run")));
        assertEquals(404, admin("GET", "/admin/broadcasts/nope", null).statusCode());
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static URI local(URI link) {
        return stack.baseUri().resolve(link.getRawPath() + "?" + link.getRawQuery());
    }

    private static String partner(String name, String email, boolean established) throws Exception {
        HttpResponse<String> created = admin("POST", "/admin/partners",
                JSON.writeValueAsString(Map.of("name", name, "email", email)));
        assertEquals(201, created.statusCode(), created.body());
        String id = (String) json(created).get("id");
        if (established) { // a partner of long standing (the admin API dates partners now)
            stack.dynamoDb().updateItem(r -> r.tableName(stack.tableName())
                    .key(Map.of("pk", AttributeValue.fromS("PARTNER#" + id), "sk", AttributeValue.fromS("PARTNER")))
                    .updateExpression("SET createdAt = :at")
                    .expressionAttributeValues(Map.of(":at", AttributeValue.fromS(LONG_AGO.toString()))));
        }
        return id;
    }

    private static void link(String partnerId, String code) throws Exception {
        ok(admin("POST", "/admin/partners/" + partnerId + "/links",
                "{\"code\":\"" + code + "\",\"destination\":\"https://acme.example/\"}"), 201);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> topics(String partnerId) throws Exception {
        return (Map<String, Object>) json(admin("GET", "/admin/partners/" + partnerId + "/preferences", null))
                .get("topics");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> counts(Object run) {
        Map<String, Object> counts = (Map<String, Object>) ((Map<String, Object>) run).get("counts");
        return Map.copyOf(counts.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                e -> ((Number) e.getValue()).intValue())));
    }

    private static SesOutbox.Mail only(List<SesOutbox.Mail> mails, String to) {
        List<SesOutbox.Mail> found = mails.stream().filter(m -> m.to().contains(to)
                && !m.subject().startsWith("Acme Partners: ") && !m.subject().startsWith("New partner lead")).toList();
        assertEquals(1, found.size(), to + " got " + found.stream().map(SesOutbox.Mail::subject).toList());
        return found.getFirst();
    }

    private static String header(String raw, String name) {
        for (String line : raw.split("\r?\n")) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2).strip();
            }
        }
        throw new AssertionError("no " + name + " header in\n" + raw);
    }

    private static String snsBounce(String address) throws IOException {
        String message = JSON.writeValueAsString(Map.of("eventType", "Bounce", "bounce", Map.of(
                "bounceType", "Permanent", "bounceSubType", "General",
                "bouncedRecipients", List.of(Map.of("emailAddress", address)))));
        return JSON.writeValueAsString(Map.of("Records", List.of(Map.of("EventSource", "aws:sns",
                "Sns", Map.of("Type", "Notification", "MessageId", "m-1", "Message", message)))));
    }

    private static HttpResponse<String> webhook(String body) throws Exception {
        String id = "msg_" + System.nanoTime();
        long now = System.currentTimeMillis() / 1000;
        return HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("/webhooks/conversions"))
                .header("content-type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", new Webhook(stack.webhookSecret()).sign(id, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .header("x-admin-key", stack.adminKey());
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void ok(HttpResponse<String> response) {
        ok(response, 200);
    }

    private static void ok(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        assertNotNull(response.body());
        return JSON.readValue(response.body(), Map.class);
    }
}
