package dev.refer.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.local.LocalStack;
import dev.refer.script.ReferralScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * referral.js in a real browser (Chromium), loaded from the local stack's versioned path as a company's pages load it
 * from CloudFront. The company's site has names of its own ({@code www.acme-site.com} and {@code shop.acme-site.com},
 * resolved to the loopback {@link CompanySite} by Chromium's host rules), so its first-party cookie lives on its own
 * domain, apart from the local stack's origin (127.0.0.1) where the short links are: the short link sends the visitor
 * to the landing page with {@code ref} and {@code rid}, the script keeps them for the site's subdomains, the lead form
 * on another page and subdomain carries them to {@code POST /leads}, the lead is the click's partner's, and a checkout
 * page hands the click id to Stripe. Consent, first and last touch, and forged values each have their test.
 */
class ReferralScriptBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String DOMAIN = "acme-site.com";
    private static final Pattern RID = Pattern.compile("[?&]rid=([0-9A-Z]{26})(?:&|$)");
    private static LocalStack stack;
    private static CompanySite site;
    private static ChromeDriver browser;
    private static String bea;
    private static String cem;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start("--host-resolver-rules=MAP *." + DOMAIN + " 127.0.0.1");
        site = new CompanySite();
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-browser-script")
                .withAdminKey("browser-admin-key").withAccessLog(false));
        admin("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000,"leadRewardMinor":2500},
                 "allowedDestinationHosts":["www.%s"],"allowedFormOrigins":["%s","%s"]}"""
                .formatted(DOMAIN, origin("www"), origin("shop")), 200);
        bea = admin("POST", "/admin/partners", "{\"name\":\"Bea Script\",\"email\":\"bea@partner.example\"}", 201)
                .get("id").asText();
        cem = admin("POST", "/admin/partners", "{\"name\":\"Cem Script\",\"email\":\"cem@partner.example\"}", 201)
                .get("id").asText();
        link(bea, "bea-script", "/landing");
        link(bea, "bea-consent", "/consent");
        link(bea, "bea-first", "/first");
        link(cem, "cem-first", "/first");
        link(bea, "bea-last", "/last");
        link(cem, "cem-last", "/last");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
        if (site != null) {
            site.close();
        }
    }

    /** Each test starts as a new visitor: no cookie anywhere. */
    @BeforeEach
    void newVisitor() {
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @Test
    void theShortLink_landsWithRidAndRef_theScriptKeepsThem_theFormOnAnotherSubdomainCarriesThem_andCheckoutReadsThem()
            throws Exception {
        site.page("/landing", uri -> page("Landing", "data-cookie-domain=\"" + DOMAIN + "\"",
                        "<h1>Acme</h1><a id=\"contact\" href=\"" + url("shop", "/contact") + "\">Contact sales</a>"))
                .page("/contact", uri -> page("Contact", "data-cookie-domain=\"" + DOMAIN + "\"", """
                        <form id="lead" method="post" action="%s">
                          <label>Email <input id="email" name="email" type="email"></label>
                          <label>Name <input id="name" name="name"></label>
                          <input type="hidden" name="redirect_to" value="%s">
                          <button id="send" type="submit">Send</button>
                        </form>
                        <form id="search" action="/search"><input name="q"></form>"""
                        .formatted(stack.baseUri().resolve("/leads"), url("shop", "/thanks"))))
                .page("/thanks", uri -> page("Thanks", "", "<h1>Thank you</h1>"))
                .page("/checkout", uri -> page("Checkout", "data-cookie-domain=\"" + DOMAIN + "\"", """
                        <a id="pay" href="https://buy.stripe.com/test_5kA00">Pay</a>
                        <p id="client-reference-id"></p>
                        <script>
                          addEventListener("DOMContentLoaded", function () {
                            document.getElementById("client-reference-id").textContent = Refer.clientReferenceId();
                          });
                        </script>"""));

        String landing = follow("bea-script", "Landing");
        assertTrue(landing.startsWith(url("www", "/landing?utm_source=newsletter&ref=bea-script&rid=")), landing);
        String rid = rid(landing);
        Cookie cookie = browser.manage().getCookieNamed("refer");
        assertNotNull(cookie, "the script keeps the click in a first-party cookie");
        assertEquals(rid + ".bea-script", cookie.getValue());
        assertEquals("." + DOMAIN, cookie.getDomain(), "for every subdomain of the company's site");
        assertEquals("/", cookie.getPath());
        assertEquals("Lax", cookie.getSameSite());
        assertFalse(cookie.isSecure(), "Secure on https pages only (this one is http)");
        assertFalse(cookie.isHttpOnly());
        long hours = Duration.between(Instant.now(), cookie.getExpiry().toInstant()).toHours();
        assertTrue(hours >= 29 * 24 && hours <= 30 * 24, "the attribution window (30 days): " + hours + " hours");
        assertEquals(rid, browser.executeScript("return Refer.rid"));
        assertEquals("bea-script", browser.executeScript("return Refer.ref"));

        browser.findElement(By.id("contact")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Contact"));
        assertEquals(url("shop", "/contact"), browser.getCurrentUrl(), "no rid in this page's address");
        assertEquals(rid, browser.findElement(By.cssSelector("#lead input[name=rid]")).getDomProperty("value"));
        assertEquals("hidden", browser.findElement(By.cssSelector("#lead input[name=rid]")).getDomProperty("type"));
        assertEquals("bea-script", browser.findElement(By.cssSelector("#lead input[name=ref]")).getDomProperty("value"));
        assertTrue(browser.findElements(By.cssSelector("#search input[name=rid]")).isEmpty(),
                "a form that does not post to the lead form is left alone");

        browser.findElement(By.id("email")).sendKeys("dora@prospect.example");
        browser.findElement(By.id("name")).sendKeys("Dora Prospect");
        browser.findElement(By.id("send")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Thanks"));

        JsonNode leads = admin("GET", "/admin/partners/" + bea + "/leads", null, 200).get("items");
        assertEquals(1, leads.size(), leads.toString());
        assertEquals("dora@prospect.example", leads.get(0).get("email").asText());
        assertEquals("CLICK", leads.get(0).get("attribution").get("path").asText(), leads.toString());
        assertEquals(rid, leads.get(0).get("attribution").get("clickId").asText());

        browser.get(url("shop", "/checkout"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Checkout"));
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(ExpectedConditions.textToBe(
                By.id("client-reference-id"), rid));
        assertEquals("https://buy.stripe.com/test_5kA00?client_reference_id=" + rid,
                browser.findElement(By.id("pay")).getDomProperty("href"), "a Stripe Payment Link carries it too");
    }

    @Test
    void withConsentRequired_nothingIsReadOrStoredBeforeConsent_thenTheClickIsKeptAndTheFormFilled() {
        site.page("/consent", uri -> page("Consent", "data-consent=\"required\"", """
                <form id="lead" data-refer-form method="post" action="/elsewhere"><input name="email"></form>
                <button id="accept" onclick="Refer.consent()">Accept</button>"""));

        String landing = follow("bea-consent", "Consent");
        String rid = rid(landing);
        assertNull(browser.manage().getCookieNamed("refer"), "no cookie before consent");
        assertNull(browser.executeScript("return Refer.rid"));
        assertNull(browser.executeScript("return Refer.clientReferenceId()"));
        assertTrue(browser.findElements(By.cssSelector("#lead input[name=rid]")).isEmpty(), "no field before consent");

        browser.findElement(By.id("accept")).click();

        assertEquals(rid + ".bea-consent", browser.manage().getCookieNamed("refer").getValue());
        assertEquals(rid, browser.executeScript("return Refer.rid"));
        assertEquals(rid, browser.findElement(By.cssSelector("#lead input[name=rid]")).getDomProperty("value"),
                "a form marked data-refer-form is filled");

        browser.get(url("www", "/consent"));
        assertNull(browser.executeScript("return Refer.rid"), "a later page reads nothing until it has consent");
        browser.findElement(By.id("accept")).click();
        assertEquals(rid, browser.executeScript("return Refer.rid"), "then the kept click");
    }

    @Test
    void firstTouch_keepsTheFirstPartnersClick_lastTouch_theLatest() {
        site.page("/first", uri -> page("First", "data-touch=\"first\"", "<h1>First touch</h1>"))
                .page("/last", uri -> page("Last", "", "<h1>Last touch</h1>"));

        String beaFirst = rid(follow("bea-first", "First"));
        String cemFirst = rid(follow("cem-first", "First"));
        assertEquals(beaFirst + ".bea-first", browser.manage().getCookieNamed("refer").getValue());
        assertEquals(beaFirst, browser.executeScript("return Refer.clientReferenceId()"));
        assertFalse(beaFirst.equals(cemFirst));

        newVisitor();
        rid(follow("bea-last", "Last"));
        String cemLast = rid(follow("cem-last", "Last"));
        assertEquals(cemLast + ".cem-last", browser.manage().getCookieNamed("refer").getValue());
        assertEquals("cem-last", browser.executeScript("return Refer.ref"));
    }

    /** The URL and the cookie are the visitor's (or an attacker's) to write: only well-formed ids go anywhere. */
    @Test
    void forgedValues_inTheUrlOrTheCookie_areNeitherStoredNorWrittenIntoForms() {
        site.page("/forged", uri -> page("Forged", "", """
                <form id="lead" data-refer-form method="post" action="/elsewhere">
                  <input id="code" name="ref" value="">
                </form>"""));
        String script = "\"><script>alert(1)</script>";

        browser.get(url("www", "/forged?rid=" + encode(script) + "&ref=" + encode("x\" onfocus=\"alert(1)")));
        assertNull(browser.manage().getCookieNamed("refer"));
        assertNull(browser.executeScript("return Refer.rid"));
        assertNull(browser.executeScript("return Refer.ref"));
        assertTrue(browser.findElements(By.cssSelector("#lead input[name=rid]")).isEmpty());

        browser.executeScript("document.cookie = 'refer=' + encodeURIComponent(arguments[0]) + '.a; Path=/'", script);
        browser.navigate().refresh();
        assertNull(browser.executeScript("return Refer.rid"), "a forged cookie is read as nothing");
        assertNull(browser.executeScript("return Refer.ref"));

        newVisitor();
        browser.get(url("www", "/forged?rid=01HZY3K8Q9W2V5T7R4M6N1P0XI&ref=bea-script"));
        assertEquals(".bea-script", browser.manage().getCookieNamed("refer").getValue(),
                "a malformed click id is dropped, the well-formed code kept");
        assertEquals("bea-script", browser.findElement(By.id("code")).getDomProperty("value"));

        browser.findElement(By.id("code")).clear();
        browser.findElement(By.id("code")).sendKeys("my-own-code");
        browser.executeScript("document.getElementById('lead')"
                + ".dispatchEvent(new Event('submit', {bubbles: true, cancelable: true}))");
        assertEquals("my-own-code", browser.findElement(By.id("code")).getDomProperty("value"),
                "a code the visitor typed is theirs");
    }

    private static String follow(String code, String title) {
        browser.get(stack.baseUri().resolve("/" + code + "?utm_source=newsletter").toString());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs(title));
        return browser.getCurrentUrl();
    }

    private static String rid(String url) {
        Matcher matcher = RID.matcher(url);
        assertTrue(matcher.find(), url);
        return matcher.group(1);
    }

    /** A page of the company's site loading referral.js from the local stack, as from CloudFront on AWS. */
    private static String page(String title, String attributes, String body) {
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>
                <script src="%s" data-lead-form="%s" %s defer></script>
                </head><body>%s</body></html>
                """.formatted(title, stack.baseUri().resolve(ReferralScript.current().path()),
                stack.baseUri().resolve("/leads"), attributes, body);
    }

    private static String origin(String subdomain) {
        return "http://" + subdomain + "." + DOMAIN + ":" + URI.create(site.origin()).getPort();
    }

    private static String url(String subdomain, String path) {
        return origin(subdomain) + path;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void link(String partnerId, String code, String path) throws Exception {
        admin("POST", "/admin/partners/" + partnerId + "/links",
                "{\"code\":\"" + code + "\",\"destination\":\"" + url("www", path) + "\"}", 201);
    }

    private static JsonNode admin(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .header("x-admin-key", stack.adminKey()).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }
}
