package dev.refer.local.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.refer.emulators.FunctionDef;
import dev.refer.emulators.HttpRoute;
import dev.refer.emulators.SamTemplate;
import dev.refer.local.LocalStack;
import dev.refer.testkit.portal.PortalSignIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad input on every route of template.yaml, through the local stack as it wires the functions (DynamoDB Local,
 * moto): JSON that is valid but not an object sent to every route that takes a JSON body, and a malformed value for
 * every path parameter and every query parameter a route accepts. Each answer is a 4xx {@code application/problem+json}
 * (never a 5xx) and the table is exactly as it was before the request.
 *
 * <p>The routes come from template.yaml and what each accepts from docs/openapi.yaml, so a route added later is
 * exercised without touching this test; a route the OpenAPI does not describe, or a path parameter this test has no
 * valid value for, fails it rather than being skipped.
 */
class BadInputEndToEndTest {

    /** Valid JSON, none of it an object. */
    static final List<String> NOT_OBJECTS = List.of("null", "[]", "\"x\"", "1", "true");

    /** Values no path or query parameter of this API accepts (ids, codes, months, numbers, cursors, tokens). */
    static final List<String> MALFORMED = List.of("sample-month", "-1", "0", "1.5", "1e3", "99999999999999999999",
            "2026-13", "+10000-01", "not valid", "a/b", "%", "null", "{}", "\u00e9\u2717", "x".repeat(1100),
            "x".repeat(3000));

    /**
     * Query parameters that take any text, by route: nothing sent there is malformed. The redirect carries
     * {@code utm_*} tags over to the destination as they came.
     */
    static final Map<String, Set<String>> FREE_TEXT = Map.of(
            "GET /{code}", Set.of("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"),
            // the sign-in page prefills what it is given (escaped); the link's page only shows a button, its POST checks
            "GET /portal/signin", Set.of("email"),
            "GET /portal/signin/confirm", Set.of("token"));

    /**
     * Routes a browser follows, whose documented 4xx answer is a small HTML page rather than problem+json: the short
     * link's unknown (or malformed) code is a 404 page (DESIGN.md, public contracts).
     */
    static final Set<String> HTML_ANSWERS = Set.of("GET /{code}");

    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
    private static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static LocalStack stack;
    /** The partner signed in to the portal: portal routes are sent with this session and its CSRF token. */
    private static PortalSignIn.SignedIn portal;
    /** A value each path and query parameter accepts, so that the one under test is the only thing wrong. */
    private static final Map<String, String> VALID = new LinkedHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(LocalStack.Options.defaults().withPort(0).withTableName("refer-bad-input")
                .withAdminKey("bad-input-admin-key").withAccessLog(false));
        ok(admin("PUT", "/admin/program", """
                {"currency":"EUR","attributionWindowDays":30,"holdingPeriodDays":30,
                 "plan":{"saleRateBps":2000,"leadRewardMinor":2500},
                 "payouts":{"minimum":{"EUR":5000},"managerEmail":"manager@program.example"},
                 "allowedDestinationHosts":["example.com"],"allowedFormOrigins":["https://www.example.com"]}"""));
        ok(admin("PUT", "/admin/communications", """
                {"programName":"Acme Partners","salesEmail":"sales@program.example"}"""));
        String partnerId = (String) json(ok(admin("POST", "/admin/partners",
                "{\"name\":\"Bea Partner\",\"email\":\"bea@partner.example\",\"status\":\"ACTIVE\"}"))).get("id");
        ok(admin("POST", "/admin/partners/" + partnerId + "/links",
                "{\"code\":\"bea-bad-input\",\"destination\":\"https://example.com/\"}"));
        ok(send(request("/leads").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"lead@prospect.example\",\"ref\":\"bea-bad-input\"}"))));
        ok(webhook("""
                {"id":"evt_bad_input_sale","type":"sale","orderId":"inv_bad_input","amount":10000,"currency":"EUR",
                 "occurredAt":"%s","customer":{"externalId":"cus_bad_input"},"ref":"bea-bad-input"}"""
                .formatted(Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS))));
        String broadcastId = (String) json(ok(admin("POST", "/admin/broadcasts",
                "{\"subject\":\"News\",\"body\":\"Hello partners\"}"))).get("id");

        // the notifications to Bea go out first, so the sign-in email is the newest one she gets
        stack.awaitIdle();
        portal = PortalSignIn.throughGateway(stack.baseUri(), stack.outbox()::to, "bea@partner.example");
        VALID.put("file", "portal.css");
        VALID.put("partnerId", partnerId);
        VALID.put("code", "bea-bad-input");
        VALID.put("leadId", firstId("/admin/partners/" + partnerId + "/leads"));
        VALID.put("commissionId", firstId("/admin/partners/" + partnerId + "/commissions"));
        VALID.put("payoutId", LAST_MONTH + "-EUR-" + partnerId);
        VALID.put("broadcastId", broadcastId);
        VALID.put("dealId", "01JC0000000000000000000099"); // well formed; the deal routes answer 404 for it
        // well-formed: the bad bodies sent with it are refused before any application is looked up
        VALID.put("applicationId", "01JD0000000000000000000099");
        VALID.put("promotionCodeId", "promo_bad_input"); // well formed, tied to nothing
        VALID.put("endpointId", "01JE0000000000000000000099"); // well formed; the webhook endpoint routes answer 404
        VALID.put("deliveryId", "msg_01JE0000000000000000000099_lead.captured.01JC0000000000000000000001");
        VALID.put("period", LAST_MONTH.toString());
        VALID.put("month", LAST_MONTH.toString());
        VALID.put("limit", "10");
        // whatever the fixtures set off (counters, notifications, the broadcast's preview) is done before the baseline
        stack.awaitIdle();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyRoute_answersBadBodiesAndMalformedParameters_with4xxProblems_andStoresNothing() throws Exception {
        OpenApi api = OpenApi.load(SamTemplate.locate(Path.of("")).resolveSibling("docs").resolve("openapi.yaml"));
        List<HttpRoute> routes = SamTemplate.load().functions().stream().map(FunctionDef::routes)
                .flatMap(List::stream).toList();
        assertTrue(routes.size() > 30, "the template's routes: " + routes);
        Set<String> routeKeys = new HashSet<>(routes.stream().map(HttpRoute::routeKey).toList());
        assertTrue(routeKeys.containsAll(FREE_TEXT.keySet()) && routeKeys.containsAll(HTML_ANSWERS),
                "FREE_TEXT and HTML_ANSWERS name routes of the template only");
        Set<Map<String, AttributeValue>> before = items();
        int mailBefore = stack.outbox().messages().size();
        List<String> failures = new ArrayList<>();
        Set<String> jsonRoutes = new HashSet<>();
        Set<String> queryParameters = new HashSet<>();
        int sent = 0;
        for (HttpRoute route : routes) {
            String key = route.routeKey();
            OpenApi.Operation operation = api.operation(route.method(), route.path()).orElse(null);
            if (operation == null) {
                failures.add(key + ": not described in docs/openapi.yaml, so this test cannot tell what it accepts");
                continue;
            }
            List<String> pathNames = pathParameters(route.path());
            if (!new HashSet<>(operation.pathParameters()).equals(new HashSet<>(pathNames))) {
                failures.add(key + ": docs/openapi.yaml names the path parameters " + operation.pathParameters());
                continue;
            }
            List<String> unknown = new ArrayList<>(pathNames.stream().filter(name -> !VALID.containsKey(name))
                    .map(name -> "{" + name + "}").toList());
            if (operation.requiredQueryParameters().size() > 1) {
                // one required query parameter is the one under test; with more, the others need valid values
                operation.requiredQueryParameters().stream().filter(name -> !VALID.containsKey(name))
                        .forEach(name -> unknown.add("?" + name));
            }
            if (!unknown.isEmpty()) {
                failures.add(key + ": this test knows no valid " + unknown + "; add them to VALID");
                continue;
            }
            if (operation.takesJson()) {
                jsonRoutes.add(key);
                for (String body : NOT_OBJECTS) {
                    sent++;
                    check(failures, before, key, "body " + body, route, validPath(route.path(), null, null),
                            requiredQuery(operation, null, null), body);
                }
            }
            for (String name : pathNames) {
                for (String value : MALFORMED) {
                    sent++;
                    check(failures, before, key, "{" + name + "}=" + shorten(value), route,
                            validPath(route.path(), name, value), requiredQuery(operation, null, null), null);
                }
            }
            for (String name : operation.queryParameters()) {
                if (FREE_TEXT.getOrDefault(key, Set.of()).contains(name)) {
                    continue;
                }
                queryParameters.add(name);
                for (String value : MALFORMED) {
                    sent++;
                    check(failures, before, key, "?" + name + "=" + shorten(value), route,
                            validPath(route.path(), null, null), requiredQuery(operation, name, value), null);
                }
            }
        }
        // what a request may have set off later (a queue message, a stream record) has had its chance to act
        stack.awaitIdle();
        if (!items().equals(before)) {
            failures.add("once the queues and streams were idle, the table had changed");
        }
        if (stack.outbox().messages().size() != mailBefore) {
            failures.add("mail was sent: " + (stack.outbox().messages().size() - mailBefore) + " message(s)");
        }
        // the OpenAPI was read as meant: bodies behind a $ref included, and every kind of query parameter
        assertTrue(jsonRoutes.containsAll(Set.of("POST /leads", "POST /webhooks/conversions", "POST /webhooks/stripe",
                "PUT /admin/program",
                "POST /admin/leads/{leadId}/qualify", "POST /admin/checkin-runs")), "JSON routes: " + jsonRoutes);
        assertTrue(queryParameters.containsAll(Set.of("limit", "cursor", "month", "period", "t")),
                "query parameters: " + queryParameters);
        assertTrue(sent > 500, "requests sent: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " requests went wrong:\n"
                + String.join("\n", failures));
    }

    /** Sends one bad request and records what is wrong with its answer or with the table after it. */
    private static void check(List<String> failures, Set<Map<String, AttributeValue>> before, String key, String what,
                              HttpRoute route, String path, Map<String, String> query, String jsonBody)
            throws Exception {
        StringBuilder uri = new StringBuilder(path);
        String separator = "?";
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = "&";
        }
        HttpRequest.Builder request = request(uri.toString());
        if (route.iamAuth()) {
            request.header("x-admin-key", stack.adminKey());
        }
        if (isPortal(route.path())) {
            request.header("cookie", portal.cookie()).header("x-csrf-token", portal.csrfToken());
        }
        String body = jsonBody == null ? "" : jsonBody;
        if (jsonBody != null) {
            request.header("content-type", "application/json");
            if (key.equals("POST /webhooks/conversions")) {
                // a valid signature over the bad body, so that it reaches the reading of the body
                String id = "msg_" + System.nanoTime();
                long now = System.currentTimeMillis() / 1000;
                request.header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                        .header("webhook-signature", new Webhook(stack.webhookSecret()).sign(id, now, body));
            }
            if (key.equals("POST /webhooks/stripe")) {
                request.header("stripe-signature", stripeSignature(body));
            }
        }
        request.method(route.method(), body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = send(request);
        String contentType = response.headers().firstValue("content-type").orElse("");
        String label = key + " with " + what + " -> " + response.statusCode() + " " + contentType + " "
                + shorten(response.body());
        if (response.statusCode() < 400 || response.statusCode() >= 500) {
            failures.add(label + ": not a 4xx");
        } else if (jsonBody != null && (response.statusCode() != 400
                || !response.body().contains("\"detail\":\"the body must be a JSON object\""))) {
            failures.add(label + ": not the 400 problem naming the rule (the body must be a JSON object)");
        } else if (HTML_ANSWERS.contains(key) ? !contentType.startsWith("text/html")
                : isPortalPage(route.path()) && jsonBody == null
                ? !contentType.startsWith("text/html") && !contentType.equals("application/problem+json")
                : !contentType.equals("application/problem+json")) {
            failures.add(label + ": not the documented content type");
        }
        Set<Map<String, AttributeValue>> after = items();
        if (!after.equals(before)) {
            Set<Map<String, AttributeValue>> added = new LinkedHashSet<>(after);
            added.removeAll(before);
            Set<Map<String, AttributeValue>> gone = new LinkedHashSet<>(before);
            gone.removeAll(after);
            failures.add(label + ": the table changed; new or changed items " + keys(added) + ", removed or changed "
                    + keys(gone));
            before.clear();
            before.addAll(after);
        }
    }

    private static boolean isPortal(String path) {
        return path.equals("/portal") || path.startsWith("/portal/");
    }

    /**
     * A page of the portal (not its JSON API): its 4xx answers are HTML pages for people, or a problem where no page
     * fits (an asset, an image).
     */
    private static boolean isPortalPage(String path) {
        return isPortal(path) && !path.startsWith("/portal/api/");
    }

    /**
     * Every item of every table of the stack, read consistently; but the portal session's, whose last-seen time a
     * signed-in request may move (at most once a minute: its idle lifetime), which is no change the request made.
     */
    private static Set<Map<String, AttributeValue>> items() {
        Set<Map<String, AttributeValue>> items = new HashSet<>();
        for (String table : stack.dynamoDb().listTables().tableNames()) {
            stack.dynamoDb().scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build())
                    .items().stream().filter(item -> item.get("pk") == null || !item.get("pk").s().startsWith("SESSION#"))
                    .forEach(items::add);
        }
        return items;
    }

    private static List<String> keys(Set<Map<String, AttributeValue>> items) {
        return items.stream().map(item -> item.get("pk") == null ? item.toString()
                : item.get("pk").s() + " " + (item.get("sk") == null ? "" : item.get("sk").s())).toList();
    }

    private static List<String> pathParameters(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{([^}+]+)\\+?}").matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The route's path with valid values, except {@code name} set to {@code value}. */
    private static String validPath(String path, String name, String value) {
        Matcher matcher = Pattern.compile("\\{([^}+]+)\\+?}").matcher(path);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String parameter = matcher.group(1);
            String text = parameter.equals(name) ? value : VALID.get(parameter);
            matcher.appendReplacement(out, Matcher.quoteReplacement(encode(text).replace("+", "%20")));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The operation's required query parameters with valid values, and {@code name} set to {@code value}. */
    private static Map<String, String> requiredQuery(OpenApi.Operation operation, String name, String value) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String required : operation.requiredQueryParameters()) {
            if (VALID.containsKey(required)) {
                query.put(required, VALID.get(required));
            }
        }
        if (name != null) {
            query.put(name, value);
        }
        return query;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() <= 160 ? flat : flat.substring(0, 160) + "...";
    }

    private static String firstId(String path) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) json(ok(admin("GET", path, null))).get("items");
        assertEquals(1, items.size(), path);
        return (String) items.getFirst().get("id");
    }

    private static HttpResponse<String> ok(HttpResponse<String> response) {
        assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
        return response;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(stack.baseUri().toString().replaceAll("/$", "") + pathAndQuery))
                .header("user-agent", BROWSER);
    }

    private static HttpResponse<String> admin(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = request(path).header("x-admin-key", stack.adminKey());
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("content-type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    /** Stripe's header over {@code body}, with the stack's Stripe secret: {@code t=<unix>,v1=<hex HMAC-SHA256>}. */
    private static String stripeSignature(String body) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(stack.stripeWebhookSecret().getBytes(
                java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return "t=" + now + ",v1=" + java.util.HexFormat.of().formatHex(mac.doFinal((now + "." + body)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static HttpResponse<String> webhook(String body) throws Exception {
        String id = "msg_" + System.nanoTime();
        long now = System.currentTimeMillis() / 1000;
        return send(request("/webhooks/conversions").header("content-type", "application/json")
                .header("webhook-id", id).header("webhook-timestamp", Long.toString(now))
                .header("webhook-signature", new Webhook(stack.webhookSecret()).sign(id, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Map<String, Object> json(HttpResponse<String> response) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.readValue(response.body(), Map.class);
        return map;
    }

    /** What docs/openapi.yaml says each operation accepts: path and query parameters, a JSON body. */
    record OpenApi(Map<String, Object> root) {

        record Operation(List<String> pathParameters, List<String> queryParameters,
                         List<String> requiredQueryParameters, boolean takesJson) {
        }

        static OpenApi load(Path file) throws IOException {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
            return new OpenApi(root);
        }

        java.util.Optional<Operation> operation(String method, String path) {
            Map<String, Object> item = map(map(root, "paths"), path);
            Map<String, Object> operation = item == null ? null : map(item, method.toLowerCase(Locale.ROOT));
            if (operation == null) {
                return java.util.Optional.empty();
            }
            List<Map<String, Object>> parameters = new ArrayList<>();
            parameters.addAll(parameters(item));
            parameters.addAll(parameters(operation));
            List<String> inPath = new ArrayList<>();
            List<String> inQuery = new ArrayList<>();
            List<String> required = new ArrayList<>();
            for (Map<String, Object> parameter : parameters) {
                String name = (String) parameter.get("name");
                switch ((String) parameter.get("in")) {
                    case "path" -> inPath.add(name);
                    case "query" -> {
                        inQuery.add(name);
                        if (Boolean.TRUE.equals(parameter.get("required"))) {
                            required.add(name);
                        }
                    }
                    default -> {
                    }
                }
            }
            Map<String, Object> requestBody = resolve(map(operation, "requestBody"));
            Map<String, Object> content = requestBody == null ? null : map(requestBody, "content");
            boolean json = content != null && content.containsKey("application/json");
            return java.util.Optional.of(new Operation(inPath, inQuery, required, json));
        }

        private List<Map<String, Object>> parameters(Map<String, Object> node) {
            Object list = node.get("parameters");
            if (list == null) {
                return List.of();
            }
            List<Map<String, Object>> resolved = new ArrayList<>();
            for (Object parameter : (List<?>) list) {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) parameter;
                resolved.add(resolve(map));
            }
            return resolved;
        }

        /** Follows a {@code $ref: '#/components/...'}. */
        private Map<String, Object> resolve(Map<String, Object> node) {
            if (node == null || !node.containsKey("$ref")) {
                return node;
            }
            Map<String, Object> target = root;
            for (String part : ((String) node.get("$ref")).substring(2).split("/")) {
                target = map(target, part);
                if (target == null) {
                    fail("docs/openapi.yaml: unresolved " + node.get("$ref"));
                }
            }
            return resolve(target);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> map(Map<String, Object> node, String key) {
            return (Map<String, Object>) node.get(key);
        }
    }
}
