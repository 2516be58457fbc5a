package org.vfioworkbench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;

/**
 * The project's architecture rules, written against a root package so that the same rules can be
 * held against the product ({@code org.vfioworkbench}) and against the fixtures that prove each
 * rule catches what it claims to ({@code org.vfioworkbench.archfixtures.*}). Modelled on JabRef's
 * {@code CommonArchitectureTest}: one place for the rules, every rule with its reason.
 *
 * <p>Packages by role (docs/decisions/0001): {@code model} immutable values; {@code engine} the
 * kernel's semantics; {@code io} the one way files are written; {@code scenario} file formats;
 * {@code host} readers of a real host and the native binding; {@code lab} the kernel lab; {@code
 * cli} and {@code ui} the two front-ends; the root package holds only the launcher.
 */
final class ArchitectureRules {

  private final String root;

  private ArchitectureRules(String root) {
    this.root = root;
  }

  /** The rules for the classes below {@code root}. */
  static ArchitectureRules under(String root) {
    return new ArchitectureRules(root);
  }

  private String pkg(String role) {
    return root + "." + role + "..";
  }

  /** Which role may use which: the layers from the model up to the two front-ends. */
  ArchRule layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .withOptionalLayers(true)
        .layer("Model")
        .definedBy(pkg("model"))
        .layer("Engine")
        .definedBy(pkg("engine"))
        .layer("Io")
        .definedBy(pkg("io"))
        .layer("Scenario")
        .definedBy(pkg("scenario"))
        .layer("Host")
        .definedBy(pkg("host"))
        .layer("Lab")
        .definedBy(pkg("lab"))
        .layer("Cli")
        .definedBy(pkg("cli"))
        .layer("Ui")
        .definedBy(pkg("ui"))
        .whereLayer("Ui")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("Lab")
        .mayOnlyBeAccessedByLayers("Cli", "Ui")
        .whereLayer("Host")
        .mayOnlyBeAccessedByLayers("Lab", "Cli", "Ui")
        .whereLayer("Scenario")
        .mayOnlyBeAccessedByLayers("Lab", "Cli", "Ui")
        .whereLayer("Io")
        .mayOnlyBeAccessedByLayers("Scenario", "Host", "Lab", "Cli", "Ui")
        .whereLayer("Engine")
        .mayOnlyBeAccessedByLayers("Scenario", "Host", "Lab", "Cli", "Ui")
        .because(
            "the engine must stay a library that every front-end shares, file formats must"
                + " not reach into the host, and no lower layer may know a front-end (docs/decisions/0001)");
  }

  /** No cycles between the top-level roles. */
  ArchRule noCyclesBetweenRoles() {
    return slices()
        .matching(root + ".(*)..")
        .should()
        .beFreeOfCycles()
        .because("a cycle between roles means neither can be understood, tested or replaced alone");
  }

  /** No cycles between the engine's and the readers' packages either. */
  ArchRule noCyclesInsideLowerLayers() {
    return slices()
        .matching(root + ".(engine|model|scenario|host|lab|io).(**)")
        .should()
        .beFreeOfCycles()
        .because(
            "the packages below the front-ends are libraries; a cycle between two of them"
                + " makes them one package in two folders");
  }

  /** Deriving state never calls back into editing it. */
  ArchRule kernelCallsDoNotBuildAnalyses() {
    return noClasses()
        .that()
        .haveFullyQualifiedName(root + ".engine.KernelCalls")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(root + ".engine.Analysis")
        .because(
            "edits are checked by the kernel's open rules and derive nothing through the"
                + " analysis facade, which itself evaluates edits: that was a call cycle");
  }

  /** The model, the engine and the formats have no toolkit, native or front-end library. */
  ArchRule coreUsesNoFrameworks() {
    return noClasses()
        .that()
        .resideInAnyPackage(pkg("model"), pkg("engine"), pkg("scenario"), pkg("io"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "javafx..",
            "org.controlsfx..",
            "atlantafx..",
            "software.coley..",
            "com.sun.jna..",
            "picocli..")
        .because(
            "the engine and the formats are shared by the CLI, the workbench, the lessons"
                + " and the lab, and must run headless without native code");
  }

  /** Only the model and the engine are free of Jackson. */
  ArchRule modelAndEngineUseNoJackson() {
    return noClasses()
        .that()
        .resideInAnyPackage(pkg("model"), pkg("engine"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.fasterxml..")
        .because("file formats are DTOs kept apart from the model (JabRef ADR 0021)");
  }

  /** JavaFX and its libraries only in the workbench. */
  ArchRule onlyTheUiUsesJavaFx() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg("ui"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..", "software.coley..")
        .because("everything but the workbench runs headless: the CLI, the lab's guest, CI");
  }

  /** Native calls only through the one ioctl binding. */
  ArchRule onlyTheIoctlBindingTalksToNativeCode() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg("host.ioctl"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.sun.jna..")
        .because(
            "one binding, whose struct layouts the gcc layout test checks, is the only code"
                + " that can get an ioctl wrong (docs/decisions/0004)");
  }

  /** Command-line parsing only in the CLI. */
  ArchRule onlyTheCliUsesPicocli() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg("cli"))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("picocli..")
        .because("the CLI is one front-end among two; its option parsing is its own business");
  }

  /** Standard streams belong to the command line. */
  ArchRule noStandardStreamsOutsideTheCli() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg("cli"))
        .and()
        .doNotHaveFullyQualifiedName(root + ".Launcher")
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .because(
            "output below the CLI is lost in the workbench and garbles the CLI's own output;"
                + " report through return values, notes or java.util.logging");
  }

  /** Only front-ends end the process. */
  ArchRule onlyFrontEndsExit() {
    return noClasses()
        .that()
        .resideOutsideOfPackage(pkg("cli"))
        .and()
        .doNotHaveFullyQualifiedName(root + ".Launcher")
        .should()
        .callMethod(System.class, "exit", int.class)
        .because("a library that exits takes the user's unsaved work with it");
  }

  /** Threads and the FX thread are reached through the one task executor. */
  ArchRule backgroundWorkGoesThroughTheExecutor() {
    return noClasses()
        .that()
        .resideInAPackage(pkg("ui"))
        .and()
        .resideOutsideOfPackage(pkg("ui.task"))
        .should()
        .callConstructor(Thread.class, Runnable.class)
        .orShould()
        .callConstructor(Thread.class, Runnable.class, String.class)
        .orShould()
        .callMethod("javafx.application.Platform", "runLater", Runnable.class.getName())
        .orShould()
        .accessClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.Executors")
        .because(
            "work off the FX thread has one way to run, fail, report progress and be"
                + " cancelled (docs/decisions/0006); a private thread drops its failures");
  }

  /** Every rule, for the product's test and the fixtures' test. */
  List<ArchRule> all() {
    return Stream.of(
            layers(),
            noCyclesBetweenRoles(),
            noCyclesInsideLowerLayers(),
            kernelCallsDoNotBuildAnalyses(),
            coreUsesNoFrameworks(),
            modelAndEngineUseNoJackson(),
            onlyTheUiUsesJavaFx(),
            onlyTheIoctlBindingTalksToNativeCode(),
            onlyTheCliUsesPicocli(),
            noStandardStreamsOutsideTheCli(),
            onlyFrontEndsExit(),
            backgroundWorkGoesThroughTheExecutor())
        .map(r -> r.allowEmptyShould(true))
        .toList();
  }
}
