package dev.refer.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.refer.emulators.FunctionDef;
import dev.refer.emulators.HttpRoute;
import dev.refer.emulators.SamTemplate;
import dev.refer.local.LocalStack;
import dev.refer.testkit.portal.PortalSignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Partner A, signed in, walks every route of the portal function with partner B's ids (B's links, B's payout and its
 * statement, B's deal registration) and reads every list, page and CSV of the portal: each id of B's is a 404 and no
 * answer carries anything of B's (codes, email, company, the deal's domain, the IBAN, the payout, the lead, the
 * customer). B's things are as B left them afterwards. Through the real local stack, so the session, the CSRF check
 * and the terms gate in front of the routes are the ones that run.
 *
 * <p>The routes come from template.yaml: a route with a path parameter this test has no id of B's for fails it, so a
 * route added later cannot be skipped silently.
 */
class PortalIdorEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String IBAN = "DE89370400440532013000";
    private static final String B_EMAIL = "bravo.idor@bravo-partner.example";
    private static final String B_LEAD_EMAIL = "lead.idor@bravo-prospect.example";
    private static final String B_BUYER_EMAIL = "buyer.idor@bravo-customer.example";

    /**
     * Path parameters of the portal that are not a partner's: the stylesheet and script are the same for everyone.
     * Every other path parameter must be one of {@link #bIds}' kinds.
     */
    private static final Set<String> NOT_A_PARTNERS = Set.of("file");

    private static LocalStack stack;
    private static PortalSignIn.SignedIn a;
    private static PortalSignIn.SignedIn b;
    private static String bPartnerId;
    /** B's ids by the path parameter they fill: every one of them must be a 404 for A. */
    private static final Map<String, List<String>> bIds = new LinkedHashMap<>();
    /** Anything of B's that must never appear in an answer to A. */
    private static final Set<String> bData = new LinkedHashSet<>();
    private static String bLinksBefore;
    private static String bDealBefore;
    private static String bPayoutDetailsBefore;

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-portal-idor")
                .withAdminKey("idor-admin-key").withAccessLog(false));
        ok(admin("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":0,
                 "plan":{"saleRateBps":2000,"leadRewardMinor":500},
                 "payouts":{"minimum":{"EUR":1000},"locale":"en-GB","managerEmail":"manager@program.example"},
                 "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"]}"""));
        ok(admin("PUT", "/admin/communications", """
                {"programName":"Idor Partners","salesEmail":"sales@program.example"}"""));
        String aPartnerId = id(ok(admin("POST", "/admin/partners", """
                {"name":"Alfa Avery","email":"alfa.idor@alfa-partner.example","company":"Alfa Agency",
                 "status":"ACTIVE"}""")));
        bPartnerId = id(ok(admin("POST", "/admin/partners", """
                {"name":"Bravo Bellweather","email":"%s","company":"Bravocorp Zebrafish",
                 "status":"ACTIVE"}""".formatted(B_EMAIL))));
        ok(admin("POST", "/admin/partners/" + aPartnerId + "/links",
                "{\"code\":\"alfa-idor\",\"destination\":\"https://example.com/\"}"));
        ok(admin("POST", "/admin/partners/" + bPartnerId + "/links",
                "{\"code\":\"bravo-idor-admin\",\"destination\":\"https://example.com/bravo\"}"));

        // B's lead: a click on B's link, then the lead form with the click's id
        HttpResponse<String> click = send(request("/bravo-idor-admin").GET());
        assertEquals(302, click.statusCode(), click.body());
        String location = click.headers().firstValue("location").orElseThrow();
        Matcher rid = Pattern.compile("rid=([^&]+)").matcher(location);
        assertTrue(rid.find(), location);
        ok(send(request("/leads").header("content-type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"email\":\"" + B_LEAD_EMAIL + "\",\"rid\":\"" + rid.group(1) + "\"}"))));
        // B's customer and commission: a signed sale on B's link
        ok(webhook("""
                {"id":"evt_idor_bravo","type":"sale","orderId":"inv_idor_bravo","amount":10000,"currency":"EUR",
                 "occurredAt":"%s","customer":{"externalId":"cus_idor_bravo","email":"%s"},
                 "ref":"bravo-idor-admin"}""".formatted(stack.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS),
                B_BUYER_EMAIL)));
        stack.awaitIdle();

        // B's payout: no holding period, so this month's commission is paid by the run on the 1st of next month
        YearMonth thisMonth = YearMonth.from(stack.now().atZone(ZoneOffset.UTC));
        stack.advanceClockTo(thisMonth.plusMonths(1).atDay(1).atTime(7, 0).toInstant(ZoneOffset.UTC));
        stack.awaitIdle();
        JsonNode payouts = JSON.readTree(ok(admin("GET", "/admin/partners/" + bPartnerId + "/payouts", null)));
        assertEquals(1, payouts.get("items").size(), "B's payout: " + payouts);
        String payoutId = payouts.get("items").get(0).get("id").asText();

        // published terms: each partner accepts them before anything else of the portal answers
        ok(admin("POST", "/admin/terms", "{\"version\":\"v1\",\"text\":\"The idor terms.\"}"));

        // the notifications go out first, so each sign-in email is the newest its partner gets
        stack.awaitIdle();
        a = PortalSignIn.throughGateway(stack.baseUri(), stack.outbox()::to, "alfa.idor@alfa-partner.example");
        b = PortalSignIn.throughGateway(stack.baseUri(), stack.outbox()::to, B_EMAIL);
        assertEquals(bPartnerId, b.partnerId());
        ok(as(a, "POST", "/portal/terms", "{\"version\":\"v1\"}"));
        ok(as(b, "POST", "/portal/terms", "{\"version\":\"v1\"}"));

        // B's own: a link made in the portal, a deal registration, payout details
        JsonNode portalLink = JSON.readTree(ok(as(b, "POST", "/portal/api/links",
                "{\"destination\":\"https://example.com/bravo-portal\",\"campaign\":\"bravo-zebra-campaign\"}")));
        String portalCode = portalLink.get("code").asText();
        JsonNode deal = JSON.readTree(ok(as(b, "POST", "/portal/api/deals", """
                {"companyName":"Quokka Holdings Bravo","domain":"quokka-bravo-deal.example",
                 "contactName":"Quentin Quokka","contactEmail":"quentin@quokka-bravo-deal.example",
                 "notes":"bravo secret deal notes"}""")));
        String dealId = deal.get("dealId").asText();
        JsonNode details = JSON.readTree(ok(as(b, "PUT", "/portal/api/payout-details", """
                {"method":"bank_transfer","holder":"Bravo Holderina","iban":"%s","bic":"COBADEFFXXX"}"""
                .formatted(IBAN))));

        bIds.put("code", List.of("bravo-idor-admin", portalCode));
        bIds.put("payoutId", List.of(payoutId));
        bIds.put("dealId", List.of(dealId));
        bData.addAll(List.of(bPartnerId, "bravo-idor-admin", portalCode, B_EMAIL, "Bravo Bellweather",
                "Bravocorp Zebrafish", "bravo-zebra-campaign", "example.com/bravo", "lead.idor", "bravo-prospect", B_LEAD_EMAIL,
                "buyer.idor", "bravo-customer", "cus_idor_bravo", "inv_idor_bravo", payoutId, dealId,
                "Quokka Holdings Bravo", "quokka-bravo-deal", "Quentin Quokka", "bravo secret deal notes",
                "Bravo Holderina", IBAN, "0532013000", "37040044", "COBADEFF"));
        String masked = details.path("masked").asText("");
        if (!masked.isBlank()) {
            bData.add(masked);
        }

        bLinksBefore = ok(as(b, "GET", "/portal/api/links", null));
        bDealBefore = ok(as(b, "GET", "/portal/api/deals/" + dealId, null));
        bPayoutDetailsBefore = ok(as(b, "GET", "/portal/api/payout-details", null));
        assertTrue(bLinksBefore.contains(portalCode) && bLinksBefore.contains("bravo-idor-admin"), bLinksBefore);
        assertTrue(JSON.readTree(ok(as(b, "GET", "/portal/api/leads", null))).get("items").size() == 1,
                "B sees its lead");
        // the strings looked for are the ones B's own answers carry, so finding none in A's means something
        String bSees = ok(as(b, "GET", "/portal/api/leads", null)) + ok(as(b, "GET", "/portal/api/customers", null))
                + ok(as(b, "GET", "/portal/api/profile", null)) + ok(as(b, "GET", "/portal/api/payouts", null))
                + bDealBefore + bPayoutDetailsBefore + bLinksBefore;
        for (String datum : List.of("bravo-prospect", "inv_idor_bravo", B_EMAIL, "Bravocorp Zebrafish", payoutId,
                dealId, "quokka-bravo-deal", "Bravo Holderina", portalCode, "bravo-zebra-campaign")) {
            assertTrue(bSees.contains(datum), "B's answers carry " + datum + ": " + bSees);
        }
        assertFalse(masked.isBlank(), "B's payout details, masked: " + bPayoutDetailsBefore);
        // the ids of B's lead, sale and commission: no portal route takes them in its path, no answer to A names them
        for (String list : List.of("/portal/api/leads", "/portal/api/customers", "/portal/api/commissions")) {
            JsonNode items = JSON.readTree(ok(as(b, "GET", list, null))).get("items");
            assertFalse(items.isEmpty(), "B's " + list);
            items.forEach(item -> bData.add(item.get("id").asText()));
        }
        assertTrue(ok(as(b, "GET", "/portal/api/commissions", null)).contains("2000"), "B sees its commission");
        assertEquals(200, as(b, "GET", "/portal/api/payouts/" + payoutId, null).statusCode(), "B reads its payout");
        assertEquals(200, as(b, "GET", "/portal/payouts/" + payoutId, null).statusCode(), "B reads its statement");
        stack.awaitIdle();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyPortalRouteWithAPathParameter_answersPartnerA_404_forEachOfBsIds_andNothingOfBs() throws Exception {
        List<HttpRoute> routes = portalRoutes();
        List<String> failures = new ArrayList<>();
        int sent = 0;
        Set<String> kindsWalked = new LinkedHashSet<>();
        List<String> walked = new ArrayList<>();
        for (HttpRoute route : routes) {
            List<String> names = pathParameters(route.path());
            if (names.isEmpty() || NOT_A_PARTNERS.containsAll(names)) {
                continue;
            }
            List<String> unknown = names.stream().filter(name -> !bIds.containsKey(name)).toList();
            if (!unknown.isEmpty()) {
                failures.add(route.routeKey() + ": this test knows no id of B's for " + unknown
                        + "; give B one and add it to bIds");
                continue;
            }
            assertEquals(1, names.size(), route.routeKey() + ": one path parameter (the walk fills one)");
            String name = names.getFirst();
            walked.add(route.routeKey());
            kindsWalked.add(name);
            for (String id : bIds.get(name)) {
                String path = route.path().replace("{" + name + "}", URLEncoder.encode(id, StandardCharsets.UTF_8));
                if (route.method().equals("GET")) {
                    // the id is a good one: its owner reads it, so A's 404 is about whose it is
                    HttpResponse<String> owner = as(b, "GET", path, null);
                    if (owner.statusCode() != 200) {
                        failures.add(route.routeKey() + " as B, its owner, with " + id + " -> " + owner.statusCode());
                    }
                }
                for (Attempt attempt : attempts(route)) {
                    sent++;
                    HttpResponse<String> response = send(attempt.request(path));
                    String label = route.routeKey() + " as A with B's " + name + " " + id + " (" + attempt.name()
                            + ") -> " + response.statusCode();
                    if (response.statusCode() != 404) {
                        failures.add(label + ": not a 404: " + shorten(response.body()));
                    }
                    leaks(response).forEach(leak -> failures.add(label + ": carries B's " + leak));
                }
            }
        }
        assertEquals(Set.of("code", "payoutId", "dealId"), kindsWalked, "id kinds walked: " + walked);
        assertTrue(walked.size() >= 7, "routes walked: " + walked);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " requests went wrong:\n"
                + String.join("\n", failures));
        assertBsThingsUnchanged();
    }

    @Test
    void everyPortalListPageAndCsv_showsPartnerA_nothingOfBs() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (HttpRoute route : portalRoutes()) {
            if (!route.method().equals("GET") || !pathParameters(route.path()).isEmpty()
                    || !route.path().startsWith("/portal") || route.path().startsWith("/portal/signin")) {
                continue;
            }
            read.add(route.routeKey());
            HttpResponse<String> response = as(a, "GET", route.path(), null);
            if (response.statusCode() != 200) {
                failures.add(route.routeKey() + " as A -> " + response.statusCode() + ": "
                        + shorten(response.body()));
            }
            leaks(response).forEach(leak -> failures.add(route.routeKey() + " as A carries B's " + leak));
        }
        assertTrue(read.containsAll(List.of("GET /portal", "GET /portal/api/dashboard", "GET /portal/links",
                "GET /portal/api/links", "GET /portal/referrals", "GET /portal/api/leads", "GET /portal/api/customers",
                "GET /portal/money", "GET /portal/money/commissions.csv", "GET /portal/money/payouts.csv",
                "GET /portal/api/commissions", "GET /portal/api/payouts", "GET /portal/deals", "GET /portal/api/deals",
                "GET /portal/payout-details", "GET /portal/api/payout-details", "GET /portal/profile",
                "GET /portal/api/profile", "GET /portal/preferences", "GET /portal/api/preferences",
                "GET /portal/api/session")), "read: " + read);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertBsThingsUnchanged();
    }

    @Test
    void aStateChangingRequestOfA_carryingBsCsrfToken_isRefused() throws Exception {
        String code = bIds.get("code").getFirst();
        HttpResponse<String> json = send(request("/portal/api/links/" + code + "/disable")
                .header("cookie", a.cookie()).header("x-csrf-token", b.csrfToken())
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, json.statusCode(), json.body());
        assertTrue(leaks(json).isEmpty(), json.body());
        HttpResponse<String> form = send(request("/portal/links/" + code + "/disable")
                .header("cookie", a.cookie()).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + enc(b.csrfToken()))));
        assertEquals(403, form.statusCode(), form.body());
        assertTrue(leaks(form).isEmpty(), form.body());
        HttpResponse<String> deal = send(request("/portal/api/deals")
                .header("cookie", a.cookie()).header("x-csrf-token", b.csrfToken())
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"companyName":"Alfa Prospect","domain":"alfa-prospect.example",
                         "contactName":"Al","contactEmail":"al@alfa-prospect.example"}""")));
        assertEquals(403, deal.statusCode(), deal.body());
        // and the other way round: B's session with A's token changes nothing of B's either
        HttpResponse<String> mirrored = send(request("/portal/api/links/" + code + "/disable")
                .header("cookie", b.cookie()).header("x-csrf-token", a.csrfToken())
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(403, mirrored.statusCode(), mirrored.body());
        assertBsThingsUnchanged();
        assertFalse(ok(as(a, "GET", "/portal/api/deals", null)).contains("alfa-prospect"),
                "A's request with B's token stored nothing");
    }

    /** B's link still enabled, B's deal still B's and as it was, B's payout details as B set them. */
    private static void assertBsThingsUnchanged() throws Exception {
        assertEquals(JSON.readTree(bLinksBefore), JSON.readTree(ok(as(b, "GET", "/portal/api/links", null))));
        for (JsonNode link : JSON.readTree(bLinksBefore).get("items")) {
            assertTrue(link.get("enabled").asBoolean(), "B's link enabled: " + link);
        }
        String dealId = bIds.get("dealId").getFirst();
        assertEquals(JSON.readTree(bDealBefore), JSON.readTree(ok(as(b, "GET", "/portal/api/deals/" + dealId,
                null))));
        assertEquals(JSON.readTree(bPayoutDetailsBefore),
                JSON.readTree(ok(as(b, "GET", "/portal/api/payout-details", null))));
        HttpResponse<String> redirect = send(request("/" + bIds.get("code").getFirst()).GET());
        assertEquals(302, redirect.statusCode(), "B's link still redirects");
    }

    /** A request as A, each way the route can be called: a form route with its csrf field, JSON with the header. */
    private record Attempt(String name, String method, String contentType, String body) {

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder request = PortalIdorEndToEndTest.request(path).header("cookie", a.cookie())
                    .header("x-csrf-token", a.csrfToken());
            if (contentType != null) {
                request.header("content-type", contentType);
            }
            return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
        }
    }

    private static List<Attempt> attempts(HttpRoute route) {
        if (route.method().equals("GET")) {
            return List.of(new Attempt("get", "GET", null, null));
        }
        if (route.path().startsWith("/portal/api/")) {
            return List.of(new Attempt("json", route.method(), "application/json", "{}"),
                    new Attempt("no body", route.method(), null, null));
        }
        return List.of(new Attempt("form", route.method(), "application/x-www-form-urlencoded",
                "csrf=" + enc(a.csrfToken())));
    }

    private static List<HttpRoute> portalRoutes() {
        List<HttpRoute> routes = SamTemplate.load().functions().stream()
                .filter(function -> function.logicalId().equals("PortalFunction")).map(FunctionDef::routes)
                .flatMap(List::stream).toList();
        assertTrue(routes.size() > 40, "the portal's routes: " + routes);
        return routes;
    }

    private static List<String> pathParameters(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** What of B's an answer to A carries, in its body or its headers. */
    private static List<String> leaks(HttpResponse<String> response) {
        String everything = (response.body() + " " + response.headers().map()).toLowerCase();
        return bData.stream().filter(datum -> everything.contains(datum.toLowerCase())).toList();
    }

    private static HttpResponse<String> as(PortalSignIn.SignedIn partner, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder request = request(path).header("cookie", partner.cookie())
                .header("x-csrf-token", partner.csrfToken());
        if (json != null) {
            request.header("content-type", "application/json");
        }
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request(path).header("x-admin-key", stack.adminKey());
        if (json != null) {
            request.header("content-type", "application/json");
        }
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> webhook(String body) throws Exception {
        String id = "msg_" + System.nanoTime();
        long now = System.currentTimeMillis() / 1000;
        return send(request("/webhooks/conversions").header("content-type", "application/json")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", new Webhook(stack.webhookSecret()).sign(id, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(stack.baseUri().resolve(path)).header("user-agent",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String ok(HttpResponse<String> response) {
        assertTrue(response.statusCode() / 100 == 2, response.request().method() + " " + response.request().uri()
                + " -> " + response.statusCode() + ": " + response.body());
        return response.body();
    }

    private static String id(String body) throws Exception {
        return JSON.readTree(body).get("id").asText();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
