package org.vfioworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the package roles apart: see DEVELOPERS.md and docs/decisions/0001. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vfioworkbench");
  }

  @Test
  void modelDependsOnNothingElseOfTheProject() {
    noClasses()
        .that().resideInAPackage("..model..")
        .should().dependOnClassesThat()
        .resideInAnyPackage(
            "..engine..", "..scenario..", "..host..", "..cli..", "..ui..",
            "com.fasterxml..", "javafx..", "com.sun.jna..", "picocli..")
        .check(classes);
  }

  @Test
  void engineModelAndScenarioUseNeitherJavaFxNorJna() {
    noClasses()
        .that().resideInAnyPackage("..model..", "..engine..", "..scenario..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("javafx..", "com.sun.jna..", "org.controlsfx..", "atlantafx..")
        .check(classes);
  }

  @Test
  void engineKnowsNothingOfFilesHostsOrScreens() {
    noClasses()
        .that().resideInAPackage("..engine..")
        .should().dependOnClassesThat()
        .resideInAnyPackage("..scenario..", "..host..", "..cli..", "..ui..", "com.fasterxml..")
        .check(classes);
  }

  @Test
  void onlyTheHostPackageTalksToNativeCode() {
    noClasses()
        .that().resideOutsideOfPackage("..host..")
        .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..")
        .check(classes);
  }

  @Test
  void onlyTheUiUsesJavaFx() {
    noClasses()
        .that().resideOutsideOfPackage("..ui..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
        .check(classes);
  }

  @Test
  void nothingButTheCommandLineAndLauncherWritesToStandardStreams() {
    noClasses()
        .that().resideOutsideOfPackages("..cli..")
        .and().doNotHaveFullyQualifiedName("org.vfioworkbench.Launcher")
        .should().accessField(System.class, "out")
        .check(classes);
  }
}
