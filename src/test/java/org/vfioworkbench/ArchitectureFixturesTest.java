package org.vfioworkbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every architecture rule is proven by a fixture that breaks it (and only the rule's own kind of
 * breakage): a rule that cannot fail guards nothing.
 */
class ArchitectureFixturesTest {

  private static final String FIXTURES = "org.vfioworkbench.archfixtures";

  static Stream<Arguments> rulesAndTheirFixtures() {
    return Stream.of(
        fixture("layers", ArchitectureRules::layers),
        fixture("cycles", ArchitectureRules::noCyclesBetweenRoles),
        fixture("innercycles", ArchitectureRules::noCyclesInsideLowerLayers),
        fixture("callcycle", ArchitectureRules::kernelCallsDoNotBuildAnalyses),
        fixture("frameworks", ArchitectureRules::coreUsesNoFrameworks),
        fixture("jackson", ArchitectureRules::modelAndEngineUseNoJackson),
        fixture("fx", ArchitectureRules::onlyTheUiUsesJavaFx),
        fixture("jna", ArchitectureRules::onlyTheIoctlBindingTalksToNativeCode),
        fixture("picocli", ArchitectureRules::onlyTheCliUsesPicocli),
        fixture("streams", ArchitectureRules::noStandardStreamsOutsideTheCli),
        fixture("exit", ArchitectureRules::onlyFrontEndsExit),
        fixture("threads", ArchitectureRules::backgroundWorkGoesThroughTheExecutor));
  }

  private static Arguments fixture(String name, Function<ArchitectureRules, ArchRule> rule) {
    return Arguments.of(name, rule);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rulesAndTheirFixtures")
  void eachRuleCatchesItsFixture(String name, Function<ArchitectureRules, ArchRule> rule) {
    String root = FIXTURES + "." + name;
    JavaClasses classes = new ClassFileImporter().importPackages(root);
    assertThat(classes).as("fixture classes of " + name).isNotEmpty();

    EvaluationResult result = rule.apply(ArchitectureRules.under(root)).evaluate(classes);

    assertThat(result.hasViolation()).as(name + " breaks its rule").isTrue();
    assertThat(result.getFailureReport().getDetails())
        .as("violations name the fixture's classes")
        .allMatch(line -> line.contains(root));
  }

  @Test
  void everyRuleHasAFixture() {
    assertThat(rulesAndTheirFixtures()).hasSameSizeAs(ArchitectureRules.under(FIXTURES).all());
  }

  @Test
  void aCorrectProjectBreaksNoRule() {
    String root = FIXTURES + ".clean";
    JavaClasses classes = new ClassFileImporter().importPackages(root);
    for (ArchRule rule : ArchitectureRules.under(root).all()) {
      assertThat(rule.evaluate(classes).hasViolation()).as(rule.getDescription()).isFalse();
    }
  }
}
