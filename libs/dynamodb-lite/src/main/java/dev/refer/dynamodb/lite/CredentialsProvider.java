package dev.refer.dynamodb.lite;


import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Finds credentials in the order the SDK-based functions do ({@code DynamoDbClients.credentials()}): environment
 * variables, else the container credentials endpoint, else system properties. No profile files and no instance
 * metadata, so nothing slow is probed.
 *
 * <p>With SnapStart, Lambda gives a function only the container endpoint. Its credentials are fetched at the first
 * request, cached, and fetched again once they are within {@value #REFRESH_MINUTES} minutes of their expiration; if
 * that fetch fails while the cached ones still have more than a minute left, the cached ones are used (and the
 * next request tries again). {@link #forget()} drops them (after a SnapStart restore).
 *
 * <p>The source is chosen by which settings exist. Unlike the SDK's chain, a configured container endpoint that
 * fails is an error rather than a silent fall-through to system properties: a function with both is misconfigured.
 */
final class CredentialsProvider {

    static final int REFRESH_MINUTES = 5;
    private static final Duration REFRESH_BEFORE_EXPIRY = Duration.ofMinutes(REFRESH_MINUTES);
    private static final Duration STILL_USABLE = Duration.ofMinutes(1);
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final int READ_TIMEOUT_MILLIS = 2000;
    private static final int MAX_ATTEMPTS = 2;

    private final LiteConfig config;
    private final Clock clock;
    /** The container endpoint's credentials; guarded by this. */
    private Credentials containerCredentials;

    CredentialsProvider(LiteConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * The credentials to sign with now.
     *
     * @throws IllegalStateException when none are configured, or the container endpoint cannot give any
     */
    synchronized Credentials get() {
        if (config.environmentCredentials() != null) {
            return config.environmentCredentials();
        }
        if (config.containerCredentialsUri() != null) {
            return fromContainer();
        }
        if (config.systemPropertyCredentials() != null) {
            return config.systemPropertyCredentials();
        }
        throw new IllegalStateException("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                + " or AWS_CONTAINER_CREDENTIALS_FULL_URI (Lambda sets one or the other),"
                + " or the aws.accessKeyId and aws.secretAccessKey system properties");
    }

    /** Drops cached credentials, so the next request fetches fresh ones. */
    synchronized void forget() {
        containerCredentials = null;
    }

    private Credentials fromContainer() {
        Credentials cached = containerCredentials;
        Instant now = clock.instant();
        if (cached != null && (cached.expiration() == null
                || now.isBefore(cached.expiration().minus(REFRESH_BEFORE_EXPIRY)))) {
            return cached;
        }
        try {
            containerCredentials = fetch();
            return containerCredentials;
        } catch (RuntimeException e) {
            if (cached != null && now.isBefore(cached.expiration().minus(STILL_USABLE))) {
                return cached; // a refresh ahead of time failed; these still work, try again next request
            }
            throw e;
        }
    }

    private Credentials fetch() {
        IOException failure = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            HttpURLConnection connection = null;
            try {
                connection = (HttpURLConnection) config.containerCredentialsUri().toURL().openConnection();
                connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
                connection.setReadTimeout(READ_TIMEOUT_MILLIS);
                connection.setInstanceFollowRedirects(false);
                connection.setRequestProperty("Accept", "application/json");
                String token = authorizationToken();
                if (token != null) {
                    connection.setRequestProperty("Authorization", token);
                }
                int status = connection.getResponseCode();
                byte[] body = readBody(connection, status);
                if (status == 200) {
                    return parse(body);
                }
                if (status < 500) {
                    throw new IllegalStateException("the container credentials endpoint "
                            + config.containerCredentialsUri() + " answered HTTP " + status);
                }
                failure = new IOException("HTTP " + status);
            } catch (IOException e) {
                failure = e;
                if (connection != null) {
                    connection.disconnect();
                }
            }
        }
        throw new IllegalStateException("could not get credentials from the container credentials endpoint "
                + config.containerCredentialsUri() + " (" + MAX_ATTEMPTS + " attempts)", failure);
    }

    /** The token Lambda (or ECS, EKS) expects; the file, when that is how it is given, is read at each fetch. */
    private String authorizationToken() throws IOException {
        if (config.containerAuthorizationToken() != null) {
            return config.containerAuthorizationToken();
        }
        if (config.containerAuthorizationTokenFile() != null) {
            String token = Files.readString(Path.of(config.containerAuthorizationTokenFile())).strip();
            return token.isEmpty() ? null : token;
        }
        return null;
    }

    /** {@code {"AccessKeyId":..,"SecretAccessKey":..,"Token":..,"Expiration":"2026-05-04T16:00:00Z"}}. */
    private static Credentials parse(byte[] body) {
        Map<String, Object> json;
        try {
            json = JsonReader.readObject(body);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the container credentials endpoint answered something other than"
                    + " a JSON object");
        }
        Object accessKeyId = json.get("AccessKeyId");
        Object secretAccessKey = json.get("SecretAccessKey");
        Object token = json.get("Token");
        Object expiration = json.get("Expiration");
        if (!(accessKeyId instanceof String key) || !(secretAccessKey instanceof String secret)
                || key.isBlank() || secret.isBlank()) {
            throw new IllegalStateException("the container credentials endpoint answered without"
                    + " AccessKeyId and SecretAccessKey");
        }
        Instant expires = null;
        if (expiration instanceof String text) {
            try {
                expires = IsoInstant.parse(text);
            } catch (DateTimeException e) {
                throw new IllegalStateException("the container credentials' Expiration is not an ISO-8601 instant: "
                        + text);
            }
        }
        return new Credentials(key, secret, token instanceof String t ? t : null, expires);
    }

    /** The whole body (the error body for 4xx/5xx), read to its end so the connection can be reused. */
    static byte[] readBody(HttpURLConnection connection, int status) throws IOException {
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            return in.readAllBytes();
        }
    }
}
