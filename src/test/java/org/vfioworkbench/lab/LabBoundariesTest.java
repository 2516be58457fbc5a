package org.vfioworkbench.lab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The kernel lab's place among the packages (ADR 0007): a top-level package above {@code host},
 * {@code engine}, {@code scenario} and {@code model}, below the front-ends, with no native code
 * of its own.
 */
class LabBoundariesTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.vfioworkbench");
  }

  @Test
  void theLabCallsTheKernelOnlyThroughTheOneBinding() {
    noClasses().that().resideInAPackage("org.vfioworkbench.lab..")
        .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..")
        .because("the guest's calls go through host.ioctl.VfioBinding, whose layouts the gcc"
            + " layout test checks")
        .check(classes);
  }

  @Test
  void nothingTheLabBuildsOnDependsOnIt() {
    noClasses().that().resideInAnyPackage("org.vfioworkbench.host..",
            "org.vfioworkbench.engine..", "org.vfioworkbench.scenario..",
            "org.vfioworkbench.model..")
        .should().dependOnClassesThat().resideInAPackage("org.vfioworkbench.lab..")
        .because("the lab is a product of its own on top of the readers, the binding and the"
            + " engine")
        .check(classes);
  }

  @Test
  void theLabKnowsNoFrontEnd() {
    noClasses().that().resideInAPackage("org.vfioworkbench.lab..")
        .should().dependOnClassesThat().resideInAnyPackage("org.vfioworkbench.ui..",
            "org.vfioworkbench.cli..", "javafx..", "picocli..")
        .because("the CLI and the workbench both drive the lab; it reports through LabListener")
        .check(classes);
  }
}
