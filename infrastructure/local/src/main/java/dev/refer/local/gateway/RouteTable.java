package dev.refer.local.gateway;

import dev.refer.emulators.HttpRoute;
import dev.refer.local.lambda.LocalFunction;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The HTTP API's routes and the functions they integrate with, matched the way API Gateway matches them. */
public final class RouteTable {

    /** A route of the template bound to the function that serves it. */
    public record Binding(HttpRoute route, LocalFunction function) {
    }

    /** The route a request selected and the path parameters it extracted. */
    public record Match(Binding binding, Map<String, String> pathParameters) {
    }

    private record Entry(Binding binding, PathPattern pattern) {
    }

    private final List<Entry> entries;

    public RouteTable(List<Binding> bindings) {
        Set<String> routeKeys = new HashSet<>();
        for (Binding binding : bindings) {
            if (!routeKeys.add(binding.route().routeKey())) {
                throw new IllegalArgumentException("route " + binding.route().routeKey() + " is declared twice");
            }
        }
        this.entries = bindings.stream()
                .map(binding -> new Entry(binding, binding.route().path().equals(HttpRoute.DEFAULT_ROUTE) ? null
                        : new PathPattern(binding.route().path())))
                .toList();
    }

    public List<Binding> bindings() {
        return entries.stream().map(Entry::binding).toList();
    }

    /**
     * The most specific route for the request: a literal segment beats a {@code {variable}}, which beats a greedy
     * {@code {variable+}}; an exact method beats ANY; {@code $default} catches what nothing else does.
     */
    public Optional<Match> match(String method, String rawPath) {
        Optional<Match> best = entries.stream()
                .filter(entry -> entry.pattern() != null)
                .filter(entry -> entry.binding().route().method().equals(method)
                        || entry.binding().route().method().equals("ANY"))
                .flatMap(entry -> entry.pattern().match(rawPath).map(parameters -> new Candidate(entry, parameters))
                        .stream())
                .max(Candidate.SPECIFICITY)
                .map(candidate -> new Match(candidate.entry().binding(), candidate.parameters()));
        return best.or(() -> entries.stream()
                .filter(entry -> entry.pattern() == null)
                .findFirst()
                .map(entry -> new Match(entry.binding(), Map.of())));
    }

    private record Candidate(Entry entry, Map<String, String> parameters) {
        static final Comparator<Candidate> SPECIFICITY = Comparator
                .<Candidate, PathPattern>comparing(candidate -> candidate.entry().pattern(),
                        PathPattern::compareSpecificity)
                .thenComparing(candidate -> !candidate.entry().binding().route().method().equals("ANY"));
    }
}
