package dev.refer.portal;

import dev.refer.core.comms.CommsSettings;
import dev.refer.core.terms.Terms;
import dev.refer.dynamodb.LocalSdk;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.comms.DynamoDbCommsSettings;
import dev.refer.dynamodb.terms.DynamoDbTermsBook;
import dev.refer.emulators.MotoServer;
import dev.refer.mail.SesMailer;
import dev.refer.portal.signin.SessionKeys;
import dev.refer.sqs.MailMessage;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.events.ApiEvent.ApiResponse;
import dev.refer.testkit.program.ProgramFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public application through the portal's handler as deployed, against DynamoDB Local and the mail queue in moto:
 * what a browser without script, a site's own page and a hostile client each get, and that every refusal stores
 * nothing and queues no email.
 */
class ApplicationRoutesTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String VALID_JSON = """
            {"name":"Grace Hopper","email":"grace@hopper.example","company":"Hopper & Co",
             "website":"https://hopper.example","country":"US","channels":["newsletter","consulting"],
             "audience":"CTOs of mid-size firms","termsVersion":"v1","acceptTerms":true}""";

    private static MotoServer moto;
    private static SqsClient sqs;

    private TestTable table;
    private PortalHandler handler;
    private String queue;
    /** The onboarding events the mail queue received ({@code received:{id}}), read by {@link #mail()}. */
    private final List<String> mail = new ArrayList<>();

    @BeforeAll
    static void start() {
        LocalSdk.useSharedDynamoDbLocal();
        moto = MotoServer.start();
        sqs = SqsClient.builder().endpointOverride(moto.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        moto.close();
    }

    /** The portal as it is deployed ({@link PortalWiring#create}), its mail queue in moto. */
    @BeforeEach
    void setUp() {
        table = TestTable.create();
        new ProgramFixture(table.client(), table.config()).program();
        new DynamoDbTermsBook(table.client(), table.config()).publish(new Terms("v1",
                "1. Be honest. " + SCRIPT + "\n\n2. Commissions are paid monthly.", Instant.now()));
        queue = sqs.createQueue(r -> r.queueName("mail-" + table.name())).queueUrl();
        Map<String, String> env = new HashMap<>(table.environment());
        env.putAll(Map.of("MAIL_QUEUE_URL", queue, "AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_ENDPOINT_URL_DYNAMODB", table.endpoint().toString(), "MAIL_FROM", "partners@program.example",
                "PUBLIC_BASE_URL", "https://partners.example"));
        byte[] key = "k".repeat(64).getBytes(StandardCharsets.UTF_8);
        handler = new PortalHandler(PortalWiring.create(env, table.client(), SesMailer.fromEnv(env),
                () -> new SessionKeys.Loaded("v1", Map.of("v1", key)), Clock.systemUTC()));
    }

    /** The onboarding events queued so far. */
    private List<String> mail() {
        List<Message> batch;
        do {
            batch = sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages();
            for (Message message : batch) {
                if (MailMessage.fromJson(message.body()) instanceof MailMessage.Onboarding onboarding) {
                    mail.add(onboarding.event() + ":" + onboarding.id());
                }
                sqs.deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
            }
        } while (!batch.isEmpty());
        return mail;
    }

    private static ApiEvent event(String routeKey) {
        return ApiEvent.fixture("http-api-request.json").route(routeKey, "/apply", Map.of()).query("", Map.of());
    }

    private ApiResponse postJson(String json) {
        return event("POST /apply").body("application/json", json).invoke(handler);
    }

    private ApiResponse postForm(String body) {
        return event("POST /apply").base64Body(FORM, body).invoke(handler);
    }

    private static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static Map<String, String> validForm() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("name", "Grace Hopper");
        fields.put("email", "grace@hopper.example");
        fields.put("country", "US");
        fields.put("channel_newsletter", "yes");
        fields.put("channel_podcast", "yes");
        fields.put("audience", "CTOs");
        fields.put("termsVersion", "v1");
        fields.put("acceptTerms", "yes");
        fields.put("contact_me_by_fax_only", "");
        return fields;
    }

    private void assertNothingStored() {
        assertEquals(0, table.count("APPLICATION"));
        assertEquals(0, table.count("APPLICATION_EMAIL"));
        assertEquals(List.of(), mail());
    }

    @Test
    void theForm_showsTheCurrentTermsAsText_andWorksWithoutScript() {
        new DynamoDbCommsSettings(table.client(), table.config()).save(new CommsSettings("Acme " + SCRIPT, null,
                null, List.of(), List.of(), List.of(), null, 3, null, 20));

        ApiResponse page = event("GET /apply").invoke(handler);

        assertEquals(200, page.status());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        assertEquals("no-store", page.header("cache-control"));
        String html = page.body();
        assertFalse(html.contains("<script"), "no script of ours, and none of theirs: " + html);
        assertTrue(html.contains("1. Be honest. &lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("Acme &lt;script&gt;"), html);
        assertTrue(html.contains("<form method=\"post\" action=\"/apply\""), html);
        assertTrue(html.contains("<input type=\"hidden\" name=\"termsVersion\" value=\"v1\">"), html);
        assertTrue(html.contains("<label for=\"acceptTerms\">"), html);
        assertTrue(html.contains("<legend>How will you promote us?"), html);
        assertTrue(html.contains("<div class=\"hp\" hidden>"), "the honeypot, hidden from people: " + html);
        for (String field : List.of("name", "email", "company", "website", "country", "audience", "reference")) {
            assertTrue(html.contains("<label for=\"" + field + "\">"), "a label for " + field);
        }
    }

    @Test
    void json_isReceived202_storedPending_andTheMailQueueTold() {
        ApiResponse response = postJson(VALID_JSON);

        assertEquals(202, response.status(), response.body());
        assertEquals("received", response.jsonBody().get("status"));
        assertEquals(1, table.count("APPLICATION"));
        var guard = table.item("APPLICATION_EMAIL#test#grace@hopper.example", "APPLICATION_EMAIL");
        var application = table.item("APPLICATION#" + guard.get("applicationId").s(), "APPLICATION");
        assertEquals("PENDING", application.get("status").s());
        assertEquals("v1", application.get("termsVersion").s());
        assertEquals("203.0.113.7", application.get("ip").s(), "the acceptance's evidence");
        assertTrue(application.get("userAgent").s().startsWith("Mozilla/5.0"));
        assertEquals(List.of("received:" + guard.get("applicationId").s()), mail());
    }

    @Test
    void theFormWithoutScript_getsAThankYouPage() {
        ApiResponse response = postForm(form(validForm()));

        assertEquals(200, response.status(), response.body());
        assertTrue(response.header("content-type").startsWith("text/html"));
        assertTrue(response.body().contains("Thank you for applying"), response.body());
        assertEquals(1, table.count("APPLICATION"));
        var application = table.items().stream().filter(i -> "APPLICATION".equals(i.get("type").s()))
                .findFirst().orElseThrow();
        assertEquals(List.of("newsletter", "podcast"), application.get("channels").l().stream()
                .map(v -> v.s()).toList());
    }

    @Test
    void aSecondSubmission_updatesTheApplication_neverDuplicates() {
        postJson(VALID_JSON);
        Map<String, String> again = validForm();
        again.put("name", "Grace B. Hopper");
        again.put("email", "GRACE@hopper.example");
        assertEquals(200, postForm(form(again)).status());
        assertEquals(202, postJson(VALID_JSON).status());

        assertEquals(1, table.count("APPLICATION"));
        assertEquals(1, table.count("APPLICATION_EMAIL"));
        assertEquals(1, mail().size(), "one receipt and notice per application");
    }

    @Test
    void anOversizedBody_is413_andStoresNothing() {
        String big = VALID_JSON.replace("CTOs of mid-size firms", "x".repeat(20_000));
        ApiResponse json = postJson(big);
        assertEquals(413, json.status());
        assertEquals("application/problem+json", json.header("content-type"));
        assertEquals(413, postForm("audience=" + "x".repeat(20_000)).status());
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "multipart/form-data; boundary=x", "application/xml", ""})
    void aWrongMediaType_is415_andStoresNothing(String type) {
        ApiResponse response = event("POST /apply").body(type, VALID_JSON).invoke(handler);
        assertEquals(415, response.status(), response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        assertNothingStored();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":", "[]", "null", "\"text\"", "{\"name\":\"A\",\"admin\":true}",
            "{\"channels\":\"newsletter\"}", "{\"acceptTerms\":\"maybe\"}"})
    void malformedJson_isA400Problem_andStoresNothing(String body) {
        ApiResponse response = postJson(body);
        assertEquals(400, response.status(), body + " -> " + response.body());
        assertEquals("application/problem+json", response.header("content-type"));
        assertNothingStored();
    }

    @Test
    void aMalformedFormEncoding_is400_withTheFormAgain() {
        ApiResponse response = postForm("name=%ZZ&email=a%40b.example");
        assertEquals(400, response.status());
        assertTrue(response.header("content-type").startsWith("text/html"));
        assertTrue(response.body().contains("the form could not be read"), response.body());
        assertNothingStored();
    }

    @Test
    void missingAndInvalidFields_areNamed_inJson() {
        ApiResponse response = postJson("""
                {"name":"","email":"not-an-email","website":"javascript:alert(1)","country":"Narnia",
                 "channels":["carrier-pigeon"],"termsVersion":"v1","acceptTerms":true}""");
        assertEquals(400, response.status());
        for (String field : List.of("name", "email", "website", "country", "channels", "audience")) {
            assertTrue(response.body().contains("\"field\":\"" + field + "\""), field + " in " + response.body());
        }
        assertNothingStored();
    }

    @Test
    void theFormAgain_showsEachErrorBesideItsField_keepsTheValues_andPrintsScriptAsText() {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (String field : List.of("name", "company", "website", "audience", "reference")) {
            fields.put(field, SCRIPT + "\"><img src=x onerror=alert(2)>");
        }
        fields.put("email", SCRIPT);
        fields.put("country", SCRIPT);
        fields.put("channel_podcast", "yes");
        fields.put("termsVersion", "v1");

        ApiResponse response = postForm(form(fields));

        assertEquals(400, response.status(), response.body());
        String html = response.body();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<img"), html);
        // in a quoted attribute jte escapes '<', '&' and the quote (a '>' there cannot end the tag)
        assertTrue(html.contains("value=\"&lt;script>alert(1)&lt;/script>&#34;>&lt;img src=x"), html);
        assertTrue(html.contains(">&lt;script&gt;alert(1)&lt;/script&gt;\"&gt;&lt;img src=x onerror=alert(2)&gt;"
                + "</textarea>"), "the audience, kept as text: " + html);
        assertTrue(html.contains("id=\"email-error\""), html);
        assertTrue(html.contains("aria-describedby=\"email-error\""), html);
        assertTrue(html.contains("id=\"website-error\""), html);
        assertTrue(html.contains("id=\"country-error\""), html);
        assertTrue(html.contains("id=\"acceptTerms-error\""), "the box was not ticked: " + html);
        assertTrue(html.contains("role=\"alert\""), "an error summary: " + html);
        assertTrue(html.contains("id=\"channel-podcast\" name=\"channel_podcast\" type=\"checkbox\" value=\"yes\" "
                + "checked"), "the box stays ticked: " + html);
        assertNothingStored();
    }

    @Test
    void termsNotAccepted_orAnOldVersion_isRefused_andStoresNothing() {
        ApiResponse unticked = postJson(VALID_JSON.replace("\"acceptTerms\":true", "\"acceptTerms\":false"));
        assertEquals(400, unticked.status());
        assertTrue(unticked.body().contains("\"field\":\"acceptTerms\""), unticked.body());
        ApiResponse old = postJson(VALID_JSON.replace("\"termsVersion\":\"v1\"", "\"termsVersion\":\"v0\""));
        assertEquals(400, old.status());
        assertTrue(old.body().contains("\"field\":\"termsVersion\""), old.body());

        new DynamoDbTermsBook(table.client(), table.config()).publish(new Terms("v2", "New terms.", Instant.now()));
        Map<String, String> stale = validForm(); // the page was loaded before v2 was published
        ApiResponse page = postForm(form(stale));
        assertEquals(400, page.status());
        assertTrue(page.body().contains("version v2") || page.body().contains("(version v2)"), page.body());
        assertTrue(page.body().contains("name=\"termsVersion\" value=\"v2\""), "the new version to accept");
        assertFalse(page.body().contains("type=\"checkbox\" value=\"yes\" required checked"),
                "the new version is ticked anew: " + page.body());
        assertNothingStored();
    }

    @Test
    void theHoneypot_isAnsweredLikeSuccess_andStoresNothing() {
        ApiResponse json = postJson(VALID_JSON.replace("\"acceptTerms\":true",
                "\"acceptTerms\":true,\"contact_me_by_fax_only\":\"yes please\""));
        assertEquals(202, json.status());
        Map<String, String> fields = validForm();
        fields.put("contact_me_by_fax_only", "555-0100");
        ApiResponse form = postForm(form(fields));
        assertEquals(200, form.status());
        assertTrue(form.body().contains("Thank you for applying"));
        ApiResponse invalidBot = postJson("{\"email\":\"x\",\"contact_me_by_fax_only\":\"1\"}");
        assertEquals(202, invalidBot.status(), "a bot learns nothing of the rules either");
        assertNothingStored();
    }

    @Test
    void anAddressThatIsAPartners_isAnsweredTheSame_butMakesNoApplication() {
        new ProgramFixture(table.client(), table.config()).activePartner("grace@hopper.example");
        assertEquals(202, postJson(VALID_JSON).status());
        assertNothingStored();
    }

    @Test
    void cors_asForTheLeadForm_onlyTheProgramsFormOrigins() {
        ApiResponse preflight = event("OPTIONS /apply").header("origin", "https://www.example.com").invoke(handler);
        assertEquals(204, preflight.status());
        assertEquals("https://www.example.com", preflight.header("access-control-allow-origin"));
        assertEquals(403, event("OPTIONS /apply").header("origin", "https://evil.example").invoke(handler).status());

        ApiResponse evil = event("POST /apply").header("origin", "https://evil.example")
                .body("application/json", VALID_JSON).invoke(handler);
        assertEquals(403, evil.status());
        assertNothingStored();

        ApiResponse refused = event("POST /apply").header("origin", "https://www.example.com")
                .body("application/json", "{}").invoke(handler);
        assertEquals(400, refused.status());
        assertEquals("https://www.example.com", refused.header("access-control-allow-origin"),
                "the site's script reads why");
        ApiResponse allowed = event("POST /apply").header("origin", "https://www.example.com")
                .body("application/json", VALID_JSON).invoke(handler);
        assertEquals(202, allowed.status());
        assertEquals("https://www.example.com", allowed.header("access-control-allow-origin"));

        ApiResponse ownPage = event("POST /apply")
                .header("origin", "https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com")
                .base64Body(FORM, form(validForm())).invoke(handler);
        assertEquals(200, ownPage.status(), "the form on GET /apply posts from this API's own origin");
        assertEquals(null, ownPage.header("access-control-allow-origin"));
    }
}
