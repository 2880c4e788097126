package dev.refer.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.refer.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A month in a minute: the local stack's test clock moves every function's time forward, and the schedules that came
 * due on the way run in order (the payout run pays the commission whose holding period ended, the partner's
 * statement is in the outbox), without waiting for a month to end.
 */
class TestClockEndToEndTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-clock")
                .withAdminKey("clock-admin-key").withAccessLog(false));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> send(String method, String path, String json, boolean admin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path)).header("user-agent", BROWSER);
        if (admin) {
            request.header("x-admin-key", stack.adminKey());
        }
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void movingTheClockTwoMonths_runsTheDueSchedulesInOrder_andPaysTheCommissionWhoseHoldingEnded() throws Exception {
        assertEquals(200, send("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000},"allowedDestinationHosts":["example.com"],
                 "payouts":{"minimum":{"EUR":1000},"locale":"en-GB","managerEmail":"manager@program.example"}}""",
                true).statusCode());
        String partnerId = JSON.readTree(send("POST", "/admin/partners",
                "{\"name\":\"Clock Partner\",\"email\":\"clock@partner.example\"}", true).body()).get("id").asText();
        assertEquals(201, send("POST", "/admin/partners/" + partnerId + "/links",
                "{\"code\":\"clock-link\",\"destination\":\"https://example.com/\"}", true).statusCode());
        String location = send("GET", "/clock-link", null, false).headers().firstValue("location").orElseThrow();
        String rid = location.substring(location.indexOf("rid=") + 4).split("&")[0];
        Instant start = stack.now();
        String body = "{\"id\":\"evt_clock\",\"type\":\"sale\",\"orderId\":\"inv_clock\",\"amount\":10000,"
                + "\"currency\":\"EUR\",\"occurredAt\":\"" + start.minusSeconds(5) + "\","
                + "\"customer\":{\"externalId\":\"cus_clock\",\"email\":\"buyer@acme.example\"},\"rid\":\"" + rid + "\"}";
        long ts = System.currentTimeMillis() / 1000;
        String signature = new Webhook(stack.webhookSecret()).sign("msg_clock", ts, body);
        HttpResponse<String> sale = HTTP.send(HttpRequest.newBuilder(stack.baseUri().resolve("/webhooks/conversions"))
                .header("content-type", "application/json").header("webhook-id", "msg_clock")
                .header("webhook-timestamp", Long.toString(ts)).header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sale.statusCode(), sale.body());
        stack.awaitIdle();

        // the commission is payable 30 days after the sale: the run on the 1st of the month after that pays it
        YearMonth paidIn = YearMonth.from(start.plus(java.time.Duration.ofDays(31)).atZone(ZoneOffset.UTC));
        Instant target = paidIn.plusMonths(1).atDay(1).atTime(7, 0).toInstant(ZoneOffset.UTC);
        HttpResponse<String> moved = send("POST", "/_local/clock", "{\"to\":\"" + target + "\"}", true);
        assertEquals(200, moved.statusCode(), moved.body());
        JsonNode answer = JSON.readTree(moved.body());
        assertTrue(Instant.parse(answer.get("now").asText()).compareTo(target) >= 0);
        List<String> payoutRuns = new ArrayList<>();
        Instant previous = Instant.MIN;
        for (JsonNode run : answer.get("runs")) {
            Instant at = Instant.parse(run.get("at").asText());
            assertTrue(!at.isBefore(previous), "in order: " + moved.body());
            previous = at;
            if (run.get("schedule").asText().equals("PayoutPlannerFunction/MonthlyRun")) {
                payoutRuns.add(run.get("at").asText());
            }
        }
        assertEquals(2, payoutRuns.size(), "a run on each 1st on the way: " + payoutRuns);
        assertTrue(moved.body().contains("CheckinPlannerFunction/DailyDigests"), moved.body());
        assertTrue(moved.body().contains("ClickRollupFunction/"), moved.body());

        JsonNode payouts = JSON.readTree(send("GET", "/admin/partners/" + partnerId + "/payouts", null, true).body());
        assertEquals(1, payouts.get("items").size(), payouts.toString());
        assertEquals(2000, payouts.get("items").get(0).get("amount").get("minor").asInt(), payouts.toString());
        assertEquals(paidIn.toString(), payouts.get("items").get(0).get("period").asText());
        assertTrue(stack.outbox().messages().stream().anyMatch(m -> m.to().contains("clock@partner.example")),
                "the partner's statement was sent");
        assertEquals(target.toString().substring(0, 13),
                JSON.readTree(send("GET", "/_local/clock", null, true).body()).get("now").asText().substring(0, 13));
    }

    @Test
    void theClock_refusesToMoveBack_badInput_andCallersWithoutTheAdminKey() throws Exception {
        assertEquals(403, send("POST", "/_local/clock", "{\"advance\":\"PT1H\"}", false).statusCode());
        HttpResponse<String> back = send("POST", "/_local/clock", "{\"to\":\"2001-01-01T00:00:00Z\"}", true);
        assertEquals(400, back.statusCode());
        assertEquals("application/problem+json", back.headers().firstValue("content-type").orElse(null));
        assertTrue(back.body().contains("never moves back"), back.body());
        assertEquals(400, send("POST", "/_local/clock", "{\"advance\":\"a month\"}", true).statusCode());
        assertEquals(400, send("POST", "/_local/clock", "[1]", true).statusCode());
        assertEquals(400, send("POST", "/_local/clock", "not json", true).statusCode());
    }
}
