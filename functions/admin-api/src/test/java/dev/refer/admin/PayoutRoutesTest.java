package dev.refer.admin;

import dev.refer.core.attribution.AttributionPolicy;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.money.Money;
import dev.refer.core.conversion.ConversionCommand;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.RecordSale;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayPartner;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutCalendar;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.payout.SummarizeRun;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.conversion.DynamoDbOrderBook;
import dev.refer.dynamodb.ledger.DynamoDbCommissionLedger;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.payout.DynamoDbPayeeIndex;
import dev.refer.dynamodb.payout.DynamoDbPayoutBook;
import dev.refer.dynamodb.payout.DynamoDbPayoutRuns;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.emulators.MotoServer;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.testkit.events.ApiEvent;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The payout and ledger-correction routes of the admin API, on a payout made by the real run against DynamoDB Local. */
class PayoutRoutesTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private TestTable table;
    private AdminApiHandler handler;
    private String partner;
    private String payout;

    @BeforeAll
    static void sdk() {
        LocalSdk.useSharedDynamoDbLocal();
    }

    private ApiResponse call(String routeKey, String path, Map<String, String> params, String json) {
        ApiEvent event = ApiEvent.fixture("http-api-request.json").route(routeKey, path, params).query("", Map.of());
        if (json != null) {
            event.body("application/json", json);
        }
        return event.invoke(handler);
    }

    private ApiResponse get(String routeKey, String path, Map<String, String> params, String query,
                            Map<String, String> queryParams) {
        return ApiEvent.fixture("http-api-request.json").route(routeKey, path, params).query(query, queryParams)
                .invoke(handler);
    }

    @BeforeEach
    void setUp() {
        table = TestTable.create();
        handler = new AdminApiHandler(table.environment());
        assertEquals(200, call("PUT /admin/program", "/admin/program", Map.of(), """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"plan":{"saleRateBps":2000},
                 "allowedDestinationHosts":["example.com"],
                 "payouts":{"minimum":{"EUR":1000},"locale":"de-DE","terms":"Within 10 days."}}""").status());
        partner = (String) call("POST /admin/partners", "/admin/partners", Map.of(),
                "{\"name\":\"Anna\",\"email\":\"anna@partner.example\"}").jsonBody().get("id");
        assertEquals(201, call("POST /admin/partners/{partnerId}/links", "/admin/partners/" + partner + "/links",
                Map.of("partnerId", partner), "{\"code\":\"anna-x\",\"destination\":\"https://example.com/\"}")
                .status());
        // two sales in October (20 % each), paid by November's run
        Clock october = Clock.fixed(Instant.parse("2026-10-05T10:00:00Z"), ZoneOffset.UTC);
        var config = table.config();
        var client = table.client();
        var partners = new DynamoDbPartnerRepository(client, config);
        RecordSale sale = new RecordSale(config.programId(), new DynamoDbProgramRepository(client, config), partners,
                new DynamoDbOrderBook(client, config), new DynamoDbCommissionLedger(client, config),
                new AttributionPolicy(new DynamoDbLinkRepository(client,
                config), partners), new CommissionPolicy(), new UlidGenerator(october), october);
        for (String order : List.of("inv-1", "inv-2")) {
            sale.record(new ConversionCommand("evt-" + order, ConversionKind.SALE, order, Money.of(50_000, "EUR"),
                    "cus-" + order, null, october.instant(), null, "anna-x"));
        }
        Clock december = Clock.fixed(Instant.parse("2026-12-01T06:00:00Z"), ZoneOffset.UTC);
        var book = new DynamoDbPayoutBook(client, config);
        var runs = new DynamoDbPayoutRuns(client, config);
        SendOnce mail = new SendOnce(new DynamoDbMailLog(client, config), letter -> "ses-message-1", december);
        new PayPartner(config.programId(), new DynamoDbProgramRepository(client, config), partners, book,
                new DynamoDbPayeeIndex(client, config), runs, mail,
                new SummarizeRun(config.programId(), new DynamoDbProgramRepository(client, config), book, mail),
                december, ZoneOffset.UTC).run(new PayPartner.Command(NOVEMBER,
                PayoutCalendar.periodStart(NOVEMBER, ZoneOffset.UTC), PayoutCalendar.cutoff(NOVEMBER, ZoneOffset.UTC),
                new PartnerId(partner)));
        payout = "2026-11-EUR-" + partner;
    }

    @Test
    void payoutsOfAPeriod_areListed_andExportedAsCsv() throws Exception {
        ApiResponse list = get("GET /admin/payouts", "/admin/payouts", Map.of(), "period=2026-11",
                Map.of("period", "2026-11"));
        assertEquals(200, list.status(), list.body());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.jsonBody().get("items");
        assertEquals(1, items.size());
        assertEquals(Map.of("minor", 20_000, "currency", "EUR"), items.getFirst().get("amount"));
        assertEquals("READY", items.getFirst().get("status"));

        ApiResponse csv = get("GET /admin/payouts.csv", "/admin/payouts.csv", Map.of(), "period=2026-11",
                Map.of("period", "2026-11"));
        assertEquals(200, csv.status());
        assertTrue(csv.header("content-type").startsWith("text/csv"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(1, rows.size());
        assertEquals(payout, rows.getFirst().get("payoutId"));
        assertEquals("200.00", rows.getFirst().get("amount"));
        assertEquals("20000", rows.getFirst().get("amountMinor"));
        assertEquals("2", rows.getFirst().get("entries"));
        assertNull(csv.header("x-next-cursor"));
    }

    @Test
    void theCsv_carriesEachPartnersPayoutDetails_openedWithTheStacksKey_evenAfterARotation_formulasAsText() throws Exception {
        try (MotoServer moto = MotoServer.start();
             var secrets = software.amazon.awssdk.services.secretsmanager.SecretsManagerClient.builder()
                     .endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test",
                             "test")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            String name = "refer/payout-details-" + java.util.UUID.randomUUID();
            secrets.createSecret(r -> r.name(name).secretString("first-version-of-the-secret-0123456789abcdef"));
            // the portal seals them (here with the same keys), then the secret is rotated
            new dev.refer.dynamodb.payoutdetails.DynamoDbPayoutDetails(table.client(), table.config(),
                    new dev.refer.sealing.JweSealer(dev.refer.sealing.SealingKeys.fromSecretsManager(secrets, name)))
                    .save(new PartnerId(partner), new dev.refer.core.payoutdetails.PayoutDetails.BankTransfer(
                            "=HYPERLINK(\"https://evil.example\",\"Anna Partner\")",
                            new dev.refer.core.payoutdetails.Iban("DE89370400440532013000"),
                            new dev.refer.core.payoutdetails.Bic("COBADEFFXXX")), 0, Instant.now());
            secrets.putSecretValue(r -> r.secretId(name).secretString("second-version-of-the-secret-0123456789ab"));

            java.util.Map<String, String> env = new java.util.HashMap<>(table.environment());
            env.put("PAYOUT_DETAILS_SECRET_ARN", name);
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", moto.endpoint().toString());
            handler = new AdminApiHandler(env);
            ApiResponse csv = get("GET /admin/payouts.csv", "/admin/payouts.csv", Map.of(), "period=2026-11",
                    Map.of("period", "2026-11"));
            assertEquals(200, csv.status(), csv.body());
            CSVRecord row = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv.body())).getRecords().getFirst();
            assertEquals("bank_transfer", row.get("payoutMethod"));
            // what the partner typed, as text: a spreadsheet shows it and never runs it (CSV injection)
            assertEquals("'=HYPERLINK(\"https://evil.example\",\"Anna Partner\")", row.get("accountHolder"));
            assertEquals("DE89370400440532013000", row.get("iban"));
            assertEquals("COBADEFFXXX", row.get("bic"));
            assertEquals("", row.get("paypalEmail"));
        }
    }

    @Test
    void aPayoutStillBeingBuilt_isListedAsOpen_butNotInTheCsvTheManagerPaysFrom() throws Exception {
        String bruno = (String) call("POST /admin/partners", "/admin/partners", Map.of(),
                "{\"name\":\"Bruno\",\"email\":\"bruno@partner.example\"}").jsonBody().get("id");
        Instant now = Instant.parse("2026-12-01T06:00:00Z");
        new DynamoDbPayoutBook(table.client(), table.config()).open(Payout.open(
                PayoutId.of(NOVEMBER, java.util.Currency.getInstance("EUR"), new PartnerId(bruno)),
                PayoutCalendar.cutoff(NOVEMBER, ZoneOffset.UTC), now));

        ApiResponse list = get("GET /admin/payouts", "/admin/payouts", Map.of(), "period=2026-11",
                Map.of("period", "2026-11"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) list.jsonBody().get("items");
        assertEquals(List.of("OPEN", "READY"), items.stream().map(i -> (String) i.get("status")).sorted().toList());

        ApiResponse csv = get("GET /admin/payouts.csv", "/admin/payouts.csv", Map.of(), "period=2026-11",
                Map.of("period", "2026-11"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertEquals(List.of(payout), rows.stream().map(r -> r.get("payoutId")).toList(),
                "an OPEN payout's amount is not final (it may still be withdrawn): only closed payouts are exported");
    }

    @Test
    void aPayout_showsItsStatement_andIsMarkedPaidOnce() {
        ApiResponse got = call("GET /admin/payouts/{payoutId}", "/admin/payouts/" + payout,
                Map.of("payoutId", payout), null);
        assertEquals(200, got.status(), got.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> statement = (Map<String, Object>) got.jsonBody().get("statement");
        assertEquals("SENT", statement.get("state"));
        assertEquals("ses-message-1", statement.get("messageId"));

        String path = "/admin/payouts/" + payout + "/paid";
        Map<String, String> params = Map.of("payoutId", payout);
        assertEquals(400, call("POST /admin/payouts/{payoutId}/paid", path, params, "{}").status());
        assertEquals(400, call("POST /admin/payouts/{payoutId}/paid", path, params,
                "{\"reference\":\"TRX-1\",\"extra\":1}").status(), "unknown fields are refused");
        assertEquals(200, call("POST /admin/payouts/{payoutId}/paid", path, params, "{\"reference\":\"TRX-1\"}")
                .status());
        assertEquals(200, call("POST /admin/payouts/{payoutId}/paid", path, params, "{\"reference\":\"TRX-1\"}")
                .status(), "the same request again answers the same");
        ApiResponse other = call("POST /admin/payouts/{payoutId}/paid", path, params, "{\"reference\":\"TRX-2\"}");
        assertEquals(409, other.status());
        assertEquals("application/problem+json", other.header("content-type"));
        assertEquals(409, call("POST /admin/payouts/{payoutId}/failed", "/admin/payouts/" + payout + "/failed",
                params, "{\"reason\":\"too late\"}").status(), "a paid payout cannot fail");
    }

    @Test
    void aFailedPayout_returnsItsEntriesToTheBalance() {
        ApiResponse failed = call("POST /admin/payouts/{payoutId}/failed", "/admin/payouts/" + payout + "/failed",
                Map.of("payoutId", payout), "{\"reason\":\"IBAN closed\"}");
        assertEquals(200, failed.status(), failed.body());
        assertEquals("FAILED", failed.jsonBody().get("status"));
        assertEquals(true, failed.jsonBody().get("entriesReturned"));
        ApiResponse ledger = call("GET /admin/partners/{partnerId}/commissions",
                "/admin/partners/" + partner + "/commissions", Map.of("partnerId", partner), null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) ledger.jsonBody().get("items");
        assertTrue(entries.stream().allMatch(e -> "APPROVED".equals(e.get("status"))), entries.toString());
        ApiResponse history = call("GET /admin/partners/{partnerId}/payouts", "/admin/partners/" + partner
                + "/payouts", Map.of("partnerId", partner), null);
        assertEquals(1, ((List<?>) history.jsonBody().get("items")).size());
    }

    @Test
    void ledgerEntries_areVoidedWithAReason_andOnlyPendingOnesApprovedEarly() {
        ApiResponse ledger = call("GET /admin/partners/{partnerId}/commissions",
                "/admin/partners/" + partner + "/commissions", Map.of("partnerId", partner), null);
        @SuppressWarnings("unchecked")
        String entry = (String) ((List<Map<String, Object>>) ledger.jsonBody().get("items")).getFirst().get("id");
        String base = "/admin/partners/" + partner + "/commissions/" + entry;
        Map<String, String> params = Map.of("partnerId", partner, "commissionId", entry);
        assertEquals(409, call("POST /admin/partners/{partnerId}/commissions/{commissionId}/approve",
                base + "/approve", params, null).status(), "a paid entry is not pending");
        assertEquals(400, call("POST /admin/partners/{partnerId}/commissions/{commissionId}/void", base + "/void",
                params, "{}").status(), "a void needs a reason");
        ApiResponse voided = call("POST /admin/partners/{partnerId}/commissions/{commissionId}/void",
                base + "/void", params, "{\"reason\":\"test order\"}");
        assertEquals(200, voided.status(), voided.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> voidEntry = (Map<String, Object>) voided.jsonBody().get("voidEntry");
        assertEquals("VOID", voidEntry.get("kind"));
        assertEquals(Map.of("minor", -10_000, "currency", "EUR"), voidEntry.get("amount"));
        assertEquals(404, call("POST /admin/partners/{partnerId}/commissions/{commissionId}/void",
                "/admin/partners/" + partner + "/commissions/01JD0000000000000000000000/void",
                Map.of("partnerId", partner, "commissionId", "01JD0000000000000000000000"),
                "{\"reason\":\"x\"}").status());
    }

    @Test
    void aRunStartedByHand_whileAnotherPeriodsRunIsIncomplete_isA409Problem_andStartsNothing() {
        try (MotoServer moto = MotoServer.start(); SqsClient sqs = SqsClient.builder()
                .endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String queue = sqs.createQueue(r -> r.queueName("payouts")).queueUrl();
            Map<String, String> env = new java.util.HashMap<>(table.environment());
            env.put("PAYOUT_QUEUE_URL", queue);
            env.put("AWS_ENDPOINT_URL_SQS", moto.endpoint().toString());
            handler = new AdminApiHandler(env);
            YearMonth latest = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
            YearMonth earlier = latest.minusMonths(1);
            // the latest period's run was started and is not complete (its planning has not finished)
            new DynamoDbPayoutRuns(table.client(), table.config()).start(latest,
                    PayoutCalendar.periodStart(latest, ZoneOffset.UTC), PayoutCalendar.cutoff(latest, ZoneOffset.UTC),
                    Instant.now());

            ApiResponse refused = call("POST /admin/payout-runs", "/admin/payout-runs", Map.of(),
                    "{\"period\":\"" + earlier + "\"}");

            assertEquals(409, refused.status(), refused.body());
            assertEquals("application/problem+json", refused.header("content-type"));
            assertEquals("https://refer.dev/problems/payout-run-incomplete", refused.jsonBody().get("type"));
            assertTrue(((String) refused.jsonBody().get("detail")).contains(latest.toString()), refused.body());
            assertEquals(404, call("GET /admin/payout-runs/{period}", "/admin/payout-runs/" + earlier,
                    Map.of("period", earlier.toString()), null).status(), "nothing was started");
            assertEquals(202, call("POST /admin/payout-runs", "/admin/payout-runs", Map.of(),
                    "{\"period\":\"" + latest + "\"}").status(), "resuming the incomplete run itself is fine");
            assertEquals(202, call("POST /admin/payout-runs", "/admin/payout-runs", Map.of(),
                    "{\"period\":\"" + earlier + "\"}").status(), "once it is complete, another may start");
        }
    }

    @Test
    void badInput_isA4xxProblem() {
        assertEquals(400, get("GET /admin/payouts", "/admin/payouts", Map.of(), "", Map.of()).status(),
                "the period is required");
        assertEquals(400, get("GET /admin/payouts", "/admin/payouts", Map.of(), "period=nov",
                Map.of("period", "nov")).status());
        assertEquals(404, call("GET /admin/payouts/{payoutId}", "/admin/payouts/nope",
                Map.of("payoutId", "nope"), null).status());
        assertEquals(404, call("GET /admin/payout-runs/{period}", "/admin/payout-runs/2026-11",
                Map.of("period", "2026-11"), null).status(), "no run started");
        ApiResponse noQueue = call("POST /admin/payout-runs", "/admin/payout-runs", Map.of(),
                "{\"period\":\"2026-11\"}");
        assertEquals(503, noQueue.status(), "this environment has no payout queue");
        assertEquals(400, call("PUT /admin/program", "/admin/program", Map.of(), """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,"plan":{"saleRateBps":2000},
                 "payouts":{"minimum":{"EUR":-1},"locale":"xx-nowhere"}}""").status());
    }
}
