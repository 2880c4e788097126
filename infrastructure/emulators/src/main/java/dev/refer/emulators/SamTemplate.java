package dev.refer.emulators;

import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * template.yaml, read the way the emulators need it: the tables to create, the functions to run, their routes,
 * streams, schedules and environment. The template is the single source of truth, so tests and the local stack read
 * it instead of repeating it.
 */
public final class SamTemplate {

    public static final String FILE_NAME = "template.yaml";
    private static final String TABLE_TYPE = "AWS::DynamoDB::Table";

    private final Path path;
    private final Map<String, Object> root;
    private final Map<String, Object> resources;
    private final List<FunctionDef> functions;

    private SamTemplate(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
        this.resources = Nodes.optionalMap(root, "Resources", "template");
        this.functions = new FunctionReader(root).functions();
    }

    /** The template of the project the working directory belongs to (see {@link #locate(Path)}). */
    public static SamTemplate load() {
        return load(locate(Path.of("").toAbsolutePath()));
    }

    public static SamTemplate load(Path templateFile) {
        try {
            return new SamTemplate(templateFile, CloudFormationYaml.parse(Files.readString(templateFile)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + templateFile, e);
        }
    }

    /**
     * Walks up from {@code start} to the project root, the first directory holding both template.yaml and mvnw, so
     * tests find the template whichever module directory Maven runs them in.
     */
    public static Path locate(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(FILE_NAME)) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve(FILE_NAME);
            }
        }
        throw new TemplateException("no " + FILE_NAME + " next to mvnw in " + start.toAbsolutePath()
                + " or any parent directory; run from inside the project or pass the template's path");
    }

    public Path path() {
        return path;
    }

    /** Each parameter with a Default, as its text ("90" for a Number). */
    public Map<String, String> parameterDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        parameters().forEach((name, node) -> Nodes.optionalString(Nodes.map(node, "Parameters." + name), "Default")
                .ifPresent(value -> defaults.put(name, value)));
        return defaults;
    }

    /** Logical ids of the {@code AWS::DynamoDB::Table} resources, in template order. */
    public List<String> tableLogicalIds() {
        return resources.entrySet().stream()
                .filter(entry -> TABLE_TYPE.equals(Nodes.map(entry.getValue(), entry.getKey()).get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Logical ids of the resources of one type ({@code AWS::SQS::Queue}...), in template order. */
    public List<String> resourcesOfType(String type) {
        return resources.entrySet().stream()
                .filter(entry -> type.equals(Nodes.map(entry.getValue(), entry.getKey()).get("Type")))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** A resource's Properties (empty when it has none). */
    public Map<String, Object> resourceProperties(String logicalId) {
        Object node = resources.get(logicalId);
        if (node == null) {
            throw new TemplateException("template.yaml has no resource " + logicalId);
        }
        return Nodes.optionalMap(Nodes.map(node, logicalId), "Properties", logicalId);
    }

    /** The CreateTable call for the table resource {@code logicalId}, under the given (local) table name. */
    public CreateTableRequest createTableRequest(String logicalId, String tableName) {
        return TableDefinition.createTableRequest(tableProperties(logicalId), tableName, logicalId + ".Properties");
    }

    /** The table's TTL attribute when its TimeToLiveSpecification is enabled. */
    public Optional<String> ttlAttribute(String logicalId) {
        return TableDefinition.ttlAttribute(tableProperties(logicalId), logicalId + ".Properties");
    }

    public List<FunctionDef> functions() {
        return functions;
    }

    public FunctionDef function(String logicalId) {
        return functions.stream().filter(f -> f.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new TemplateException("template.yaml has no function " + logicalId));
    }

    /**
     * The function's environment as the deployed function would see it. {@code refs} supplies what only a deployment
     * knows: resource names by logical id ({@code "ReferralTable" -> "refer-local"}), attributes
     * ({@code "ReferralTable.Arn"}), secrets ({@code "secretsmanager:NAME"}), SSM parameters ({@code "ssm:NAME"}),
     * and overrides of parameter values by parameter name.
     *
     * @throws TemplateException naming the variable when a value cannot be resolved
     */
    public Map<String, String> resolveEnvironment(FunctionDef function, Map<String, String> refs) {
        IntrinsicResolver resolver = new IntrinsicResolver(parameterDefaults(), parameters().keySet(),
                resources.keySet(), Map.copyOf(refs));
        Map<String, String> environment = new LinkedHashMap<>();
        function.rawEnvironment().forEach((name, value) -> environment.put(name,
                resolver.resolve(value, "environment variable " + name + " of " + function.logicalId())));
        return environment;
    }

    private Map<String, Object> parameters() {
        return Nodes.optionalMap(root, "Parameters", "template");
    }

    private Map<String, Object> tableProperties(String logicalId) {
        Object node = resources.get(logicalId);
        if (node == null || !TABLE_TYPE.equals(Nodes.map(node, logicalId).get("Type"))) {
            throw new TemplateException("template.yaml has no " + TABLE_TYPE + " named " + logicalId
                    + "; tables: " + tableLogicalIds());
        }
        return Nodes.optionalMap(Nodes.map(node, logicalId), "Properties", logicalId);
    }
}
