package dev.refer.local.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handlers' rules, on every function's classes (this module's tests have all of them on the class path): a
 * handler translates an event into use case calls and reaches adapters only through its function's wiring, so the
 * same handler runs on Lambda, on the local stack and in tests with other collaborators.
 */
class HandlerRulesTest {

    /** The packages of the deployables of template.yaml (functions/*). */
    static final List<String> FUNCTIONS = List.of("dev.refer.redirect", "dev.refer.leads", "dev.refer.webhook",
            "dev.refer.admin", "dev.refer.counters", "dev.refer.payouts", "dev.refer.comms", "dev.refer.portal",
            "dev.refer.stripe");

    private static final JavaClasses FUNCTION_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(FUNCTIONS);

    @Test
    void handlers_reachAdaptersOnlyThroughTheirWiring() {
        noClasses().that().haveSimpleNameEndingWith("Handler")
                .should().dependOnClassesThat().resideInAnyPackage("dev.refer.dynamodb..", "dev.refer.aws..",
                        "dev.refer.mail..", "software.amazon.awssdk.services..")
                .because("handlers only translate: adapters and SDK clients are built by the function's *Wiring")
                .check(FUNCTION_CLASSES);
    }

    /**
     * One shape: the no-argument constructor Lambda calls, one taking the environment (the local stack), one
     * package-private taking the collaborators (tests); no other constructor and no public static factory (priming
     * and benchmark seams live in the function's wiring).
     */
    @Test
    void handlers_haveOneShape() {
        List<String> offenders = new java.util.ArrayList<>();
        for (JavaClass handler : handlers()) {
            Class<?> type = handler.reflect();
            List<Constructor<?>> constructors = List.of(type.getDeclaredConstructors());
            long noArgument = constructors.stream().filter(c -> Modifier.isPublic(c.getModifiers())
                    && c.getParameterCount() == 0).count();
            long environment = constructors.stream().filter(c -> Modifier.isPublic(c.getModifiers())
                    && c.getParameterCount() == 1 && c.getParameterTypes()[0] == Map.class).count();
            long packagePrivate = constructors.stream().filter(c -> !Modifier.isPublic(c.getModifiers())
                    && !Modifier.isProtected(c.getModifiers()) && !Modifier.isPrivate(c.getModifiers())).count();
            if (constructors.size() != 3 || noArgument != 1 || environment != 1 || packagePrivate != 1) {
                offenders.add(type.getName() + " has constructors " + constructors);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) && Modifier.isPublic(method.getModifiers())) {
                    offenders.add(type.getName() + " has public static " + method.getName());
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static List<JavaClass> handlers() {
        return FUNCTION_CLASSES.stream().filter(c -> c.getSimpleName().endsWith("Handler") && c.isTopLevelClass())
                .toList();
    }

    @Test
    void everyFunctionHasHandlers() {
        // the rule above would pass on an empty import: make sure it sees the handlers
        classes().that().haveSimpleNameEndingWith("Handler").should().resideInAnyPackage(FUNCTIONS.toArray(String[]::new))
                .check(FUNCTION_CLASSES);
        for (String function : FUNCTIONS) {
            assertTrue(handlers().stream().anyMatch(c -> c.getPackageName().equals(function)),
                    "no handler found in " + function);
        }
        assertEquals(16, handlers().size(), "handlers: " + handlers());
    }
}
