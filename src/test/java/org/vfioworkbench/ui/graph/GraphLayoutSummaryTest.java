package org.vfioworkbench.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.ui.files.BuiltInSamples;

/**
 * A collapsed chip names, in the topology's holder order, every holder with a device fd or cdev on
 * a function it hides or a group file on one of their groups: checked against scanning every
 * holder's files, on the generated 2,000-function host as it opens.
 */
class GraphLayoutSummaryTest {

  @Test
  void aCollapsedChipNamesTheHoldersTouchingWhatItHides() {
    Analysis a = Analysis.of(BuiltInSamples.largeHost(2000));
    GraphModel m = OverviewAsOpened.of(a).layout();
    int checked = 0;
    int withHolders = 0;
    for (GraphModel.FunctionNode f : m.functions()) {
      if (f.summary().isEmpty()) {
        continue;
      }
      List<Bdf> hidden = SubtreeFacts.functionsBelow(a, f.bdf());
      assertThat(f.summary().get().holders())
          .as("holders of %s", f.bdf())
          .containsExactlyElementsOf(touching(a, hidden));
      checked++;
      withHolders += f.summary().get().holders().isEmpty() ? 0 : 1;
    }
    assertThat(checked).isGreaterThan(10);
    assertThat(withHolders).isGreaterThan(5);
  }

  /**
   * An expand or a collapse lays the same analysis out again: its collapsed chips' summaries are
   * the ones worked out before, not summarised again; an edit's new analysis gets its own.
   */
  @Test
  void anotherLayoutOfTheSameAnalysisSummarisesNothingAgain() {
    Analysis a = Analysis.of(BuiltInSamples.largeHost(2000));
    Set<Bdf> collapsed = GraphLayout.defaultCollapsed(a);
    Set<Bdf> folded = GraphLayout.defaultFolded(a);
    GraphModel first = GraphLayout.compute(a, collapsed, folded, h -> true);
    int made = SubtreeFacts.summariesMade();
    Bdf expanded = collapsed.iterator().next();
    Set<Bdf> fewer = new HashSet<>(collapsed);
    fewer.remove(expanded);
    GraphModel again = GraphLayout.compute(a, fewer, folded, h -> true);
    assertThat(SubtreeFacts.summariesMade()).isEqualTo(made);
    assertThat(again.functions())
        .noneMatch(f -> f.bdf().equals(expanded) && f.summary().isPresent());
    assertThat(GraphLayout.compute(a, collapsed, folded, h -> true)).isEqualTo(first);

    // The first holder that touches a collapsed subtree lets go of everything: a new analysis.
    String gone =
        first.functions().stream()
            .flatMap(f -> f.summary().stream())
            .flatMap(x -> x.holders().stream())
            .findFirst()
            .orElseThrow();
    Analysis edited =
        Analysis.of(
            a.topology()
                .withHolders(
                    a.topology().holders().stream().filter(h -> !h.name().equals(gone)).toList()));
    GraphModel after = GraphLayout.compute(edited, collapsed, folded, h -> true);
    assertThat(SubtreeFacts.summariesMade()).isGreaterThan(made);
    assertThat(after.functions())
        .flatMap(f -> f.summary().map(x -> x.holders()).orElse(List.of()))
        .doesNotContain(gone);
  }

  private static List<String> touching(Analysis a, List<Bdf> hidden) {
    Set<Bdf> devices = new HashSet<>(hidden);
    Set<Integer> groups = new HashSet<>();
    hidden.forEach(b -> a.pci().groupOf(b).ifPresent(groups::add));
    List<String> out = new ArrayList<>();
    for (Holder h : a.topology().holders()) {
      if (h.files().stream()
          .anyMatch(
              x ->
                  (x instanceof DeviceFile d && devices.contains(d.device()))
                      || (x instanceof CdevFile c && devices.contains(c.device()))
                      || (x instanceof GroupFile g && groups.contains(g.group())))) {
        out.add(h.name());
      }
    }
    return out;
  }
}
