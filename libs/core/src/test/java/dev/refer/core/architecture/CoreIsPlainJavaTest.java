package dev.refer.core.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The core is plain Java 21: every import is from the JDK or the core itself (the enforcer bans the jars too). */
class CoreIsPlainJavaTest {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void mainSources_importOnlyJdkAndCore() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    return m.results().map(r -> r.group(2))
                            // javax.crypto is the JDK's own (java.base), like java.security
                            .filter(name -> !name.startsWith("java.") && !name.startsWith("javax.crypto.")
                                    && !name.startsWith("dev.refer.core."))
                            .map(name -> f + ": " + name).toList().stream();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
