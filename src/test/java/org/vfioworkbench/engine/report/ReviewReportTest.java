package org.vfioworkbench.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ProfileDifference;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioLoader;

/**
 * The review report says what the engine answers: each section is parsed back and compared with the
 * engine's own results, for the seed case and for every bundled sample.
 */
class ReviewReportTest {

  private static final Path SEED = Path.of("sample-topologies/s19-seed-cdev-and-type1-group.json");

  private static ReportSubject subject(Path file) {
    Scenario s;
    try {
      s = ScenarioLoader.load(file);
    } catch (Exception e) {
      throw new IllegalStateException(file + ": " + e.getMessage(), e);
    }
    return new ReportSubject(s.name(), file.toString(), s.topology(), s.profileOrDefault());
  }

  private static List<String> section(String report, String heading) {
    List<String> lines = report.lines().toList();
    int start = lines.indexOf(heading);
    assertThat(start).as("section '%s'", heading).isNotNegative();
    List<String> out = new ArrayList<>();
    for (int i = start + 1; i < lines.size() && !lines.get(i).isEmpty(); i++) {
      out.add(lines.get(i));
    }
    return out;
  }

  @Test
  void seedReportCarriesInfoNaturalResetsDecidingStepsAndQemuLines() {
    ReviewReport report = ReviewReport.of(subject(SEED), Profile.LINUX_6_10);
    String text = report.render(ReportFormat.TEXT);
    Analysis a = report.analysis();
    assertThat(report.verdicts()).hasSize(2);
    for (DeviceVerdict v : report.verdicts()) {
      assertThat(text).contains(ReviewReport.fdHeading(a, v.fd()));
      assertThat(text).contains("INFO: " + ResultText.infoSummary(v.info()));
      ResultText.entries(v.info()).forEach(e -> assertThat(text).contains(e));
      assertThat(v.reset().errno()).isPresent();
      assertThat(text)
          .contains(ReviewReport.naturalLine(a, v.fd(), v.natural(), v.reset()))
          .contains("\u2192 " + v.reset().errno().get().negated());
      assertThat(text).contains("decided by " + ResultText.decidingStep(v.reset()));
      assertThat(ResultText.decidingStep(v.reset())).startsWith("vfio_pci_dev_set_hot_reset: ");
      QemuText.lines(a, v.fd()).forEach(l -> assertThat(text).contains(l));
    }
    assertThat(text).contains("would print: vfio: Cannot reset device 0000:02:00.1");
  }

  @Test
  void variantSectionParsesBackToTheEnginesResults() {
    ReviewReport report = ReviewReport.of(subject(SEED), Profile.LINUX_6_10);
    Analysis a = report.analysis();
    List<String> lines =
        section(report.render(ReportFormat.TEXT), "Every reset variant per device fd:");
    assertThat(lines).hasSize(a.deviceFds().size());
    for (int i = 0; i < lines.size(); i++) {
      FdRef fd = a.deviceFds().get(i);
      String line = lines.get(i).strip();
      String[] head = line.split("  ", 3);
      assertThat(head[0]).isEqualTo(fd.toString());
      String[] cells = head[2].split("; ");
      List<ResetVariant> variants = a.variants(fd);
      assertThat(cells).hasSize(variants.size());
      for (int k = 0; k < cells.length; k++) {
        ResetVariant v = variants.get(k);
        assertThat(cells[k]).startsWith(v.kind().label() + " ");
        String result = cells[k].substring(cells[k].lastIndexOf(" \u2192 ") + 3);
        var r = a.evaluate(fd, v);
        assertThat(result)
            .isEqualTo(r.succeeded() ? "0, " + r.reset().size() + " reset" : r.retLabel());
      }
    }
  }

  @Test
  void comparedReportListsEveryDifferenceTheEngineFinds() {
    ReviewReport report =
        ReviewReport.compared(subject(SEED), Profile.LINUX_6_10, Profile.LINUX_6_6);
    String text = report.render(ReportFormat.TEXT);
    assertThat(report.differences()).isNotEmpty();
    assertThat(text).contains("Compared  " + Profile.LINUX_6_6.id());
    assertThat(section(text, "Profile differences, linux-6.10 vs linux-6.6:"))
        .hasSize(report.differences().size() + 2);
    for (ProfileDifference d : report.differences()) {
      assertThat(text)
          .containsPattern(
              java.util.regex.Pattern.quote(d.call())
                  + " +"
                  + d.field()
                  + " +"
                  + java.util.regex.Pattern.quote(d.first()));
    }
    String md = report.render(ReportFormat.MARKDOWN);
    assertThat(md).contains("## Profile differences: linux-6.10 vs linux-6.6");
    report.differences().forEach(d -> assertThat(md).contains("| " + d.call() + " |"));
  }

  @Test
  void sameProfileComparedSaysNoDifferences() {
    ReviewReport report =
        ReviewReport.compared(subject(SEED), Profile.LINUX_6_10, Profile.LINUX_6_10);
    assertThat(report.differences()).isEmpty();
    assertThat(report.render(ReportFormat.TEXT))
        .contains("Profile differences, linux-6.10 vs linux-6.10: none");
  }

  @Test
  void markdownHasTheTreeFencedAndARowPerDeviceFd() {
    ReviewReport report = ReviewReport.of(subject(SEED), Profile.LINUX_6_10);
    String md = report.render(ReportFormat.MARKDOWN);
    assertThat(md).startsWith("# Hot reset review: ");
    assertThat(md).contains("## Topology").contains("```text");
    for (DeviceVerdict v : report.verdicts()) {
      assertThat(md).contains("| " + v.fd() + " | " + v.device() + " |");
      assertThat(md).contains(Markdown.code(ResultText.decidingStep(v.reset())));
    }
    assertThat(md.split("```", -1).length % 2).as("fences are balanced").isEqualTo(1);
  }

  @Test
  void theReportIsDeterministic() {
    String first = ReviewReport.of(subject(SEED), Profile.LINUX_6_10).render(ReportFormat.TEXT);
    String second = ReviewReport.of(subject(SEED), Profile.LINUX_6_10).render(ReportFormat.TEXT);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void everySampleBuildsAReportWhoseTreeNamesEveryFunctionOnce() throws IOException {
    List<Path> samples;
    try (Stream<Path> s = Files.list(Path.of("sample-topologies"))) {
      samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(samples).hasSizeGreaterThan(20);
    for (Path p : samples) {
      ReportSubject subject = subject(p);
      ReviewReport report = ReviewReport.of(subject, subject.ownProfile());
      String text = report.render(ReportFormat.TEXT);
      String md = report.render(ReportFormat.MARKDOWN);
      assertThat(md).as(p.toString()).contains("## Device fds");
      List<String> tree = TopologyTree.tree(report.analysis());
      for (PciFunction f : subject.topology().functions()) {
        assertThat(tree.stream().filter(l -> l.contains("-" + f.bdf() + " ")).count())
            .as(p + ": " + f.bdf())
            .isEqualTo(1);
        report
            .analysis()
            .devSet(f.bdf())
            .ifPresent(
                d ->
                    assertThat(tree)
                        .as(p + ": dev_set of " + f.bdf())
                        .anyMatch(
                            l -> l.contains(f.bdf() + " ") && l.contains("dev_set " + d.key())));
      }
      for (DeviceVerdict v : report.verdicts()) {
        assertThat(text)
            .as(p.toString())
            .contains(ReviewReport.variantsLine(report.analysis(), v.fd()));
      }
    }
  }
}
