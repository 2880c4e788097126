package dev.refer.core.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's rules, checked on its compiled classes (ArchUnit): it knows nothing of AWS or Jackson (business rules run
 * as plain Java, adapters translate), and its feature packages do not depend on each other in a circle, so a feature
 * can be read, moved or split without dragging the others along. The few circles that remain are listed below by
 * name, each with why it is there and what removes it; a new circle fails the build.
 */
class CoreRulesTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.refer.core");

    /**
     * A dependency the cycle rule tolerates for now: classes matching {@code origin} on classes in {@code target}.
     * Each names the circle it closes; removing one is welcome (delete the entry with the fix).
     */
    record KnownCycle(String name, String origin, List<String> targets, String why) {
    }

    static final List<KnownCycle> KNOWN_CYCLES = List.of();

    @Test
    void core_importsNoAwsNorJackson() {
        noClasses().that().resideInAPackage("dev.refer.core..")
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon..", "com.amazonaws..",
                        "com.fasterxml.jackson..", "tools.jackson..")
                .check(CORE);
    }

    /**
     * The shared basics (money, ids, paging, validation, caching, signing, email addresses) are what every feature
     * stands on, so they stand on nothing of the features: plain values and helpers over the JDK alone.
     */
    @Test
    void basics_dependOnNoFeature() {
        classes().that().resideInAPackage("dev.refer.core.basics..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.refer.core.basics..", "java..",
                        "javax.crypto..")
                .check(CORE);
    }

    @Test
    void corePackages_haveNoCyclesButTheKnownOnes() {
        SliceRule rule = slices().matching("dev.refer.core.(*)..").should().beFreeOfCycles();
        for (KnownCycle known : KNOWN_CYCLES) {
            rule = rule.ignoreDependency(nameMatching(known.origin()),
                    resideInAnyPackage(known.targets().toArray(String[]::new)));
        }
        rule.check(CORE);
    }
}
