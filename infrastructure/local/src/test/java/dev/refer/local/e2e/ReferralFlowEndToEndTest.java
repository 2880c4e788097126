package dev.refer.local.e2e;

import com.standardwebhooks.Webhook;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole referral flow over real HTTP through the local stack (every function of template.yaml, DynamoDB Local,
 * moto, the click stream consumer): program → partner → link → click → leads (JSON and plain form) → signed sale →
 * commission → partial refund → reversal → qualified lead reward → stats that add up.
 */
class ReferralFlowEndToEndTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
    private static LocalStack stack;
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-e2e")
                .withAdminKey("e2e-admin-key").withAccessLog(false));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(stack.baseUri().resolve(path)).header("user-agent", BROWSER);
    }

    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request(path).header("x-admin-key", stack.adminKey());
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = new ObjectMapper().readValue(response.body(), Map.class);
        return map;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(HttpResponse<String> response) throws IOException {
        return (List<Map<String, Object>>) json(response).get("items");
    }

    private static HttpResponse<String> webhook(String body) throws Exception {
        String id = "msg_" + System.nanoTime();
        long now = System.currentTimeMillis() / 1000;
        return send(request("/webhooks/conversions").header("content-type", "application/json")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", new Webhook(stack.webhookSecret()).sign(id, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void referralFlow_fromLinkToCommissionAndStats() throws Exception {
        assertEquals(403, send(request("/admin/program")).statusCode(), "admin routes need the admin key");

        HttpResponse<String> program = admin("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000,"leadRewardMinor":2500},
                 "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"]}""");
        assertEquals(200, program.statusCode(), program.body());

        HttpResponse<String> partner = admin("POST", "/admin/partners",
                "{\"name\":\"Anna Partner\",\"email\":\"anna@partner.example\"}");
        assertEquals(201, partner.statusCode(), partner.body());
        String partnerId = (String) json(partner).get("id");

        HttpResponse<String> link = admin("POST", "/admin/partners/" + partnerId + "/links",
                "{\"code\":\"anna-e2e\",\"destination\":\"https://example.com/pricing\",\"campaign\":\"newsletter\"}");
        assertEquals(201, link.statusCode(), link.body());
        assertEquals(stack.baseUri().resolve("/anna-e2e").toString(), json(link).get("url"));

        // a visitor follows the short link
        HttpResponse<String> redirect = send(request("/anna-e2e?utm_source=linkedin"));
        assertEquals(302, redirect.statusCode());
        String location = redirect.headers().firstValue("location").orElseThrow();
        assertTrue(location.startsWith("https://example.com/pricing?utm_source=linkedin&ref=anna-e2e&rid="), location);
        String rid = location.substring(location.indexOf("rid=") + 4);
        assertEquals(404, send(request("/no-such-link")).statusCode());

        // two leads carrying the click id: one from a script (JSON), one from a plain HTML form
        HttpResponse<String> jsonLead = send(request("/leads").header("content-type", "application/json")
                .header("origin", "https://www.example.com")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ada@acme.example\",\"name\":\"Ada\",\"rid\":\"" + rid + "\"}")));
        assertEquals(202, jsonLead.statusCode(), jsonLead.body());
        assertEquals("https://www.example.com", jsonLead.headers().firstValue("access-control-allow-origin").orElse(null));
        String form = "email=" + URLEncoder.encode("bob@corp.example", StandardCharsets.UTF_8) + "&name=Bob&rid=" + rid
                + "&website_url=&redirect_to=" + URLEncoder.encode("https://www.example.com/thanks", StandardCharsets.UTF_8);
        HttpResponse<String> formLead = send(request("/leads").header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(303, formLead.statusCode(), formLead.body());
        assertEquals("https://www.example.com/thanks", formLead.headers().firstValue("location").orElseThrow());

        List<Map<String, Object>> leads = items(admin("GET", "/admin/partners/" + partnerId + "/leads", null));
        assertEquals(2, leads.size());
        for (Map<String, Object> lead : leads) {
            Map<String, Object> attribution = (Map<String, Object>) lead.get("attribution");
            assertEquals("CLICK", attribution.get("path"));
            assertEquals(rid, attribution.get("clickId"));
        }

        // the billing system reports Ada's first sale, signed; a redelivery changes nothing
        Instant saleTime = Instant.now().truncatedTo(ChronoUnit.SECONDS); // after the lead: evidence precedes the sale
        String sale = """
                {"id":"evt_sale_1","type":"sale","orderId":"inv_1001","amount":10000,"currency":"EUR",
                 "occurredAt":"%s","customer":{"externalId":"cus_ada","email":"ada@acme.example"}}""".formatted(saleTime);
        HttpResponse<String> recorded = webhook(sale);
        assertEquals(200, recorded.statusCode(), recorded.body());
        assertEquals(2000, ((Number) json(recorded).get("commissionMinor")).intValue());
        assertEquals("duplicate", json(webhook(sale)).get("status"));

        // a partial refund reverses the commission pro rata
        HttpResponse<String> refund = webhook("""
                {"id":"evt_refund_1","type":"refund","orderId":"inv_1001","amount":2500,"currency":"EUR",
                 "occurredAt":"%s","customer":{"externalId":"cus_ada"}}""".formatted(saleTime.plusSeconds(1)));
        assertEquals(200, refund.statusCode(), refund.body());
        assertEquals(-500, ((Number) json(refund).get("commissionMinor")).intValue());

        // Bob's lead is qualified by the sales team: the lead reward
        String bobLead = (String) leads.stream().filter(l -> l.get("email").equals("bob@corp.example")).findFirst()
                .orElseThrow().get("id");
        HttpResponse<String> qualified = admin("POST", "/admin/leads/" + bobLead + "/qualify", null);
        assertEquals(200, qualified.statusCode(), qualified.body());

        List<Map<String, Object>> commissions = items(admin("GET", "/admin/partners/" + partnerId + "/commissions", null));
        assertEquals(List.of("QUALIFIED_LEAD", "REVERSAL", "SALE"), commissions.stream().map(c -> c.get("kind")).toList());
        assertEquals(List.of(2500, -500, 2000), commissions.stream()
                .map(c -> ((Number) ((Map<String, Object>) c.get("amount")).get("minor")).intValue()).toList());
        assertEquals(2, items(admin("GET", "/admin/partners/" + partnerId + "/conversions", null)).size());

        // the counters add up: clicks arrive through the table's stream and count once the roll-up ran
        stack.awaitStreamsIdle();
        HttpResponse<String> rollUp = admin("POST", "/_local/schedules/ClickRollupFunction", null);
        assertEquals(200, rollUp.statusCode(), rollUp.body());
        assertEquals(1, ((Number) json(rollUp).get("clicks")).intValue(), rollUp.body());
        Map<String, Object> stats = json(admin("GET", "/admin/partners/" + partnerId + "/stats?month=" + YearMonth.from(saleTime.atZone(ZoneOffset.UTC)), null));
        Map<String, Object> allTime = (Map<String, Object>) stats.get("allTime");
        assertEquals(1, number(allTime, "clicks"));
        assertEquals(2, number(allTime, "leads"));
        assertEquals(1, number(allTime, "leadStatus.CONVERTED"));
        assertEquals(1, number(allTime, "leadStatus.QUALIFIED"));
        assertEquals(0, number(allTime, "leadStatus.NEW"));
        assertEquals(1, number(allTime, "sales"));
        assertEquals(1, number(allTime, "refunds"));
        assertEquals(7500, number(allTime, "revenue.EUR"));
        assertEquals(4000, number(allTime, "commissionEarned.EUR"));
        assertEquals(4000, number(allTime, "commissionStatus.PENDING.EUR"));
        assertNotNull(stats.get("monthly"));
    }

    @Test
    void webhook_whenDeliveredEightTimesConcurrentlyOverHttp_recordsOneConversion() throws Exception {
        admin("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"plan":{"saleRateBps":1000}}""");
        String body = """
                {"id":"evt_concurrent","type":"sale","orderId":"inv_concurrent","amount":5000,"currency":"EUR",
                 "occurredAt":"%s","customer":{"externalId":"cus_x"}}""".formatted(Instant.now().minusSeconds(60)
                .truncatedTo(ChronoUnit.SECONDS));
        List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            deliveries.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return webhook(body);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        int recorded = 0;
        for (CompletableFuture<HttpResponse<String>> delivery : deliveries) {
            HttpResponse<String> response = delivery.join();
            assertEquals(200, response.statusCode(), response.body());
            recorded += response.body().contains("\"recorded\"") ? 1 : 0;
        }
        assertEquals(1, recorded);
        var conversion = stack.dynamoDb().getItem(r -> r.tableName(stack.tableName()).consistentRead(true)
                .key(Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CONVERSION#main#evt_concurrent"),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CONVERSION"))));
        assertTrue(conversion.hasItem());
    }

    /** A popular partner: 16 visitors at once, 400 leads in all; none fails and the counters show every one. */
    @Test
    @SuppressWarnings("unchecked")
    void leadsForOnePartner_postedBySixteenThreadsAtOnce_allSucceedAndAllCount() throws Exception {
        admin("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"plan":{"saleRateBps":1000},
                 "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"]}""");
        String partnerId = (String) json(admin("POST", "/admin/partners",
                "{\"name\":\"Hot Partner\",\"email\":\"hot@partner.example\"}")).get("id");
        assertEquals(201, admin("POST", "/admin/partners/" + partnerId + "/links",
                "{\"code\":\"hot-e2e\",\"destination\":\"https://example.com/\"}").statusCode());
        int threads = 16;
        int perThread = 25;
        List<CompletableFuture<List<Integer>>> posters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            posters.add(CompletableFuture.supplyAsync(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    String body = "{\"email\":\"v" + thread + "-" + i + "@hot.example\",\"ref\":\"hot-e2e\"}";
                    try {
                        statuses.add(send(request("/leads").header("content-type", "application/json")
                                .header("origin", "https://www.example.com")
                                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return statuses;
            }, java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()));
        }
        List<Integer> statuses = new ArrayList<>();
        posters.forEach(poster -> statuses.addAll(poster.join()));
        assertEquals(threads * perThread, statuses.stream().filter(status -> status == 202).count(), statuses.toString());

        stack.awaitStreamsIdle();
        Map<String, Object> stats = json(admin("GET", "/admin/partners/" + partnerId + "/stats", null));
        assertEquals(threads * perThread, number((Map<String, Object>) stats.get("allTime"), "leads"));
    }

    private static long number(Map<String, Object> counters, String name) {
        Object value = counters.get(name);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
