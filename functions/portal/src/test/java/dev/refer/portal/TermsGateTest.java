package dev.refer.portal;

import dev.refer.core.terms.Acceptance;
import dev.refer.core.terms.Terms;
import dev.refer.dynamodb.terms.DynamoDbTermsBook;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.testkit.portal.PortalSignIn;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The terms gate: a partner who has not accepted the current terms reaches nothing but the terms (and the session
 * API) until they accept them on the terms page, which records the version, time, IP and user agent.
 */
class TermsGateTest {

    @Test
    void aPartnerWhoHasNotAccepted_isSentToTheTerms_firstAndOnlyThere_untilAccepting() {
        SignInTest.Portal portal = new SignInTest.Portal();
        DynamoDbTermsBook book = new DynamoDbTermsBook(SignInTest.table(), portal.config);
        book.publish(new Terms("2026-12", "1. Commissions are <b>20 %</b>.\n\n2. <script>alert(1)</script>",
                Instant.parse("2026-11-01T00:00:00Z")));
        PortalSignIn.SignedIn ada = PortalSignIn.throughHandler(portal.handler, SignInTest.outbox(),
                portal.address("ada"));

        ApiResponse dashboard = portal.event("GET /portal", "/portal").cookies(ada.cookie()).invoke(portal.handler);
        assertEquals(303, dashboard.status());
        assertEquals("/portal/terms", dashboard.header("location"));
        ApiResponse api = portal.event("GET /portal/api/dashboard", "/portal/api/dashboard").cookies(ada.cookie())
                .invoke(portal.handler);
        assertEquals(403, api.status());
        assertTrue(api.body().contains("terms-not-accepted"), api.body());
        ApiResponse session = portal.session(ada.cookie());
        assertEquals(200, session.status());
        assertEquals(false, session.jsonBody().get("termsAccepted"));

        ApiResponse page = portal.event("GET /portal/terms", "/portal/terms").cookies(ada.cookie())
                .invoke(portal.handler);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Version 2026-12"), page.body());
        assertTrue(page.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), page.body());
        assertFalse(page.body().contains("<script"), page.body());
        assertTrue(page.body().contains("name=\"csrf\" value=\"" + ada.csrfToken() + "\""), page.body());

        ApiResponse forged = portal.event("POST /portal/terms", "/portal/terms").cookies(ada.cookie())
                .base64Body("application/x-www-form-urlencoded", "version=2026-12").invoke(portal.handler);
        assertEquals(403, forged.status());
        ApiResponse stale = portal.event("POST /portal/terms", "/portal/terms").cookies(ada.cookie())
                .base64Body("application/x-www-form-urlencoded", "version=2026-01&csrf=" + ada.csrfToken())
                .invoke(portal.handler);
        assertEquals(409, stale.status());
        assertTrue(book.acceptance(portal.id("ada"), "2026-12").isEmpty(), "nothing accepted yet");

        ApiResponse accepted = portal.event("POST /portal/terms", "/portal/terms").cookies(ada.cookie())
                .header("user-agent", "Browser/1.0").sourceIp("198.51.100.77")
                .base64Body("application/x-www-form-urlencoded", "version=2026-12&csrf=" + ada.csrfToken())
                .invoke(portal.handler);
        assertEquals(303, accepted.status(), accepted.body());
        assertEquals("/portal", accepted.header("location"));
        Acceptance acceptance = book.acceptance(portal.id("ada"), "2026-12").orElseThrow();
        assertEquals("198.51.100.77", acceptance.ip());
        assertEquals("Browser/1.0", acceptance.userAgent());
        assertEquals(portal.clock.instant(), acceptance.acceptedAt());

        assertEquals(true, portal.session(ada.cookie()).jsonBody().get("termsAccepted"));
        ApiResponse after = portal.event("GET /portal/api/dashboard", "/portal/api/dashboard").cookies(ada.cookie())
                .invoke(portal.handler);
        assertEquals(404, after.status(), "past the gate (the dashboard is registered by its own family)");

        // the JSON twin
        PortalSignIn.SignedIn bob = PortalSignIn.throughHandler(portal.handler, SignInTest.outbox(),
                portal.address("bob"));
        ApiResponse json = portal.event("POST /portal/terms", "/portal/terms").cookies(bob.cookie())
                .header("x-csrf-token", bob.csrfToken()).body("application/json", "{\"version\":\"2026-12\"}")
                .invoke(portal.handler);
        assertEquals(200, json.status(), json.body());
        assertEquals(Map.of("version", "2026-12", "acceptedAt", portal.clock.instant().toString()), json.jsonBody());
    }

    @Test
    void withoutPublishedTerms_theGateIsOpen() {
        SignInTest.Portal portal = new SignInTest.Portal();
        PortalSignIn.SignedIn ada = PortalSignIn.throughHandler(portal.handler, SignInTest.outbox(),
                portal.address("ada"));
        assertEquals(true, portal.session(ada.cookie()).jsonBody().get("termsAccepted"));
        assertEquals(404, portal.event("GET /portal/api/dashboard", "/portal/api/dashboard").cookies(ada.cookie())
                .invoke(portal.handler).status());
    }
}
