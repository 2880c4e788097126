package dev.refer.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.refer.emulators.FunctionDef;
import dev.refer.emulators.SamTemplate;
import dev.refer.local.LocalStack;
import dev.refer.testkit.portal.PortalSignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Holds every AWS call each function makes against that function's policy in template.yaml: on AWS a call the policy
 * does not allow fails, while the local stack (no IAM) lets it through. Each function's calls go through a recorder
 * in front of the emulators; the test runs every function's SnapStart priming (as before a snapshot), every route of
 * the template, the stream consumer and every schedule, then compares what was called with what is allowed.
 */
class FunctionPoliciesTest {

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final Map<String, RecordingProxy> PROXIES = new ConcurrentHashMap<>();
    private static LocalStack stack;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final Set<String> routesCalled = new TreeSet<>();

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-iam")
                .withAdminKey("iam-admin-key").withAccessLog(false)
                .withEndpoints((function, emulator, endpoint) -> PROXIES.computeIfAbsent(function + "/" + emulator,
                        key -> {
                            try {
                                return new RecordingProxy(endpoint);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }).endpoint()));
    }

    @AfterAll
    static void stop() {
        stack.close();
        PROXIES.values().forEach(RecordingProxy::close);
    }

    @Test
    void everyCallOfEveryFunction_priming_routes_streamAndSchedules_isAllowedByItsPolicy() throws Exception {
        // before a snapshot: every registered priming hook, as SnapStart runs them
        stack.runBeforeCheckpointHooks();

        exerciseEveryRoute();
        stack.awaitIdle();
        for (FunctionDef function : TEMPLATE.functions()) {
            for (var schedule : function.schedules()) { // every schedule, a function's second one too
                HttpResponse<String> run = send("POST", "/_local/schedules/" + function.logicalId() + "/"
                        + schedule.eventName(), null, true);
                assertEquals(200, run.statusCode(), run.body());
            }
        }

        Set<String> templateRoutes = new TreeSet<>();
        TEMPLATE.functions().forEach(f -> f.routes().forEach(route -> templateRoutes.add(route.routeKey())));
        assertEquals(templateRoutes, routesCalled, "the test must call every route of the template");

        stack.awaitIdle(java.time.Duration.ofMinutes(2)); // the mail the stream queued, told by the worker
        List<String> denied = new ArrayList<>();
        for (FunctionDef function : TEMPLATE.functions()) {
            List<Statement> policy = policy(function.logicalId());
            Set<RecordingProxy.Call> calls = new LinkedHashSet<>();
            PROXIES.forEach((key, proxy) -> {
                if (key.startsWith(function.logicalId() + "/")) {
                    synchronized (proxy.calls) {
                        calls.addAll(proxy.calls);
                    }
                }
            });
            assertFalse(calls.isEmpty(), function.logicalId() + " made no AWS call: the recorder missed it");
            for (RecordingProxy.Call call : calls) {
                if (policy.stream().noneMatch(statement -> statement.allows(call))) {
                    denied.add(function.logicalId() + ": " + call.action() + " on " + call.resource());
                }
            }
        }
        assertEquals(List.of(), denied, "calls the template's policies do not allow");
    }

    @Test
    void theChecker_refusesWhatAPolicyDoesNotGrant() {
        List<Statement> redirect = policy("RedirectFunction");
        assertTrue(redirect.stream().anyMatch(s -> s.allows(new RecordingProxy.Call("dynamodb:GetItem", "table"))));
        assertFalse(redirect.stream().anyMatch(s -> s.allows(new RecordingProxy.Call("dynamodb:Query", "table"))));
        List<Statement> admin = policy("AdminApiFunction");
        assertTrue(admin.stream().anyMatch(s -> s.allows(new RecordingProxy.Call("dynamodb:Query",
                "table/index/GSI1"))));
        assertFalse(admin.stream().anyMatch(s -> s.allows(new RecordingProxy.Call("dynamodb:Query",
                "table/index/NOPE"))));
    }

    // ---- the flow ----------------------------------------------------------------------------------------------

    private void exerciseEveryRoute() throws Exception {
        ok(send("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000,"leadRewardMinor":2500},
                 "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"],
                 "payouts":{"minimum":{"EUR":1000},"locale":"de-DE","managerEmail":"manager@program.example"}}""",
                true), "PUT /admin/program");
        ok(send("GET", "/admin/program", null, true), "GET /admin/program");
        HttpResponse<String> partner = ok(send("POST", "/admin/partners",
                "{\"name\":\"Iam Partner\",\"email\":\"iam@partner.example\"}", true), "POST /admin/partners");
        String partnerId = JSON.readTree(partner.body()).get("id").asText();
        ok(send("GET", "/admin/partners", null, true), "GET /admin/partners");
        ok(send("GET", "/admin/partners/" + partnerId, null, true), "GET /admin/partners/{partnerId}");
        ok(send("PATCH", "/admin/partners/" + partnerId, "{\"status\":\"ACTIVE\"}", true),
                "PATCH /admin/partners/{partnerId}");
        ok(send("POST", "/admin/partners/" + partnerId + "/links",
                "{\"code\":\"iam-link\",\"destination\":\"https://example.com/\"}", true),
                "POST /admin/partners/{partnerId}/links");
        ok(send("GET", "/admin/partners/" + partnerId + "/links", null, true),
                "GET /admin/partners/{partnerId}/links");
        ok(send("PATCH", "/admin/links/iam-link", "{\"enabled\":true}", true), "PATCH /admin/links/{code}");

        // sub-ids: the redirect reads the names (its own GetItem), the counters count per value (their BatchGetItem)
        ok(send("PUT", "/admin/sub-ids", "{\"parameters\":[\"sub1\"]}", true), "PUT /admin/sub-ids");
        ok(send("GET", "/admin/sub-ids", null, true), "GET /admin/sub-ids");
        HttpResponse<String> redirect = send("GET", "/iam-link?sub1=iam&gclid=iam", null, false);
        assertEquals(302, redirect.statusCode());
        routesCalled.add("GET /{code}");
        String location = redirect.headers().firstValue("location").orElseThrow();
        String rid = location.substring(location.indexOf("rid=") + 4);

        HttpResponse<String> preflight = HTTP.send(HttpRequest.newBuilder(uri("/leads"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("origin", "https://www.example.com").header("access-control-request-method", "POST")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(preflight.statusCode() < 300, preflight.body());
        routesCalled.add("OPTIONS /leads");
        for (String email : List.of("ada@acme.example", "bob@corp.example")) {
            HttpResponse<String> lead = HTTP.send(HttpRequest.newBuilder(uri("/leads")).header("user-agent", BROWSER)
                    .header("content-type", "application/json").header("origin", "https://www.example.com")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"rid\":\"" + rid
                            + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, lead.statusCode(), lead.body());
        }
        routesCalled.add("POST /leads");

        JsonNode leads = JSON.readTree(ok(send("GET", "/admin/partners/" + partnerId + "/leads", null, true),
                "GET /admin/partners/{partnerId}/leads").body()).get("items");
        String bob = null;
        for (JsonNode lead : leads) {
            if (lead.get("email").asText().startsWith("bob")) {
                bob = lead.get("id").asText();
            }
        }
        ok(send("GET", "/admin/leads/" + bob, null, true), "GET /admin/leads/{leadId}");
        ok(send("POST", "/admin/leads/" + bob + "/qualify", null, true), "POST /admin/leads/{leadId}/qualify");
        ok(send("POST", "/admin/leads/" + bob + "/reject", "{\"reason\":\"duplicate\"}", true),
                "POST /admin/leads/{leadId}/reject");

        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        webhook("{\"id\":\"evt_iam_sale\",\"type\":\"sale\",\"orderId\":\"inv_iam\",\"amount\":10000,"
                + "\"currency\":\"EUR\",\"occurredAt\":\"" + now + "\",\"customer\":{\"externalId\":\"cus_ada\","
                + "\"email\":\"ada@acme.example\"}}");
        webhook("{\"id\":\"evt_iam_refund\",\"type\":\"refund\",\"orderId\":\"inv_iam\",\"amount\":2500,"
                + "\"currency\":\"EUR\",\"occurredAt\":\"" + now + "\",\"customer\":{\"externalId\":\"cus_ada\"}}");
        routesCalled.add("POST /webhooks/conversions");

        // Stripe: a partner's promotion code, a paid checkout session with it, then a refund of its charge
        ok(send("PUT", "/admin/promotion-codes/promo_iam", "{\"code\":\"iam-link\"}", true),
                "PUT /admin/promotion-codes/{promotionCodeId}");
        ok(send("GET", "/admin/promotion-codes/promo_iam", null, true), "GET /admin/promotion-codes/{promotionCodeId}");
        // outbound webhooks: an endpoint registered (a name that never resolves: each attempt fails and waits),
        // read, listed, its secret rotated; the sale below is fanned out to it, attempted, then replayed by hand
        String endpoint = JSON.readTree(ok(send("POST", "/admin/webhook-endpoints",
                "{\"url\":\"https://hooks.crm.invalid/hook\",\"eventTypes\":[\"commission.earned\"]}", true),
                "POST /admin/webhook-endpoints").body()).get("id").asText();
        ok(send("GET", "/admin/webhook-endpoints", null, true), "GET /admin/webhook-endpoints");
        ok(send("GET", "/admin/webhook-endpoints/" + endpoint, null, true), "GET /admin/webhook-endpoints/{endpointId}");
        ok(send("POST", "/admin/webhook-endpoints/" + endpoint + "/rotate-secret", null, true),
                "POST /admin/webhook-endpoints/{endpointId}/rotate-secret");
        long created = System.currentTimeMillis() / 1000;
        stripe("{\"id\":\"evt_iam_checkout\",\"type\":\"checkout.session.completed\",\"created\":" + created
                + ",\"data\":{\"object\":{\"id\":\"cs_iam\",\"mode\":\"payment\",\"payment_status\":\"paid\","
                + "\"amount_total\":10000,\"currency\":\"eur\",\"payment_intent\":\"pi_iam\","
                + "\"customer\":\"cus_iam\",\"customer_details\":{\"email\":\"stripe@acme.example\"},"
                + "\"discounts\":[{\"promotion_code\":\"promo_iam\"}]}}}");
        stripe("{\"id\":\"evt_iam_refund\",\"type\":\"charge.refunded\",\"created\":" + created
                + ",\"data\":{\"object\":{\"id\":\"ch_iam\",\"amount_refunded\":2500,\"currency\":\"eur\","
                + "\"payment_intent\":\"pi_iam\",\"customer\":\"cus_iam\"}}}");
        routesCalled.add("POST /webhooks/stripe");
        stack.awaitIdle(); // the commission fanned out to the endpoint and attempted once
        JsonNode deliveries = JSON.readTree(ok(send("GET", "/admin/webhook-endpoints/" + endpoint + "/deliveries",
                null, true), "GET /admin/webhook-endpoints/{endpointId}/deliveries").body()).get("items");
        assertTrue(deliveries.size() >= 1, deliveries.toString());
        ok(send("POST", "/admin/webhook-endpoints/" + endpoint + "/deliveries/" + deliveries.get(0).get("id").asText()
                + "/replay", null, true), "POST /admin/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay");
        stack.awaitIdle();
        ok(send("PATCH", "/admin/webhook-endpoints/" + endpoint, "{\"enabled\":false}", true),
                "PATCH /admin/webhook-endpoints/{endpointId}");
        ok(send("DELETE", "/admin/webhook-endpoints/" + endpoint, null, true),
                "DELETE /admin/webhook-endpoints/{endpointId}");

        ok(send("GET", "/admin/partners/" + partnerId + "/conversions", null, true),
                "GET /admin/partners/{partnerId}/conversions");
        ok(send("GET", "/admin/partners/" + partnerId + "/commissions", null, true),
                "GET /admin/partners/{partnerId}/commissions");
        ok(send("GET", "/admin/partners/" + partnerId + "/stats?month=" + now.substring(0, 7), null, true),
                "GET /admin/partners/{partnerId}/stats");
        ok(send("GET", "/admin/partners/" + partnerId + "/sub-ids?month=" + now.substring(0, 7), null, true),
                "GET /admin/partners/{partnerId}/sub-ids");

        // the ledger corrections and the payout run: planner step, worker, summary email
        JsonNode commissions = JSON.readTree(send("GET", "/admin/partners/" + partnerId + "/commissions", null, true)
                .body()).get("items");
        String sale = null;
        String reward = null;
        for (JsonNode entry : commissions) {
            if (entry.get("kind").asText().equals("SALE")) {
                sale = entry.get("id").asText();
            }
            if (entry.get("kind").asText().equals("QUALIFIED_LEAD")) {
                reward = entry.get("id").asText();
            }
        }
        ok(send("POST", "/admin/partners/" + partnerId + "/commissions/" + sale + "/approve", null, true),
                "POST /admin/partners/{partnerId}/commissions/{commissionId}/approve");
        ok(send("POST", "/admin/partners/" + partnerId + "/commissions/" + sale + "/void",
                "{\"reason\":\"test order\"}", true),
                "POST /admin/partners/{partnerId}/commissions/{commissionId}/void");
        stack.awaitIdle(); // the payee index is fed by the stream
        // the schedule's own run (last month) plans through the planner; the admin API starts an earlier month
        HttpResponse<String> scheduled = send("POST", "/_local/schedules/PayoutPlannerFunction", null, true);
        assertEquals(200, scheduled.statusCode(), scheduled.body());
        stack.awaitIdle();
        String period = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(2).toString();
        assertEquals(202, send("POST", "/admin/payout-runs", "{\"period\":\"" + period + "\"}", true).statusCode());
        routesCalled.add("POST /admin/payout-runs");
        stack.awaitIdle();
        JsonNode run = JSON.readTree(ok(send("GET", "/admin/payout-runs/" + period, null, true),
                "GET /admin/payout-runs/{period}").body());
        assertTrue(run.get("complete").asBoolean(), run.toString());
        ok(send("GET", "/admin/payouts?period=" + period, null, true), "GET /admin/payouts");
        ok(send("GET", "/admin/payouts.csv?period=" + period, null, true), "GET /admin/payouts.csv");
        ok(send("GET", "/admin/partners/" + partnerId + "/payouts", null, true),
                "GET /admin/partners/{partnerId}/payouts");
        // nothing was due yet (entries are paid the month after they become payable): these find no payout
        String payout = period + "-EUR-" + partnerId;
        answered(send("GET", "/admin/payouts/" + payout, null, true), 404, "GET /admin/payouts/{payoutId}");
        answered(send("POST", "/admin/payouts/" + payout + "/paid", "{\"reference\":\"TRX-1\"}", true), 404,
                "POST /admin/payouts/{payoutId}/paid");
        answered(send("POST", "/admin/payouts/" + payout + "/failed", "{\"reason\":\"closed\"}", true), 404,
                "POST /admin/payouts/{payoutId}/failed");
        assertTrue(stack.outbox().messages().stream().anyMatch(mail -> mail.subject().startsWith("Payout run")),
                "the manager got the run's summary");
        // deal registrations (the partner registers them in the portal; the manager decides)
        ok(send("GET", "/admin/deals?status=pending", null, true), "GET /admin/deals");
        String noDeal = "01JC0000000000000000000099";
        answered(send("POST", "/admin/deals/" + noDeal + "/approve", null, true), 404,
                "POST /admin/deals/{dealId}/approve");
        answered(send("POST", "/admin/deals/" + noDeal + "/reject", "{\"reason\":\"not ours\"}", true), 404,
                "POST /admin/deals/{dealId}/reject");
        ok(send("PUT", "/admin/deal-settings", "{\"registrationDays\":60}", true), "PUT /admin/deal-settings");
        ok(send("GET", "/admin/deal-settings", null, true), "GET /admin/deal-settings");
        // partner communications
        ok(send("PUT", "/admin/communications", "{\"programName\":\"Iam\",\"topPartners\":2}", true),
                "PUT /admin/communications");
        ok(send("GET", "/admin/communications", null, true), "GET /admin/communications");
        ok(send("PUT", "/admin/partners/" + partnerId + "/preferences", "{\"shoutOut\":true}", true),
                "PUT /admin/partners/{partnerId}/preferences");
        ok(send("GET", "/admin/partners/" + partnerId + "/preferences", null, true),
                "GET /admin/partners/{partnerId}/preferences");
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1).toString();
        ok(send("POST", "/admin/checkin-runs", "{\"month\":\"" + month + "\"}", true), "POST /admin/checkin-runs");
        stack.awaitIdle(java.time.Duration.ofMinutes(2));
        ok(send("GET", "/admin/checkin-runs/" + month, null, true), "GET /admin/checkin-runs/{month}");
        String broadcast = JSON.readTree(ok(send("POST", "/admin/broadcasts",
                "{\"subject\":\"News\",\"body\":\"Hello\"}", true), "POST /admin/broadcasts").body())
                .get("id").asText();
        ok(send("POST", "/admin/broadcasts/" + broadcast + "/send", null, true),
                "POST /admin/broadcasts/{broadcastId}/send");
        stack.awaitIdle(java.time.Duration.ofMinutes(2));
        ok(send("GET", "/admin/broadcasts", null, true), "GET /admin/broadcasts");
        ok(send("GET", "/admin/broadcasts/" + broadcast, null, true), "GET /admin/broadcasts/{broadcastId}");
        // taking partners in: terms (their notice a campaign), applications, invitations, settings
        ok(send("POST", "/admin/terms", "{\"version\":\"v1\",\"text\":\"The terms.\"}", true), "POST /admin/terms");
        ok(send("GET", "/admin/terms", null, true), "GET /admin/terms");
        ok(send("GET", "/admin/partners/" + partnerId + "/terms", null, true), "GET /admin/partners/{partnerId}/terms");
        ok(send("PUT", "/admin/onboarding", "{\"autoApprove\":false}", true), "PUT /admin/onboarding");
        ok(send("GET", "/admin/onboarding", null, true), "GET /admin/onboarding");
        ok(send("GET", "/admin/applications?status=pending", null, true), "GET /admin/applications");
        String nobody = "01JD0000000000000000000099";
        answered(send("GET", "/admin/applications/" + nobody, null, true), 404,
                "GET /admin/applications/{applicationId}");
        answered(send("POST", "/admin/applications/" + nobody + "/approve", null, true), 404,
                "POST /admin/applications/{applicationId}/approve");
        answered(send("POST", "/admin/applications/" + nobody + "/reject", "{\"reason\":\"No\"}", true), 404,
                "POST /admin/applications/{applicationId}/reject");
        ok(send("POST", "/admin/invitations", "{\"name\":\"Invited\",\"email\":\"invited@partner.example\"}",
                true), "POST /admin/invitations");
        // partners from another tool: a stored partner's code kept, a new one with its codes, invited through the queue
        ok(HTTP.send(HttpRequest.newBuilder(uri("/admin/partners/import?invite=true")).header("user-agent", BROWSER)
                .header("x-admin-key", stack.adminKey()).header("content-type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("name,email,status,codes,plan\n"
                        + "Imported,imported@partner.example,active,Imported-1|imported_2,saleRateBps=1500\n"))
                .build(), HttpResponse.BodyHandlers.ofString()), "POST /admin/partners/import");
        stack.awaitIdle(java.time.Duration.ofMinutes(2));
        assertTrue(stack.outbox().messages().stream().anyMatch(mail -> mail.subject().contains("invited")),
                "the mail worker wrote the invitation");
        assertTrue(stack.outbox().messages().stream().anyMatch(mail -> mail.subject().contains("new partner terms")),
                "and told the active partner of the new terms");
        // well shaped but not signed by this program: checking it reads the link secret, and refuses it
        String forged = partnerId + ".checkin." + "A".repeat(27);
        answered(send("GET", "/unsubscribe?t=" + forged, null, false), 400, "GET /unsubscribe");
        answered(send("POST", "/unsubscribe?t=" + forged, null, false), 400, "POST /unsubscribe");
        assertTrue(reward == null || !reward.isEmpty());
        exercisePortal();
    }

    /**
     * The portal: signed in for real (the link from the outbox), then every portal route of the template with that
     * session and its CSRF token (bodies an empty JSON object, ids the partner's link or made up): whatever each
     * answers, its calls are recorded. Signing out comes last.
     */
    private void exercisePortal() throws Exception {
        ok(send("GET", "/portal/signin", null, false), "GET /portal/signin");
        PortalSignIn.SignedIn signedIn = PortalSignIn.throughGateway(stack.baseUri(), stack.outbox()::to,
                "iam@partner.example");
        routesCalled.addAll(List.of("POST /portal/signin", "POST /portal/signin/confirm", "GET /portal/api/session"));
        ok(send("GET", "/portal/signin/confirm?token=" + "A".repeat(43), null, false), "GET /portal/signin/confirm");
        Map<String, String> parameters = Map.of("code", "iam-link", "file", "portal.css",
                "payoutId", "2026-01-EUR-" + signedIn.partnerId(), "dealId", "01JD0000000000000000000099");
        for (var route : TEMPLATE.function("PortalFunction").routes()) {
            if (routesCalled.contains(route.routeKey()) || route.routeKey().equals("POST /portal/signout")) {
                continue;
            }
            String path = route.path();
            for (Map.Entry<String, String> parameter : parameters.entrySet()) {
                path = path.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("user-agent", BROWSER)
                    .header("cookie", signedIn.cookie()).header("x-csrf-token", signedIn.csrfToken())
                    .header("origin", "https://www.example.com").header("access-control-request-method", "POST");
            boolean withBody = route.method().equals("POST") || route.method().equals("PUT");
            request = withBody ? request.header("content-type", "application/json")
                    .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"))
                    : request.method(route.method(), HttpRequest.BodyPublishers.noBody());
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() < 500, route.routeKey() + " answered " + response.statusCode() + ": "
                    + response.body());
            routesCalled.add(route.routeKey());
        }
        HttpResponse<String> out = HTTP.send(HttpRequest.newBuilder(uri("/portal/signout"))
                .header("cookie", signedIn.cookie()).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + signedIn.csrfToken())).build(),
                HttpResponse.BodyHandlers.ofString());
        answered(out, 303, "POST /portal/signout");
    }

    private void answered(HttpResponse<String> response, int status, String routeKey) {
        assertEquals(status, response.statusCode(), routeKey + ": " + response.body());
        routesCalled.add(routeKey);
    }

    private HttpResponse<String> ok(HttpResponse<String> response, String routeKey) {
        assertTrue(response.statusCode() >= 200 && response.statusCode() < 300,
                routeKey + " answered " + response.statusCode() + ": " + response.body());
        routesCalled.add(routeKey);
        return response;
    }

    private void webhook(String body) throws Exception {
        String id = "msg_" + System.nanoTime();
        long timestamp = System.currentTimeMillis() / 1000;
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/webhooks/conversions"))
                .header("content-type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", new Webhook(stack.webhookSecret()).sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    /** A delivery signed as Stripe signs: {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">}, keyed with the secret. */
    private void stripe(String body) throws Exception {
        long timestamp = System.currentTimeMillis() / 1000;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(stack.stripeWebhookSecret().getBytes(
                java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = java.util.HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri("/webhooks/stripe"))
                .header("content-type", "application/json; charset=utf-8")
                .header("stripe-signature", "t=" + timestamp + ",v1=" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"recorded\""), response.body());
    }

    private static URI uri(String path) {
        return stack.baseUri().resolve(path);
    }

    private static HttpResponse<String> send(String method, String path, String json, boolean admin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("user-agent", BROWSER);
        if (admin) {
            request.header("x-admin-key", stack.adminKey());
        }
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- the policies ------------------------------------------------------------------------------------------

    /** One Allow statement: its actions and its resources, as short names ("table", "secret:name-*"). */
    private record Statement(List<String> actions, List<String> resources) {
        boolean allows(RecordingProxy.Call call) {
            boolean action = actions.stream().anyMatch(a -> glob(a).matcher(call.action()).matches());
            // a secret's ARN ends in "-" and six random characters after its name
            String resource = call.resource().startsWith("secret:") ? call.resource() + "-AbCdEf" : call.resource();
            return action && resources.stream().anyMatch(r -> glob(r).matcher(resource).matches());
        }
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    @SuppressWarnings("unchecked")
    private static List<Statement> policy(String functionLogicalId) {
        Map<String, Object> properties = TEMPLATE.resourceProperties(functionLogicalId);
        List<Statement> statements = new ArrayList<>();
        for (Object policy : (List<Object>) properties.getOrDefault("Policies", List.of())) {
            if (!(policy instanceof Map<?, ?> document) || !(document.get("Statement") instanceof List<?> list)) {
                throw new IllegalStateException(functionLogicalId + ": only inline policy statements are checked,"
                        + " found " + policy);
            }
            for (Object item : list) {
                Map<String, Object> statement = (Map<String, Object>) item;
                if (!"Allow".equals(statement.get("Effect"))) {
                    continue;
                }
                statements.add(new Statement(strings(statement.get("Action")),
                        strings(statement.get("Resource")).stream().map(FunctionPoliciesTest::shortName).toList()));
            }
        }
        return statements;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            List<String> all = new ArrayList<>();
            list.forEach(item -> all.addAll(strings(item)));
            return all;
        }
        if (value instanceof Map<?, ?> map) {
            return List.of(render((Map<String, Object>) map));
        }
        return List.of(String.valueOf(value));
    }

    /** A resource expression of the template, rendered: {@code !GetAtt ReferralTable.Arn} is "ReferralTable.Arn". */
    @SuppressWarnings("unchecked")
    private static String render(Map<String, Object> expression) {
        if (expression.get("Fn::GetAtt") instanceof Object getAtt) {
            return getAtt instanceof List<?> parts ? parts.get(0) + "." + parts.get(1) : String.valueOf(getAtt);
        }
        if (expression.get("Ref") instanceof String ref) {
            // a generated secret's Ref is its ARN; the local stack names it refer-local/{logicalId}
            return TEMPLATE.resourcesOfType("AWS::SecretsManager::Secret").contains(ref)
                    ? "secret:refer-local/" + ref + "-*" : ref; // its ARN ends in a random suffix
        }
        if (expression.get("Fn::Sub") instanceof String sub) {
            String rendered = sub;
            for (Map.Entry<String, String> parameter : TEMPLATE.parameterDefaults().entrySet()) {
                rendered = rendered.replace("${" + parameter.getKey() + "}", parameter.getValue());
            }
            return rendered.replace("${ReferralTable.Arn}", "ReferralTable.Arn");
        }
        throw new IllegalStateException("unsupported resource expression " + expression);
    }

    /** The recorder's names: the table "table", its indexes "table/index/X", secrets "secret:name". */
    private static String shortName(String resource) {
        if (resource.equals("ReferralTable.Arn")) {
            return "table";
        }
        if (resource.startsWith("ReferralTable.Arn/index/")) {
            return "table" + resource.substring("ReferralTable.Arn".length());
        }
        if (resource.contains(":ses:")) {
            return "ses:" + resource.substring(resource.lastIndexOf(':') + 1);
        }
        if (resource.contains(":secret:")) {
            return "secret:" + resource.substring(resource.indexOf(":secret:") + ":secret:".length());
        }
        if (resource.endsWith(".Arn")) {
            return "queue:" + resource.substring(0, resource.length() - 4);
        }
        return resource;
    }
}
