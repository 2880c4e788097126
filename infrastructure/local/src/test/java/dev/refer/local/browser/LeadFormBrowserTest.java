package dev.refer.local.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.local.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public contract in a real browser (Chromium): a visitor follows a partner's short link, lands on the company's
 * page (another origin), and sends its plain HTML lead form, no JavaScript on the page; the browser follows the 303 to
 * the company's thank-you page and the lead is attributed to the partner by the click.
 */
class LeadFormBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static CompanySite site;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() {
        browser = Chromium.start();
        site = new CompanySite();
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-browser-lead")
                .withAdminKey("browser-admin-key").withAccessLog(false));
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

    private static JsonNode admin(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUri().resolve(path))
                .header("x-admin-key", stack.adminKey()).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void aVisitorFollowsTheShortLink_andSendsThePlainLeadForm_theLeadIsTheClicksPartners() throws Exception {
        site.page("/pricing", uri -> {
            String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
            String rid = "";
            for (String pair : query.split("&")) {
                if (pair.startsWith("rid=")) {
                    rid = URLDecoder.decode(pair.substring(4), StandardCharsets.UTF_8);
                }
            }
            return """
                    <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Pricing</title></head><body>
                    <h1>Talk to sales</h1>
                    <form method="post" action="%s">
                      <label>Email <input id="email" name="email" type="email"></label>
                      <label>Name <input id="name" name="name"></label>
                      <input type="hidden" name="rid" value="%s">
                      <input type="hidden" name="redirect_to" value="%s">
                      <div style="display:none"><input name="website_url" tabindex="-1" autocomplete="off"></div>
                      <button id="send" type="submit">Send</button>
                    </form></body></html>
                    """.formatted(stack.baseUri().resolve("/leads"), rid.replaceAll("[^A-Za-z0-9]", ""),
                    site.url("/thanks"));
        }).page("/thanks", uri -> "<!DOCTYPE html><title>Thanks</title><h1 id=\"thanks\">Thank you</h1>");

        admin("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000,"leadRewardMinor":2500},
                 "allowedDestinationHosts":["127.0.0.1"],"allowedFormOrigins":["%s"]}""".formatted(site.origin()), 200);
        String partnerId = admin("POST", "/admin/partners",
                "{\"name\":\"Bea Browser\",\"email\":\"bea@partner.example\"}", 201).get("id").asText();
        admin("POST", "/admin/partners/" + partnerId + "/links",
                "{\"code\":\"bea-browser\",\"destination\":\"" + site.url("/pricing") + "\"}", 201);

        browser.get(stack.baseUri().resolve("/bea-browser?utm_source=newsletter").toString());
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Pricing"));
        String landing = browser.getCurrentUrl();
        assertTrue(landing.startsWith(site.url("/pricing?utm_source=newsletter&ref=bea-browser&rid=")), landing);

        browser.findElement(By.id("email")).sendKeys("carla@prospect.example");
        browser.findElement(By.id("name")).sendKeys("Carla <b>Prospect</b>");
        browser.findElement(By.id("send")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleIs("Thanks"));
        assertEquals(site.url("/thanks"), browser.getCurrentUrl());

        JsonNode leads = admin("GET", "/admin/partners/" + partnerId + "/leads", null, 200).get("items");
        assertEquals(1, leads.size(), leads.toString());
        JsonNode lead = leads.get(0);
        assertEquals("CLICK", lead.get("attribution").get("path").asText());
        assertTrue(landing.endsWith("rid=" + lead.get("attribution").get("clickId").asText()), landing);
    }
}
