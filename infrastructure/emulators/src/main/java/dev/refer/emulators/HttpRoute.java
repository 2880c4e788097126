package dev.refer.emulators;

/**
 * One route of the HTTP API, as an {@code HttpApi} event of a function declares it.
 *
 * @param method  upper-case HTTP method, or {@code ANY}
 * @param path    the route path with {@code {param}} segments (a last {@code {name+}} segment is greedy), or
 *                {@code $default} for the catch-all route SAM creates when an event names no path
 * @param iamAuth the route is protected by API Gateway's IAM authorizer
 */
public record HttpRoute(String method, String path, boolean iamAuth) {

    public static final String DEFAULT_ROUTE = "$default";

    /** The route key API Gateway puts in the event: "GET /admin/partners/{partnerId}" or "$default". */
    public String routeKey() {
        return path.equals(DEFAULT_ROUTE) ? DEFAULT_ROUTE : method + " " + path;
    }
}
