package dev.refer.dynamodb.lite;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Our SigV4 against the SDK's own {@link AwsV4HttpSigner} (the signer every SDK-based function uses): same request,
 * same time, same credentials, same body; the Authorization header must be identical, character for character.
 *
 * <p>The SDK client signs a few more headers of its own when it sends a request ({@code amz-sdk-invocation-id},
 * {@code amz-sdk-request}, {@code content-length}): they carry SDK retry bookkeeping, not anything DynamoDB checks
 * beyond the signature, and a signature covers exactly the headers listed in SignedHeaders, so leaving them out (and
 * unsigned) is valid SigV4. Given the same request, the SDK's signer adds only what we add: Host (when missing),
 * X-Amz-Date, x-amz-content-sha256, X-Amz-Security-Token (temporary credentials) and Authorization, which the tests
 * below check too.
 */
class SigV4SdkEquivalenceTest {

    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String TOKEN = "IQoJb3JpZ2luX2VjEOr//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+example/token+with/slashes==";

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void sign_forEveryCombinationOfCredentialsTimeHostAndBody_matchesTheSdkSignerExactly() {
        List<Credentials> credentials = List.of(
                new Credentials(ACCESS_KEY_ID, SECRET, null, null),
                new Credentials(ACCESS_KEY_ID, SECRET, TOKEN, null));
        List<Instant> instants = List.of(
                Instant.parse("2026-05-04T10:00:00Z"),
                Instant.parse("2026-01-02T03:04:05.678Z"),     // single-digit fields are zero-padded
                Instant.parse("2024-02-29T23:59:59.999999999Z"), // fractions are dropped, not rounded
                Instant.parse("1999-12-31T00:00:00Z"));
        List<String> endpoints = List.of(
                "https://dynamodb.eu-central-1.amazonaws.com",
                "https://dynamodb.cn-north-1.amazonaws.com.cn",
                "https://dynamodb.us-east-1.amazonaws.com:443", // default port: not in Host
                "http://127.0.0.1:8000",                         // DynamoDB Local: the port is in Host
                "http://localhost");
        List<String> bodies = List.of(
                "{\"TableName\":\"refer\",\"Key\":{\"pk\":{\"S\":\"LINK#ada-news\"},\"sk\":{\"S\":\"LINK\"}}}",
                "{\"TableName\":\"refer\",\"Item\":{\"campaign\":{\"S\":\"caf\u00e9 \u2713 \ud83d\ude00\"}}}",
                "{\"TableName\":\"refer\",\"Item\":{\"big\":{\"S\":\"" + "x".repeat(200_000) + "\"}}}");
        int compared = 0;
        for (Credentials credential : credentials) {
            for (Instant instant : instants) {
                for (String endpoint : endpoints) {
                    for (String body : bodies) {
                        for (String operation : List.of("GetItem", "PutItem")) {
                            String region = endpoint.contains("cn-north-1") ? "cn-north-1" : "eu-central-1";
                            assertSameAsSdk(credential, region, endpoint, "DynamoDB_20120810." + operation,
                                    body.getBytes(StandardCharsets.UTF_8), instant);
                            compared++;
                        }
                    }
                }
            }
        }
        assertEquals(2 * 4 * 5 * 3 * 2, compared);
    }

    @Test
    void sign_whenCredentialsHaveStraySpaces_trimsThemAsTheSdkDoes() {
        assertSameAsSdk(new Credentials(" " + ACCESS_KEY_ID + "\n", SECRET + " ", " " + TOKEN + "\n", null),
                "us-east-1", "https://dynamodb.us-east-1.amazonaws.com", "DynamoDB_20120810.GetItem",
                "{}".getBytes(StandardCharsets.UTF_8), Instant.parse("2026-05-04T10:00:00Z"));
    }

    /**
     * What the client really puts on the wire (HttpURLConnection's Host header included), captured by a loopback
     * server, re-signed by the SDK: the Authorization header sent must be the one the SDK computes for that request.
     */
    @Test
    void getItem_sentRequest_carriesTheSignatureTheSdkComputesForIt() throws Exception {
        for (String token : new String[] {null, TOKEN}) {
            AtomicReference<Headers> headers = new AtomicReference<>();
            AtomicReference<byte[]> body = new AtomicReference<>();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                headers.set(exchange.getRequestHeaders());
                body.set(exchange.getRequestBody().readAllBytes());
                byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            Properties properties = new Properties();
            properties.setProperty("aws.region", "eu-west-1");
            properties.setProperty("aws.endpointUrlDynamoDb", "http://127.0.0.1:" + server.getAddress().getPort());
            properties.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
            properties.setProperty("aws.secretAccessKey", SECRET);
            if (token != null) {
                properties.setProperty("aws.sessionToken", token);
            }
            Instant now = Instant.parse("2026-05-04T10:00:00.250Z");
            LiteDynamoDb client = new LiteDynamoDb(LiteConfig.from(Map.of(), properties),
                    Clock.fixed(now, ZoneOffset.UTC), 1, 1);

            client.getItem("refer", Map.of("pk", AttributeValue.s("LINK#ada-news"), "sk", AttributeValue.s("LINK")),
                    false);

            Headers sent = headers.get();
            assertEquals("127.0.0.1:" + server.getAddress().getPort(), sent.getFirst("Host"));
            SdkHttpRequest signed = sdkSign(
                    token == null ? AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET)
                            : AwsSessionCredentialsIdentity.create(ACCESS_KEY_ID, SECRET, token),
                    "eu-west-1",
                    SdkHttpFullRequest.builder()
                            .method(SdkHttpMethod.POST)
                            .uri(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                            .putHeader("Host", sent.getFirst("Host"))
                            .putHeader("Content-Type", sent.getFirst("Content-Type"))
                            .putHeader("X-Amz-Target", sent.getFirst("X-Amz-Target"))
                            .build(),
                    body.get(), now);
            assertEquals(header(signed, "Authorization"), sent.getFirst("Authorization"));
            assertEquals(header(signed, "X-Amz-Date"), sent.getFirst("X-Amz-Date"));
            assertEquals(header(signed, "x-amz-content-sha256"), sent.getFirst("X-Amz-Content-Sha256"));
            assertEquals(token, sent.getFirst("X-Amz-Security-Token"));
            assertEquals("DynamoDB_20120810.GetItem", sent.getFirst("X-Amz-Target"));
            assertEquals("application/x-amz-json-1.0", sent.getFirst("Content-Type"));
            server.stop(0);
            server = null;
        }
    }

    private static void assertSameAsSdk(Credentials credentials, String region, String endpoint, String target,
                                        byte[] body, Instant now) {
        Properties properties = new Properties();
        properties.setProperty("aws.region", region);
        properties.setProperty("aws.endpointUrlDynamoDb", endpoint);
        String host = LiteConfig.from(Map.of(), properties).hostHeader();

        SigV4.SignedHeaders ours = SigV4.sign(credentials, region, "dynamodb", host, target, body, now);

        AwsCredentialsIdentity identity = credentials.sessionToken() == null
                ? AwsCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey())
                : AwsSessionCredentialsIdentity.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                        credentials.sessionToken());
        // Host is left for the SDK to derive from the URI, as it does for its own requests.
        SdkHttpRequest sdk = sdkSign(identity, region, SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(URI.create(endpoint + "/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", target)
                .build(), body, now);
        String context = endpoint + " " + now + " " + target + " token=" + (credentials.sessionToken() != null);

        assertEquals(header(sdk, "Authorization"), ours.authorization(), context);
        assertEquals(header(sdk, "X-Amz-Date"), ours.amzDate(), context);
        assertEquals(header(sdk, "x-amz-content-sha256"), ours.contentSha256(), context);
        assertEquals(header(sdk, "Host"), host, context);
        if (credentials.sessionToken() == null) {
            assertNull(sdk.firstMatchingHeader("X-Amz-Security-Token").orElse(null), context);
            assertNull(ours.securityToken(), context);
        } else {
            assertEquals(header(sdk, "X-Amz-Security-Token"), ours.securityToken(), context);
        }
        // The SDK's signer added no header that we do not send.
        Set<String> expected = new TreeSet<>(List.of("authorization", "content-type", "host", "x-amz-content-sha256",
                "x-amz-date", "x-amz-target"));
        if (credentials.sessionToken() != null) {
            expected.add("x-amz-security-token");
        }
        Set<String> actual = new TreeSet<>();
        for (String name : sdk.headers().keySet()) {
            actual.add(name.toLowerCase(java.util.Locale.ROOT));
        }
        assertEquals(expected, actual, context);
    }

    private static SdkHttpRequest sdkSign(AwsCredentialsIdentity identity, String region, SdkHttpFullRequest request,
                                          byte[] body, Instant now) {
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)));
        return signed.request();
    }

    private static String header(SdkHttpRequest request, String name) {
        String value = request.firstMatchingHeader(name).orElse(null);
        assertNotNull(value, name);
        return value;
    }
}
