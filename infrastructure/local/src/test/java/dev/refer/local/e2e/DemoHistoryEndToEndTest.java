package dev.refer.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.local.LocalStack;
import dev.refer.testkit.mail.SesOutbox;
import dev.refer.testkit.portal.PortalSignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ./run-local --demo}: three months of believable history (partners with clicks, leads in every status, sales,
 * renewals and a refund), and a newcomer can run last month's payout and check-ins at once and read every statement
 * and check-in in the outbox; the clock is back at the real time.
 */
class DemoHistoryEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-demo")
                .withAdminKey("demo-admin-key").withAccessLog(false).withDemo(true));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static JsonNode admin(String method, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .header("x-admin-key", stack.adminKey()).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void threeMonthsOfHistory_thenLastMonthsPayoutAndCheckins_atOnce() throws Exception {
        assertTrue(Duration.between(stack.now(), Instant.now()).abs().toSeconds() < 60, "the clock is back: " + stack.now());
        JsonNode partners = admin("GET", "/admin/partners").get("items");
        assertEquals(4, partners.size(), partners.toString());
        Set<String> statuses = new TreeSet<>();
        Set<String> kinds = new TreeSet<>();
        for (JsonNode partner : partners) {
            String id = partner.get("id").asText();
            admin("GET", "/admin/partners/" + id + "/leads?limit=100").get("items")
                    .forEach(lead -> statuses.add(lead.get("status").asText()));
            admin("GET", "/admin/partners/" + id + "/conversions?limit=100").get("items")
                    .forEach(conversion -> kinds.add(conversion.get("type").asText()));
        }
        assertEquals(Set.of("CONVERTED", "NEW", "QUALIFIED", "REJECTED"), statuses);
        assertEquals(Set.of("refund", "renewal", "sale"), kinds);

        int before = stack.outbox().messages().size();
        admin("POST", "/_local/schedules/PayoutPlannerFunction");
        admin("POST", "/_local/schedules/CheckinPlannerFunction/MonthlyCheckins");
        stack.awaitIdle(Duration.ofMinutes(2));

        var sent = stack.outbox().messages().subList(before, stack.outbox().messages().size());
        Set<String> statementsTo = new TreeSet<>();
        Set<String> checkinsTo = new TreeSet<>();
        for (var mail : sent) {
            String subject = mail.subject().toLowerCase(java.util.Locale.ROOT);
            if (subject.contains("statement") || subject.contains("payout")) {
                statementsTo.addAll(mail.to());
            } else {
                checkinsTo.addAll(mail.to());
            }
        }
        assertTrue(statementsTo.size() >= 2, "statements for the partners owed at least the minimum: " + sent);
        assertTrue(checkinsTo.size() >= 4, "a check-in for every partner, the one who has not started too: " + sent);
    }

    /**
     * {@code ./run-local --demo}: the demo partner signs in to the portal on plain http://127.0.0.1 through the real
     * gateway: the sign-in email is in the local outbox, the cookie comes without Secure (a browser keeps it there),
     * and the session works until signing out.
     */
    @Test
    void theDemoPartner_signsInToThePortal_throughTheLocalOutbox() throws Exception {
        String anna = "anna@northwind-agency.example";
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(stack.baseUri().resolve("/portal/signin"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("action=\"/portal/signin\""), page.body());

        PortalSignIn.SignedIn signedIn = PortalSignIn.throughGateway(stack.baseUri(), stack.outbox()::to, anna);
        SesOutbox.Mail mail = stack.outbox().to(anna).getLast();
        assertTrue(mail.text().contains(stack.baseUri().resolve("/portal/signin/confirm?token=").toString()),
                mail.text());
        assertTrue(signedIn.cookie().startsWith("refer_portal="), signedIn.cookie());

        HttpResponse<String> session = http.send(HttpRequest.newBuilder(stack.baseUri().resolve("/portal/api/session"))
                .header("cookie", signedIn.cookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, session.statusCode(), session.body());
        assertTrue(session.body().contains("Anna Schmidt"), session.body());

        HttpResponse<String> out = http.send(HttpRequest.newBuilder(stack.baseUri().resolve("/portal/signout"))
                .header("cookie", signedIn.cookie()).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + signedIn.csrfToken())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, out.statusCode());
        HttpResponse<String> after = http.send(HttpRequest.newBuilder(stack.baseUri().resolve("/portal/api/session"))
                .header("cookie", signedIn.cookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, after.statusCode(), "signed out");
    }
}
