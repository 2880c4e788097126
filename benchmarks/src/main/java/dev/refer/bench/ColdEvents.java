package dev.refer.bench;

import com.standardwebhooks.Webhook;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.emulators.FunctionDef;
import dev.refer.emulators.HttpRoute;
import dev.refer.lambda.LambdaJson;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one real event each function's cold start serves, chosen by what the template wires the function to, and the
 * check of its answer. Every event is new (fresh email, event id, order id, click), so every boot does the real work
 * of a first request rather than hitting a duplicate path.
 */
final class ColdEvents {

    static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/18.0 Safari/605.1.15";
    private static final String HOST = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com";
    private static final String ALLOWED_ORIGIN = "https://www.example.com";

    /** One kind of event: a fresh event per boot, and what makes its answer right (null) or wrong (why). */
    interface ColdEvent {
        String describe();

        byte[] next();

        String check(byte[] response);
    }

    private final String table;
    private final String linkCode;
    private final String partnerId;
    private final String webhookSecret;
    private final UlidGenerator ids = new UlidGenerator(Clock.systemUTC());
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1000);

    private final java.util.function.Supplier<String> portalCookie;
    /** The Stripe webhook's signing secret; null leaves the Stripe function without an event. */
    private String stripeSecret;

    /** @param portalCookie the session cookie ("name=value") of the seeded partner, signed in once when first asked */
    ColdEvents(String table, String linkCode, String partnerId, String webhookSecret,
               java.util.function.Supplier<String> portalCookie) {
        this.table = table;
        this.linkCode = linkCode;
        this.partnerId = partnerId;
        this.webhookSecret = webhookSecret;
        this.portalCookie = portalCookie;
    }

    /**
     * The event for a function of the template, by its routes and streams.
     *
     * @throws IllegalStateException for a function this benchmark has no event for (add one here)
     */
    ColdEvent forFunction(FunctionDef function) {
        List<String> routes = function.routes().stream().map(HttpRoute::routeKey).toList();
        if (routes.contains("GET /{code}")) {
            return http("GET /{code} of an enabled link", 302, () -> httpEvent("GET", "GET /{code}", "/" + linkCode,
                    Map.of("code", linkCode), Map.of("accept", "text/html"), null));
        }
        if (routes.contains("POST /leads")) {
            return http("POST /leads (JSON, new email)", 202, () -> {
                String body = LambdaJson.write(ordered("email", "cold-" + ids.newId().toLowerCase() + "@example.org",
                        "name", "Cold Start", "company", "Bench GmbH", "ref", linkCode));
                return httpEvent("POST", "POST /leads", "/leads", Map.of(),
                        Map.of("content-type", "application/json", "origin", ALLOWED_ORIGIN), body);
            });
        }
        if (routes.contains("POST /webhooks/conversions")) {
            return http("POST /webhooks/conversions (signed sale, new event id)", 200, this::conversionEvent);
        }
        if (routes.contains("POST /webhooks/stripe") && stripeSecret != null) {
            return http("POST /webhooks/stripe (signed paid checkout session, new ids)", 200, this::stripeEvent);
        }
        if (routes.contains("GET /admin/partners")) {
            return http("GET /admin/partners", 200, () -> httpEvent("GET", "GET /admin/partners", "/admin/partners",
                    Map.of(), Map.of("accept", "application/json"), null));
        }
        if (routes.contains("GET /portal")) {
            return http("GET /portal (the dashboard of a signed-in partner)", 200, () -> withCookie(httpEvent("GET",
                    "GET /portal", "/portal", Map.of(), Map.of("accept", "text/html"), null), portalCookie.get()));
        }
        if (routes.contains("POST /unsubscribe")) {
            return http("POST /unsubscribe with a link this program did not sign", 400, () -> httpEvent("POST",
                    "POST /unsubscribe", "/unsubscribe", Map.of(), Map.of("content-type",
                            "application/x-www-form-urlencoded"), "List-Unsubscribe=One-Click", "t=forged.link"));
        }
        if (function.handlerClass().endsWith("MailEventsHandler")) {
            return sesEvents();
        }
        if (function.handlerClass().endsWith("DataMigrationHandler")) {
            return new ColdEvent() {
                @Override
                public String describe() {
                    return "the deploy's invocation (the table already at the code's data version)";
                }

                @Override
                public byte[] next() {
                    return bytes("{}");
                }

                @Override
                public String check(byte[] response) {
                    Map<String, Object> json = parse(response);
                    return json != null && Boolean.TRUE.equals(json.get("done")) ? null
                            : "expected {\"done\":true, ...}, got " + text(response);
                }
            };
        }
        if (!function.streams().isEmpty()) {
            return new ColdEvent() {
                @Override
                public String describe() {
                    return "DynamoDB Streams batch with one inserted CLICK item";
                }

                @Override
                public byte[] next() {
                    return clickStreamEvent();
                }

                @Override
                public String check(byte[] response) {
                    return noBatchItemFailures(response);
                }
            };
        }
        if (!function.schedules().isEmpty()) {
            return new ColdEvent() {
                @Override
                public String describe() {
                    return "a scheduled run (EventBridge Scheduler's event)";
                }

                @Override
                public byte[] next() {
                    return bytes("{\"version\":\"0\",\"source\":\"aws.scheduler\",\"detail-type\":\"Scheduled Event\","
                            + "\"time\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\",\"detail\":{}}");
                }

                @Override
                public String check(byte[] response) {
                    Map<String, Object> json = parse(response);
                    return json != null && !json.containsKey("errorMessage") ? null
                            : "expected the run's summary, got " + text(response);
                }
            };
        }
        if (function.queues().stream().anyMatch(q -> q.queueLogicalId().equals("WebhookDeliveryQueue"))) {
            return new ColdEvent() {
                @Override
                public String describe() {
                    return "an SQS batch with one delivery to an endpoint deleted since (read, dropped, logged)";
                }

                @Override
                public byte[] next() {
                    String id = ids.newId();
                    String body = "{\"deliveryId\":\"msg_01JE0000000000000000000000_lead.captured." + id
                            + "\",\"endpointId\":\"01JE0000000000000000000000\",\"eventId\":\"lead.captured." + id
                            + "\",\"type\":\"lead.captured\",\"occurredAt\":\"" + Instant.now()
                            + "\",\"data\":{\"leadId\":\"" + id + "\",\"email\":\"jane@client.example\"}}";
                    Map<String, Object> record = ordered("messageId", id.toLowerCase(), "receiptHandle", "rh",
                            "body", body, "attributes", Map.of("ApproximateReceiveCount", "1",
                                    "ApproximateFirstReceiveTimestamp", Long.toString(System.currentTimeMillis())),
                            "messageAttributes", Map.of(), "eventSource", "aws:sqs",
                            "eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:bench-WebhookDeliveryQueue",
                            "awsRegion", "us-east-1");
                    return bytes(LambdaJson.write(Map.of("Records", List.of(record))));
                }

                @Override
                public String check(byte[] response) {
                    return noBatchItemFailures(response);
                }
            };
        }
        if (!function.queues().isEmpty()) {
            boolean mail = function.queues().stream().anyMatch(q -> q.queueLogicalId().equals("MailQueue"));
            return new ColdEvent() {
                @Override
                public String describe() {
                    return mail ? "an SQS batch with one check-in message for the seeded partner (an email through SES)"
                            : "an SQS batch with one payout message for a partner with nothing due";
                }

                @Override
                public byte[] next() {
                    java.time.YearMonth period = java.time.YearMonth.now(java.time.ZoneOffset.UTC).minusMonths(1);
                    String body = mail ? "{\"type\":\"write\",\"campaign\":\"checkin#" + period
                            + "\",\"partnerId\":\"" + partnerId + "\"}"
                            : "{\"type\":\"pay\",\"period\":\"" + period + "\",\"periodStart\":\""
                            + period.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant() + "\",\"cutoff\":\""
                            + period.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                            + "\",\"partnerId\":\"" + partnerId + "\"}";
                    Map<String, Object> record = ordered("messageId", ids.newId().toLowerCase(), "receiptHandle", "rh",
                            "body", body, "attributes", Map.of("ApproximateReceiveCount", "1"),
                            "messageAttributes", Map.of(), "eventSource", "aws:sqs",
                            "eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:bench-PayoutQueue",
                            "awsRegion", "us-east-1");
                    return bytes(LambdaJson.write(Map.of("Records", List.of(record))));
                }

                @Override
                public String check(byte[] response) {
                    return noBatchItemFailures(response);
                }
            };
        }
        throw new IllegalStateException(function.logicalId() + " has no route or stream the cold-start benchmark"
                + " knows an event for (routes " + routes + "); add one to ColdEvents");
    }

    /** SES's event of a permanent bounce, as SNS delivers it: the address goes on the suppression list. */
    private ColdEvent sesEvents() {
        return new ColdEvent() {
            @Override
            public String describe() {
                return "an SNS notification of SES's permanent bounce of a new address";
            }

            @Override
            public byte[] next() {
                String address = "cold-" + ids.newId().toLowerCase() + "@bounce.example";
                String message = LambdaJson.write(ordered("eventType", "Bounce", "bounce", ordered(
                        "bounceType", "Permanent", "bounceSubType", "General",
                        "bouncedRecipients", List.of(Map.of("emailAddress", address)))));
                Map<String, Object> sns = ordered("Type", "Notification", "MessageId", ids.newId().toLowerCase(),
                        "TopicArn", "arn:aws:sns:us-east-1:123456789012:bench-mail-events", "Message", message,
                        "Timestamp", Instant.now().toString());
                return bytes(LambdaJson.write(Map.of("Records", List.of(ordered("EventSource", "aws:sns",
                        "EventVersion", "1.0", "EventSubscriptionArn",
                        "arn:aws:sns:us-east-1:123456789012:bench-mail-events:cold", "Sns", sns)))));
            }

            @Override
            public String check(byte[] response) {
                String text = text(response).strip();
                return text.isEmpty() || text.equals("null") ? null : "expected no answer, got " + text;
            }
        };
    }

    /** The hello-world baseline: any event; it answers a fixed 200. */
    ColdEvent hello() {
        return http("the redirect's event (the handler ignores it)", 200, () -> httpEvent("GET", "GET /{code}",
                "/" + linkCode, Map.of("code", linkCode), Map.of("accept", "text/html"), null));
    }

    private ColdEvent http(String description, int expectedStatus, java.util.function.Supplier<byte[]> events) {
        return new ColdEvent() {
            @Override
            public String describe() {
                return description + ", expecting " + expectedStatus;
            }

            @Override
            public byte[] next() {
                return events.get();
            }

            @Override
            public String check(byte[] response) {
                Map<String, Object> json = parse(response);
                if (json == null) {
                    return "the response is not a JSON object: " + text(response);
                }
                return json.get("statusCode") instanceof Number status && status.intValue() == expectedStatus ? null
                        : "expected statusCode " + expectedStatus + ", got " + text(response);
            }
        };
    }

    private byte[] conversionEvent() {
        String eventId = "evt_cold_" + ids.newId();
        Instant now = Instant.now();
        Map<String, Object> customer = ordered("externalId", "cus_cold_" + ids.newId(),
                "email", "buyer-" + ids.newId().toLowerCase() + "@example.org");
        String body = LambdaJson.write(ordered("id", eventId, "type", "sale", "orderId", "ord_cold_" + ids.newId(),
                "amount", 12345, "currency", "EUR", "occurredAt", now.truncatedTo(ChronoUnit.SECONDS).toString(),
                "customer", customer, "ref", linkCode));
        long timestamp = now.getEpochSecond();
        String signature;
        try {
            signature = new Webhook(webhookSecret).sign(eventId, timestamp, body);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the benchmark's webhook event", e);
        }
        return httpEvent("POST", "POST /webhooks/conversions", "/webhooks/conversions", Map.of(),
                Map.of("content-type", "application/json", "user-agent", "Billing-Webhooks/1.0",
                        "webhook-id", eventId, "webhook-timestamp", Long.toString(timestamp),
                        "webhook-signature", signature), body);
    }

    /** Signs the Stripe function's events with {@code secret} (Stripe's whsec_...). */
    ColdEvents withStripeSecret(String secret) {
        this.stripeSecret = secret;
        return this;
    }

    /** A paid one-off checkout session of a new buyer, referred by the link code, signed as Stripe signs. */
    private byte[] stripeEvent() {
        String id = ids.newId();
        long now = Instant.now().getEpochSecond();
        String body = ("{\"id\":\"evt_cold_%s\",\"object\":\"event\",\"type\":\"checkout.session.completed\","
                + "\"created\":%d,\"data\":{\"object\":{\"id\":\"cs_cold_%s\",\"object\":\"checkout.session\","
                + "\"mode\":\"payment\",\"payment_status\":\"paid\",\"amount_total\":12345,\"currency\":\"eur\","
                + "\"payment_intent\":\"pi_cold_%s\",\"customer\":\"cus_cold_%s\","
                + "\"customer_details\":{\"email\":\"buyer-%s@example.org\"},\"client_reference_id\":\"%s\"}}}")
                .formatted(id, now, id, id, id, id.toLowerCase(), linkCode);
        return httpEvent("POST", "POST /webhooks/stripe", "/webhooks/stripe", Map.of(),
                Map.of("content-type", "application/json; charset=utf-8", "user-agent", "Stripe/1.0",
                        "stripe-signature", stripeSignature(stripeSecret, now, body)), body);
    }

    /** Stripe's header: {@code t=<unix>,v1=<hex HMAC-SHA256 of "t.body">} keyed with the whole secret. */
    static String stripeSignature(String secret, long unixSeconds, String body) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return "t=" + unixSeconds + ",v1=" + java.util.HexFormat.of().formatHex(mac.doFinal(
                    (unixSeconds + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] clickStreamEvent() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String pk = "CLICK#" + ids.newId();
        Map<String, Object> keys = ordered("pk", s(pk), "sk", s("CLICK"));
        Map<String, Object> image = ordered("pk", s(pk), "sk", s("CLICK"), "type", s("CLICK"), "code", s(linkCode),
                "partnerId", s(partnerId), "campaign", s("bench"), "at", s(at.toString()),
                "expiresAt", Map.of("N", Long.toString(at.plus(Duration.ofDays(90)).getEpochSecond())));
        Map<String, Object> dynamodb = ordered("ApproximateCreationDateTime", at.getEpochSecond(), "Keys", keys,
                "NewImage", image, "SequenceNumber", String.format("%024d", sequence.incrementAndGet()),
                "SizeBytes", 210, "StreamViewType", "NEW_IMAGE");
        Map<String, Object> record = ordered("eventID", ids.newId().toLowerCase(), "eventName", "INSERT",
                "eventVersion", "1.1", "eventSource", "aws:dynamodb", "awsRegion", "us-east-1", "dynamodb", dynamodb,
                "eventSourceARN", "arn:aws:dynamodb:us-east-1:123456789012:table/" + table
                        + "/stream/2026-01-01T00:00:00.000");
        return bytes(LambdaJson.write(Map.of("Records", List.of(record))));
    }

    /** An HTTP API payload 2.0 event, shaped like API Gateway's (see functions/http's test events). */
    /** The event with the cookie API Gateway passes in its {@code cookies} list. */
    @SuppressWarnings("unchecked")
    private static byte[] withCookie(byte[] event, String cookie) {
        Map<String, Object> json = LambdaJson.readTrusted(new String(event, java.nio.charset.StandardCharsets.UTF_8),
                Map.class);
        json.put("cookies", List.of(cookie));
        return bytes(LambdaJson.write(json));
    }

    private static byte[] httpEvent(String method, String routeKey, String path, Map<String, String> pathParameters,
                                    Map<String, String> extraHeaders, String body) {
        return httpEvent(method, routeKey, path, pathParameters, extraHeaders, body, "");
    }

    private static byte[] httpEvent(String method, String routeKey, String path, Map<String, String> pathParameters,
                                    Map<String, String> extraHeaders, String body, String rawQuery) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("accept-encoding", "gzip, deflate, br");
        headers.put("accept-language", "en-GB,en;q=0.9");
        headers.put("content-length", Integer.toString(body == null ? 0 : bytes(body).length));
        headers.put("host", HOST);
        headers.put("user-agent", BROWSER);
        headers.put("x-amzn-trace-id", "Root=1-6741a1b0-3f0e9a1c7d2b4e5f6a7b8c9d");
        headers.put("x-forwarded-for", "203.0.113.7");
        headers.put("x-forwarded-port", "443");
        headers.put("x-forwarded-proto", "https");
        headers.putAll(extraHeaders);
        Instant now = Instant.now();
        Map<String, Object> http = ordered("method", method, "path", path, "protocol", "HTTP/1.1",
                "sourceIp", "203.0.113.7", "userAgent", headers.get("user-agent"));
        Map<String, Object> context = ordered("accountId", "123456789012", "apiId", "a1b2c3d4e5",
                "domainName", HOST, "domainPrefix", "a1b2c3d4e5", "http", http,
                "requestId", "cold-" + Long.toHexString(now.toEpochMilli()), "routeKey", routeKey,
                "stage", "$default", "time", "01/Jan/2026:00:00:00 +0000", "timeEpoch", now.toEpochMilli());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", path);
        event.put("rawQueryString", rawQuery);
        event.put("headers", headers);
        if (!rawQuery.isEmpty()) {
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                query.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
            event.put("queryStringParameters", query);
        }
        event.put("requestContext", context);
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        if (body != null) {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return bytes(LambdaJson.write(event));
    }

    private static Map<String, Object> s(String value) {
        return Map.of("S", value);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> parse(byte[] response) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = LambdaJson.mapper().readValue(response, Map.class);
            return map;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }

    /** A stream's or a queue's answer that hands nothing back (null), or what it said instead. */
    private static String noBatchItemFailures(byte[] response) {
        Map<String, Object> json = parse(response);
        return json != null && json.get("batchItemFailures") instanceof List<?> failures && failures.isEmpty() ? null
                : "expected batchItemFailures: [], got " + text(response);
    }
}
