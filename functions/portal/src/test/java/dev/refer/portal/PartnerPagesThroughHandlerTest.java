package dev.refer.portal;

import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.testkit.portal.PortalSignIn;
import dev.refer.testkit.program.ProgramFixture;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The partner's pages behind the real handler: signed in through the emailed link, the session cookie and its CSRF
 * token carry a link's creation from the form, its QR code comes back as an image, and another partner's session
 * finds none of it.
 */
class PartnerPagesThroughHandlerTest {

    @Test
    void aSignedInPartner_createsALinkFromTheForm_getsItsQrCode_andTheOtherPartnerCannot() {
        var client = SignInTest.table(); // starts the shared table and the mail emulator
        SignInTest.Portal portal = new SignInTest.Portal();
        new ProgramFixture(client, portal.config).program();
        PortalSignIn.SignedIn ada = PortalSignIn.throughHandler(portal.handler, SignInTest.outbox(),
                portal.address("ada"));

        ApiResponse dashboard = portal.event("GET /portal", "/portal").cookies(ada.cookie()).invoke(portal.handler);
        assertEquals(200, dashboard.status(), dashboard.body());
        assertTrue(dashboard.header("content-security-policy").contains("default-src 'none'"));
        assertTrue(dashboard.body().contains("<h1>Dashboard</h1>"), dashboard.body());

        ApiResponse withoutToken = portal.event("POST /portal/links", "/portal/links").cookies(ada.cookie())
                .base64Body("application/x-www-form-urlencoded", "destination=https%3A%2F%2Fexample.com%2F")
                .invoke(portal.handler);
        assertEquals(403, withoutToken.status(), "the handler checks the CSRF token first");
        ApiResponse created = portal.event("POST /portal/links", "/portal/links").cookies(ada.cookie())
                .base64Body("application/x-www-form-urlencoded", "csrf=" + ada.csrfToken()
                        + "&destination=https%3A%2F%2Fexample.com%2Fpricing&campaign=podcast")
                .invoke(portal.handler);
        assertEquals(303, created.status(), created.body());

        ApiResponse links = portal.event("GET /portal/api/links", "/portal/api/links").cookies(ada.cookie())
                .invoke(portal.handler);
        assertEquals(200, links.status(), links.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) links.jsonBody().get("items");
        assertEquals(1, items.size());
        String code = (String) items.getFirst().get("code");
        assertEquals("https://partners.example/" + code, items.getFirst().get("url"));

        ApiResponse png = qr(portal, ada, code);
        assertEquals(200, png.status());
        assertEquals("image/png", png.header("content-type"));
        assertArrayEquals(new byte[]{(byte) 0x89, 'P', 'N', 'G'},
                Arrays.copyOf(Base64.getDecoder().decode(png.body()), 4), "a base64 PNG through the handler");
        ApiResponse page = portal.event("GET /portal/links", "/portal/links").cookies(ada.cookie())
                .invoke(portal.handler);
        assertTrue(page.body().contains("value=\"" + ada.csrfToken() + "\""), "each form carries the token");

        PortalSignIn.SignedIn bob = PortalSignIn.throughHandler(portal.handler, SignInTest.outbox(),
                portal.address("bob"));
        assertEquals(404, qr(portal, bob, code).status());
        ApiResponse disable = ApiEvent.fixture("http-api-request.json")
                .route("POST /portal/api/links/{code}/disable", "/portal/api/links/" + code + "/disable",
                        Map.of("code", code)).query("", Map.of()).cookies(bob.cookie())
                .header("x-csrf-token", bob.csrfToken()).invoke(portal.handler);
        assertEquals(404, disable.status(), disable.body());
        assertFalse(disable.body().contains(code));
    }

    private static ApiResponse qr(SignInTest.Portal portal, PortalSignIn.SignedIn who, String code) {
        return ApiEvent.fixture("http-api-request.json")
                .route("GET /portal/links/{code}/qr.png", "/portal/links/" + code + "/qr.png", Map.of("code", code))
                .query("", Map.of()).cookies(who.cookie()).invoke(portal.handler);
    }
}
