package jp.tsunagu.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Which feature packages may depend on which. From the bottom: the platform (web, i18n, time,
 * security, data), the access policy, the records every feature writes to (audit, notification),
 * the directory of organizations and circles, accounts, then the features, and the home page
 * that gathers them. Features never form a cycle; posting builds on meeting (postings read out at
 * a meeting's job-information item), never the other way round.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("jp.tsunagu");
    }

    @Test
    void layersDependDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("platform").definedBy("jp.tsunagu.platform..")
                .layer("access").definedBy("jp.tsunagu.access..")
                .layer("records").definedBy("jp.tsunagu.audit..", "jp.tsunagu.notification..")
                .layer("directory").definedBy("jp.tsunagu.directory..")
                .layer("account").definedBy("jp.tsunagu.account..")
                .layer("features").definedBy("jp.tsunagu.meeting..", "jp.tsunagu.posting..", "jp.tsunagu.conference..",
                        "jp.tsunagu.pairing..", "jp.tsunagu.questionnaire..", "jp.tsunagu.circle..", "jp.tsunagu.organization..",
                        "jp.tsunagu.survey..", "jp.tsunagu.statistics..", "jp.tsunagu.report..")
                .layer("home").definedBy("jp.tsunagu.home..")
                .whereLayer("home").mayNotBeAccessedByAnyLayer()
                .whereLayer("features").mayOnlyBeAccessedByLayers("home")
                .whereLayer("account").mayOnlyBeAccessedByLayers("features", "home")
                .whereLayer("directory").mayOnlyBeAccessedByLayers("account", "features", "home")
                .whereLayer("records").mayOnlyBeAccessedByLayers("directory", "account", "features", "home")
                .whereLayer("access").mayOnlyBeAccessedByLayers("records", "directory", "account", "features", "home")
                .check(classes);
    }

    @Test
    void featuresFormNoCycles() {
        slices().matching("jp.tsunagu.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void meetingsDoNotKnowPostings() {
        noClasses().that().resideInAPackage("jp.tsunagu.meeting..").should().dependOnClassesThat()
                .resideInAPackage("jp.tsunagu.posting..").check(classes);
    }

    @Test
    void thePlatformKnowsNoFeature() {
        noClasses().that().resideInAPackage("jp.tsunagu.platform..").should().dependOnClassesThat()
                .resideInAnyPackage("jp.tsunagu.access..", "jp.tsunagu.account..", "jp.tsunagu.directory..",
                        "jp.tsunagu.meeting..", "jp.tsunagu.posting..", "jp.tsunagu.conference..", "jp.tsunagu.pairing..",
                        "jp.tsunagu.questionnaire..", "jp.tsunagu.survey..", "jp.tsunagu.statistics..", "jp.tsunagu.report..", "jp.tsunagu.audit..", "jp.tsunagu.notification..", "jp.tsunagu.home..")
                .check(classes);
    }
}
