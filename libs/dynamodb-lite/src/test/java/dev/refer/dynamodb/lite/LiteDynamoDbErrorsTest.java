package dev.refer.dynamodb.lite;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against a loopback stand-in for DynamoDB that answers what each test scripts. */
class LiteDynamoDbErrorsTest {

    private static final Map<String, AttributeValue> KEY =
            Map.of("pk", AttributeValue.s("LINK#ada-news"), "sk", AttributeValue.s("LINK"));
    private static final String ITEM = "{\"Item\":{\"pk\":{\"S\":\"LINK#ada-news\"},\"n\":{\"N\":\"42\"}}}";

    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private LiteDynamoDb client;

    record Answer(int status, String body, String crc32, String errorTypeHeader) {
    }

    record Request(String method, String path, Map<String, List<String>> headers, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer;
            synchronized (script) {
                answer = script.isEmpty() ? new Answer(200, "{}", null, null) : script.poll();
            }
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-amzn-RequestId", "REQ" + requests.size());
            if (answer.crc32() != null) {
                exchange.getResponseHeaders().set("x-amz-crc32", answer.crc32());
            }
            if (answer.errorTypeHeader() != null) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", answer.errorTypeHeader());
            }
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = client("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void getItem_sendsOnePostToTheRootWithTheJsonProtocolHeaders() {
        client.getItem("refer-table", KEY, true);

        Request request = requests.get(0);
        assertEquals("POST", request.method());
        assertEquals("/", request.path());
        assertEquals(List.of("DynamoDB_20120810.GetItem"), request.headers().get("X-amz-target"));
        assertEquals(List.of("application/x-amz-json-1.0"), request.headers().get("Content-type"));
        assertTrue(request.body().startsWith("{\"TableName\":\"refer-table\",\"Key\":{"), request.body());
        assertTrue(request.body().endsWith(",\"ConsistentRead\":true}"), request.body());
    }

    @Test
    void putItem_sendsThePutItemTarget() {
        client.putItem("refer-table", Map.of("pk", AttributeValue.s("CLICK#1")));

        assertEquals(List.of("DynamoDB_20120810.PutItem"), requests.get(0).headers().get("X-amz-target"));
        assertEquals("{\"TableName\":\"refer-table\",\"Item\":{\"pk\":{\"S\":\"CLICK#1\"}}}", requests.get(0).body());
    }

    @Test
    void getItem_whenThrottledThenAnswered_retriesAndReturnsTheItem() {
        script.add(new Answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceeded"
                + "Exception\",\"message\":\"The level of configured provisioned throughput for the table was"
                + " exceeded.\"}", null, null));
        script.add(new Answer(200, ITEM, crc32(ITEM), null));

        Optional<Map<String, AttributeValue>> item = client.getItem("refer", KEY, false);

        assertEquals(Map.of("pk", AttributeValue.s("LINK#ada-news"), "n", new AttributeValue.N("42")),
                item.orElseThrow());
        assertEquals(2, requests.size());
    }

    @Test
    void getItem_whenThrottlingExceptionAndRequestLimitExceeded_retriesBoth() {
        script.add(new Answer(400, "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\","
                + "\"message\":\"Rate exceeded\"}", null, null));
        script.add(new Answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#RequestLimitExceeded\","
                + "\"message\":\"Throughput exceeds the current throughput limit for your account.\"}", null, null));

        assertTrue(client.getItem("refer", KEY, false).isEmpty());
        assertEquals(3, requests.size());
    }

    @Test
    void getItem_whenStillThrottledAfterThreeAttempts_throwsTheThrottlingError() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceeded"
                    + "Exception\",\"message\":\"exceeded\"}", null, null));
        }

        LiteDynamoDbException e = assertThrows(LiteDynamoDbException.class, () -> client.getItem("refer", KEY, false));

        assertEquals("ProvisionedThroughputExceededException", e.errorType());
        assertEquals(3, e.attempts());
        assertEquals(3, requests.size());
    }

    @Test
    void getItem_whenValidationException_throwsItWithoutRetrying() {
        script.add(new Answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ValidationException\","
                + "\"message\":\"The provided key element does not match the schema\"}", null, null));

        LiteDynamoDbException e = assertThrows(LiteDynamoDbException.class, () -> client.getItem("refer", KEY, false));

        assertEquals("ValidationException", e.errorType());
        assertEquals("The provided key element does not match the schema", e.errorMessage());
        assertEquals(400, e.statusCode());
        assertEquals("REQ1", e.requestId());
        assertEquals("GetItem", e.operation());
        assertEquals(1, e.attempts());
        assertEquals(1, requests.size());
        assertTrue(e.getMessage().contains("ValidationException: The provided key element"), e.getMessage());
    }

    @Test
    void putItem_whenResourceNotFound_throwsItWithoutRetrying() {
        script.add(new Answer(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
                + "\"message\":\"Requested resource not found\"}", null, null));

        LiteDynamoDbException e = assertThrows(LiteDynamoDbException.class,
                () -> client.putItem("missing", Map.of("pk", AttributeValue.s("x"))));

        assertEquals("ResourceNotFoundException", e.errorType());
        assertEquals(1, requests.size());
    }

    @Test
    void getItem_whenAccessDeniedWithCapitalisedMessage_readsTheMessage() {
        script.add(new Answer(400, "{\"__type\":\"com.amazon.coral.service#UnrecognizedClientException\","
                + "\"Message\":\"The security token included in the request is invalid.\"}", null, null));

        LiteDynamoDbException e = assertThrows(LiteDynamoDbException.class, () -> client.getItem("refer", KEY, false));

        assertEquals("UnrecognizedClientException", e.errorType());
        assertEquals("The security token included in the request is invalid.", e.errorMessage());
        assertEquals(1, requests.size());
    }

    @Test
    void getItem_whenTheBodyIsNotJson_takesTheTypeFromTheErrorTypeHeader() {
        script.add(new Answer(400, "<html>bad</html>", null,
                "AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/"));

        LiteDynamoDbException e = assertThrows(LiteDynamoDbException.class, () -> client.getItem("refer", KEY, false));

        assertEquals("AccessDeniedException", e.errorType());
        assertNull(e.errorMessage());
    }

    @Test
    void getItem_whenTheCrc32DoesNotMatch_retriesAndReturnsTheIntactAnswer() {
        script.add(new Answer(200, ITEM, Long.toString((Long.parseLong(crc32(ITEM)) + 1) & 0xFFFFFFFFL), null));
        script.add(new Answer(200, ITEM, crc32(ITEM), null));

        Optional<Map<String, AttributeValue>> item = client.getItem("refer", KEY, false);

        assertEquals("LINK#ada-news", ((AttributeValue.S) item.orElseThrow().get("pk")).value());
        assertEquals(2, requests.size());
    }

    @Test
    void getItem_whenTheCrc32NeverMatches_throwsACrcMismatchAfterThreeAttempts() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(200, ITEM, "12345", null));
        }

        LiteDynamoDbException e = assertThrows(LiteDynamoDbException.class, () -> client.getItem("refer", KEY, false));

        assertEquals("Crc32MismatchException", e.errorType());
        assertEquals(3, requests.size());
    }

    @Test
    void getItem_whenTheCrc32Matches_acceptsTheAnswerAtOnce() {
        script.add(new Answer(200, ITEM, crc32(ITEM), null));

        assertTrue(client.getItem("refer", KEY, false).isPresent());
        assertEquals(1, requests.size());
    }

    @Test
    void getItem_whenServerErrorsThenAnswered_retries() {
        script.add(new Answer(500, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                + "\"message\":\"Internal server error\"}", null, null));
        script.add(new Answer(503, "", null, null));
        script.add(new Answer(200, ITEM, crc32(ITEM), null));

        assertTrue(client.getItem("refer", KEY, false).isPresent());
        assertEquals(3, requests.size());
    }

    @Test
    void getItem_whenServerErrorsPersist_throwsTheLastAfterThreeAttempts() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(500, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                    + "\"message\":\"Internal server error\"}", null, null));
        }

        LiteDynamoDbException e = assertThrows(LiteDynamoDbException.class, () -> client.getItem("refer", KEY, false));

        assertEquals("InternalServerError", e.errorType());
        assertEquals(500, e.statusCode());
        assertEquals(3, e.attempts());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    }

    @Test
    void getItem_whenNothingListens_retriesThenThrowsTheIoFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LiteDynamoDb unreachable = client("http://127.0.0.1:" + closedPort);

        LiteDynamoDbException e = assertThrows(LiteDynamoDbException.class,
                () -> unreachable.getItem("refer", KEY, false));

        assertEquals(0, e.statusCode());
        assertEquals("ConnectException", e.errorType());
        assertEquals(3, e.attempts());
        assertTrue(e.getCause() instanceof IOException);
    }

    @Test
    void getItem_whenNoItem_isEmpty() {
        script.add(new Answer(200, "{}", crc32("{}"), null));

        assertTrue(client.getItem("refer", KEY, false).isEmpty());
    }

    @Test
    void getItem_readsEveryModelledTypeAndKeepsOthers() {
        String body = "{\"Item\":{\"s\":{\"S\":\"caf\u00e9\"},\"n\":{\"N\":\"-1.5E+3\"},\"b\":{\"BOOL\":false},"
                + "\"z\":{\"NULL\":true},\"m\":{\"M\":{\"in\":{\"S\":\"x\"}}},\"l\":{\"L\":[{\"N\":\"1\"},{\"S\":\"y\"}]},"
                + "\"ss\":{\"SS\":[\"a\",\"b\"]}}}";
        script.add(new Answer(200, body, crc32(body), null));

        Map<String, AttributeValue> item = client.getItem("refer", KEY, false).orElseThrow();

        assertEquals(new AttributeValue.S("caf\u00e9"), item.get("s"));
        assertEquals(new AttributeValue.N("-1.5E+3"), item.get("n"));
        assertEquals(new AttributeValue.Bool(false), item.get("b"));
        assertEquals(new AttributeValue.Null(), item.get("z"));
        assertEquals(new AttributeValue.M(Map.of("in", AttributeValue.s("x"))), item.get("m"));
        assertEquals(new AttributeValue.L(List.of(new AttributeValue.N("1"), AttributeValue.s("y"))), item.get("l"));
        assertEquals(new AttributeValue.Other("SS", List.of("a", "b")), item.get("ss"));
    }

    @Test
    void putItem_writesEveryTypeInDynamoDbJson() {
        LinkedHashMap<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("s", AttributeValue.s("quote \" and \\ and \n"));
        item.put("n", AttributeValue.n(-7));
        item.put("b", AttributeValue.bool(true));
        item.put("z", new AttributeValue.Null());
        item.put("m", new AttributeValue.M(Map.of("in", AttributeValue.bool(false))));
        item.put("l", new AttributeValue.L(List.of(AttributeValue.s("x"))));
        item.put("ss", new AttributeValue.Other("SS", List.of("a")));

        client.putItem("t", item);

        assertEquals("{\"TableName\":\"t\",\"Item\":{\"s\":{\"S\":\"quote \\\" and \\\\ and \\n\"},\"n\":{\"N\":\"-7\"},"
                + "\"b\":{\"BOOL\":true},\"z\":{\"NULL\":true},\"m\":{\"M\":{\"in\":{\"BOOL\":false}}},"
                + "\"l\":{\"L\":[{\"S\":\"x\"}]},\"ss\":{\"SS\":[\"a\"]}}}", requests.get(0).body());
    }

    private static LiteDynamoDb client(String endpoint) {
        Properties properties = new Properties();
        properties.setProperty("aws.region", "us-east-1");
        properties.setProperty("aws.endpointUrlDynamoDb", endpoint);
        properties.setProperty("aws.accessKeyId", "local");
        properties.setProperty("aws.secretAccessKey", "local");
        return new LiteDynamoDb(LiteConfig.from(Map.of(), properties), Clock.systemUTC(), 1, 2);
    }

    private static String crc32(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toString(crc.getValue());
    }
}
