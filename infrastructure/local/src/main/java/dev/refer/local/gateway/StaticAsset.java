package dev.refer.local.gateway;

import java.util.List;
import java.util.Map;

/**
 * A file the gateway serves itself at a fixed path, as CloudFront serves an S3 object on AWS (referral.js): no
 * function is invoked, as none is on AWS. GET and HEAD only.
 */
public record StaticAsset(String path, String contentType, String cacheControl, byte[] body) {

    public StaticAsset {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("an asset's path starts with /: " + path);
        }
        body = body.clone();
    }

    /**
     * CloudFront's answer for the object: its metadata's content type and cache policy, CORS open to every origin
     * (so a page may load it with {@code crossorigin} and a subresource integrity hash) and {@code nosniff}, as the
     * template's response headers policy adds them.
     */
    GatewayResponse response() {
        return new GatewayResponse(200, List.of(Map.entry("content-type", contentType),
                Map.entry("cache-control", cacheControl), Map.entry("access-control-allow-origin", "*"),
                Map.entry("x-content-type-options", "nosniff")), body);
    }
}
