package org.vfioworkbench.engine.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DevSet;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ResetScope;
import org.vfioworkbench.engine.ScopeDecision;
import org.vfioworkbench.engine.SyntheticHost;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.TopologyBuilder;

/**
 * The "never resettable" diagnostics on generated hosts equal the rule applied the plain way: every
 * function, every member of its reset scope that its dev-set lacks, once per scope and member, in
 * the order first met. The diagnostics look at each pair of scope and dev-set once instead.
 */
class NeverResettableRuleTest {

  @ParameterizedTest
  @ValueSource(ints = {200, 2_000})
  void eachScopeMemberMissingFromADevSetIsReportedOnceAsThePlainRuleSays(int functions) {
    for (long seed = 1; seed <= 4; seed++) {
      Analysis a =
          Analysis.of(
              SyntheticHost.generate(
                  new SyntheticHost.Spec(seed, functions, 0.4, functions / 50, 0.05)));

      List<String> reported =
          Diagnostics.of(a, Diagnostic.Kind.NEVER_RESETTABLE).stream()
              .map(d -> d.subject() + " " + d.message())
              .toList();

      assertThat(reported).isEqualTo(plainRule(a)).isNotEmpty();
    }
  }

  @Test
  void virtualFunctionsWithDevSetsOfTheirOwnEachReportTheirScopesOtherMembers() {
    TopologyBuilder b =
        new TopologyBuilder()
            .rootBus("0000:00")
            .function("0000:00:1c.0", f -> f.bridge().group(1).describe("Root Port"))
            .bus("0000:02", "0000:00:1c.0")
            .function("0000:02:00.0", f -> f.group(10).vfio().describe("PF"));
    for (int vf = 1; vf <= 3; vf++) {
      int group = 10 + vf;
      b.function("0000:02:00." + vf, f -> f.group(group).vfio().virtfnOf("0000:02:00.0"));
    }
    // 6.12.42 on: each VF a dev-set of its own, under the same bus reset as its PF
    Analysis a = Analysis.of(b.build(), Profile.LINUX_6_12);
    assertThat(a.devSet(Bdf.parse("0000:02:00.1")).orElseThrow().key().kind())
        .isEqualTo(DevSet.KeyKind.SINGLETON);

    List<String> reported =
        Diagnostics.of(a, Diagnostic.Kind.NEVER_RESETTABLE).stream()
            .map(d -> d.subject() + " " + d.message())
            .toList();

    assertThat(reported).isEqualTo(plainRule(a)).isNotEmpty();
  }

  private static List<String> plainRule(Analysis a) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Bdf b : a.devices().keySet()) {
      ScopeDecision decision = a.scope(b);
      Optional<ResetScope> scope = decision.scope();
      if (scope.isEmpty()) {
        String why =
            decision.steps().isEmpty()
                ? "no slot or bus reset"
                : decision.steps().get(decision.steps().size() - 1).fact();
        out.add(new Subject.Function(b) + " " + b + " can never be hot-reset (-ENODEV): " + why);
        continue;
      }
      Optional<DevSet> set = a.devSet(b);
      for (Bdf other : scope.get().functions()) {
        boolean inSet = set.isPresent() && set.get().members().contains(other);
        if (!inSet && seen.add(scope.get().describe() + "/" + other)) {
          out.add(
              new Subject.Function(other)
                  + " devices on "
                  + scope.get().describe()
                  + " can never be hot-reset: "
                  + other
                  + " ("
                  + a.pci().require(other).driver().label()
                  + ") is in the reset scope but not in the dev-set");
        }
      }
    }
    return out;
  }
}
