package dev.refer.local.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The handlers' rules, on every function's classes (this module's tests have all of them on the class path): a
 * handler translates an event into use case calls and reaches adapters only through its function's wiring, so the
 * same handler runs on Lambda, on the local stack and in tests with other collaborators.
 */
class HandlerRulesTest {

    /** The packages of the deployables of template.yaml (functions/*). */
    static final List<String> FUNCTIONS = List.of("dev.refer.redirect", "dev.refer.leads", "dev.refer.webhook",
            "dev.refer.admin", "dev.refer.counters", "dev.refer.payouts", "dev.refer.comms");

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

    @Test
    void everyFunctionHasHandlers() {
        // the rule above would pass on an empty import: make sure it sees the handlers
        classes().that().haveSimpleNameEndingWith("Handler").should().resideInAnyPackage(FUNCTIONS.toArray(String[]::new))
                .check(FUNCTION_CLASSES);
        for (String function : FUNCTIONS) {
            long handlers = FUNCTION_CLASSES.stream()
                    .filter(c -> c.getPackageName().equals(function) && c.getSimpleName().endsWith("Handler"))
                    .count();
            org.junit.jupiter.api.Assertions.assertTrue(handlers > 0, "no handler found in " + function);
        }
    }
}
