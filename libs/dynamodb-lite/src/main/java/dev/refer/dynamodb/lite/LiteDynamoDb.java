package dev.refer.dynamodb.lite;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * A DynamoDB client for exactly two calls, GetItem and PutItem, built for a Lambda cold start: DynamoDB's JSON
 * protocol (awsJson1_0) over {@link HttpURLConnection}, signed with SigV4, and nothing else loaded.
 *
 * <p>Every call is {@code POST /} with {@code X-Amz-Target: DynamoDB_20120810.<Operation>} and
 * {@code Content-Type: application/x-amz-json-1.0}. Failures:
 * <ul>
 *   <li>throttling ({@code ProvisionedThroughputExceededException}, {@code ThrottlingException},
 *       {@code RequestLimitExceeded}), any 5xx, an I/O failure and a response whose {@code x-amz-crc32} does not
 *       match its body are retried, {@value #MAX_ATTEMPTS} attempts in all, with capped exponential backoff and full
 *       jitter (a random wait between 0 and base x 2^(attempt-1), at most {@value #MAX_DELAY_MILLIS} ms), all within
 *       a {@value #API_CALL_TIMEOUT_MILLIS} ms budget per call (the SDK-based functions' API call timeout), so a
 *       stuck call fails inside the 10 s Lambda timeout;</li>
 *   <li>any other error is a {@link LiteDynamoDbException} with DynamoDB's type and message, at once.</li>
 * </ul>
 *
 * <p>Connections: HttpURLConnection keeps them alive in the JDK's keep-alive cache when a response is read to its
 * end (always done here). The JDK never reuses a cached connection idle for longer than its keep-alive time (the
 * server's {@code Keep-Alive: timeout}, else 5 s); HttpURLConnection has no API to empty that cache.
 *
 * <p>Not done, unlike the SDK: clock-skew correction (Lambda's clock is kept in sync; a skew beyond 5 minutes would
 * show as {@code InvalidSignatureException}), and request compression (DynamoDB takes none).
 *
 * <p>Thread-safe; one instance per execution environment.
 */
public final class LiteDynamoDb {

    static final String SERVICE = "dynamodb";
    static final String TARGET_PREFIX = "DynamoDB_20120810.";
    static final int MAX_ATTEMPTS = 3;
    static final int CONNECT_TIMEOUT_MILLIS = 1000;
    static final int READ_TIMEOUT_MILLIS = 5000;
    static final long API_CALL_TIMEOUT_MILLIS = 6000;
    /** Backoff bases as the SDK's DynamoDB defaults: 25 ms, and 500 ms when throttled. */
    static final long BASE_DELAY_MILLIS = 25;
    static final long THROTTLED_BASE_DELAY_MILLIS = 500;
    static final long MAX_DELAY_MILLIS = 1000;
    /** A retry is not started with less than this left of the call's budget. */
    private static final long MIN_ATTEMPT_MILLIS = 100;

    private final LiteConfig config;
    private final URL url;
    private final String host;
    private final CredentialsProvider credentials;
    private final Clock clock;
    private final long baseDelayMillis;
    private final long throttledBaseDelayMillis;
    private final long callBudgetMillis;
    private final int readTimeoutMillis;

    public LiteDynamoDb(LiteConfig config) {
        this(config, API_CALL_TIMEOUT_MILLIS);
    }

    /**
     * A client whose calls give up after {@code callBudgetMillis} in all (attempts, backoff and reads included): the
     * redirect gives its calls a short budget, since a visitor waits on them.
     */
    public LiteDynamoDb(LiteConfig config, long callBudgetMillis) {
        this(config, Clock.systemUTC(), BASE_DELAY_MILLIS, THROTTLED_BASE_DELAY_MILLIS, callBudgetMillis);
    }

    /** Tests: a clock for signing and credential expiry, and shorter backoff. */
    LiteDynamoDb(LiteConfig config, Clock clock, long baseDelayMillis, long throttledBaseDelayMillis) {
        this(config, clock, baseDelayMillis, throttledBaseDelayMillis, API_CALL_TIMEOUT_MILLIS);
    }

    LiteDynamoDb(LiteConfig config, Clock clock, long baseDelayMillis, long throttledBaseDelayMillis,
                 long callBudgetMillis) {
        this.callBudgetMillis = callBudgetMillis;
        this.readTimeoutMillis = (int) Math.min(READ_TIMEOUT_MILLIS, callBudgetMillis);
        this.config = config;
        this.clock = clock;
        this.credentials = new CredentialsProvider(config, clock);
        this.baseDelayMillis = baseDelayMillis;
        this.throttledBaseDelayMillis = throttledBaseDelayMillis;
        this.host = config.hostHeader();
        try {
            this.url = config.endpoint().resolve("/").toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("the DynamoDB endpoint is not a URL: " + config.endpoint(), e);
        }
    }

    /** A client configured from this process's environment variables and system properties. */
    public static LiteDynamoDb create() {
        return new LiteDynamoDb(LiteConfig.fromSystem());
    }

    public LiteConfig config() {
        return config;
    }

    /**
     * GetItem.
     *
     * @param consistentRead false for an eventually consistent read (half the cost; DynamoDB's default)
     * @return the item's attributes, or empty when there is no item with that key
     * @throws LiteDynamoDbException when DynamoDB refuses the call or cannot be reached
     */
    public Optional<Map<String, AttributeValue>> getItem(String table, Map<String, AttributeValue> key,
                                                         boolean consistentRead) {
        byte[] response = call("GetItem", DynamoDbJson.getItemRequest(table, key, consistentRead));
        Map<String, AttributeValue> item = DynamoDbJson.readItem(response);
        return item == null ? Optional.empty() : Optional.of(Collections.unmodifiableMap(item));
    }

    /**
     * PutItem, unconditional: creates the item or replaces the one with the same key. Safe to retry: a repeated
     * put writes the same item again.
     *
     * @throws LiteDynamoDbException when DynamoDB refuses the call or cannot be reached
     */
    public void putItem(String table, Map<String, AttributeValue> item) {
        call("PutItem", DynamoDbJson.putItemRequest(table, item));
    }

    /**
     * After a SnapStart restore: drops the cached credentials, which belong to the environment the snapshot was
     * taken in, so the next request fetches this environment's own. Connections opened before the snapshot are not
     * reused: the restore comes long after the 5 s a connection may sit idle in the JDK's keep-alive cache, and a
     * request that fails on a dead connection anyway is retried.
     */
    public void afterRestore() {
        credentials.forget();
    }

    private byte[] call(String operation, String json) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        String target = TARGET_PREFIX + operation;
        long deadline = System.nanoTime() + callBudgetMillis * 1_000_000L;
        for (int attempt = 1; ; attempt++) {
            Credentials signingCredentials = credentials.get();
            LiteDynamoDbException failure;
            boolean throttled = false;
            try {
                Response response = send(target, payload, signingCredentials, remainingMillis(deadline));
                if (!crc32Matches(response)) {
                    // As the SDK: the body was damaged on the way (or the answer cut short); ask again.
                    failure = new LiteDynamoDbException(operation, response.status(), "Crc32MismatchException",
                            "the response body does not match its x-amz-crc32 header", response.requestId(),
                            attempt, null);
                } else if (response.status() == 200) {
                    return response.body();
                } else {
                    failure = error(operation, response, attempt);
                    throttled = isThrottling(failure.errorType());
                    if (!throttled && response.status() < 500) {
                        throw failure;
                    }
                }
            } catch (IOException e) {
                failure = new LiteDynamoDbException(operation, 0, e.getClass().getSimpleName(), e.getMessage(),
                        null, attempt, e);
            }
            if (attempt >= MAX_ATTEMPTS) {
                throw failure;
            }
            long delay = backoffMillis(attempt, throttled);
            if (remainingMillis(deadline) - delay < MIN_ATTEMPT_MILLIS || !sleep(delay)) {
                throw failure;
            }
        }
    }

    /** One HTTP exchange, freshly signed (a retry gets a new x-amz-date). */
    private Response send(String target, byte[] payload, Credentials signingCredentials, long remainingMillis)
            throws IOException {
        SigV4.SignedHeaders signed = SigV4.sign(signingCredentials, config.region(), SERVICE, host, target, payload,
                clock.instant());
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try {
            connection.setConnectTimeout((int) Math.max(1, Math.min(CONNECT_TIMEOUT_MILLIS, remainingMillis)));
            connection.setReadTimeout((int) Math.max(1, Math.min(readTimeoutMillis, remainingMillis)));
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setInstanceFollowRedirects(false);
            // Host and Content-Length are set by HttpURLConnection itself: Host as host[:port], the port only when
            // it is not the scheme's default, which is what LiteConfig.hostHeader() signed.
            connection.setRequestProperty("Content-Type", SigV4.CONTENT_TYPE);
            connection.setRequestProperty("X-Amz-Target", target);
            connection.setRequestProperty("X-Amz-Date", signed.amzDate());
            connection.setRequestProperty("X-Amz-Content-Sha256", signed.contentSha256());
            if (signed.securityToken() != null) {
                connection.setRequestProperty("X-Amz-Security-Token", signed.securityToken());
            }
            connection.setRequestProperty("Authorization", signed.authorization());
            try (OutputStream out = connection.getOutputStream()) {
                out.write(payload);
            }
            int status = connection.getResponseCode();
            byte[] body = CredentialsProvider.readBody(connection, status);
            return new Response(status, body, connection.getHeaderField("x-amz-crc32"),
                    connection.getHeaderField("x-amzn-RequestId"), connection.getHeaderField("x-amzn-ErrorType"));
        } catch (IOException e) {
            connection.disconnect(); // never leave a half-used connection for the keep-alive cache
            throw e;
        }
    }

    private static LiteDynamoDbException error(String operation, Response response, int attempt) {
        DynamoDbJson.ErrorBody error = DynamoDbJson.readError(response.body());
        String type = error.type();
        if (type == null && response.errorTypeHeader() != null) {
            type = DynamoDbJson.shortErrorType(response.errorTypeHeader());
        }
        return new LiteDynamoDbException(operation, response.status(), type == null ? "UnknownError" : type,
                error.message(), response.requestId(), attempt, null);
    }

    static boolean isThrottling(String errorType) {
        return "ProvisionedThroughputExceededException".equals(errorType) || "ThrottlingException".equals(errorType)
                || "RequestLimitExceeded".equals(errorType);
    }

    /**
     * DynamoDB sends {@code x-amz-crc32}, the CRC32 of the body bytes as an unsigned decimal, with its answers; an
     * answer without it (DynamoDB Local, some errors) is not checked.
     */
    static boolean crc32Matches(Response response) {
        String header = response.crc32();
        if (header == null) {
            return true;
        }
        CRC32 crc = new CRC32();
        crc.update(response.body());
        try {
            return Long.parseLong(header.strip()) == crc.getValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Full jitter: uniformly random between 0 and the capped exponential delay. */
    private long backoffMillis(int attempt, boolean throttled) {
        long base = throttled ? throttledBaseDelayMillis : baseDelayMillis;
        long ceiling = Math.min(MAX_DELAY_MILLIS, base << (attempt - 1));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000L);
    }

    /** False when interrupted (the interrupt is kept): the caller gives up instead of retrying. */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An HTTP answer: status, whole body, and the headers this client reads. */
    record Response(int status, byte[] body, String crc32, String requestId, String errorTypeHeader) {
    }
}
