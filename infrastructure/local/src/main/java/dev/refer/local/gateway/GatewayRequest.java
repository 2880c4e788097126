package dev.refer.local.gateway;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the gateway received it, before API Gateway's rewriting into an event.
 *
 * @param headers  as received: names in any case, one entry per header line
 * @param rawQuery the query string as sent (still encoded), empty when there is none
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             byte[] body, String sourceIp, String protocol) {

    public GatewayRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
    }
}
