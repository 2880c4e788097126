package dev.refer.bench;

import dev.refer.core.ids.UlidGenerator;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.money.Money;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.CommissionPlan;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.Reward;
import dev.refer.dynamodb.DynamoDbLinkRepository;
import dev.refer.dynamodb.DynamoDbPartnerRepository;
import dev.refer.dynamodb.DynamoDbProgramRepository;
import dev.refer.dynamodb.TableConfig;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

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
        return ("""
                {"version":"2.0","routeKey":"GET /{code}","rawPath":"/%s","rawQueryString":"utm_source=linkedin",
                 "headers":{"accept":"text/html","host":"a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
                  "user-agent":"%s","x-forwarded-for":"203.0.113.7","x-forwarded-proto":"https"},
                 "queryStringParameters":{"utm_source":"linkedin"},
                 "requestContext":{"accountId":"123456789012","apiId":"a1b2c3d4e5","domainName":"a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
                  "http":{"method":"GET","path":"/%s","protocol":"HTTP/1.1","sourceIp":"203.0.113.7","userAgent":"%s"},
                  "requestId":"bench","routeKey":"GET /{code}","stage":"$default","time":"23/Nov/2026:10:00:00 +0000","timeEpoch":1795428000000},
                 "pathParameters":{"code":"%s"},"isBase64Encoded":false}""")
                .formatted(code, BROWSER, code, BROWSER, code).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A POST with a JSON body to {@code route}, with extra headers. */
    static byte[] postEvent(String route, String path, String body, java.util.Map<String, String> headers) {
        StringBuilder h = new StringBuilder("\"content-type\":\"application/json\",\"host\":\"a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com\",\"user-agent\":\"" + BROWSER + "\"");
        headers.forEach((k, v) -> h.append(",\"").append(k).append("\":\"").append(v).append('"'));
        String escaped = body.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        return ("""
                {"version":"2.0","routeKey":"%s","rawPath":"%s","rawQueryString":"","headers":{%s},
                 "requestContext":{"accountId":"123456789012","apiId":"a1b2c3d4e5","http":{"method":"POST","path":"%s",
                  "protocol":"HTTP/1.1","sourceIp":"198.51.100.23","userAgent":"bench"},"requestId":"bench","routeKey":"%s",
                  "stage":"$default","timeEpoch":1795428000000},"body":"%s","isBase64Encoded":false}""")
                .formatted(route, path, h, path, route, escaped).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
