package dev.refer.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the event an API Gateway HTTP API (payload format 2.0) sends to a Lambda integration, as the
 * aws-lambda-java-events type, and serialises it to the JSON the function receives.
 */
public final class HttpApiEvents {

    static final String ACCOUNT_ID = "123456789012";
    static final String API_ID = "local";
    static final String ADMIN_USER_ARN = "arn:aws:iam::" + ACCOUNT_ID + ":user/local-admin";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    /** The property names of the event type's getters are those of the payload ("rawPath", "isBase64Encoded"). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private HttpApiEvents() {
    }

    /**
     * @param iamCaller the request passed the IAM authorizer, so the context carries the caller's identity
     */
    public static APIGatewayV2HTTPEvent event(GatewayRequest request, RouteTable.Match match, String requestId,
                                              Instant receivedAt, boolean iamCaller) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        request.headers().forEach((name, values) -> {
            String lowerName = name.toLowerCase(Locale.ROOT);
            if (lowerName.equals("cookie")) {
                // HTTP API moves cookies out of the headers into their own list.
                values.forEach(value -> splitCookies(value, cookies));
            } else {
                headers.merge(lowerName, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        headers.putIfAbsent("x-forwarded-for", request.sourceIp());
        headers.putIfAbsent("x-forwarded-proto", "http");

        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(match.binding().route().routeKey());
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQuery());
        event.setCookies(cookies.isEmpty() ? null : cookies);
        event.setHeaders(headers);
        event.setQueryStringParameters(queryParameters(request.rawQuery()));
        event.setPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters());
        setBody(event, request.body(), headers.get("content-type"));
        event.setRequestContext(requestContext(request, match, requestId, receivedAt, headers, iamCaller));
        return event;
    }

    public static byte[] toJson(APIGatewayV2HTTPEvent event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the HTTP API event", e);
        }
    }

    /** A request id shaped like API Gateway's ("JKJaXmPLvHcESHA="). */
    public static String newRequestId() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** HTTP API passes JSON and text as text, and base64-encodes every other body, forms included. */
    private static void setBody(APIGatewayV2HTTPEvent event, byte[] body, String contentType) {
        if (body.length == 0) {
            event.setIsBase64Encoded(false);
            return;
        }
        String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        boolean text = mediaType.equals("application/json") || mediaType.startsWith("text/");
        event.setIsBase64Encoded(!text);
        event.setBody(text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
    }

    private static RequestContext requestContext(GatewayRequest request, RouteTable.Match match, String requestId,
                                                 Instant receivedAt, Map<String, String> headers, boolean iamCaller) {
        String domainName = headers.getOrDefault("host", "127.0.0.1");
        RequestContext context = new RequestContext();
        context.setAccountId(ACCOUNT_ID);
        context.setApiId(API_ID);
        context.setDomainName(domainName);
        context.setDomainPrefix(domainName.split("[.:]", 2)[0]);
        context.setRequestId(requestId);
        context.setRouteKey(match.binding().route().routeKey());
        context.setStage("$default");
        context.setTime(REQUEST_TIME.format(receivedAt));
        context.setTimeEpoch(receivedAt.toEpochMilli());
        RequestContext.Http http = new RequestContext.Http();
        http.setMethod(request.method());
        http.setPath(request.rawPath());
        http.setProtocol(request.protocol());
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(headers.getOrDefault("user-agent", ""));
        context.setHttp(http);
        if (iamCaller) {
            RequestContext.IAM iam = new RequestContext.IAM();
            iam.setAccessKey("LOCALADMINKEY");
            iam.setAccountId(ACCOUNT_ID);
            iam.setCallerId("LOCALADMIN");
            iam.setUserArn(ADMIN_USER_ARN);
            iam.setUserId("LOCALADMIN");
            RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
            authorizer.setIam(iam);
            context.setAuthorizer(authorizer);
        }
        return context;
    }

    /** Decoded names and values; a repeated name's values comma-joined, as HTTP API does. Null when there are none. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static void splitCookies(String header, List<String> cookies) {
        for (String cookie : header.split(";")) {
            if (!cookie.isBlank()) {
                cookies.add(cookie.trim());
            }
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
