package dev.refer.emulators;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamTemplateTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();

    @Test
    void load_fromModuleDirectory_findsTheProjectTemplate() {
        assertTrue(TEMPLATE.path().endsWith("template.yaml"));
        assertEquals(List.of("ReferralTable"), TEMPLATE.tableLogicalIds());
    }

    @Test
    void createTableRequest_whenReferralTable_hasKeysIndexesStreamAndOnDemandBilling() {
        CreateTableRequest request = TEMPLATE.createTableRequest("ReferralTable", "t1");

        assertEquals("t1", request.tableName());
        assertEquals(BillingMode.PAY_PER_REQUEST, request.billingMode());
        assertEquals(List.of(key("pk", KeyType.HASH), key("sk", KeyType.RANGE)), request.keySchema());
        assertEquals(List.of("GSI1", "GSI2", "GSI3"),
                request.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName).toList());
        GlobalSecondaryIndex gsi1 = request.globalSecondaryIndexes().get(0);
        assertEquals(List.of(key("gsi1pk", KeyType.HASH), key("gsi1sk", KeyType.RANGE)), gsi1.keySchema());
        assertEquals(ProjectionType.ALL, gsi1.projection().projectionType());
        assertTrue(request.streamSpecification().streamEnabled());
        assertEquals(StreamViewType.NEW_AND_OLD_IMAGES, request.streamSpecification().streamViewType());
        assertEquals(Optional.of("expiresAt"), TEMPLATE.ttlAttribute("ReferralTable"));
    }

    @Test
    void createTableRequest_whenNotATable_namesTheTables() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> TEMPLATE.createTableRequest("RedirectFunction", "t"));
        assertTrue(e.getMessage().contains("ReferralTable"), e.getMessage());
    }

    @Test
    void functions_readHandlersRoutesAndAuth() {
        FunctionDef redirect = TEMPLATE.function("RedirectFunction");
        assertEquals("dev.refer.redirect.RedirectHandler", redirect.handlerClass());
        assertEquals("handleRequest", redirect.handlerMethod());
        assertEquals(List.of(new HttpRoute("GET", "/{code}", false)), redirect.routes());
        assertEquals(10, redirect.timeoutSeconds());
        assertEquals(1024, redirect.memorySizeMb());

        FunctionDef leads = TEMPLATE.function("LeadCaptureFunction");
        assertEquals(List.of(new HttpRoute("POST", "/leads", false), new HttpRoute("OPTIONS", "/leads", false)),
                leads.routes());

        FunctionDef admin = TEMPLATE.function("AdminApiFunction");
        assertTrue(admin.routes().contains(new HttpRoute("POST", "/admin/partners/{partnerId}/links", true)));
        assertTrue(admin.routes().stream().allMatch(HttpRoute::iamAuth));
        assertEquals("GET /admin/program", admin.routes().get(0).routeKey());
    }

    @Test
    void functions_readStreamSourcesWithFiltersBisectAndTheirOnFailureQueue() {
        FunctionDef counters = TEMPLATE.function("CountersFunction");
        assertTrue(counters.routes().isEmpty());
        StreamSource stream = counters.streams().get(0);
        assertEquals("ReferralTable", stream.tableLogicalId());
        assertEquals("TRIM_HORIZON", stream.startingPosition());
        assertEquals(10_000, stream.batchSize());
        assertEquals(300, stream.maximumBatchingWindowSeconds(), "a !Ref to a parameter reads its default");
        assertEquals(10, stream.maximumRetryAttempts());
        assertTrue(stream.reportBatchItemFailures());
        assertTrue(stream.bisectOnFunctionError());
        assertEquals("CountersDeadLetterQueue", stream.onFailureQueue());
        // clicks, and sales too: a sale is counted per sub-id from its CONVERSION item
        assertEquals("{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"NewImage\":{\"type\":{\"S\":[\"CLICK\",\"CONVERSION\"]}}}}",
                stream.filterPatterns().getFirst());
        assertEquals(2, stream.filterPatterns().size());
        assertEquals(java.util.Set.of("CountersDeadLetterQueue", "PayoutQueue", "PayoutDeadLetterQueue", "MailQueue",
                "MailDeadLetterQueue", "WebhookDeliveryQueue", "WebhookDeadLetterQueue"),
                java.util.Set.copyOf(TEMPLATE.resourcesOfType("AWS::SQS::Queue")));
    }

    @Test
    void functions_readSqsSourcesWithBatchSizePartialFailuresAndMaximumConcurrency() {
        QueueSource queue = TEMPLATE.function("PayoutWorkerFunction").queues().getFirst();
        assertEquals("PayoutQueue", queue.queueLogicalId());
        assertEquals(10, queue.batchSize());
        assertTrue(queue.reportBatchItemFailures());
        assertEquals(10, queue.maximumConcurrency(), "a !Ref to a parameter reads its default");
        assertTrue(TEMPLATE.function("RedirectFunction").queues().isEmpty());
        assertEquals("cron(0 6 1 * ? *)", TEMPLATE.function("PayoutPlannerFunction").schedules().getFirst()
                .expression());
    }

    @Test
    void resolveEnvironment_mergesGlobalsAndResolvesRefsParametersAndSecrets() {
        FunctionDef webhook = TEMPLATE.function("ConversionWebhookFunction");
        Map<String, String> environment = TEMPLATE.resolveEnvironment(webhook, Map.of(
                "ReferralTable", "refer-local", "WebhookSecret", "refer-local/WebhookSecret"));

        assertEquals("refer-local", environment.get("TABLE_NAME"));
        assertEquals("main", environment.get("PROGRAM_ID"));
        assertEquals("refer-local/WebhookSecret", environment.get("WEBHOOK_SECRET_ID"), "the generated secret");
        assertEquals("30", environment.get("LOOKUP_CACHE_TTL_SECONDS"), "Globals variables reach every function");
    }

    @Test
    void resolveEnvironment_whenParameterOverridden_usesTheOverride() {
        Map<String, String> environment = TEMPLATE.resolveEnvironment(TEMPLATE.function("RedirectFunction"),
                Map.of("ReferralTable", "t", "ProgramId", "other", "ClickRetentionDays", "7"));

        assertEquals("other", environment.get("PROGRAM_ID"));
        assertEquals("7", environment.get("CLICK_RETENTION_DAYS"));
        assertEquals("30", environment.get("LOOKUP_CACHE_TTL_SECONDS"));
    }

    @Test
    void resolveEnvironment_whenSecretMissing_namesTheSecretAndTheVariable(@org.junit.jupiter.api.io.TempDir
                                                                              java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("template.yaml");
        java.nio.file.Files.writeString(file, """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: x.Y::handleRequest
                      Environment:
                        Variables:
                          SIGNING_SECRET: '{{resolve:secretsmanager:app/secret:SecretString}}'
                """);
        SamTemplate template = SamTemplate.load(file);
        TemplateException e = assertThrows(TemplateException.class,
                () -> template.resolveEnvironment(template.function("Fn"), Map.of()));
        assertTrue(e.getMessage().contains("SIGNING_SECRET"), e.getMessage());
        assertTrue(e.getMessage().contains("app/secret"), e.getMessage());
        assertEquals("s3cr3t", template.resolveEnvironment(template.function("Fn"),
                Map.of("secretsmanager:app/secret", "s3cr3t")).get("SIGNING_SECRET"));
    }

    @Test
    void resolveEnvironment_whenTableNameMissing_namesTheVariable() {
        TemplateException e = assertThrows(TemplateException.class,
                () -> TEMPLATE.resolveEnvironment(TEMPLATE.function("RedirectFunction"), Map.of()));
        assertTrue(e.getMessage().contains("TABLE_NAME"), e.getMessage());
    }

    @Test
    void parameterDefaults_giveNumbersAsText() {
        Map<String, String> defaults = TEMPLATE.parameterDefaults();
        assertEquals("main", defaults.get("ProgramId"));
        assertEquals("90", defaults.get("ClickRetentionDays"));
        assertEquals("30", defaults.get("LogRetentionDays"));
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
