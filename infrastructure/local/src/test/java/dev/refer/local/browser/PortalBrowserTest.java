package dev.refer.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.local.LocalStack;
import dev.refer.testkit.mail.SesOutbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person becomes a partner and uses the portal, in a real browser (Chromium) against the local stack, every page
 * without help from scripts: apply (accepting the terms) → the manager approves (admin API) → the welcome email in
 * the outbox → the sign-in link asked for and opened from the email → "Sign in" → the program published new terms
 * meanwhile, so they come first → dashboard → a link for a new channel → its QR code → a deal registered → payout
 * details set (shown masked, the change emailed) → an email topic turned off → sign out, and the portal is closed
 * again.
 */
class PortalBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String EMAIL = "pia.partner@consulting.example";
    private static final Pattern SIGN_IN_LINK = Pattern.compile("(http://[^\\s\"<>]+/portal/signin/confirm\\?token=[A-Za-z0-9_-]+)");
    private static final Pattern PORTAL_SIGN_IN = Pattern.compile("(http://[^\\s\"<>]+/portal/signin[^\\s\"<>]*)");

    private static LocalStack stack;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = Chromium.start();
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-browser-portal")
                .withAdminKey("browser-portal-admin-key").withAccessLog(false));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void applyApprovedSignInAcceptTermsAndUseThePortal_thenSignOut() throws Exception {
        admin("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000,"leadRewardMinor":2500},
                 "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"]}""", 200);
        admin("PUT", "/admin/communications", """
                {"programName":"Acme Partners","idealCustomer":"Finance teams of 50 to 500 people",
                 "valueProposition":"Close the books in two days","onboardingSteps":["Share your link with one client"],
                 "resources":[{"title":"Pitch deck","url":"https://example.com/deck"}]}""", 200);
        admin("POST", "/admin/terms", "{\"version\":\"2026-11\",\"text\":\"Refer honestly; 20 % of the first year.\"}", 201);

        // 1. apply, accepting the current terms
        browser.get(url("/apply"));
        type("name", "Pia Partner");
        type("email", EMAIL);
        type("company", "Pia Consulting <b>GmbH</b>");
        type("website", "https://pia-consulting.example");
        new Select(browser.findElement(By.id("country"))).selectByValue("DE");
        browser.findElements(By.cssSelector("input[type=checkbox][name^=channel_]")).get(0).click();
        type("audience", "CFOs of mid-sized manufacturers");
        browser.findElement(By.id("acceptTerms")).click();
        submit(browser.findElement(By.cssSelector("form[action='/apply']")));
        waitFor(d -> d.getPageSource().contains(EMAIL) || d.getTitle().toLowerCase().contains("application"));
        assertFalse(browser.getPageSource().contains("<b>GmbH</b>"), "what the applicant typed is shown as text");
        awaitMail(m -> m.subject().toLowerCase().contains("application"), "the applicant's receipt");

        // 2. the manager approves; the welcome email tells how to sign in
        JsonNode pending = admin("GET", "/admin/applications?status=pending", null, 200).get("items");
        assertEquals(1, pending.size(), pending.toString());
        admin("POST", "/admin/applications/" + pending.get(0).get("id").asText() + "/approve", "{}", 200);
        SesOutbox.Mail welcome = awaitMail(m -> m.subject().toLowerCase().contains("welcome"), "the welcome email");
        assertTrue(welcome.text().contains("Close the books in two days"), welcome.text());
        Matcher signInPage = PORTAL_SIGN_IN.matcher(welcome.text());
        assertTrue(signInPage.find(), "the welcome email links to the sign-in page: " + welcome.text());

        // the program publishes new terms before the partner first signs in
        admin("POST", "/admin/terms", "{\"version\":\"2026-12\",\"text\":\"Refer honestly; 25 % of the first year.\"}", 201);

        // 3. sign in from the welcome email: the link is emailed, its page has a button, only that signs in
        browser.get(signInPage.group(1));
        WebElement email = browser.findElement(By.id("email"));
        if (email.getAttribute("value").isBlank()) {
            email.sendKeys(EMAIL);
        }
        int before = stack.outbox().to(EMAIL).size();
        submit(browser.findElement(By.cssSelector("form[action='/portal/signin']")));
        SesOutbox.Mail signInMail = awaitMail(before, m -> SIGN_IN_LINK.matcher(m.text()).find(), "the sign-in email");
        Matcher link = SIGN_IN_LINK.matcher(signInMail.text());
        assertTrue(link.find());
        browser.get(link.group(1));
        assertTrue(browser.manage().getCookies().stream().noneMatch(c -> c.getName().contains("refer_portal")),
                "opening the link (as a mail scanner does) signs no one in");
        submit(browser.findElement(By.cssSelector("form[action='/portal/signin/confirm']")));

        // 4. the new terms come before anything else
        waitFor(d -> d.getCurrentUrl().endsWith("/portal/terms"));
        assertTrue(browser.getPageSource().contains("25 % of the first year"));
        Cookie session = browser.manage().getCookieNamed("refer_portal");
        assertNotNull(session, "the session cookie: " + browser.manage().getCookies());
        assertTrue(session.isHttpOnly(), "HttpOnly");
        assertEquals("Lax", session.getSameSite());
        browser.get(url("/portal/links"));
        waitFor(d -> d.getCurrentUrl().endsWith("/portal/terms"));
        submit(browser.findElement(By.cssSelector("form[action='/portal/terms']")));

        // 5. the dashboard
        waitFor(d -> d.getCurrentUrl().endsWith("/portal"));
        assertFalse(browser.findElements(By.id("funnel")).isEmpty(), "the funnel is on the dashboard");
        assertFalse(browser.findElements(By.id("next-payout")).isEmpty(), "the next payout is on the dashboard");

        // 6. a link for a new channel, and its QR code
        browser.get(url("/portal/links"));
        int linksBefore = browser.findElements(By.cssSelector("[id^=url-]")).size();
        type("destination", "https://example.com/pricing");
        type("campaign", "newsletter");
        submit(browser.findElement(By.cssSelector("form[action='/portal/links']")));
        waitFor(d -> d.findElements(By.cssSelector("[id^=url-]")).size() == linksBefore + 1);
        assertTrue(browser.getPageSource().contains("newsletter"));
        List<WebElement> svgLinks = browser.findElements(By.cssSelector("a[href$='/qr.svg']"));
        assertFalse(svgLinks.isEmpty());
        String qr = svgLinks.get(svgLinks.size() - 1).getAttribute("href");
        browser.get(qr);
        waitFor(d -> d.getPageSource().contains("<svg") || d.getPageSource().contains("svg"));
        assertTrue(browser.getPageSource().contains("<path") || browser.getPageSource().contains("path"),
                "an SVG drawing of the QR code");

        // 7. a deal registered
        browser.get(url("/portal/deals"));
        type("companyName", "Northwind Manufacturing");
        type("domain", "northwind-mfg.example");
        type("contactName", "Nora North");
        type("contactEmail", "nora@northwind-mfg.example");
        type("notes", "Met at the CFO breakfast; budget in Q1.");
        submit(browser.findElement(By.cssSelector("form[action='/portal/deals']")));
        waitFor(d -> d.getPageSource().contains("northwind-mfg.example") && d.getPageSource().contains("Northwind"));
        JsonNode deals = admin("GET", "/admin/deals?status=pending", null, 200).get("items");
        assertEquals(1, deals.size(), deals.toString());

        // 8. payout details: shown masked, the change emailed
        browser.get(url("/portal/payout-details"));
        browser.findElement(By.id("method-bank")).click();
        type("holder", "Pia Partner");
        type("iban", "DE89 3704 0044 0532 0130 00");
        type("bic", "COBADEFFXXX");
        int mailsBefore = stack.outbox().to(EMAIL).size();
        submit(browser.findElement(By.cssSelector("form[action='/portal/payout-details']")));
        waitFor(d -> d.getPageSource().contains("****"));
        assertFalse(browser.getPageSource().contains("0532 0130"), "the IBAN is shown masked");
        assertFalse(browser.getPageSource().contains("DE89370400440532013000"), "the IBAN is shown masked");
        awaitMail(mailsBefore, m -> m.subject().toLowerCase().contains("payout details"), "the change's email");

        // 9. an email topic turned off, and the shout-out consent given
        browser.get(url("/portal/preferences"));
        WebElement noCheckins = browser.findElement(By.cssSelector("input[type=radio][name='topic.checkin'][value='none']"));
        noCheckins.click();
        WebElement shoutOut = browser.findElement(By.cssSelector("input[type=checkbox][name='shoutOut']"));
        if (!shoutOut.isSelected()) {
            shoutOut.click();
        }
        submit(browser.findElement(By.cssSelector("form[action='/portal/preferences']")));
        waitFor(d -> d.findElement(By.cssSelector("input[name='topic.checkin'][value='none']")).isSelected());
        String partnerId = admin("GET", "/admin/partners", null, 200).get("items").get(0).get("id").asText();
        JsonNode preferences = admin("GET", "/admin/partners/" + partnerId + "/preferences", null, 200);
        assertTrue(preferences.toString().contains("\"checkin\":\"none\""), preferences.toString());
        assertTrue(preferences.toString().contains("\"shoutOut\":true"), preferences.toString());

        // 10. sign out: the portal is closed again, the old cookie opens nothing
        browser.get(url("/portal"));
        submit(browser.findElement(By.cssSelector("form[action='/portal/signout']")));
        waitFor(d -> d.getCurrentUrl().contains("/portal/signin"));
        browser.manage().addCookie(session);
        browser.get(url("/portal"));
        waitFor(d -> d.getCurrentUrl().contains("/portal/signin"));
    }

    private static String url(String path) {
        return stack.baseUri().resolve(path).toString();
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /**
     * Submits the form as its submit button does (no script on the page needed), then waits until the browser left the
     * page it was on: a condition checked right after the click could otherwise still read the old page (a radio just
     * clicked is selected there too) or lose its element as the new page replaces it.
     */
    private static void submit(WebElement form) {
        form.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> {
            try {
                form.isEnabled();
                return false;
            } catch (StaleElementReferenceException replaced) {
                return true;
            }
        });
    }

    private static void waitFor(java.util.function.Function<ChromeDriver, Boolean> condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20))
                    .ignoring(StaleElementReferenceException.class)
                    .until(driver -> condition.apply((ChromeDriver) driver));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("the browser is at " + browser.getCurrentUrl() + " showing:\n"
                    + browser.getPageSource(), e);
        }
    }

    private static SesOutbox.Mail awaitMail(Predicate<SesOutbox.Mail> wanted, String what) throws InterruptedException {
        return awaitMail(0, wanted, what);
    }

    /** The first email to the applicant after the first {@code skip} that matches, waiting for the mail worker. */
    private static SesOutbox.Mail awaitMail(int skip, Predicate<SesOutbox.Mail> wanted, String what)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            List<SesOutbox.Mail> mail = stack.outbox().to(EMAIL);
            for (SesOutbox.Mail message : mail.subList(Math.min(skip, mail.size()), mail.size())) {
                if (wanted.test(message)) {
                    return message;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no " + what + " to " + EMAIL + " in the outbox: "
                + stack.outbox().to(EMAIL).stream().map(SesOutbox.Mail::subject).toList());
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
