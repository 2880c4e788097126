package dev.refer.emulators;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The folder tree is the architecture: {@code functions/} holds exactly the modules template.yaml deploys (each
 * function's {@code CodeUri} is {@code functions/<module>/target/<module>-lambda.jar}), and the libraries they share
 * live in {@code libs/}, none of them deployed.
 */
class LayoutTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();

    @Test
    void functionsFolder_holdsExactlyTheDeployedModules_andLibsNone() throws IOException {
        Path root = TEMPLATE.path().getParent();
        Set<String> deployed = TEMPLATE.functions().stream().map(FunctionDef::codeUri)
                .peek(uri -> assertTrue(uri.matches("functions/[a-z-]+/target/[a-z-]+-lambda\\.jar"), uri))
                .map(uri -> uri.split("/")[1]).collect(Collectors.toCollection(TreeSet::new));

        assertEquals(deployed, modulesIn(root.resolve("functions")), "functions/ holds what template.yaml deploys");
        Set<String> libraries = modulesIn(root.resolve("libs"));
        assertTrue(libraries.containsAll(Set.of("core", "lambda", "table-keys", "dynamodb", "dynamodb-lite",
                "sqs-messages", "mail")), libraries.toString());
        libraries.retainAll(deployed);
        assertEquals(Set.of(), libraries, "no library is deployed");
    }

    private static Set<String> modulesIn(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.filter(child -> Files.isRegularFile(child.resolve("pom.xml")))
                    .map(child -> child.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
