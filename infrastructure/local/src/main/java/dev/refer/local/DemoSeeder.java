package dev.refer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.local.gateway.AdminKey;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code --demo}: seeds a program, a partner and a link through the admin API over HTTP, like a program manager
 * would, and prints the short link to try. A step the API refuses is reported and the rest carries on.
 */
final class DemoSeeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROGRAM = """
            {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,\
            "plan":{"saleRateBps":2000,"leadRewardMinor":2500},\
            "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["http://localhost:3000"]}""";
    private static final String PARTNER = """
            {"name":"Demo Partner","email":"partner@example.com"}""";
    private static final String LINK = """
            {"destination":"https://example.com/pricing","campaign":"newsletter"}""";

    private final URI baseUri;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoSeeder(URI baseUri, String adminKey) {
        this.baseUri = baseUri;
        this.adminKey = adminKey;
    }

    void seed() {
        call("PUT", "/admin/program", PROGRAM);
        Optional<String> partnerId = call("POST", "/admin/partners", PARTNER)
                .map(partner -> partner.path("id").asText(null));
        if (partnerId.isEmpty()) {
            System.out.println("Demo: no partner was created, so no link either.");
            return;
        }
        System.out.println("Demo partner: " + partnerId.get());
        call("POST", "/admin/partners/" + partnerId.get() + "/links", LINK)
                .map(link -> link.path("code").asText(null))
                .ifPresentOrElse(code -> System.out.println("Demo short link: " + baseUri + "/" + code),
                        () -> System.out.println("Demo: the link was not created."));
    }

    /** The response body as JSON when the call succeeded (2xx); otherwise prints the problem. */
    private Optional<JsonNode> call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("content-type", "application/json")
                .header(AdminKey.HEADER, adminKey)
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                System.out.printf("Demo: %s %s answered %d: %s%n", method, path, response.statusCode(), response.body());
                return Optional.empty();
            }
            return Optional.of(response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body()));
        } catch (IOException e) {
            System.out.printf("Demo: %s %s failed: %s%n", method, path, e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
