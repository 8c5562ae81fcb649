package io.originate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The dependency arrows of DESIGN.md. */
class DependencyRulesTest {

    /** The stages of the journey, and the staff and complaint handling beside them. */
    static final String[] STAGES = {
        "io.originate.application..", "io.originate.identity..", "io.originate.credit..", "io.originate.decision..",
        "io.originate.offer..", "io.originate.signing..", "io.originate.disbursement..", "io.originate.review..",
        "io.originate.complaint.."
    };

    static String[] stagesAnd(String... more) {
        String[] all = java.util.Arrays.copyOf(STAGES, STAGES.length + more.length);
        System.arraycopy(more, 0, all, STAGES.length, more.length);
        return all;
    }

    static final JavaClasses CLASSES = importOurs();

    /** The application's classes; the rules need only the names of what they use, not those classes read too. */
    private static JavaClasses importOurs() {
        ArchConfiguration config = ArchConfiguration.get();
        boolean resolve = config.resolveMissingDependenciesFromClassPath();
        config.setResolveMissingDependenciesFromClassPath(false);
        try {
            return new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.originate");
        } finally {
            config.setResolveMissingDependenciesFromClassPath(resolve);
        }
    }

    @Test
    void onlyTheRuleEngineUsesDrools() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("io.originate.rules..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.kie..", "org.drools..");
        rule.check(CLASSES);
    }

    @Test
    void onlyDelegatesTaskSummariesAndProcessGlueUseTheCamundaApi() {
        ArchRule rule = noClasses()
                .that()
                .resideOutsideOfPackage("io.originate.process..")
                .and()
                .haveSimpleNameNotEndingWith("Delegate")
                .and()
                .doNotImplement(io.originate.process.TaskSummary.class)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.camunda.bpm..");
        rule.check(CLASSES);
    }

    @Test
    void sharedAuditPrivacyAndNotificationDependOnNoStage() {
        noClasses()
                .that()
                .resideInAnyPackage("io.originate.shared..", "io.originate.audit..", "io.originate.privacy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.originate.application..",
                        "io.originate.identity..",
                        "io.originate.credit..",
                        "io.originate.decision..",
                        "io.originate.offer..",
                        "io.originate.signing..",
                        "io.originate.disbursement..",
                        "io.originate.review..",
                        "io.originate.complaint..",
                        "io.originate.notification..",
                        "io.originate.process..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("io.originate.notification..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(stagesAnd("io.originate.process.."))
                .check(CLASSES);
    }

    @Test
    void processGlueKnowsNoStage() {
        noClasses()
                .that()
                .resideInAPackage("io.originate.process..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(STAGES)
                .check(CLASSES);
    }

    /**
     * Process variables are written by the delegates and the engine glue: neither may hold personal
     * data to write, so none can reach a variable (the task summary writes masked text, but for the
     * sanctions comparison kept out of the history: {@code TaskSummary.UNRECORDED}).
     */
    @Test
    void whatWritesProcessVariablesNeverHoldsPersonalData() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("Delegate")
                .or()
                .resideInAPackage("io.originate.process..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(io.originate.privacy.ApplicantPii.class, io.originate.privacy.PiiVault.class)
                .check(CLASSES);
    }
}
