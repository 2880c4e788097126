package dev.refer.table;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key vocabulary is spelled once, here: no production source of another library or function spells a key
 * prefix ({@code "LINK#"}, {@code "PARTNER#"}, …), and the DynamoDB clients spell no key attribute name
 * ({@code "pk"}, {@code "gsi1sk"}, …). Otherwise the lean client and the SDK adapters could write the same item two
 * ways, which only a compatibility test on DynamoDB Local would notice.
 */
class KeyVocabularyTest {

    private static final Pattern KEY_PREFIX = Pattern.compile("\"[A-Z][A-Z_]*#");
    private static final Pattern KEY_ATTRIBUTE = Pattern.compile("\"(pk|sk|gsi\\d(pk|sk))\"");

    @Test
    void noOtherProductionSource_spellsAKeyPrefix() {
        List<String> found = find(KEY_PREFIX, sources("libs", "functions"));

        assertEquals(List.of(), found, "key prefixes belong in dev.refer.table.TableKeys");
    }

    @Test
    void theDynamoDbClients_spellNoKeyAttribute() {
        List<Path> clients = sources("libs").stream()
                .filter(file -> file.toString().contains("dynamodb")).toList();
        assertTrue(clients.size() > 10, "finds the clients' sources: " + clients.size());

        assertEquals(List.of(), find(KEY_ATTRIBUTE, clients), "key attribute names belong in TableKeys");
    }

    private static List<String> find(Pattern pattern, List<Path> files) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = read(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher matcher = pattern.matcher(lines.get(i));
                if (matcher.find()) {
                    found.add(root().relativize(file) + ":" + (i + 1) + " " + matcher.group());
                }
            }
        }
        return found;
    }

    /** The main Java sources of every module under the given top-level folders, but this one. */
    private static List<Path> sources(String... folders) {
        Path here = Path.of("").toAbsolutePath();
        List<Path> files = new ArrayList<>();
        for (String folder : folders) {
            try (Stream<Path> modules = Files.list(root().resolve(folder))) {
                for (Path module : modules.filter(m -> !m.equals(here)).toList()) {
                    Path main = module.resolve("src/main/java");
                    if (Files.isDirectory(main)) {
                        try (Stream<Path> walk = Files.walk(main)) {
                            walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertTrue(files.size() > 50, "finds the sources: " + files.size());
        return files;
    }

    /** The repository root: the nearest folder up from the module that holds template.yaml. */
    private static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("template.yaml"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
