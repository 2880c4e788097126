package dev.refer.emulators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Reads the {@code AWS::Serverless::Function} resources of a template, applying {@code Globals.Function}. */
final class FunctionReader {

    static final String FUNCTION_TYPE = "AWS::Serverless::Function";
    private static final int LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;
    private static final int LAMBDA_DEFAULT_MEMORY_MB = 128;
    private static final int STREAM_DEFAULT_BATCH_SIZE = 100;

    private final Map<String, Object> resources;
    private final Map<String, Object> globalFunction;
    private final Map<String, Object> globalHttpApi;

    private final Map<String, String> parameterDefaults = new java.util.LinkedHashMap<>();

    FunctionReader(Map<String, Object> template) {
        this.resources = Nodes.optionalMap(template, "Resources", "template");
        Nodes.optionalMap(template, "Parameters", "template").forEach((name, node) -> Nodes.optionalString(
                Nodes.map(node, "Parameters." + name), "Default").ifPresent(v -> parameterDefaults.put(name, v)));
        Map<String, Object> globals = Nodes.optionalMap(template, "Globals", "template");
        this.globalFunction = Nodes.optionalMap(globals, "Function", "Globals");
        this.globalHttpApi = Nodes.optionalMap(globals, "HttpApi", "Globals");
    }

    List<FunctionDef> functions() {
        List<FunctionDef> functions = new ArrayList<>();
        resources.forEach((logicalId, node) -> {
            Map<String, Object> resource = Nodes.map(node, logicalId);
            if (FUNCTION_TYPE.equals(resource.get("Type"))) {
                functions.add(function(logicalId, Nodes.optionalMap(resource, "Properties", logicalId)));
            }
        });
        return List.copyOf(functions);
    }

    private FunctionDef function(String logicalId, Map<String, Object> properties) {
        String handler = setting(properties, "Handler").orElseThrow(
                () -> new TemplateException(logicalId + ".Handler is missing"));
        int separator = handler.indexOf("::");
        String handlerClass = separator < 0 ? handler : handler.substring(0, separator);
        String handlerMethod = separator < 0 ? "handleRequest" : handler.substring(separator + 2);
        String codeUri = Objects.toString(properties.getOrDefault("CodeUri", globalFunction.get("CodeUri")), "");

        List<HttpRoute> routes = new ArrayList<>();
        List<StreamSource> streams = new ArrayList<>();
        List<ScheduleDef> schedules = new ArrayList<>();
        List<QueueSource> queues = new ArrayList<>();
        Nodes.optionalMap(properties, "Events", logicalId).forEach((eventName, node) -> {
            String where = logicalId + ".Events." + eventName;
            Map<String, Object> event = Nodes.map(node, where);
            Map<String, Object> eventProperties = Nodes.optionalMap(event, "Properties", where);
            switch (Nodes.string(event, "Type", where)) {
                case "HttpApi" -> routes.add(route(eventProperties, where));
                case "DynamoDB" -> streams.add(stream(eventName, eventProperties, where));
                case "Schedule" -> schedules.add(schedule(eventName, "Schedule", "Schedule", eventProperties, where));
                case "ScheduleV2" -> schedules.add(
                        schedule(eventName, "ScheduleV2", "ScheduleExpression", eventProperties, where));
                case "SQS" -> queues.add(queue(eventName, eventProperties, where));
                default -> { } // other event sources have no local emulation yet; they are simply not triggered
            }
        });
        return new FunctionDef(logicalId, handlerClass, handlerMethod, codeUri, environment(properties), routes,
                streams, schedules, queues,
                setting(properties, "Timeout").map(Integer::parseInt).orElse(LAMBDA_DEFAULT_TIMEOUT_SECONDS),
                setting(properties, "MemorySize").map(Integer::parseInt).orElse(LAMBDA_DEFAULT_MEMORY_MB));
    }

    /** A function property, falling back to Globals.Function like SAM does. */
    private Optional<String> setting(Map<String, Object> properties, String key) {
        return Nodes.optionalString(properties, key).or(() -> Nodes.optionalString(globalFunction, key));
    }

    private Map<String, Object> environment(Map<String, Object> properties) {
        Map<String, Object> variables = new LinkedHashMap<>(variables(globalFunction, "Globals.Function"));
        variables.putAll(variables(properties, "Function"));
        return variables;
    }

    private static Map<String, Object> variables(Map<String, Object> owner, String where) {
        Map<String, Object> environment = Nodes.optionalMap(owner, "Environment", where);
        return Nodes.optionalMap(environment, "Variables", where + ".Environment");
    }

    private HttpRoute route(Map<String, Object> properties, String where) {
        String method = Nodes.optionalString(properties, "Method").orElse("ANY").toUpperCase(Locale.ROOT);
        String path = Nodes.optionalString(properties, "Path").orElse(HttpRoute.DEFAULT_ROUTE);
        String authorizer = Nodes.optionalString(Nodes.optionalMap(properties, "Auth", where), "Authorizer")
                .orElseGet(() -> defaultAuthorizer(properties, where));
        boolean iamAuth = switch (authorizer) {
            case "AWS_IAM" -> true;
            case "NONE", "" -> false;
            default -> throw new TemplateException(where + " uses the authorizer " + authorizer
                    + ", which the local stack does not emulate (only AWS_IAM)");
        };
        return new HttpRoute(method, path, iamAuth);
    }

    /** The API's DefaultAuthorizer: of the HttpApi named by ApiId, or of the implicit API (Globals.HttpApi). */
    private String defaultAuthorizer(Map<String, Object> properties, String where) {
        Map<String, Object> apiProperties = globalHttpApi;
        Object apiId = properties.get("ApiId");
        if (apiId != null) {
            String apiLogicalId = String.valueOf(Nodes.map(apiId, where + ".ApiId").get("Ref"));
            Map<String, Object> api = Nodes.map(resources.get(apiLogicalId), where + ".ApiId " + apiLogicalId);
            apiProperties = Nodes.optionalMap(api, "Properties", apiLogicalId);
        }
        Map<String, Object> auth = Nodes.optionalMap(apiProperties, "Auth", where + " API");
        return Nodes.optionalString(auth, "DefaultAuthorizer").orElse("");
    }

    private QueueSource queue(String eventName, Map<String, Object> properties, String where) {
        List<Object> getAtt = Nodes.list(Nodes.map(properties.get("Queue"), where + ".Queue").get("Fn::GetAtt"),
                where + ".Queue (expected !GetAtt Queue.Arn)");
        boolean reportFailures = Nodes.optionalList(properties, "FunctionResponseTypes", where).stream()
                .map(String::valueOf).anyMatch("ReportBatchItemFailures"::equals);
        Map<String, Object> scaling = Nodes.optionalMap(properties, "ScalingConfig", where);
        return new QueueSource(eventName, String.valueOf(getAtt.get(0)),
                intOrRef(properties, "BatchSize", 10), intOrRef(properties, "MaximumBatchingWindowInSeconds", 0),
                reportFailures, intOrRef(scaling, "MaximumConcurrency", 0),
                Boolean.parseBoolean(Nodes.optionalString(properties, "Enabled").orElse("true")));
    }

    private StreamSource stream(String eventName, Map<String, Object> properties, String where) {
        List<Object> getAtt = Nodes.list(Nodes.map(properties.get("Stream"), where + ".Stream").get("Fn::GetAtt"),
                where + ".Stream (expected !GetAtt Table.StreamArn)");
        List<String> patterns = new ArrayList<>();
        Map<String, Object> criteria = Nodes.optionalMap(properties, "FilterCriteria", where);
        for (Object filter : Nodes.optionalList(criteria, "Filters", where + ".FilterCriteria")) {
            patterns.add(Nodes.string(Nodes.map(filter, where + ".FilterCriteria.Filters[]"), "Pattern", where));
        }
        boolean reportFailures = Nodes.optionalList(properties, "FunctionResponseTypes", where).stream()
                .map(String::valueOf).anyMatch("ReportBatchItemFailures"::equals);
        Map<String, Object> onFailure = Nodes.optionalMap(Nodes.optionalMap(properties, "DestinationConfig", where),
                "OnFailure", where + ".DestinationConfig");
        String onFailureQueue = null;
        if (onFailure.get("Destination") != null) {
            List<Object> destination = Nodes.list(Nodes.map(onFailure.get("Destination"), where + ".OnFailure")
                    .get("Fn::GetAtt"), where + ".DestinationConfig.OnFailure.Destination (expected !GetAtt Queue.Arn)");
            onFailureQueue = String.valueOf(destination.get(0));
        }
        return new StreamSource(eventName, String.valueOf(getAtt.get(0)),
                Nodes.optionalString(properties, "StartingPosition").orElse("TRIM_HORIZON"),
                Nodes.optionalString(properties, "BatchSize").map(Integer::parseInt).orElse(STREAM_DEFAULT_BATCH_SIZE),
                intOrRef(properties, "MaximumBatchingWindowInSeconds", 0),
                Nodes.optionalString(properties, "MaximumRetryAttempts").map(Integer::parseInt).orElse(-1),
                reportFailures, patterns,
                Boolean.parseBoolean(Nodes.optionalString(properties, "Enabled").orElse("true")),
                Boolean.parseBoolean(Nodes.optionalString(properties, "BisectBatchOnFunctionError").orElse("false")),
                onFailureQueue);
    }

    /** A number, or a {@code !Ref} to a parameter (its default is what a local run uses). */
    private int intOrRef(Map<String, Object> properties, String key, int defaultValue) {
        Object value = properties.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Map<?, ?> map && map.get("Ref") instanceof String parameter) {
            return parameterDefaults.containsKey(parameter) ? Integer.parseInt(parameterDefaults.get(parameter))
                    : defaultValue;
        }
        return Integer.parseInt(String.valueOf(value));
    }

    private ScheduleDef schedule(String eventName, String type, String expressionKey,
                                 Map<String, Object> properties, String where) {
        // Schedule uses "Enabled: false", ScheduleV2 uses "State: DISABLED"; either switches it off.
        boolean enabled = Boolean.parseBoolean(Nodes.optionalString(properties, "Enabled").orElse("true"))
                && !"DISABLED".equals(Nodes.optionalString(properties, "State").orElse("ENABLED"));
        Object expression = properties.get(expressionKey);
        String resolved = expression instanceof Map<?, ?> map && map.get("Ref") instanceof String parameter
                && parameterDefaults.containsKey(parameter) ? parameterDefaults.get(parameter)
                : Nodes.string(properties, expressionKey, where);
        Object zone = properties.get("ScheduleExpressionTimezone");
        String timeZone = zone == null ? "UTC" : zone instanceof Map<?, ?> map && map.get("Ref") instanceof String parameter
                && parameterDefaults.containsKey(parameter) ? parameterDefaults.get(parameter)
                : Nodes.string(properties, "ScheduleExpressionTimezone", where);
        return new ScheduleDef(eventName, type, resolved, Nodes.optionalString(properties, "Input").orElse(null),
                enabled, timeZone);
    }
}
