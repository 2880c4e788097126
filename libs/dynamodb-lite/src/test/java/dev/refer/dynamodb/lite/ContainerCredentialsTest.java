package dev.refer.dynamodb.lite;

import com.sun.net.httpserver.HttpServer;
import dev.refer.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With SnapStart, Lambda gives a function no credential variables but a container credentials endpoint; a loopback
 * server plays that endpoint here (answers as Lambda's does: AccessKeyId, SecretAccessKey, Token, Expiration).
 */
class ContainerCredentialsTest {

    private static final Instant START = Instant.parse("2026-05-04T10:00:00Z");

    private final TestClock clock = new TestClock(START);
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    /** Status the endpoint answers; 200 with fresh credentials (1 h) numbered by fetch. */
    private volatile int status = 200;
    private HttpServer endpoint;

    @BeforeEach
    void startEndpoint() throws IOException {
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/credentials", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            int n = fetches.incrementAndGet();
            byte[] body = ("{\"AccessKeyId\":\"ASIA" + n + "\",\"SecretAccessKey\":\"secret-" + n + "\",\"Token\":\"token-"
                    + n + "\",\"Expiration\":\"" + clock.instant().plus(Duration.ofHours(1)) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            if (status != 200) {
                body = "{\"message\":\"unavailable\"}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    @Test
    void get_whenOnlyTheContainerEndpointIsSet_fetchesWithTheTokenHeader() {
        CredentialsProvider provider = provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "lambda-token"),
                new Properties());

        Credentials credentials = provider.get();

        assertEquals(new Credentials("ASIA1", "secret-1", "token-1", START.plus(Duration.ofHours(1))), credentials);
        assertEquals(List.of("lambda-token"), authorizations);
    }

    @Test
    void get_whenTheTokenIsGivenAsSystemProperty_sendsIt() {
        CredentialsProvider provider = provider(Map.of(), properties("aws.containerAuthorizationToken", "prop-token"));

        provider.get();

        assertEquals(List.of("prop-token"), authorizations);
    }

    @Test
    void get_whenTheTokenIsInAFile_readsTheFileAtEachFetch(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "first-token\n");
        CredentialsProvider provider = provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", file.toString()),
                new Properties());

        provider.get();
        Files.writeString(file, "rotated-token");
        provider.forget();
        provider.get();

        assertEquals(List.of("first-token", "rotated-token"), authorizations);
    }

    @Test
    void get_whileFarFromExpiry_usesTheCachedCredentials() {
        CredentialsProvider provider = provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "t"), new Properties());
        Credentials first = provider.get();

        clock.advance(Duration.ofMinutes(54)); // 6 minutes left
        Credentials second = provider.get();

        assertSame(first, second);
        assertEquals(1, fetches.get());
    }

    @Test
    void get_withinFiveMinutesOfExpiry_fetchesNewCredentials() {
        CredentialsProvider provider = provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "t"), new Properties());
        provider.get();

        clock.advance(Duration.ofMinutes(55).plusSeconds(1)); // 4:59 left
        Credentials refreshed = provider.get();

        assertEquals("ASIA2", refreshed.accessKeyId());
        assertEquals(2, fetches.get());
        assertEquals(clock.instant().plus(Duration.ofHours(1)), refreshed.expiration());
    }

    @Test
    void get_whenAnEarlyRefreshFails_keepsUsingCredentialsThatStillWork() {
        CredentialsProvider provider = provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "t"), new Properties());
        Credentials first = provider.get();
        status = 500;

        clock.advance(Duration.ofMinutes(57)); // 3 minutes left: refresh due, old ones still good
        assertSame(first, provider.get());

        clock.advance(Duration.ofMinutes(2).plusSeconds(30)); // 30 s left: no longer usable
        IllegalStateException e = assertThrows(IllegalStateException.class, provider::get);
        assertTrue(e.getMessage().contains("container credentials endpoint"), e.getMessage());
    }

    @Test
    void get_whenTheEndpointRefuses_failsWithoutRetryingA4xx() {
        status = 403;
        CredentialsProvider provider = provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong"),
                new Properties());

        IllegalStateException e = assertThrows(IllegalStateException.class, provider::get);

        assertTrue(e.getMessage().contains("403"), e.getMessage());
        assertEquals(1, fetches.get());
    }

    @Test
    void forget_afterRestore_makesTheNextRequestFetchAgain() {
        CredentialsProvider provider = provider(Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "t"), new Properties());
        provider.get();

        provider.forget();
        provider.get();

        assertEquals(2, fetches.get());
    }

    @Test
    void get_whenEnvironmentKeysAreSet_usesThemBeforeTheContainer() {
        CredentialsProvider provider = provider(Map.of("AWS_ACCESS_KEY_ID", "AKIDENV",
                "AWS_SECRET_ACCESS_KEY", "env-secret"), properties("aws.accessKeyId", "AKIDPROP",
                "aws.secretAccessKey", "prop-secret"));

        assertEquals("AKIDENV", provider.get().accessKeyId());
        assertEquals(0, fetches.get());
    }

    @Test
    void get_whenTheContainerAndSystemPropertiesAreSet_usesTheContainer() {
        CredentialsProvider provider = provider(Map.of(), properties("aws.accessKeyId", "AKIDPROP",
                "aws.secretAccessKey", "prop-secret"));

        assertEquals("ASIA1", provider.get().accessKeyId());
    }

    @Test
    void get_whenOnlySystemProperties_usesThem() {
        Properties properties = properties("aws.region", "us-east-1", "aws.accessKeyId", "AKIDPROP",
                "aws.secretAccessKey", "prop-secret", "aws.sessionToken", "prop-token");
        CredentialsProvider provider = new CredentialsProvider(LiteConfig.from(Map.of(), properties), clock);

        assertEquals(new Credentials("AKIDPROP", "prop-secret", "prop-token", null), provider.get());
    }

    @Test
    void get_whenNothingIsConfigured_failsNamingTheSettings() {
        CredentialsProvider provider = new CredentialsProvider(
                LiteConfig.from(Map.of("AWS_REGION", "us-east-1"), new Properties()), clock);

        IllegalStateException e = assertThrows(IllegalStateException.class, provider::get);

        assertTrue(e.getMessage().contains("AWS_ACCESS_KEY_ID"), e.getMessage());
        assertTrue(e.getMessage().contains("AWS_CONTAINER_CREDENTIALS_FULL_URI"), e.getMessage());
    }

    /** The request a SnapStart function sends is signed with the container's temporary credentials and token. */
    @Test
    void getItem_withContainerCredentials_sendsTheirSessionToken() throws IOException {
        List<String> sentTokens = new CopyOnWriteArrayList<>();
        List<String> sentAuthorizations = new CopyOnWriteArrayList<>();
        HttpServer dynamoDb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dynamoDb.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            sentTokens.add(exchange.getRequestHeaders().getFirst("X-Amz-Security-Token"));
            sentAuthorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(200, 2);
            exchange.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
            exchange.close();
        });
        dynamoDb.start();
        try {
            Map<String, String> env = Map.of("AWS_CONTAINER_AUTHORIZATION_TOKEN", "t",
                    "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + dynamoDb.getAddress().getPort());
            LiteDynamoDb client = new LiteDynamoDb(config(env, new Properties()), clock, 1, 1);
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.s("LINK#x"), "sk", AttributeValue.s("LINK"));

            client.getItem("refer", key, false);
            client.afterRestore();
            client.getItem("refer", key, false);

            assertEquals(List.of("token-1", "token-2"), sentTokens);
            assertTrue(sentAuthorizations.get(0).startsWith("AWS4-HMAC-SHA256 Credential=ASIA1/20260504/us-east-1/"
                    + "dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;"
                    + "x-amz-security-token;x-amz-target, Signature="), sentAuthorizations.get(0));
            assertTrue(sentAuthorizations.get(1).startsWith("AWS4-HMAC-SHA256 Credential=ASIA2/"));
        } finally {
            dynamoDb.stop(0);
        }
    }

    @Test
    void credentials_toString_neverShowsTheSecretOrToken() {
        String text = new Credentials("ASIA1", "secret-1", "token-1", START).toString();

        assertTrue(text.contains("ASIA1"));
        assertTrue(!text.contains("secret-1") && !text.contains("token-1"), text);
        assertNull(new Credentials("AKID", "s", " ", null).sessionToken());
    }

    private CredentialsProvider provider(Map<String, String> env, Properties properties) {
        return new CredentialsProvider(config(env, properties), clock);
    }

    /** The given settings, plus region and the loopback endpoint as AWS_CONTAINER_CREDENTIALS_FULL_URI. */
    private LiteConfig config(Map<String, String> env, Properties properties) {
        Map<String, String> all = new HashMap<>(env);
        all.put("AWS_REGION", "us-east-1");
        all.put("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/credentials");
        return LiteConfig.from(all, properties);
    }

    private static Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
