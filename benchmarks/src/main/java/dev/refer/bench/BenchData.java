package dev.refer.bench;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import dev.refer.lambda.LambdaJson;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Seeds a benchmark table through the production adapters: a program, an active partner and links. */
final class BenchData {

    static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36";

    final Partner partner;

    private BenchData(Partner partner) {
        this.partner = partner;
    }

    static BenchData seed(DynamoDbClient client, String table, String... linkCodes) {
        TableConfig config = new TableConfig(table, new ProgramId(BenchContext.PROGRAM_ID));
        new DynamoDbProgramRepository(client, config).save(new Program(config.programId(), Currency.getInstance("EUR"),
                30, 30, new CommissionPlan(new Reward.Percent(2000), null, Money.of(2500, "EUR")),
                List.of("example.com"), List.of("https://www.example.com")));
        Partner partner = new Partner(new PartnerId(new UlidGenerator(Clock.systemUTC()).newId()), "Bench Partner",
                new EmailAddress("bench@partner.example"), null, PartnerStatus.ACTIVE, null, Instant.now());
        new DynamoDbPartnerRepository(client, config).create(partner);
        DynamoDbLinkRepository links = new DynamoDbLinkRepository(client, config);
        for (String code : linkCodes) {
            links.create(new Link(new LinkCode(code), partner.id(), URI.create("https://example.com/pricing?plan=pro"),
                    "bench", true, true, Instant.now()));
        }
        return new BenchData(partner);
    }

    /** An HTTP API payload 2.0 event for GET /{code}, as API Gateway sends it. */
    static byte[] redirectEvent(String code) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("accept", "text/html");
        headers.put("host", HOST);
        headers.put("user-agent", BROWSER);
        headers.put("x-forwarded-for", "203.0.113.7");
        headers.put("x-forwarded-proto", "https");
        Map<String, Object> event = event("GET /{code}", "/" + code, headers, "203.0.113.7", BROWSER);
        event.put("rawQueryString", "utm_source=linkedin");
        event.put("queryStringParameters", Map.of("utm_source", "linkedin"));
        event.put("pathParameters", Map.of("code", code));
        return bytes(event);
    }

    /** A POST with a JSON body to {@code route}, with extra headers. */
    static byte[] postEvent(String route, String path, String body, Map<String, String> extraHeaders) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("host", HOST);
        headers.put("user-agent", BROWSER);
        headers.putAll(extraHeaders);
        Map<String, Object> event = event(route, path, headers, "198.51.100.23", "bench");
        event.put("body", body);
        return bytes(event);
    }

    private static final String HOST = "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com";

    private static Map<String, Object> event(String routeKey, String path, Map<String, Object> headers,
                                             String sourceIp, String userAgent) {
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", routeKey.substring(0, routeKey.indexOf(' ')));
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", userAgent);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "123456789012");
        context.put("apiId", "a1b2c3d4e5");
        context.put("domainName", HOST);
        context.put("http", http);
        context.put("requestId", "bench");
        context.put("routeKey", routeKey);
        context.put("stage", "$default");
        context.put("time", "23/Nov/2026:10:00:00 +0000");
        context.put("timeEpoch", 1795428000000L);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", "");
        event.put("headers", headers);
        event.put("requestContext", context);
        event.put("isBase64Encoded", false);
        return event;
    }

    private static byte[] bytes(Map<String, Object> event) {
        return LambdaJson.write(event).getBytes(StandardCharsets.UTF_8);
    }
}
