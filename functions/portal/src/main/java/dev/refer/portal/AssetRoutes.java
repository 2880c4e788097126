package dev.refer.portal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problems;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /portal/assets/{file}}: the stylesheet and the copy-button script, from the jar (read once); only these
 * names, so the path names no other resource. Cacheable for an hour: they are the same for everyone.
 */
final class AssetRoutes implements PublicRoutes {

    private static final Map<String, String> TYPES = Map.of(
            "portal.css", "text/css; charset=utf-8",
            "portal.js", "text/javascript; charset=utf-8");
    private static final Map<String, String> CONTENT = Map.of(
            "portal.css", read("portal.css"),
            "portal.js", read("portal.js"));

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request) {
        if (!request.routeKey().equals("GET /portal/assets/{file}")) {
            return Optional.empty();
        }
        String file = request.pathParameter("file").orElse("");
        if (!CONTENT.containsKey(file)) {
            return Optional.of(HttpResponse.problem(Problems.notFound("The asset")));
        }
        return Optional.of(HttpResponse.of(200, Map.of("content-type", TYPES.get(file),
                "cache-control", "public, max-age=3600"), CONTENT.get(file)));
    }

    private static String read(String name) {
        try (InputStream in = AssetRoutes.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the portal's jar lacks assets/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
