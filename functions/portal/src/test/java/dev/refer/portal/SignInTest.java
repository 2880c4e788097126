package dev.refer.portal;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.emulators.MotoServer;
import dev.refer.mail.SesMailer;
import dev.refer.portal.signin.SessionKeys;
import dev.refer.testkit.TestClock;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.testkit.mail.SesOutbox;
import dev.refer.testkit.portal.PortalSignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's passwordless sign-in and sessions through its handler, on DynamoDB Local and moto's SES (the sign-in
 * email read from moto's outbox), with a test clock: single-use hashed links that expire, no enumeration, limits per
 * address and IP, signed and stored sessions that sign-out, suspension and both lifetimes end, CSRF, hostile input.
 */
class SignInTest {

    private static final String SENDER = "partners@program.example";
    private static final byte[] KEY = "k".repeat(64).getBytes(StandardCharsets.UTF_8);
    private static MotoServer moto;
    private static TestTable table;
    private static SesOutbox outbox;

    static synchronized software.amazon.awssdk.services.dynamodb.DynamoDbClient table() {
        start();
        return table.client();
    }

    static synchronized SesOutbox outbox() {
        start();
        return outbox;
    }

    @BeforeAll
    static synchronized void start() {
        if (table != null) {
            return;
        }
        LocalSdk.useSharedDynamoDbLocal();
        table = TestTable.create();
        moto = MotoServer.start();
        outbox = new SesOutbox(moto.endpoint());
        try (SesV2Client ses = SesV2Client.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            ses.createEmailIdentity(r -> r.emailIdentity(SENDER));
        }
    }

    /** One program in the shared table with two active partners, ada and bob. */
    static final class Portal {
        final String tag = UUID.randomUUID().toString().substring(0, 8);
        final TableConfig config = new TableConfig(table.name(), new ProgramId("p" + tag));
        final TestClock clock = TestClock.at("2026-11-02T09:00:00Z");
        final Map<String, String> env = new HashMap<>();
        final PortalHandler handler;

        Portal(Map<String, String> extra) {
            env.putAll(Map.of("TABLE_NAME", config.tableName(), "PROGRAM_ID", config.programId().value(),
                    "MAIL_FROM", "Program Partners <" + SENDER + ">", "PUBLIC_BASE_URL", "https://partners.example",
                    "AWS_ENDPOINT_URL", moto.endpoint().toString(), "AWS_ENDPOINT_URL_DYNAMODB",
                    table.endpoint().toString(), "SIGNIN_ANSWER_FLOOR_MILLIS", "150",
                    "SIGNIN_LINKS_PER_ADDRESS_PER_HOUR", "3", "SIGNIN_REQUESTS_PER_IP_PER_HOUR", "20"));
            env.putAll(extra);
            dev.refer.testkit.program.ProgramFixture fixture = new dev.refer.testkit.program.ProgramFixture(
                    table.client(), config);
            fixture.partner(id("ada"), "Ada <b>Lovelace</b>", address("ada"), Instant.parse("2026-06-01T00:00:00Z"));
            fixture.partner(id("bob"), "Bob", address("bob"), Instant.parse("2026-06-01T00:00:00Z"));
            handler = new PortalHandler(PortalWiring.create(env, table.client(), SesMailer.fromEnv(env),
                    () -> new SessionKeys.Loaded("v1", Map.of("v1", KEY)), clock));
        }

        Portal() {
            this(Map.of());
        }

        String address(String name) {
            return name + "-" + tag + "@partner.example";
        }

        PartnerId id(String name) {
            return new PartnerId(String.format("%026d", Math.abs((tag + name).hashCode())));
        }

        ApiEvent event(String routeKey, String path) {
            return ApiEvent.fixture("http-api-request.json").route(routeKey, path, Map.of()).query("", Map.of())
                    .cookies();
        }

        ApiResponse ask(String email, String ip) {
            return event("POST /portal/signin", "/portal/signin").sourceIp(ip)
                    .body("application/json", "{\"email\":\"" + email + "\"}").invoke(handler);
        }

        ApiResponse confirm(String token) {
            return event("POST /portal/signin/confirm", "/portal/signin/confirm")
                    .body("application/json", "{\"token\":\"" + token + "\"}").invoke(handler);
        }

        ApiResponse session(String cookie) {
            ApiEvent event = event("GET /portal/api/session", "/portal/api/session");
            return (cookie == null ? event : event.cookies(cookie)).invoke(handler);
        }

        String lastToken(String name) {
            return PortalSignIn.tokenIn(outbox.to(address(name)).getLast());
        }

        void suspend(String name) {
            new DynamoDbPartnerRepository(table.client(), config).updateStatus(id(name), PartnerStatus.SUSPENDED);
        }
    }

    private static String cookieOf(ApiResponse response) {
        return response.cookies().getFirst().split(";", 2)[0];
    }

    @Test
    void theLink_signsInOnce_theConfirmPageUsesNothing_andTheCookieIsHttpOnlySecureLax() {
        Portal portal = new Portal();
        ApiResponse asked = portal.ask(portal.address("ada"), "198.51.100.1");
        assertEquals(202, asked.status(), asked.body());
        SesOutbox.Mail mail = outbox.to(portal.address("ada")).getLast();
        assertTrue(mail.text().contains("https://partners.example/portal/signin/confirm?token="), mail.text());
        String token = portal.lastToken("ada");

        // a mail scanner opens the link: a page with a button, the token unused
        ApiResponse page = portal.event("GET /portal/signin/confirm", "/portal/signin/confirm")
                .query("token=" + token, Map.of("token", token)).invoke(portal.handler);
        assertEquals(200, page.status());
        assertEquals("no-referrer", page.header("referrer-policy"));
        assertTrue(page.body().contains("<input type=\"hidden\" name=\"token\" value=\"" + token + "\">"), page.body());
        assertTrue(page.body().contains(">Sign in</button>"), page.body());

        ApiResponse signedIn = portal.confirm(token);
        assertEquals(200, signedIn.status(), signedIn.body());
        String setCookie = signedIn.cookies().getFirst();
        assertTrue(setCookie.startsWith("__Host-refer_portal="), setCookie);
        for (String attribute : List.of("HttpOnly", "Secure", "SameSite=Lax", "Path=/", "Max-Age=604800")) {
            assertTrue(setCookie.contains(attribute), attribute + " in " + setCookie);
        }
        ApiResponse session = portal.session(cookieOf(signedIn));
        assertEquals(200, session.status(), session.body());
        assertEquals(portal.id("ada").value(), session.jsonBody().get("partnerId"));
        assertEquals(signedIn.jsonBody().get("csrfToken"), session.jsonBody().get("csrfToken"));
        assertEquals("no-store", session.header("cache-control"));

        assertEquals(400, portal.confirm(token).status(), "a used token signs no one in");
        assertTrue(portal.confirm(token).cookies().isEmpty());
    }

    @Test
    void anExpiredToken_signsNoOneIn() {
        Portal portal = new Portal();
        portal.ask(portal.address("ada"), "198.51.100.2");
        String token = portal.lastToken("ada");
        portal.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        ApiResponse refused = portal.confirm(token);
        assertEquals(400, refused.status());
        assertEquals("application/problem+json", refused.header("content-type"));
        assertTrue(refused.cookies().isEmpty());
    }

    @Test
    void concurrentUsesOfOneToken_signInOnce() throws Exception {
        Portal portal = new Portal();
        portal.ask(portal.address("ada"), "198.51.100.3");
        String token = portal.lastToken("ada");
        List<java.util.concurrent.Future<ApiResponse>> uses = new java.util.ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                uses.add(executor.submit(() -> portal.confirm(token)));
            }
        }
        long signedIn = 0;
        for (var use : uses) {
            signedIn += use.get().status() == 200 ? 1 : 0;
        }
        assertEquals(1, signedIn);
    }

    @Test
    void anUnknownAddress_getsTheSameAnswer_inTheSameTime_andNoMail() {
        Portal portal = new Portal();
        String unknown = "nobody-" + portal.tag + "@partner.example";
        long started = System.nanoTime();
        ApiResponse known = portal.ask(portal.address("ada"), "198.51.100.4");
        long knownMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        ApiResponse stranger = portal.ask(unknown, "198.51.100.4");
        long strangerMillis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(known.status(), stranger.status());
        assertEquals(known.body(), stranger.body());
        assertTrue(knownMillis >= 150 && strangerMillis >= 150, knownMillis + " / " + strangerMillis);
        assertEquals(List.of(), outbox.to(unknown));
        // a suspended partner is answered alike and gets no link either
        portal.suspend("bob");
        ApiResponse suspended = portal.ask(portal.address("bob"), "198.51.100.4");
        assertEquals(known.body(), suspended.body());
        assertEquals(List.of(), outbox.to(portal.address("bob")));
        // the form gets the same page for both
        ApiResponse formKnown = portal.event("POST /portal/signin", "/portal/signin")
                .base64Body("application/x-www-form-urlencoded", "email=" + portal.address("ada")).invoke(portal.handler);
        ApiResponse formUnknown = portal.event("POST /portal/signin", "/portal/signin")
                .base64Body("application/x-www-form-urlencoded", "email=" + unknown).invoke(portal.handler);
        assertEquals(200, formKnown.status());
        assertEquals(formKnown.body(), formUnknown.body());
    }

    @Test
    void linksAreLimited_perAddress_andPerSourceIp_knownOrNot() {
        Portal portal = new Portal(Map.of("SIGNIN_REQUESTS_PER_IP_PER_HOUR", "5"));
        String unknown = "nobody-" + portal.tag + "@partner.example";
        for (int i = 0; i < 3; i++) {
            assertEquals(202, portal.ask(portal.address("ada"), "198.51.100." + (10 + i)).status());
            assertEquals(202, portal.ask(unknown, "198.51.100." + (20 + i)).status());
        }
        ApiResponse limited = portal.ask(portal.address("ada"), "198.51.100.30");
        assertEquals(429, limited.status(), "a fourth link for one address within the hour");
        assertTrue(Long.parseLong(limited.header("retry-after")) > 0);
        assertEquals(429, portal.ask(unknown, "198.51.100.31").status(), "counted alike for an unknown address");
        assertEquals(3, outbox.to(portal.address("ada")).size());

        for (int i = 0; i < 5; i++) {
            assertEquals(202, portal.ask("x" + i + "-" + portal.tag + "@partner.example", "203.0.113.99").status());
        }
        assertEquals(429, portal.ask(portal.address("bob"), "203.0.113.99").status(), "a sixth request from one IP");
        assertEquals(List.of(), outbox.to(portal.address("bob")));

        portal.clock.advance(Duration.ofHours(1));
        assertEquals(202, portal.ask(portal.address("bob"), "203.0.113.99").status(), "a new window");
    }

    @Test
    void forgedOrForeignTokens_nameNoSession() throws Exception {
        Portal portal = new Portal();
        PortalSignIn.SignedIn ada = PortalSignIn.throughHandler(portal.handler, outbox, portal.address("ada"));
        String token = ada.cookie().substring(ada.cookie().indexOf('=') + 1);
        String name = ada.cookie().substring(0, ada.cookie().indexOf('='));
        SignedJWT parsed = SignedJWT.parse(token);
        String sessionId = (String) parsed.getJWTClaimsSet().getClaim("sid");

        String wrongKey = sign(claims(sessionId, portal.id("ada").value()), "v1", "w".repeat(64));
        String foreignPartner = sign(claims(sessionId, portal.id("bob").value()), "v1", "k".repeat(64));
        String[] parts = token.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";
        String tamperedPayload = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                parsed.getJWTClaimsSet().toString().replace(portal.id("ada").value(), portal.id("bob").value())
                        .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        String unknownKid = sign(claims(sessionId, portal.id("ada").value()), "v0", "k".repeat(64));

        assertEquals(200, portal.session(ada.cookie()).status());
        for (String forged : List.of(wrongKey, foreignPartner, none, tamperedPayload, unknownKid, "garbage",
                "a".repeat(5000))) {
            ApiResponse refused = portal.session(name + "=" + forged);
            assertEquals(401, refused.status(), forged);
            assertEquals("application/problem+json", refused.header("content-type"));
        }
        ApiResponse page = portal.event("GET /portal", "/portal").cookies(name + "=" + wrongKey).invoke(portal.handler);
        assertEquals(303, page.status());
        assertEquals("/portal/signin", page.header("location"));
    }

    private static JWTClaimsSet claims(String sessionId, String partnerId) {
        return new JWTClaimsSet.Builder().issuer("refer-portal").subject(partnerId).claim("sid", sessionId)
                .expirationTime(Date.from(Instant.parse("2026-11-05T00:00:00Z"))).build();
    }

    private static String sign(JWTClaimsSet claims, String kid, String key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(), claims);
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    @Test
    void signingOut_needsTheCsrfToken_andEndsTheSession() {
        Portal portal = new Portal();
        PortalSignIn.SignedIn ada = PortalSignIn.throughHandler(portal.handler, outbox, portal.address("ada"));

        ApiResponse withoutToken = portal.event("POST /portal/signout", "/portal/signout").cookies(ada.cookie())
                .base64Body("application/x-www-form-urlencoded", "").invoke(portal.handler);
        assertEquals(403, withoutToken.status());
        assertTrue(withoutToken.header("content-type").startsWith("text/html"));
        ApiResponse wrongToken = portal.event("POST /portal/signout", "/portal/signout").cookies(ada.cookie())
                .base64Body("application/x-www-form-urlencoded", "csrf=" + "x".repeat(43)).invoke(portal.handler);
        assertEquals(403, wrongToken.status());
        assertEquals(200, portal.session(ada.cookie()).status(), "nothing changed");

        ApiResponse out = portal.event("POST /portal/signout", "/portal/signout").cookies(ada.cookie())
                .base64Body("application/x-www-form-urlencoded", "csrf=" + ada.csrfToken()).invoke(portal.handler);
        assertEquals(303, out.status());
        assertEquals("/portal/signin", out.header("location"));
        assertTrue(out.cookies().getFirst().contains("Max-Age=0"), out.cookies().toString());
        assertEquals(401, portal.session(ada.cookie()).status(), "the old cookie is refused after sign-out");
    }

    @Test
    void aSuspension_endsEverySessionOfThePartner_atTheNextRequest() {
        Portal portal = new Portal();
        PortalSignIn.SignedIn first = PortalSignIn.throughHandler(portal.handler, outbox, portal.address("ada"));
        PortalSignIn.SignedIn second = PortalSignIn.throughHandler(portal.handler, outbox, portal.address("ada"));
        PortalSignIn.SignedIn bob = PortalSignIn.throughHandler(portal.handler, outbox, portal.address("bob"));
        portal.suspend("ada");
        assertEquals(401, portal.session(first.cookie()).status());
        assertEquals(401, portal.session(second.cookie()).status());
        assertEquals(200, portal.session(bob.cookie()).status());
    }

    @Test
    void aSession_endsAfterItsIdleTime_andAfterItsAbsoluteTime_howeverActive() {
        Portal portal = new Portal();
        PortalSignIn.SignedIn idle = PortalSignIn.throughHandler(portal.handler, outbox, portal.address("ada"));
        portal.clock.advance(Duration.ofMinutes(119));
        assertEquals(200, portal.session(idle.cookie()).status(), "within 2 hours of the last request");
        portal.clock.advance(Duration.ofMinutes(121));
        assertEquals(401, portal.session(idle.cookie()).status(), "idle for more than 2 hours");

        PortalSignIn.SignedIn busy = PortalSignIn.throughHandler(portal.handler, outbox, portal.address("bob"));
        for (int hour = 1; hour < 7 * 24; hour++) {
            portal.clock.advance(Duration.ofHours(1));
            assertEquals(200, portal.session(busy.cookie()).status(), "hour " + hour);
        }
        portal.clock.advance(Duration.ofHours(1));
        assertEquals(401, portal.session(busy.cookie()).status(), "7 days after signing in");
    }

    @Test
    void stateChangingRequests_withoutTheCsrfToken_areRefused() {
        Portal portal = new Portal();
        PortalSignIn.SignedIn ada = PortalSignIn.throughHandler(portal.handler, outbox, portal.address("ada"));
        ApiResponse api = portal.event("POST /portal/api/links", "/portal/api/links").cookies(ada.cookie())
                .body("application/json", "{}").invoke(portal.handler);
        assertEquals(403, api.status());
        assertEquals("application/problem+json", api.header("content-type"));
        ApiResponse wrong = portal.event("PUT /portal/api/preferences", "/portal/api/preferences")
                .cookies(ada.cookie()).header("x-csrf-token", "wrong").body("application/json", "{}")
                .invoke(portal.handler);
        assertEquals(403, wrong.status());
        ApiResponse form = portal.event("POST /portal/links", "/portal/links").cookies(ada.cookie())
                .base64Body("application/x-www-form-urlencoded", "code=x").invoke(portal.handler);
        assertEquals(403, form.status());
        assertTrue(form.header("content-type").startsWith("text/html"));
        ApiResponse right = portal.event("POST /portal/api/links", "/portal/api/links").cookies(ada.cookie())
                .header("x-csrf-token", ada.csrfToken()).body("application/json", "{}").invoke(portal.handler);
        assertEquals(400, right.status(), "past the checks: the links route itself refuses a link without destination");
        assertTrue(right.body().contains("destination"), right.body());
        ApiResponse noSession = portal.event("POST /portal/api/links", "/portal/api/links")
                .header("x-csrf-token", ada.csrfToken()).body("application/json", "{}").invoke(portal.handler);
        assertEquals(401, noSession.status());
    }

    @Test
    void hostileInput_onEverySignInRoute_isRefusedPolitely_andStoresNothing() {
        Portal portal = new Portal();
        String big = "a".repeat(5000) + "@partner.example";
        assertEquals(413, portal.event("POST /portal/signin", "/portal/signin")
                .body("application/json", "{\"email\":\"" + big + "\"}").invoke(portal.handler).status());
        assertEquals(413, portal.event("POST /portal/signin", "/portal/signin")
                .base64Body("application/x-www-form-urlencoded", "email=" + big).invoke(portal.handler).status());
        assertEquals(415, portal.event("POST /portal/signin", "/portal/signin")
                .body("text/plain", "email=x").invoke(portal.handler).status());
        assertEquals(415, portal.event("POST /portal/signin/confirm", "/portal/signin/confirm")
                .body("application/xml", "<token/>").invoke(portal.handler).status());
        assertEquals(400, portal.event("POST /portal/signin", "/portal/signin")
                .base64Body("application/x-www-form-urlencoded", "email=%E0%A4%A").invoke(portal.handler).status());
        assertEquals(400, portal.event("POST /portal/signin", "/portal/signin")
                .body("application/json", "{\"email\":").invoke(portal.handler).status());
        ApiResponse badBase64 = ApiEvent.fixture("http-api-request.json").route("POST /portal/signin",
                "/portal/signin", Map.of()).header("content-type", "application/x-www-form-urlencoded")
                .rawBody("!!not base64!!", true).invoke(portal.handler);
        assertEquals(400, badBase64.status());
        assertEquals("nosniff", badBase64.header("x-content-type-options"), "a refused request's answer too");
        String notUtf8 = Base64.getEncoder().encodeToString(new byte[]{'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':',
                '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        assertEquals(400, ApiEvent.fixture("http-api-request.json").route("POST /portal/signin", "/portal/signin",
                Map.of()).header("content-type", "application/json").rawBody(notUtf8, true).invoke(portal.handler)
                .status(), "a body that is not UTF-8");
        ApiResponse badJson = portal.event("POST /portal/signin", "/portal/signin")
                .body("application/json", "{\"email\":\"not-an-address\"}").invoke(portal.handler);
        assertEquals(400, badJson.status());
        assertTrue(badJson.body().contains("\"field\":\"email\""), badJson.body());
        ApiResponse script = portal.event("POST /portal/signin", "/portal/signin")
                .base64Body("application/x-www-form-urlencoded", "email=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
                .invoke(portal.handler);
        assertEquals(400, script.status());
        assertTrue(script.body().contains("value=\"&lt;script>alert(1)&lt;/script>\""), "shown as typed, as text");
        assertFalse(script.body().contains("<script"), script.body());
        ApiResponse prefilled = portal.event("GET /portal/signin", "/portal/signin")
                .query("email=%22%3E%3Cscript%3E", Map.of("email", "\"><script>")).invoke(portal.handler);
        assertEquals(200, prefilled.status());
        assertFalse(prefilled.body().contains("<script"), prefilled.body());
        ApiResponse confirmScript = portal.event("GET /portal/signin/confirm", "/portal/signin/confirm")
                .query("token=x", Map.of("token", "\"><script>alert(1)</script>")).invoke(portal.handler);
        assertFalse(confirmScript.body().contains("<script"), confirmScript.body());
        assertEquals(400, portal.confirm("\"><script>").status());
        assertEquals(400, portal.confirm("x".repeat(43)).status());
        ApiResponse crossSite = portal.event("POST /portal/signin", "/portal/signin")
                .header("origin", "https://evil.example").header("sec-fetch-site", "cross-site")
                .base64Body("application/x-www-form-urlencoded", "email=" + portal.address("ada")).invoke(portal.handler);
        assertEquals(403, crossSite.status());
        ApiResponse crossSiteConfirm = portal.event("POST /portal/signin/confirm", "/portal/signin/confirm")
                .header("origin", "null").base64Body("application/x-www-form-urlencoded", "token=" + "x".repeat(43))
                .invoke(portal.handler);
        assertEquals(403, crossSiteConfirm.status());
        // the link's page is served with no referrer, so a browser posts its form with Origin: null; what it says
        // of the site (same-origin) lets it through to the token's check
        ApiResponse opaqueOriginConfirm = portal.event("POST /portal/signin/confirm", "/portal/signin/confirm")
                .header("origin", "null").header("sec-fetch-site", "same-origin")
                .base64Body("application/x-www-form-urlencoded", "token=" + "x".repeat(43)).invoke(portal.handler);
        assertEquals(400, opaqueOriginConfirm.status(), opaqueOriginConfirm.body());
        assertEquals(List.of(), outbox.to(portal.address("ada")), "no link went out");
        ApiResponse sameSite = portal.event("POST /portal/signin", "/portal/signin")
                .header("origin", "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
                .header("sec-fetch-site", "same-origin")
                .base64Body("application/x-www-form-urlencoded", "email=" + portal.address("ada")).invoke(portal.handler);
        assertEquals(200, sameSite.status(), sameSite.body());
    }

    @Test
    void everyAnswer_carriesTheSecurityHeaders_andPagesWithoutASession_goToSignIn() {
        Portal portal = new Portal();
        ApiResponse page = portal.event("GET /portal/signin", "/portal/signin").invoke(portal.handler);
        assertEquals(200, page.status());
        assertTrue(page.header("content-security-policy").contains("default-src 'none'"));
        assertTrue(page.header("content-security-policy").contains("frame-ancestors 'none'"));
        assertFalse(page.header("content-security-policy").contains("unsafe-inline"));
        assertEquals("nosniff", page.header("x-content-type-options"));
        assertEquals("same-origin", page.header("referrer-policy"));
        ApiResponse dashboard = portal.event("GET /portal", "/portal").invoke(portal.handler);
        assertEquals(303, dashboard.status());
        assertEquals("/portal/signin", dashboard.header("location"));
        assertEquals("nosniff", dashboard.header("x-content-type-options"));
        ApiResponse css = portal.event("GET /portal/assets/{file}", "/portal/assets/portal.css")
                .route("GET /portal/assets/{file}", "/portal/assets/portal.css", Map.of("file", "portal.css"))
                .invoke(portal.handler);
        assertEquals(200, css.status());
        assertTrue(css.header("content-type").startsWith("text/css"));
        assertEquals("public, max-age=3600", css.header("cache-control"));
        ApiResponse other = portal.event("GET /portal/assets/{file}", "/portal/assets/..%2Fpom.xml")
                .route("GET /portal/assets/{file}", "/portal/assets/..%2Fpom.xml", Map.of("file", "../pom.xml"))
                .invoke(portal.handler);
        assertEquals(404, other.status());
    }

    @Test
    void locally_theCookieIsNotSecure_soPlainHttpKeepsIt() {
        Portal portal = new Portal(Map.of("PORTAL_COOKIE_SECURE", "false"));
        portal.ask(portal.address("ada"), "198.51.100.40");
        ApiResponse signedIn = portal.confirm(portal.lastToken("ada"));
        String setCookie = signedIn.cookies().getFirst();
        assertTrue(setCookie.startsWith("refer_portal="), setCookie);
        assertFalse(setCookie.contains("Secure"), setCookie);
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);
        assertEquals(200, portal.session(cookieOf(signedIn)).status());
    }

    @Test
    void aRotation_keepsSessionsOfThePreviousKey() {
        Portal portal = new Portal();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("v1", KEY);
        var source = new java.util.concurrent.atomic.AtomicReference<>(new SessionKeys.Loaded("v1", Map.copyOf(keys)));
        PortalHandler handler = new PortalHandler(PortalWiring.create(portal.env, table.client(),
                SesMailer.fromEnv(portal.env), source::get, portal.clock));
        PortalSignIn.SignedIn before = PortalSignIn.throughHandler(handler, outbox, portal.address("ada"));
        source.set(new SessionKeys.Loaded("v2", Map.of("v2", "n".repeat(64).getBytes(StandardCharsets.UTF_8),
                "v1", KEY)));
        portal.clock.advance(Duration.ofMinutes(6)); // past the keys' refresh
        PortalSignIn.SignedIn after = PortalSignIn.throughHandler(handler, outbox, portal.address("bob"));
        ApiEvent check = portal.event("GET /portal/api/session", "/portal/api/session");
        assertEquals(200, check.cookies(before.cookie()).invoke(handler).status(), "signed with the previous key");
        assertNotEquals(before.cookie().split("\\.")[0], after.cookie().split("\\.")[0], "the new key's kid");
    }

    @Test
    void snapStartPriming_runsThePageTheGateAndARefusedSignIn_writingAndSendingNothing() {
        Portal portal = new Portal();
        PortalHandler handler = new PortalHandler(PortalWiring.create(portal.env,
                dev.refer.dynamodb.DynamoDbClients.create(portal.env), SesMailer.fromEnv(portal.env),
                () -> new SessionKeys.Loaded("v1", Map.of("v1", KEY)), portal.clock));
        int items = table.items().size();
        int mails = outbox.messages().size();
        handler.priming.prime();
        assertEquals(items, table.items().size(), "priming must not write");
        assertEquals(mails, outbox.messages().size(), "priming must not send");
    }
}
