package dev.refer.local;

import dev.refer.emulators.DynamoDbLocal;
import dev.refer.emulators.FunctionDef;
import dev.refer.emulators.MotoServer;
import dev.refer.emulators.SamTemplate;
import dev.refer.emulators.ScheduleDef;
import dev.refer.emulators.QueueSource;
import dev.refer.emulators.Emulators;
import dev.refer.emulators.SqsEmulator;
import dev.refer.emulators.StreamSource;
import dev.refer.local.gateway.AdminKey;
import dev.refer.local.gateway.HttpGateway;
import dev.refer.local.gateway.RouteTable;
import dev.refer.local.gateway.StaticAsset;
import dev.refer.local.lambda.HandlerFactory;
import dev.refer.local.lambda.LocalFunction;
import dev.refer.local.queues.LocalQueues;
import dev.refer.local.queues.QueuePoller;
import dev.refer.local.streams.StreamPollers;
import dev.refer.script.ReferralScript;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The local stack: every function of template.yaml in this JVM behind an HTTP gateway on 127.0.0.1, against DynamoDB
 * Local (tables created from the template), an in-process SQS and moto, with the template's DynamoDB stream consumers and queue pollers running and its
 * schedules runnable by hand. Run it with {@code java -jar refer-local.jar [--demo] [--port N]}, or start it from a
 * test with {@link #start(Options)}.
 */
public final class LocalStack implements AutoCloseable {

    /** What a stream consumer may take by default to catch up in {@link #awaitStreamsIdle()}. */
    public static final Duration STREAMS_IDLE_TIMEOUT = Duration.ofSeconds(30);

    /**
     * How to start the stack.
     *
     * @param port          the gateway's port; 0 picks a free one
     * @param tableName     the local name of the template's table
     * @param adminKey      the key admin routes require in {@code x-admin-key}; null generates one
     * @param webhookSecret the Standard Webhooks secret of the conversion webhook; null generates one
     * @param template      template.yaml; null finds it from the working directory
     * @param demo          seed a program, a partner and a link through the admin API once started
     * @param accessLog     print one line per request
     * @param refs          further values the template refers to ({@link SamTemplate#resolveEnvironment})
     * @param endpoints     what each function's environment names as an emulator's endpoint (tests put recorders
     *                      in front of a function's calls)
     * @param queueVisibilitySeconds every queue's visibility timeout instead of the template's (null: the
     *                      template's); tests that wait for a redelivery shorten it
     * @param withoutStreams functions whose stream consumers do not run (a benchmark seeding a million rows of
     *                      history does not want them told as news)
     */
    public record Options(int port, String tableName, String adminKey, String webhookSecret, Path template,
                          boolean demo, boolean accessLog, Map<String, String> refs, Endpoints endpoints,
                          Integer queueVisibilitySeconds, java.util.Set<String> withoutStreams) {

        public Options {
            refs = Map.copyOf(refs);
            withoutStreams = withoutStreams == null ? java.util.Set.of() : java.util.Set.copyOf(withoutStreams);
        }

        public Options withoutStreamsOf(String... functionLogicalIds) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    queueVisibilitySeconds, java.util.Set.of(functionLogicalIds));
        }

        public Options(int port, String tableName, String adminKey, String webhookSecret, Path template,
                       boolean demo, boolean accessLog, Map<String, String> refs) {
            this(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, Endpoints.DIRECT, null,
                    java.util.Set.of());
        }

        public Options withEndpoints(Endpoints endpoints) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    queueVisibilitySeconds, withoutStreams);
        }

        public Options withQueueVisibilitySeconds(Integer seconds) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    seconds, withoutStreams);
        }

        /** Port 3000, table refer-local, keys from REFER_ADMIN_KEY / REFER_WEBHOOK_SECRET or generated. */
        public static Options defaults() {
            return new Options(3000, "refer-local", System.getenv("REFER_ADMIN_KEY"),
                    System.getenv("REFER_WEBHOOK_SECRET"), null, false, true, Map.of());
        }

        public Options withPort(int port) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    queueVisibilitySeconds, withoutStreams);
        }

        public Options withTableName(String tableName) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    queueVisibilitySeconds, withoutStreams);
        }

        public Options withAdminKey(String adminKey) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    queueVisibilitySeconds, withoutStreams);
        }

        public Options withWebhookSecret(String webhookSecret) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    queueVisibilitySeconds, withoutStreams);
        }

        public Options withTemplate(Path template) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    queueVisibilitySeconds, withoutStreams);
        }

        public Options withDemo(boolean demo) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    queueVisibilitySeconds, withoutStreams);
        }

        public Options withAccessLog(boolean accessLog) {
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, refs, endpoints,
                    queueVisibilitySeconds, withoutStreams);
        }

        public Options withRef(String key, String value) {
            Map<String, String> more = new LinkedHashMap<>(refs);
            more.put(key, value);
            return new Options(port, tableName, adminKey, webhookSecret, template, demo, accessLog, more, endpoints,
                    queueVisibilitySeconds, withoutStreams);
        }
    }

    /** The endpoint a function's environment names for an emulator. */
    @FunctionalInterface
    public interface Endpoints {
        Endpoints DIRECT = (function, emulator, endpoint) -> endpoint;

        /**
         * @param emulator "dynamodb" (DynamoDB Local), "sqs" (the in-process SQS) or "moto" (every other AWS service)
         * @param endpoint where the emulator listens
         */
        URI endpoint(String functionLogicalId, String emulator, URI endpoint);
    }

    private Endpoints endpoints = Endpoints.DIRECT;
    private java.util.Set<String> withoutStreams = java.util.Set.of();
    public static final String OUTBOX_PATH = "/_local/outbox";
    /** The template's generated secret the conversion webhook verifies with: here the printed (or given) one. */
    static final String WEBHOOK_SECRET = "WebhookSecret";
    /**
     * The template's secret the Stripe webhook verifies with: here {@code REFER_STRIPE_WEBHOOK_SECRET} (the
     * {@code whsec_...} that {@code stripe listen} prints), else a generated one, printed at start-up.
     */
    static final String STRIPE_WEBHOOK_SECRET = "StripeWebhookSecret";

    /** The partner portal's function (its addresses are printed at start-up). */
    static final String PORTAL_FUNCTION = "PortalFunction";

    /** The portal's switch for its session cookie's Secure attribute (default on; off here, on plain http). */
    static final String PORTAL_COOKIE_SECURE = "PORTAL_COOKIE_SECURE";
    /** The function {@code ./deploy} runs after each update (the table's data upgrade); run here at start-up. */
    static final String DATA_UPGRADE_FUNCTION = "DataMigrationFunction";
    /**
     * Queues whose consumer sets a failed message's wait itself (outbound webhooks: 30 seconds to 12 hours for three
     * days): a delivery waiting for an endpoint that is down does not keep the stack busy.
     */
    static final java.util.Set<String> QUEUES_WITH_OWN_RETRY_WAITS = java.util.Set.of("WebhookDeliveryQueue");
    private final List<QueuePoller> queuePollers = new ArrayList<>();
    private final List<String> queueDescriptions = new ArrayList<>();
    private Outbox outbox;
    private final Deque<AutoCloseable> closeables = new ArrayDeque<>();
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private final List<String> streamDescriptions = new ArrayList<>();
    private final ScheduledFunctions schedules = new ScheduledFunctions();
    private final LocalClock clock = new LocalClock(schedules, this::awaitIdle);
    /** The test clock's route: {@code GET} tells the time, {@code POST} moves it (admin key). */
    public static final String CLOCK_PATH = "/_local/clock";
    /** Printed once the stack (and its demo history) is up: scripts wait for it. */
    public static final String READY = "Local stack ready.";
    private final AdminKey adminKey;
    private final String webhookSecret;
    private final String stripeWebhookSecret;
    private final String tableName;
    private SamTemplate template;
    private DynamoDbLocal dynamoDb;
    private MotoServer moto;
    private URI sqsEndpoint;
    private StreamPollers streams;
    private LocalQueues queues;
    private HttpGateway gateway;

    private LocalStack(Options options) {
        this.adminKey = options.adminKey() == null ? AdminKey.random() : new AdminKey(options.adminKey());
        this.webhookSecret = options.webhookSecret() == null ? newWebhookSecret() : options.webhookSecret();
        String stripeSecret = System.getenv("REFER_STRIPE_WEBHOOK_SECRET");
        this.stripeWebhookSecret = stripeSecret == null || stripeSecret.isBlank() ? newStripeWebhookSecret()
                : stripeSecret.strip();
        this.tableName = options.tableName();
    }

    /** Starts everything and returns once the gateway answers; on failure, stops what had started. */
    public static LocalStack start(Options options) {
        LocalStack stack = new LocalStack(options);
        try {
            stack.boot(options);
            return stack;
        } catch (IOException e) {
            stack.close();
            throw new UncheckedIOException("cannot start the local stack: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void boot(Options options) throws IOException {
        LocalClock.reset();
        endpoints = options.endpoints();
        withoutStreams = options.withoutStreams();
        template = options.template() == null ? SamTemplate.load() : SamTemplate.load(options.template());
        dynamoDb = track(DynamoDbLocal.start());
        moto = track(MotoServer.start());
        track(AwsSdkSystemProperties.apply(dynamoDb));

        Map<String, String> refs = new LinkedHashMap<>(createTables());
        // SQS in this process (moto's scans every message on each call: hours for a 100,000-partner run); on
        // LocalStack, its own
        sqsEndpoint = Emulators.onLocalStack() ? moto.endpoint()
                : track(SqsEmulator.start(AwsSdkSystemProperties.REGION)).endpoint();
        queues = LocalQueues.create(AwsSdkSystemProperties.client(SqsClient.builder(), sqsEndpoint), template,
                tableName, options.queueVisibilitySeconds());
        refs.putAll(queues.refs());
        refs.putAll(createMailResources());
        refs.putAll(createGeneratedSecrets());
        // the API's address, which emails link to: known before the functions start, as on AWS
        int port = options.port() == 0 ? freePort() : options.port();
        refs.put("HttpApi.ApiEndpoint", "http://localhost:" + port);
        // the portal's sign-in links: on AWS the API's https address; here the gateway's, where its cookies live
        refs.put("PortalBaseUrl", "http://127.0.0.1:" + port);
        refs.putAll(options.refs());

        List<RouteTable.Binding> routes = new ArrayList<>();
        streams = track(new StreamPollers(dynamoDb.streamsClient(), AwsSdkSystemProperties.REGION));
        for (FunctionDef definition : template.functions()) {
            LocalFunction function = startFunction(definition, refs);
            definition.routes().forEach(route -> routes.add(new RouteTable.Binding(route, function)));
            for (StreamSource source : definition.streams()) {
                subscribe(definition, source, function, refs);
            }
            for (QueueSource source : definition.queues()) {
                if (source.enabled()) {
                    QueuePoller poller = new QueuePoller(queues.client(), queues.url(source.queueLogicalId()),
                            refs.get(source.queueLogicalId() + ".Arn"), source, function, AwsSdkSystemProperties.REGION,
                            QUEUES_WITH_OWN_RETRY_WAITS.contains(source.queueLogicalId()));
                    queuePollers.add(track(poller));
                    poller.start();
                    queueDescriptions.add(source.queueLogicalId() + " -> " + definition.logicalId() + " (BatchSize "
                            + source.batchSize() + ", MaximumConcurrency " + source.maximumConcurrency() + ")");
                }
            }
            definition.schedules().forEach(schedule -> schedules.add(function, schedule));
        }
        outbox = new Outbox(moto.endpoint());
        upgradeData();
        gateway = track(HttpGateway.start(new RouteTable(routes), adminKey, schedules, this::localPage,
                this::localControl, List.of(referralScript()), port, options.accessLog()));
        printBanner();
        if (options.demo()) {
            new DemoSeeder(gateway.baseUri(), adminKey.value(), webhookSecret, LocalClock::travelTo)
                    .seed(Instant.now());
            awaitIdle(Duration.ofMinutes(2)); // the history's counters, payee index and notifications
        }
        System.out.println(READY);
    }

    /**
     * What {@code ./deploy} does after each update: invokes the data upgrade until it is done, so the table is at the
     * code's data version before the first request (a new table: at once).
     */
    private void upgradeData() throws IOException {
        LocalFunction upgrade = functions.get(DATA_UPGRADE_FUNCTION);
        if (upgrade == null) {
            return;
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            String answer = new String(upgrade.invoke("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (answer.contains("\"done\":true")) {
                return;
            }
        }
        throw new IllegalStateException(DATA_UPGRADE_FUNCTION + " did not finish in 100 invocations");
    }

    /**
     * Each {@code AWS::SecretsManager::Secret} of the template with a {@code GenerateSecretString} (the stack makes
     * those on AWS): created in moto with a random value, its Ref the secret's name.
     */
    private Map<String, String> createGeneratedSecrets() {
        Map<String, String> refs = new LinkedHashMap<>();
        List<String> generated = template.resourcesOfType("AWS::SecretsManager::Secret").stream()
                .filter(id -> template.resourceProperties(id).containsKey("GenerateSecretString")).toList();
        if (generated.isEmpty()) {
            return refs;
        }
        try (SecretsManagerClient secrets = AwsSdkSystemProperties.client(SecretsManagerClient.builder(),
                moto.endpoint())) {
            for (String logicalId : generated) {
                String name = "refer-local/" + logicalId;
                String value = WEBHOOK_SECRET.equals(logicalId) ? webhookSecret
                        : STRIPE_WEBHOOK_SECRET.equals(logicalId) ? stripeWebhookSecret : randomHex();
                secrets.createSecret(r -> r.name(name).secretString(value));
                refs.put(logicalId, name);
            }
        }
        return refs;
    }

    private static String randomHex() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Creates each table of the template; returns what the environment may refer to: names, ARNs, stream ARNs. */
    private Map<String, String> createTables() {
        Map<String, String> refs = new LinkedHashMap<>();
        List<String> tables = template.tableLogicalIds();
        for (String logicalId : tables) {
            String name = tables.size() == 1 ? tableName : tableName + "-" + logicalId;
            TableDescription table = dynamoDb.createTable(template, logicalId, name);
            refs.put(logicalId, name);
            refs.put(logicalId + ".Arn", table.tableArn());
            if (table.latestStreamArn() != null) {
                refs.put(logicalId + ".StreamArn", table.latestStreamArn());
            }
        }
        return refs;
    }

    private LocalFunction startFunction(FunctionDef definition, Map<String, String> refs) {
        Map<String, String> environment = new LinkedHashMap<>();
        // What the Lambda runtime adds to every function's environment.
        environment.put("AWS_REGION", AwsSdkSystemProperties.REGION);
        environment.put("AWS_DEFAULT_REGION", AwsSdkSystemProperties.REGION);
        environment.put("AWS_LAMBDA_FUNCTION_NAME", definition.logicalId());
        environment.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        environment.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(definition.memorySizeMb()));
        // every function reads the time from the stack's test clock (POST /_local/clock moves it)
        environment.put(dev.refer.core.basics.time.Clocks.TEST_CLOCK_VARIABLE, "on");
        // Where its AWS calls go: DynamoDB Local, the in-process SQS, and moto for every other service (SES, Secrets
        // Manager, ...).
        environment.put("AWS_ENDPOINT_URL_DYNAMODB",
                endpoints.endpoint(definition.logicalId(), "dynamodb", dynamoDb.endpoint()).toString());
        environment.put("AWS_ENDPOINT_URL_SQS",
                endpoints.endpoint(definition.logicalId(), "sqs", sqsEndpoint).toString());
        environment.put("AWS_ENDPOINT_URL",
                endpoints.endpoint(definition.logicalId(), "moto", moto.endpoint()).toString());
        environment.putAll(template.resolveEnvironment(definition, refs));
        // http://127.0.0.1 is no secure context: a browser keeps no Secure cookie from it (on AWS, always Secure)
        environment.put(PORTAL_COOKIE_SECURE, "false");
        environments.put(definition.logicalId(), Map.copyOf(environment));
        LocalFunction function = new LocalFunction(definition.logicalId(),
                HandlerFactory.forFunction(definition, environment), definition.timeoutSeconds(),
                definition.memorySizeMb());
        function.initialize();
        functions.put(definition.logicalId(), function);
        return function;
    }

    private void subscribe(FunctionDef definition, StreamSource source, LocalFunction function,
                           Map<String, String> refs) {
        if (!source.enabled() || withoutStreams.contains(definition.logicalId())) {
            return;
        }
        String streamArn = refs.get(source.tableLogicalId() + ".StreamArn");
        if (streamArn == null) {
            throw new IllegalStateException(definition.logicalId() + "." + source.eventName() + " reads the stream of "
                    + source.tableLogicalId() + ", which has no StreamSpecification in template.yaml");
        }
        java.util.function.Consumer<String> onFailure = source.onFailureQueue() == null ? null
                : record -> queues.send(source.onFailureQueue(), record);
        streams.subscribe(streamArn, source, function, onFailure);
        streamDescriptions.add(source.tableLogicalId() + " stream -> " + definition.logicalId() + " (BatchSize "
                + source.batchSize() + ", " + source.filterPatterns().size() + " filter(s)"
                + (source.onFailureQueue() == null ? "" : ", on failure -> " + source.onFailureQueue()) + ")");
    }

    private void printBanner() {
        System.out.println("Local stack listening on " + gateway.baseUri());
        System.out.println("Admin key (header " + AdminKey.HEADER + "): " + adminKey.value());
        System.out.println("Webhook secret: " + webhookSecret);
        System.out.println("Stripe webhook secret: " + stripeWebhookSecret + " (POST " + gateway.baseUri()
                + "/webhooks/stripe; for stripe listen --forward-to, set REFER_STRIPE_WEBHOOK_SECRET to the secret it"
                + " prints)");
        System.out.println("DynamoDB Local: " + dynamoDb.endpoint());
        System.out.println("moto: " + moto.endpoint());
        System.out.println("SQS: " + sqsEndpoint);
        System.out.println("Table: " + tableName);
        System.out.println("Routes:");
        for (RouteTable.Binding binding : gateway.routes().bindings()) {
            System.out.printf("  %-7s %-45s -> %s%s%n", binding.route().method(), binding.route().path(),
                    binding.function().name(), binding.route().iamAuth() ? " (admin key)" : "");
        }
        streamDescriptions.forEach(stream -> System.out.println("Stream: " + stream));
        queueDescriptions.forEach(queue -> System.out.println("Queue: " + queue));
        System.out.println("Outbox (every email sent): " + gateway.baseUri().resolve(OUTBOX_PATH));
        System.out.println("referral.js: " + gateway.baseUri().resolve(ReferralScript.current().path())
                + " (README: Add referral.js to your site)");
        if (functions.containsKey(PORTAL_FUNCTION)) {
            System.out.println("Partner portal: " + gateway.baseUri().resolve("/portal/signin")
                    + " (the sign-in link arrives in the outbox)");
            System.out.println("Applications: " + gateway.baseUri().resolve("/apply"));
        }
        System.out.println("Test clock: " + LocalClock.now() + "; move it with POST " + CLOCK_PATH
                + " {\"advance\":\"P1M\"} or {\"to\":\"2027-01-01T06:00:00Z\"} (admin key): the schedules due on the way run");
        Map<String, ScheduleDef> scheduled = schedules.schedules();
        scheduled.forEach((name, schedule) -> System.out.printf("Schedule: %s %s -> POST %s%s (admin key)%n",
                name, schedule.expression(), HttpGateway.SCHEDULES_PATH, name));
        if (scheduled.isEmpty()) {
            System.out.println("Schedules: none in template.yaml");
        }
    }

    public URI baseUri() {
        return gateway.baseUri();
    }

    public String adminKey() {
        return adminKey.value();
    }

    public String webhookSecret() {
        return webhookSecret;
    }

    /** The Stripe webhook's signing secret ({@code whsec_...}): Stripe's scheme keys the HMAC with all of it. */
    public String stripeWebhookSecret() {
        return stripeWebhookSecret;
    }

    /** A client of the stack's DynamoDB Local, to look at or prepare the table. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb.client();
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    public String tableName() {
        return tableName;
    }

    public MotoServer moto() {
        return moto;
    }

    /** A function's environment as the stack gave it (template variables resolved, emulator endpoints). */
    public Map<String, String> functionEnvironment(String functionLogicalId) {
        Map<String, String> environment = environments.get(functionLogicalId);
        if (environment == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + "; functions: "
                    + environments.keySet());
        }
        return environment;
    }

    /** The template's queues, in the in-process SQS. */
    public LocalQueues queues() {
        return queues;
    }

    /** Invokes a function directly with an event of your own, as {@code aws lambda invoke} would. */
    public String invoke(String functionLogicalId, String eventJson) throws IOException {
        LocalFunction function = functions.get(functionLogicalId);
        if (function == null) {
            throw new IllegalArgumentException("no function " + functionLogicalId + "; functions: "
                    + functions.keySet());
        }
        return new String(function.invoke(eventJson.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    /** The test clock: every function's time. */
    public Instant now() {
        return LocalClock.now();
    }

    /** Moves the test clock forward to {@code target}, running the schedules due on the way; answers the runs. */
    public List<LocalClock.Run> advanceClockTo(Instant target) throws IOException {
        return clock.advanceTo(target);
    }

    /**
     * {@code POST /_local/clock}: {@code {"advance": "P1M"}} (an ISO-8601 period or duration, counted in UTC) or
     * {@code {"to": "2027-01-01T06:00:00Z"}}; answers the time and the schedules run, or 400 naming what is wrong.
     */
    private java.util.Optional<dev.refer.local.gateway.GatewayResponse> localControl(String path, byte[] body)
            throws IOException {
        if (!path.equals(CLOCK_PATH)) {
            return java.util.Optional.empty();
        }
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        Instant target;
        try {
            com.fasterxml.jackson.databind.JsonNode request = json.readTree(body);
            if (request != null && request.hasNonNull("to")) {
                target = Instant.parse(request.get("to").asText());
            } else if (request != null && request.hasNonNull("advance")) {
                String advance = request.get("advance").asText();
                target = advance.contains("T") ? LocalClock.now().plus(Duration.parse(advance))
                        : LocalClock.now().atZone(java.time.ZoneOffset.UTC).plus(java.time.Period.parse(advance)).toInstant();
            } else {
                return java.util.Optional.of(clockProblem("give {\"advance\": \"P1M\"} or {\"to\": \"<instant>\"}"));
            }
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.of(clockProblem("not a period, duration or instant: " + e.getMessage()));
        }
        if (target.isBefore(LocalClock.now())) {
            return java.util.Optional.of(clockProblem("the clock never moves back (it is " + LocalClock.now() + ")"));
        }
        List<LocalClock.Run> runs = clock.advanceTo(target);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("now", LocalClock.now().toString());
        answer.put("runs", runs.stream().map(run -> Map.of("schedule", run.schedule(), "at", run.at().toString()))
                .toList());
        return java.util.Optional.of(new dev.refer.local.gateway.GatewayResponse(200,
                List.of(Map.entry("content-type", "application/json")), json.writeValueAsBytes(answer)));
    }

    private static dev.refer.local.gateway.GatewayResponse clockProblem(String detail) {
        String problem;
        try {
            problem = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Map.of(
                    "type", "about:blank", "title", "Bad clock request", "status", 400, "detail", detail));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new dev.refer.local.gateway.GatewayResponse(400,
                List.of(Map.entry("content-type", "application/problem+json")),
                problem.getBytes(StandardCharsets.UTF_8));
    }

    /** referral.js at its versioned path, as the template's CloudFront distribution serves it (no function). */
    private static StaticAsset referralScript() {
        ReferralScript script = ReferralScript.current();
        return new StaticAsset(script.path(), ReferralScript.CONTENT_TYPE, ReferralScript.CACHE_CONTROL,
                script.bytes());
    }

    /** The local-only pages: the outbox (HTML and JSON), the test clock's time. */
    private java.util.Optional<dev.refer.local.gateway.GatewayResponse> localPage(String path) {
        if (path.equals(CLOCK_PATH)) {
            return java.util.Optional.of(new dev.refer.local.gateway.GatewayResponse(200,
                    List.of(Map.entry("content-type", "application/json")),
                    ("{\"now\":\"" + LocalClock.now() + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        if (path.equals(OUTBOX_PATH)) {
            return java.util.Optional.of(new dev.refer.local.gateway.GatewayResponse(200,
                    List.of(Map.entry("content-type", "text/html; charset=utf-8")),
                    outbox.page().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (path.equals(OUTBOX_PATH + ".json")) {
            try {
                return java.util.Optional.of(new dev.refer.local.gateway.GatewayResponse(200,
                        List.of(Map.entry("content-type", "application/json")),
                        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(outbox.messages())));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return java.util.Optional.empty();
    }

    public Outbox outbox() {
        return outbox;
    }

    /**
     * The template's SES resources in moto: each configuration set (named after the table) and each email identity
     * (verified at once, as moto does). Returns what the environment may refer to: a configuration set's name.
     */
    private Map<String, String> createMailResources() {
        Map<String, String> refs = new LinkedHashMap<>();
        try (SesV2Client ses = AwsSdkSystemProperties.client(SesV2Client.builder(), moto.endpoint())) {
            for (String logicalId : template.resourcesOfType("AWS::SES::ConfigurationSet")) {
                String name = tableName + "-" + logicalId;
                ses.createConfigurationSet(r -> r.configurationSetName(name));
                refs.put(logicalId, name);
            }
            for (String logicalId : template.resourcesOfType("AWS::SES::EmailIdentity")) {
                Object identity = template.resourceProperties(logicalId).get("EmailIdentity");
                String address = identity instanceof Map<?, ?> ref && ref.get("Ref") instanceof String parameter
                        ? template.parameterDefaults().get(parameter) : String.valueOf(identity);
                ses.createEmailIdentity(r -> r.emailIdentity(address));
            }
        }
        return refs;
    }

    /** Waits until the streams and the queues are idle (each can feed the other). */
    public void awaitIdle() {
        awaitIdle(STREAMS_IDLE_TIMEOUT);
    }

    public void awaitIdle(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        for (int pass = 0; pass < 3; pass++) {
            streams.awaitIdle(Duration.between(Instant.now(), deadline).isNegative() ? Duration.ofSeconds(1)
                    : Duration.between(Instant.now(), deadline));
            for (QueuePoller poller : queuePollers) {
                if (!poller.awaitIdle(deadline)) {
                    throw new IllegalStateException("the queue consumer " + poller.name() + " is not idle after "
                            + timeout + ": " + poller.busyReason());
                }
            }
        }
    }

    /** Runs every function's SnapStart hooks as before a snapshot ({@link LocalFunction#runBeforeCheckpointHooks}). */
    public void runBeforeCheckpointHooks() {
        functions.values().forEach(LocalFunction::runBeforeCheckpointHooks);
    }

    /** Returns once the stream consumers have processed everything written so far (at most 30 s). */
    public void awaitStreamsIdle() {
        awaitStreamsIdle(STREAMS_IDLE_TIMEOUT);
    }

    public void awaitStreamsIdle(Duration timeout) {
        streams.awaitIdle(timeout);
    }

    /** Stops the gateway, the stream consumers, moto and DynamoDB Local, newest first. */
    @Override
    public void close() {
        LocalClock.reset(); // the next stack in this JVM starts at the real time
        while (!closeables.isEmpty()) {
            try {
                closeables.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping the local stack: " + e);
            }
        }
    }

    private <T extends AutoCloseable> T track(T closeable) {
        closeables.push(closeable);
        return closeable;
    }

    /** A Standard Webhooks signing secret: "whsec_" and 32 random bytes in base64. */
    static String newWebhookSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    /** A Stripe-like signing secret: "whsec_" and 32 random bytes in hex. */
    static String newStripeWebhookSecret() {
        return "whsec_" + randomHex();
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = CommandLine.parse(args, Options.defaults());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(CommandLine.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(CommandLine.USAGE);
            return;
        }
        LocalStack stack = start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }
}
