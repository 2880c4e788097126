package dev.refer.emulators;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import org.eclipse.jetty.server.AbstractNetworkConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * DynamoDB Local running in this JVM in server mode (HTTP on loopback, in memory, telemetry off), so the real SDK
 * client talks to it over the same wire protocol as to DynamoDB.
 *
 * <p>Tests share one server per JVM through {@link #shared()} and isolate themselves by table name
 * ({@link #uniqueTableName(String)}), which keeps a test class's start-up to one table creation.
 */
public final class DynamoDbLocal implements AutoCloseable {

    public static final Region REGION = Region.US_EAST_1;
    /** Any credentials do; with -sharedDb every key and region sees the same tables. */
    public static final String ACCESS_KEY_ID = "local";
    public static final String SECRET_ACCESS_KEY = "local";
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration TABLE_ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private static DynamoDbLocal shared;

    /** The server in this JVM, or null when it runs in {@link #child}. */
    private final DynamoDBProxyServer server;
    /** The JVM the server runs in when started with {@link #startInChildJvm()}, else null. */
    private final Process child;
    private final URI endpoint;
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streamsClient;
    private final boolean sharedInstance;

    private DynamoDbLocal(DynamoDBProxyServer server, int port, boolean sharedInstance) {
        this(server, null, URI.create("http://" + LOOPBACK + ":" + port), sharedInstance);
    }

    private DynamoDbLocal(DynamoDBProxyServer server, Process child, URI endpoint, boolean sharedInstance) {
        this.server = server;
        this.child = child;
        this.endpoint = endpoint;
        this.sharedInstance = sharedInstance;
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.streamsClient = DynamoDbStreamsClient.builder()
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** A server of its own; the caller closes it. (In the localstack profile: the shared LocalStack container.) */
    public static DynamoDbLocal start() {
        if (Emulators.onLocalStack()) {
            return onLocalStack();
        }
        return start(false);
    }

    /** The LocalStack container of the localstack profile, behind this class's API; closing it leaves it up. */
    private static DynamoDbLocal onLocalStack() {
        return new DynamoDbLocal(null, null, Emulators.localStackEndpoint(), true);
    }

    /**
     * A server of its own in a child JVM (same classpath, same loopback binding): for measurements, where the
     * server's own allocation and garbage collection must not pause the JVM that measures. The child stops when
     * this one closes it, and when this JVM exits (it watches its standard input).
     */
    public static DynamoDbLocal startInChildJvm() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), DynamoDbLocal.class.getName())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith(ENDPOINT_LINE)) {
                    URI endpoint = URI.create(line.substring(ENDPOINT_LINE.length()).strip());
                    Thread drain = new Thread(() -> drain(out), "dynamodb-local-child-output");
                    drain.setDaemon(true);
                    drain.start();
                    return new DynamoDbLocal(null, child, endpoint, false);
                }
            }
            child.destroyForcibly();
            throw new IllegalStateException("DynamoDB Local's child JVM exited before it reported its endpoint");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start DynamoDB Local in a child JVM: " + e.getMessage(), e);
        }
    }

    private static final String ENDPOINT_LINE = "dynamodb-local-endpoint: ";

    /** The child JVM's entry point: starts a server, reports its endpoint, stops when standard input closes. */
    public static void main(String[] args) throws IOException {
        DynamoDbLocal local = start();
        System.out.println(ENDPOINT_LINE + local.endpoint());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until the parent closes our standard input (or dies)
        }
        local.close();
        System.exit(0);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // DynamoDB Local prints its banner; nobody reads it
            }
        } catch (IOException ignored) {
            // the child is gone
        }
    }

    /** The JVM's shared server, started on first use and stopped when the JVM exits; {@link #close()} leaves it up. */
    public static synchronized DynamoDbLocal shared() {
        if (shared == null && Emulators.onLocalStack()) {
            shared = onLocalStack();
        }
        if (shared == null) {
            DynamoDbLocal started = start(true);
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "dynamodb-local-shutdown"));
            shared = started;
        }
        return shared;
    }

    private static DynamoDbLocal start(boolean sharedInstance) {
        IllegalStateException failure = null;
        // A port found free can be taken before the server binds it; another port is tried then.
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                int port = FreePort.find();
                return new DynamoDbLocal(startServer(port), port, sharedInstance);
            } catch (IllegalStateException e) {
                failure = e;
            }
        }
        throw failure;
    }

    private static DynamoDBProxyServer startServer(int port) {
        try {
            // -sharedDb: one database whatever the credentials and region, so the handlers' clients (configured by
            // system properties) and the tests' client see the same tables.
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                    "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            AbstractNetworkConnector connector = bindToLoopback(server);
            server.start();
            if (connector.getLocalPort() != port) {
                throw new IllegalStateException("DynamoDB Local could not listen on port " + port);
            }
            return server;
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start DynamoDB Local: " + e.getMessage(), e);
        }
    }

    /**
     * DynamoDB Local 2.6.1 has no option to choose the listening address (its options: -port, -inMemory, -dbPath,
     * -sharedDb, -cors, -delayTransientStatuses, -optimizeDbBeforeStartup, -disableTelemetry) and its Jetty server
     * listens on every interface. Before it starts we narrow its connector to loopback. The Jetty server is a private
     * field; if a new version moves it, this fails loudly rather than silently listening on the network.
     */
    private static AbstractNetworkConnector bindToLoopback(DynamoDBProxyServer proxy) throws IllegalAccessException {
        for (Field field : DynamoDBProxyServer.class.getDeclaredFields()) {
            if (field.getType() == Server.class) {
                field.setAccessible(true);
                Server jetty = (Server) field.get(proxy);
                Connector[] connectors = jetty.getConnectors();
                if (connectors.length == 1 && connectors[0] instanceof AbstractNetworkConnector connector) {
                    connector.setHost(LOOPBACK);
                    return connector;
                }
            }
        }
        throw new IllegalStateException("this DynamoDB Local version keeps its Jetty server where DynamoDbLocal"
                + " cannot bind it to loopback; update DynamoDbLocal.bindToLoopback");
    }

    /** A table name no other test in this JVM uses: {@code prefix-<8 hex digits>}. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    /**
     * The SDK's standard configuration, as JVM system properties, that points every client of a JVM at this server:
     * region, credentials and the service endpoints (the SDK's names are aws.endpointUrl + the service id in
     * PascalCase: AWS_ENDPOINT_URL_DYNAMODB is aws.endpointUrlDynamoDb). Code under test then builds its clients
     * exactly as in Lambda.
     */
    public Map<String, String> sdkSystemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("aws.region", REGION.id());
        properties.put("aws.accessKeyId", ACCESS_KEY_ID);
        properties.put("aws.secretAccessKey", SECRET_ACCESS_KEY);
        properties.put("aws.endpointUrlDynamoDb", endpoint.toString());
        properties.put("aws.endpointUrlDynamoDbStreams", endpoint.toString());
        return properties;
    }

    public DynamoDbStreamsClient streamsClient() {
        return streamsClient;
    }

    /**
     * Creates the table exactly as template.yaml defines {@code logicalId} (keys, indexes, stream, billing), enables
     * its TTL as the template says, and returns once the table and its indexes are ACTIVE.
     */
    public TableDescription createTable(SamTemplate template, String logicalId, String tableName) {
        client.createTable(template.createTableRequest(logicalId, tableName));
        template.ttlAttribute(logicalId).ifPresent(attribute -> client.updateTimeToLive(ttl -> ttl
                .tableName(tableName)
                .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true))));
        return awaitActive(tableName);
    }

    private TableDescription awaitActive(String tableName) {
        Instant deadline = Instant.now().plus(TABLE_ACTIVE_TIMEOUT);
        while (true) {
            DescribeTableResponse described = client.describeTable(r -> r.tableName(tableName));
            TableDescription table = described.table();
            boolean indexesActive = table.globalSecondaryIndexes().stream()
                    .allMatch(index -> index.indexStatus() == IndexStatus.ACTIVE);
            if (table.tableStatus() == TableStatus.ACTIVE && indexesActive) {
                return table;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("table " + tableName + " is not ACTIVE after " + TABLE_ACTIVE_TIMEOUT);
            }
            sleep(Duration.ofMillis(50));
        }
    }

    /** Stops the server, unless it is the {@link #shared()} one, which lives as long as the JVM. */
    @Override
    public void close() {
        if (!sharedInstance) {
            stop();
        }
    }

    private void stop() {
        client.close();
        streamsClient.close();
        if (child != null) {
            try {
                child.getOutputStream().close();
                if (!child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (IOException | InterruptedException e) {
                child.destroyForcibly();
            }
            return;
        }
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop DynamoDB Local", e);
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for DynamoDB Local", e);
        }
    }
}
