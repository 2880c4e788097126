package dev.refer.emulators;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the intrinsic functions the template uses in values that end up as plain strings (environment
 * variables): {@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::Select}, and the
 * dynamic references {@code {{resolve:secretsmanager:...}}} and {@code {{resolve:ssm:...}}}.
 *
 * <p>Whatever a deployed stack would know and a local run does not (physical table names, attributes, secrets) comes
 * from {@code refs}: a resource's logical id, {@code "Logical.Attribute"}, {@code "secretsmanager:NAME"} or
 * {@code "ssm:NAME"}. A parameter resolves to its value in {@code refs}, else its Default.
 */
final class IntrinsicResolver {

    private static final Map<String, String> PSEUDO_PARAMETERS = Map.of(
            "AWS::Region", "us-east-1",
            "AWS::AccountId", "123456789012",
            "AWS::Partition", "aws",
            "AWS::URLSuffix", "amazonaws.com",
            "AWS::StackName", "refer-local");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern DYNAMIC_REFERENCE = Pattern.compile("\\{\\{resolve:([^:}]+):([^}]*)}}");

    private final Map<String, String> parameterDefaults;
    private final Set<String> parameterNames;
    private final Set<String> resourceIds;
    private final Map<String, String> refs;

    IntrinsicResolver(Map<String, String> parameterDefaults, Set<String> parameterNames, Set<String> resourceIds,
                      Map<String, String> refs) {
        this.parameterDefaults = parameterDefaults;
        this.parameterNames = parameterNames;
        this.resourceIds = resourceIds;
        this.refs = refs;
    }

    /** The value as a string; {@code where} names the variable for error messages. */
    String resolve(Object value, String where) {
        return dynamicReferences(value(value, where), where);
    }

    private String value(Object value, String where) {
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> function = map.entrySet().iterator().next();
            Object argument = function.getValue();
            return switch (String.valueOf(function.getKey())) {
                case "Ref" -> ref(scalar(argument, "Ref", where), where);
                case "Fn::Sub" -> sub(argument, where);
                case "Fn::GetAtt" -> getAtt(argument, where);
                case "Fn::Join" -> join(argument, where);
                case "Fn::Select" -> select(argument, where);
                default -> throw new TemplateException(where + ": the intrinsic function " + function.getKey()
                        + " is not supported here; use Ref, Fn::Sub, Fn::GetAtt, Fn::Join or Fn::Select");
            };
        }
        if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new TemplateException(where + ": expected a plain value or one intrinsic function, found "
                    + Nodes.describe(value));
        }
        return String.valueOf(value);
    }

    private String ref(String name, String where) {
        if (refs.containsKey(name)) {
            return refs.get(name);
        }
        if (parameterNames.contains(name)) {
            String defaultValue = parameterDefaults.get(name);
            if (defaultValue == null) {
                throw new TemplateException(where + ": parameter " + name + " has no Default; pass its value in refs");
            }
            return defaultValue;
        }
        if (PSEUDO_PARAMETERS.containsKey(name)) {
            return PSEUDO_PARAMETERS.get(name);
        }
        if (resourceIds.contains(name)) {
            throw new TemplateException(where + ": Ref " + name + " needs the resource's local name; pass it in refs"
                    + " under \"" + name + "\"");
        }
        throw new TemplateException(where + ": Ref " + name + " names no parameter or resource of the template");
    }

    private String getAtt(Object argument, String where) {
        List<Object> parts = Nodes.list(argument, where + " (Fn::GetAtt)");
        String key = parts.get(0) + "." + value(parts.get(1), where);
        if (!refs.containsKey(key)) {
            throw new TemplateException(where + ": Fn::GetAtt " + key + " has no local value; pass it in refs under \""
                    + key + "\"");
        }
        return refs.get(key);
    }

    private String sub(Object argument, String where) {
        String text;
        Map<String, Object> variables = Map.of();
        if (argument instanceof List<?>) {
            List<Object> parts = Nodes.list(argument, where + " (Fn::Sub)");
            text = scalar(parts.get(0), "Fn::Sub", where);
            variables = Nodes.map(parts.get(1), where + " (Fn::Sub variables)");
        } else {
            text = scalar(argument, "Fn::Sub", where);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}"; // "${!Literal}" is Sub's escape for a literal "${Literal}"
            } else if (variables.containsKey(name)) {
                replacement = value(variables.get(name), where);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = getAtt(List.of(name.substring(0, dot), name.substring(dot + 1)), where);
            } else {
                replacement = ref(name, where);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private String join(Object argument, String where) {
        List<Object> parts = Nodes.list(argument, where + " (Fn::Join)");
        String delimiter = scalar(parts.get(0), "Fn::Join", where);
        return String.join(delimiter, Nodes.list(parts.get(1), where + " (Fn::Join values)").stream()
                .map(part -> value(part, where)).toList());
    }

    private String select(Object argument, String where) {
        List<Object> parts = Nodes.list(argument, where + " (Fn::Select)");
        int index = Integer.parseInt(value(parts.get(0), where));
        return value(Nodes.list(parts.get(1), where + " (Fn::Select values)").get(index), where);
    }

    /** CloudFormation resolves {{resolve:...}} in the final string, after the intrinsic functions. */
    private String dynamicReferences(String text, String where) {
        Matcher matcher = DYNAMIC_REFERENCE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String key = dynamicReferenceKey(matcher.group(1), matcher.group(2), where);
            if (!refs.containsKey(key)) {
                throw new TemplateException(where + " refers to " + describeReference(key)
                        + "; pass its value in refs under \"" + key + "\"");
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(refs.get(key)));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    private static String dynamicReferenceKey(String service, String reference, String where) {
        return switch (service) {
            case "secretsmanager" -> "secretsmanager:" + secretName(reference, where);
            // "name" or "name:version": a local run has one version of each parameter.
            case "ssm", "ssm-secure" -> "ssm:" + reference.split(":", 2)[0];
            default -> throw new TemplateException(where + ": dynamic references to " + service
                    + " are not supported; use secretsmanager or ssm");
        };
    }

    /** "{@code name[:SecretString[:json-key[:stage[:version]]]]}", where the name may be an ARN (with colons). */
    private static String secretName(String reference, String where) {
        int secretString = reference.indexOf(":SecretString");
        if (secretString < 0) {
            return reference;
        }
        String rest = reference.substring(secretString + ":SecretString".length());
        if (!rest.replace(":", "").isEmpty()) {
            throw new TemplateException(where + ": json-key, version stage and version id of a secretsmanager"
                    + " reference are not supported locally: " + reference);
        }
        return reference.substring(0, secretString);
    }

    private static String describeReference(String key) {
        return key.startsWith("secretsmanager:") ? "the secret " + key.substring("secretsmanager:".length())
                : "the SSM parameter " + key.substring("ssm:".length());
    }

    private static String scalar(Object value, String function, String where) {
        if (value instanceof Map<?, ?> || value instanceof List<?> || value == null) {
            throw new TemplateException(where + ": " + function + " expects a string here, found "
                    + Nodes.describe(value));
        }
        return String.valueOf(value);
    }
}
