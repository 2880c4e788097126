package dev.refer.bench;

import dev.refer.emulators.DynamoDbLocal;
import dev.refer.emulators.MotoServer;
import dev.refer.emulators.SamTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * What every benchmark section shares: the repository (for the template and the built jars), one DynamoDB Local
 * server on loopback, and a helper to create fresh tables from template.yaml. Sections seed their own data. The
 * webhook reads its signing secret from Secrets Manager: a moto server is started for it the first time a section
 * asks, and the secret is created there once.
 */
public final class BenchContext implements AutoCloseable {

    public static final String TABLE_LOGICAL_ID = "ReferralTable";
    public static final String PROGRAM_ID = "bench";

    private final Path repository;
    private final SamTemplate template;
    private final DynamoDbLocal dynamoDb;
    private final java.util.List<String> tables = new java.util.ArrayList<>();
    private MotoServer moto;
    private String webhookSecret;

    BenchContext(Path repository, DynamoDbLocal dynamoDb) {
        this.repository = repository;
        this.template = SamTemplate.load(repository.resolve("template.yaml"));
        this.dynamoDb = dynamoDb;
    }

    public Path repository() {
        return repository;
    }

    public SamTemplate template() {
        return template;
    }

    public DynamoDbLocal dynamoDb() {
        return dynamoDb;
    }

    /** Points this JVM's SDK clients (standard configuration, system properties) at the benchmark's DynamoDB Local. */
    public void pointSdkAtDynamoDb() {
        dynamoDb.sdkSystemProperties().forEach(System::setProperty);
    }

    public DynamoDbClient client() {
        return dynamoDb.client();
    }

    /**
     * A new table named {@code prefix-<unique>} created exactly as template.yaml defines it. It is deleted by
     * {@link #dropTables()}: DynamoDB Local keeps all tables in one in-memory database that slows down as it fills,
     * so each section leaves none of its items to the next.
     */
    public String newTable(String prefix) {
        String name = DynamoDbLocal.uniqueTableName(prefix);
        dynamoDb.createTable(template, TABLE_LOGICAL_ID, name);
        tables.add(name);
        return name;
    }

    /**
     * Like {@link #newTable(String)} but without the table's stream. DynamoDB Local re-reads a table's metadata,
     * stream shards included, on every write, so a streamed table slows down as its stream grows (to about one write
     * a second after some thousand transactions). Paths that do not involve the stream consumer measure on this.
     */
    public String newTableWithoutStream(String prefix) {
        String name = DynamoDbLocal.uniqueTableName(prefix);
        dynamoDb.client().createTable(template.createTableRequest(TABLE_LOGICAL_ID, name).toBuilder()
                .streamSpecification(StreamSpecification.builder().streamEnabled(false).build()).build());
        dynamoDb.client().waiter().waitUntilTableExists(request -> request.tableName(name));
        tables.add(name);
        return name;
    }

    /** Deletes every table this context created. */
    public void dropTables() {
        for (String table : tables) {
            dynamoDb.client().deleteTable(request -> request.tableName(table));
        }
        tables.clear();
    }

    /** The environment the template gives every function, pointed at {@code table} and at the emulators. */
    public Map<String, String> functionEnvironment(String table) {
        Map<String, String> env = new HashMap<>();
        env.put("TABLE_NAME", table);
        env.put("PROGRAM_ID", PROGRAM_ID);
        env.put("WEBHOOK_SECRET_ID", webhookSecretName());
        env.put("STRIPE_WEBHOOK_SECRET_ID", mailAndQueueRefs().get("StripeWebhookSecret"));
        env.putAll(awsEndpoints());
        env.put("PAYOUT_QUEUE_URL", mailAndQueueRefs().get("PayoutQueue"));
        env.put("MAIL_CONFIGURATION_SET", mailAndQueueRefs().get("MailConfigurationSet"));
        env.put("MAIL_FROM", senderEmail());
        env.put("PAYOUT_TIME_ZONE", "UTC");
        return env;
    }

    /** The endpoints of the emulated services, as each function's environment names them. */
    public Map<String, String> awsEndpoints() {
        webhookSecret();
        return Map.of("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString(),
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString(),
                "AWS_ENDPOINT_URL", moto.endpoint().toString());
    }

    public MotoServer moto() {
        webhookSecret();
        return moto;
    }

    private Map<String, String> mailAndQueues;

    /**
     * What template.yaml's functions refer to besides the table, made in moto once: the payout, mail and webhook queues (their
     * URLs), the mail configuration set (its name), the sender identity (verified), the mail link secret (its name),
     * and the API's address emails link to.
     */
    public synchronized Map<String, String> mailAndQueueRefs() {
        if (mailAndQueues == null) {
            webhookSecret();
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    DynamoDbLocal.ACCESS_KEY_ID, DynamoDbLocal.SECRET_ACCESS_KEY));
            try (var sqs = software.amazon.awssdk.services.sqs.SqsClient.builder().endpointOverride(moto.endpoint())
                    .region(Region.US_EAST_1).credentialsProvider(credentials).build();
                 var ses = software.amazon.awssdk.services.sesv2.SesV2Client.builder()
                         .endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                         .build()) {
                String queue = sqs.createQueue(r -> r.queueName("bench-PayoutQueue")).queueUrl();
                String mailQueue = sqs.createQueue(r -> r.queueName("bench-MailQueue")).queueUrl();
                String webhookQueue = sqs.createQueue(r -> r.queueName("bench-WebhookDeliveryQueue")).queueUrl();
                String webhookDeadLetters = sqs.createQueue(r -> r.queueName("bench-WebhookDeadLetterQueue"))
                        .queueUrl();
                ses.createConfigurationSet(r -> r.configurationSetName("bench-mail"));
                ses.createEmailIdentity(r -> r.emailIdentity(senderEmail()));
                try (var secrets = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                        .endpointOverride(moto.endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials)
                        .build()) {
                    secrets.createSecret(r -> r.name("bench-MailLinkSecret")
                            .secretString(java.util.UUID.randomUUID().toString()));
                    // the portal's generated secrets: its session key, the payout details' key
                    secrets.createSecret(r -> r.name("bench-PortalSessionSecret")
                            .secretString(java.util.UUID.randomUUID().toString()));
                    secrets.createSecret(r -> r.name("bench-PayoutDetailsSecret")
                            .secretString(java.util.UUID.randomUUID().toString()));
                    // the Stripe webhook's signing secret (Stripe's whsec_..., put into the template's secret)
                    secrets.createSecret(r -> r.name("bench-StripeWebhookSecret").secretString(stripeWebhookSecret));
                }
                mailAndQueues = Map.ofEntries(Map.entry("PayoutQueue", queue), Map.entry("MailQueue", mailQueue),
                        Map.entry("WebhookDeliveryQueue", webhookQueue),
                        Map.entry("WebhookDeadLetterQueue", webhookDeadLetters),
                        Map.entry("MailConfigurationSet", "bench-mail"),
                        Map.entry("MailLinkSecret", "bench-MailLinkSecret"),
                        Map.entry("PortalSessionSecret", "bench-PortalSessionSecret"),
                        Map.entry("PayoutDetailsSecret", "bench-PayoutDetailsSecret"),
                        Map.entry("StripeWebhookSecret", "bench-StripeWebhookSecret"),
                        Map.entry("HttpApi.ApiEndpoint", "https://api.bench.example"));
            }
        }
        return mailAndQueues;
    }

    private final String stripeWebhookSecret = "whsec_" + java.util.HexFormat.of().formatHex(randomBytes());

    private static byte[] randomBytes() {
        byte[] key = new byte[24];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The Stripe webhook's signing secret (in moto as template.yaml's StripeWebhookSecret, see mailAndQueueRefs). */
    public String stripeWebhookSecret() {
        return stripeWebhookSecret;
    }

    /** template.yaml's SenderEmail parameter. */
    public String senderEmail() {
        return template.parameterDefaults().getOrDefault("SenderEmail", "partners@example.com");
    }

    /** The name of the webhook's signing secret (template.yaml's generated WebhookSecret) in moto. */
    public String webhookSecretName() {
        return "refer-bench/WebhookSecret";
    }

    /** The webhook signing secret, created in moto's Secrets Manager on first use. */
    public synchronized String webhookSecret() {
        if (webhookSecret == null) {
            moto = MotoServer.start();
            byte[] key = new byte[24];
            new SecureRandom().nextBytes(key);
            String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
            try (SecretsManagerClient client = SecretsManagerClient.builder()
                    .endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                            DynamoDbLocal.ACCESS_KEY_ID, DynamoDbLocal.SECRET_ACCESS_KEY)))
                    .build()) {
                client.createSecret(r -> r.name(webhookSecretName()).secretString(secret));
            }
            webhookSecret = secret;
        }
        return webhookSecret;
    }

    @Override
    public synchronized void close() {
        if (moto != null) {
            moto.close();
        }
    }

    /** A function's packaged Lambda jar ({@code functions/<module>/target/<module>-lambda.jar}); fails if unbuilt. */
    public Path lambdaJar(String module) {
        Path jar = repository.resolve("functions").resolve(module).resolve("target").resolve(module + "-lambda.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        return jar;
    }
}
