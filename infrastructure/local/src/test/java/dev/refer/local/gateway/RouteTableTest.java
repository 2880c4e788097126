package dev.refer.local.gateway;

import dev.refer.emulators.HttpRoute;
import dev.refer.local.lambda.LocalFunction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouteTableTest {

    private static final LocalFunction REDIRECT = LocalFunction.of("Redirect", (in, out, context) -> { });
    private static final LocalFunction LEADS = LocalFunction.of("Leads", (in, out, context) -> { });
    private static final LocalFunction ADMIN = LocalFunction.of("Admin", (in, out, context) -> { });

    private final RouteTable routes = new RouteTable(List.of(
            binding("GET", "/{code}", REDIRECT),
            binding("POST", "/leads", LEADS),
            binding("GET", "/leads", LEADS),
            binding("GET", "/admin/partners/{partnerId}", ADMIN),
            binding("GET", "/admin/partners/stats", ADMIN),
            binding("ANY", "/admin/{proxy+}", ADMIN)));

    @Test
    void match_whenLiteralRouteExists_beatsTheCodeVariable() {
        assertEquals("GET /leads", routeKey(routes.match("GET", "/leads")));
        assertEquals("GET /{code}", routeKey(routes.match("GET", "/abc123")));
        assertEquals(Map.of("code", "abc123"), routes.match("GET", "/abc123").orElseThrow().pathParameters());
    }

    /**
     * The template's own routes: the portal's literal paths win over the short link's {@code /{code}}, as in API
     * Gateway, and the words they use are reserved link codes, so no link can be shadowed by them.
     */
    @Test
    void theTemplatesPortalRoutes_beatTheShortLink_andTheirWordsAreReservedCodes() {
        dev.refer.emulators.SamTemplate template = dev.refer.emulators.SamTemplate.load();
        List<RouteTable.Binding> bindings = new java.util.ArrayList<>();
        template.functions().forEach(function -> function.routes().forEach(route -> bindings.add(
                new RouteTable.Binding(route, LocalFunction.of(function.logicalId(), (in, out, context) -> { })))));
        RouteTable real = new RouteTable(bindings);
        assertEquals("GET /apply", routeKey(real.match("GET", "/apply")));
        assertEquals("GET /portal", routeKey(real.match("GET", "/portal")));
        assertEquals("GET /portal/signin", routeKey(real.match("GET", "/portal/signin")));
        assertEquals("GET /portal/links/{code}/qr.png", routeKey(real.match("GET", "/portal/links/abc/qr.png")));
        assertEquals("GET /{code}", routeKey(real.match("GET", "/apply-now")));
        for (String word : List.of("apply", "portal", "leads", "admin", "unsubscribe", "webhooks")) {
            assertThrows(dev.refer.core.basics.validation.Invalid.class,
                    () -> dev.refer.core.link.LinkCode.chosen(word), word);
        }
    }

    @Test
    void match_prefersLiteralOverVariableOverGreedy() {
        assertEquals("GET /admin/partners/stats", routeKey(routes.match("GET", "/admin/partners/stats")));
        assertEquals("GET /admin/partners/{partnerId}", routeKey(routes.match("GET", "/admin/partners/p1")));
        assertEquals("ANY /admin/{proxy+}", routeKey(routes.match("DELETE", "/admin/partners/p1")));
        assertEquals(Map.of("proxy", "a/b/c"), routes.match("GET", "/admin/a/b/c").orElseThrow().pathParameters());
    }

    @Test
    void match_whenMethodOrPathUnknown_isEmpty() {
        assertTrue(routes.match("PUT", "/leads").isEmpty());
        assertTrue(routes.match("GET", "/").isEmpty());
        assertTrue(routes.match("GET", "/a/b").isEmpty());
    }

    @Test
    void match_decodesPathParameters() {
        assertEquals(Map.of("code", "a b+c"), routes.match("GET", "/a%20b+c").orElseThrow().pathParameters());
    }

    @Test
    void match_defaultRoute_catchesTheRest() {
        RouteTable withDefault = new RouteTable(List.of(binding("GET", "/leads", LEADS),
                new RouteTable.Binding(new HttpRoute("ANY", HttpRoute.DEFAULT_ROUTE, false), REDIRECT)));

        assertEquals("GET /leads", routeKey(withDefault.match("GET", "/leads")));
        assertEquals("$default", routeKey(withDefault.match("POST", "/anything/else")));
    }

    @Test
    void routeTable_whenRouteDeclaredTwice_fails() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(List.of(
                binding("GET", "/leads", LEADS), binding("GET", "/leads", REDIRECT))));
    }

    private static RouteTable.Binding binding(String method, String path, LocalFunction function) {
        return new RouteTable.Binding(new HttpRoute(method, path, false), function);
    }

    private static String routeKey(Optional<RouteTable.Match> match) {
        return match.orElseThrow().binding().route().routeKey();
    }
}
