package org.vfioworkbench.engine.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DeviceState;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ProfileComparison;
import org.vfioworkbench.engine.ProfileDifference;
import org.vfioworkbench.engine.Refusal;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Diagnostics;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * The review report of a scenario under a profile (and optionally compared with a second one): the
 * scenario's name and profiles, the topology as an {@code lspci -tv}-like tree with groups,
 * dev-sets and holders, INFO and the natural reset of every device fd with the deciding trace step
 * and what QEMU would print, every reset variant, the profile differences and the engine's
 * diagnostics. Written as plain text or Markdown; deterministic for the same input.
 *
 * <p>The command line's {@code evaluate} and {@code compare} print parts of it ({@link
 * #evaluation}, {@link #comparison}); the workbench's Copy uses the same lines for its parts
 * ({@link #infoBlock}, {@link #variantsLine}, {@link ResultText#traceLine}, {@link
 * ResultText#diagnostic}).
 */
public final class ReviewReport {

  private final ReportSubject subject;
  private final Analysis analysis;
  private final Optional<Profile> compareWith;
  private final List<DeviceVerdict> verdicts;
  private final List<Refusal> refusals;
  private final List<Diagnostic> diagnostics;
  private final List<ProfileDifference> differences;

  private ReviewReport(ReportSubject subject, Analysis analysis, Optional<Profile> compareWith) {
    this.subject = subject;
    this.analysis = analysis;
    this.compareWith = compareWith;
    this.verdicts = DeviceVerdict.all(analysis);
    Profile profile = analysis.profile();
    this.refusals =
        profile.equals(subject.ownProfile())
            ? List.of()
            : KernelCalls.validate(subject.topology(), profile);
    List<Diagnostic> all = Diagnostics.of(analysis);
    // the refusals are listed in the kernel's words; their diagnostics would repeat them
    this.diagnostics =
        refusals.isEmpty()
            ? all
            : all.stream().filter(d -> d.kind() != Diagnostic.Kind.KERNEL_REFUSAL).toList();
    this.differences =
        compareWith
            .map(other -> ProfileComparison.compare(subject.topology(), profile, other))
            .orElse(List.of());
  }

  /** The report of the subject under one profile. */
  public static ReviewReport of(ReportSubject subject, Profile profile) {
    return new ReviewReport(subject, Analysis.of(subject.topology(), profile), Optional.empty());
  }

  /** The report under {@code profile}, with the differences {@code other} would make. */
  public static ReviewReport compared(ReportSubject subject, Profile profile, Profile other) {
    return new ReviewReport(subject, Analysis.of(subject.topology(), profile), Optional.of(other));
  }

  /**
   * The report of an analysis already made (the workbench's), optionally compared with a second
   * profile.
   */
  public static ReviewReport of(
      ReportSubject subject, Analysis analysis, Optional<Profile> compareWith) {
    if (analysis.topology() != subject.topology()) {
      throw new IllegalArgumentException("the analysis is of another topology than the subject's");
    }
    return new ReviewReport(subject, analysis, compareWith);
  }

  public Analysis analysis() {
    return analysis;
  }

  public List<DeviceVerdict> verdicts() {
    return verdicts;
  }

  public List<ProfileDifference> differences() {
    return differences;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  /** The whole report, steps of failures traced. */
  public String render(ReportFormat format) {
    return render(format, false);
  }

  /** The whole report; {@code fullTrace} traces every call, not only failures. */
  public String render(ReportFormat format, boolean fullTrace) {
    List<String> lines = format == ReportFormat.MARKDOWN ? markdown(fullTrace) : text(fullTrace);
    return String.join("\n", lines) + "\n";
  }

  // ---------------------------------------------------------------- parts shared with the views

  /**
   * "INFO: 0, DEV_ID mode, flags 0x1 DEV_ID (DEV_ID_OWNED clear), count 2" and one indented line
   * per entry.
   */
  public static List<String> infoBlock(InfoResult info) {
    List<String> out = new ArrayList<>();
    out.add("INFO: " + ResultText.infoSummary(info));
    ResultText.entries(info).forEach(e -> out.add("  " + e));
    return out;
  }

  /** "affected groups held [G21] → -EINVAL", with the groups a hypothetical one opens first. */
  public static String variant(Analysis a, FdRef fd, ResetVariant v) {
    ResetResult r = a.evaluate(fd, v);
    return v.kind().label()
        + " "
        + ResultText.arrayShort(fd, v, a.topology())
        + (v.isHypothetical() ? " + open groups " + v.groupsToOpen() : "")
        + " \u2192 "
        + ResultText.resetShort(r);
  }

  /** "qemu-cdev:4 0000:02:00.0 empty array zero-length array → -EINVAL; ...": one fd's row. */
  public static String variantsLine(Analysis a, FdRef fd) {
    String device =
        a.topology().file(fd).flatMap(OpenFile::openedDevice).map(Bdf::toString).orElse("?");
    List<String> cells = a.variants(fd).stream().map(v -> variant(a, fd, v)).toList();
    return fd + "  " + device + "  " + String.join("; ", cells);
  }

  /** "qemu-cdev:4 0000:02:00.0 (GPU), opened via cdev, iommufd A". */
  public static String fdHeading(Analysis a, FdRef fd) {
    Topology topology = a.topology();
    Optional<OpenFile> file = topology.file(fd);
    Bdf device = file.flatMap(OpenFile::openedDevice).orElse(null);
    if (device == null) {
      return fd.toString();
    }
    String name =
        topology
            .function(device)
            .map(PciFunction::description)
            .filter(d -> !d.isEmpty())
            .map(d -> " (" + d + ")")
            .orElse("");
    return fd + "  " + device + name + ", opened via " + ResultText.pathOf(file.get(), a);
  }

  /** "Natural reset: [G21] (held groups ...) → -EINVAL". */
  public static String naturalLine(Analysis a, FdRef fd, ResetVariant natural, ResetResult r) {
    String how =
        natural.kind() == ResetVariant.Kind.EMPTY_ARRAY
            ? "what a cdev-opened caller sends"
            : natural.description();
    return "Natural reset: "
        + ResultText.arrayShort(fd, natural, a.topology())
        + " ("
        + how
        + ") \u2192 "
        + ResultText.resetSummary(r);
  }

  // ---------------------------------------------------------------- evaluate and compare

  /** The header: scenario, file and profile, as {@code evaluate} prints it. */
  private List<String> header() {
    List<String> out = new ArrayList<>();
    out.add("Scenario  " + subject.title());
    out.add("File      " + subject.source());
    out.add("Profile   " + profileLine(analysis.profile()));
    compareWith.ifPresent(p -> out.add("Compared  " + profileLine(p)));
    return out;
  }

  private static String profileLine(Profile p) {
    return p.id() + " (" + p.label() + ")";
  }

  /**
   * What {@code evaluate} prints: the header, the table of device fds, each fd's INFO and natural
   * reset with the deciding step (and the trace of failures, or of everything with {@code
   * fullTrace}), what QEMU would print, unopened vfio devices, refusals, diagnostics.
   */
  public List<String> evaluation(boolean fullTrace) {
    List<String> out = new ArrayList<>(header());
    out.add("");
    results(out, fullTrace);
    out.add("");
    diagnosticsText(out);
    return out;
  }

  /** One row per device fd: how it was opened, INFO, the natural reset and its result. */
  private TextTable fdTable() {
    Topology topology = analysis.topology();
    TextTable table =
        new TextTable("FD", "DEVICE", "OPENED VIA", "INFO", "NATURAL RESET", "RESULT");
    for (DeviceVerdict v : verdicts) {
      table.row(
          v.fd().toString(),
          v.device().toString(),
          ResultText.pathOf(topology.file(v.fd()).orElseThrow(), analysis),
          ResultText.infoShort(v.info()),
          ResultText.arrayShort(v.fd(), v.natural(), topology),
          ResultText.resetShort(v.reset()));
    }
    return table;
  }

  private void results(List<String> out, boolean fullTrace) {
    if (verdicts.isEmpty()) {
      out.add("No holder has a vfio device open.");
    } else {
      out.addAll(fdTable().lines());
    }
    for (DeviceVerdict v : verdicts) {
      out.add("");
      details(out, v, fullTrace);
    }
    List<String> unopened = unopened();
    if (!unopened.isEmpty()) {
      out.add("");
      out.add("vfio devices nobody has open:");
      unopened.forEach(l -> out.add("  " + l));
    }
    if (!refusals.isEmpty()) {
      out.add("");
      out.add(
          "Under "
              + analysis.profile().id()
              + " the kernel would refuse some of the holders' files:");
      refusals.forEach(x -> out.add("  " + x));
    }
  }

  private void details(List<String> out, DeviceVerdict v, boolean fullTrace) {
    out.add(fdHeading(analysis, v.fd()));
    List<String> info = infoBlock(v.info());
    out.add("  " + info.get(0));
    info.subList(1, info.size()).forEach(l -> out.add("  " + l));
    if (!v.info().succeeded() || fullTrace) {
      out.add("    decided by " + ResultText.decidingStep(v.info()));
      out.add("    trace:");
      ResultText.trace(v.info().trace()).forEach(l -> out.add("      " + l));
    }
    out.add("  " + naturalLine(analysis, v.fd(), v.natural(), v.reset()));
    out.add("    decided by " + ResultText.decidingStep(v.reset()));
    QemuText.lines(analysis, v.fd()).forEach(l -> out.add("  " + l));
    if (!v.reset().succeeded() || fullTrace) {
      out.add("    trace:");
      ResultText.trace(v.reset().trace()).forEach(l -> out.add("      " + l));
    }
  }

  private List<String> unopened() {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<Bdf, DeviceState> e : analysis.devices().entrySet()) {
      if (!e.getValue().isOpen()) {
        lines.add(
            e.getKey()
                + "  "
                + analysis.topology().function(e.getKey()).map(f -> f.driver().label()).orElse("?")
                + ", dev_set "
                + analysis.devSet(e.getKey()).map(d -> d.key().toString()).orElse("none"));
      }
    }
    return lines;
  }

  private void diagnosticsText(List<String> out) {
    if (diagnostics.isEmpty()) {
      out.add("Diagnostics: none");
      return;
    }
    out.add("Diagnostics (" + diagnostics.size() + "):");
    diagnostics.forEach(d -> out.add("  " + ResultText.diagnostic(d)));
  }

  /**
   * What {@code compare} prints: one line naming both profiles, then a table of every call and
   * field that differs (or "no differences"), and the count.
   */
  public List<String> comparison() {
    Profile a = analysis.profile();
    Profile b = compareWith.orElseThrow(() -> new IllegalStateException("no second profile"));
    List<String> out = new ArrayList<>();
    out.add(subject.source() + ": " + profileLine(a) + " vs " + profileLine(b));
    differencesText(out, a, b, "  ");
    return out;
  }

  private void differencesText(List<String> out, Profile a, Profile b, String indent) {
    if (differences.isEmpty()) {
      out.add(indent + "no differences");
      return;
    }
    differencesTable(a, b).lines().forEach(out::add);
    out.add(differences.size() + " difference" + (differences.size() == 1 ? "" : "s"));
  }

  private TextTable differencesTable(Profile a, Profile b) {
    TextTable table = new TextTable("CALL", "FIELD", a.id(), b.id());
    differences.forEach(d -> table.row(d.call(), d.field(), d.first(), d.second()));
    return table;
  }

  // ---------------------------------------------------------------- the whole report

  private List<String> text(boolean fullTrace) {
    List<String> out = new ArrayList<>(header());
    out.add("");
    out.add("Topology (lspci -tv style: driver, IOMMU group, dev_set, holders' fds):");
    TopologyTree.tree(analysis).forEach(l -> out.add("  " + l));
    section(out, "IOMMU groups:", TopologyTree.groups(analysis));
    section(out, "Reset dev_sets (vfio_device_set):", TopologyTree.devSets(analysis));
    section(out, "Holders:", TopologyTree.holders(analysis));
    out.add("");
    results(out, fullTrace);
    if (!verdicts.isEmpty()) {
      out.add("");
      out.add("Every reset variant per device fd:");
      verdicts.forEach(v -> out.add("  " + variantsLine(analysis, v.fd())));
    }
    compareWith.ifPresent(
        b -> {
          out.add("");
          out.add(
              "Profile differences, "
                  + analysis.profile().id()
                  + " vs "
                  + b.id()
                  + (differences.isEmpty() ? ": none" : ":"));
          if (!differences.isEmpty()) {
            differencesText(out, analysis.profile(), b, "  ");
          }
        });
    out.add("");
    diagnosticsText(out);
    return out;
  }

  private static void section(List<String> out, String title, List<String> lines) {
    out.add("");
    out.add(title + (lines.isEmpty() ? " none" : ""));
    lines.forEach(l -> out.add("  " + l));
  }

  private List<String> markdown(boolean fullTrace) {
    List<String> out = new ArrayList<>();
    out.add("# Hot reset review: " + subject.title());
    out.add("");
    out.add("- **File**: " + Markdown.code(subject.source()));
    out.add("- **Profile**: " + Markdown.code(analysis.profile().id()) + " — " + profileLabel());
    compareWith.ifPresent(
        p -> out.add("- **Compared with**: " + Markdown.code(p.id()) + " — " + p.label()));
    out.add("");
    out.add("## Topology");
    out.add("");
    out.add("lspci -tv style: driver, IOMMU group, dev_set, holders' fds.");
    out.add("");
    fenced(out, TopologyTree.tree(analysis));
    mdList(out, "### IOMMU groups", TopologyTree.groups(analysis));
    mdList(out, "### Reset dev_sets (vfio_device_set)", TopologyTree.devSets(analysis));
    mdList(out, "### Holders", TopologyTree.holders(analysis));
    out.add("");
    out.add("## Device fds");
    out.add("");
    if (verdicts.isEmpty()) {
      out.add("No holder has a vfio device open.");
    } else {
      out.addAll(fdTable().markdown());
    }
    for (DeviceVerdict v : verdicts) {
      out.add("");
      out.add("### " + fdHeading(analysis, v.fd()).replace("  ", " — "));
      out.add("");
      List<String> info = infoBlock(v.info());
      out.add("- **INFO**: " + Markdown.code(info.get(0).substring("INFO: ".length())));
      info.subList(1, info.size()).forEach(l -> out.add("  - " + Markdown.code(l.strip())));
      if (!v.info().succeeded()) {
        out.add("  - decided by " + Markdown.code(ResultText.decidingStep(v.info())));
      }
      out.add(
          "- **"
              + naturalLine(analysis, v.fd(), v.natural(), v.reset()).replaceFirst(": ", "**: "));
      out.add("  - decided by " + Markdown.code(ResultText.decidingStep(v.reset())));
      QemuText.lines(analysis, v.fd()).forEach(l -> out.add("- " + qemuMarkdown(l)));
      if (!v.info().succeeded() || fullTrace) {
        out.add("");
        out.add("INFO trace:");
        out.add("");
        fenced(out, ResultText.trace(v.info().trace()));
      }
      if (!v.reset().succeeded() || fullTrace) {
        out.add("");
        out.add("Reset trace:");
        out.add("");
        fenced(out, ResultText.trace(v.reset().trace()));
      }
    }
    List<String> unopened = unopened();
    if (!unopened.isEmpty()) {
      mdList(out, "### vfio devices nobody has open", unopened);
    }
    if (!refusals.isEmpty()) {
      mdList(
          out,
          "### Under " + analysis.profile().id() + " the kernel would refuse",
          refusals.stream().map(Refusal::toString).toList());
    }
    if (!verdicts.isEmpty()) {
      out.add("");
      out.add("## Every reset variant");
      out.add("");
      for (DeviceVerdict v : verdicts) {
        TextTable t = new TextTable("variant", "array", "result");
        for (ResetVariant rv : analysis.variants(v.fd())) {
          String line = variant(analysis, v.fd(), rv);
          int arrow = line.lastIndexOf(" \u2192 ");
          t.row(
              rv.kind().label(),
              line.substring(rv.kind().label().length() + 1, arrow),
              line.substring(arrow + 3));
        }
        out.add("**" + v.fd() + "** (" + v.device() + ")");
        out.add("");
        out.addAll(t.markdown());
        out.add("");
      }
      out.remove(out.size() - 1);
    }
    compareWith.ifPresent(
        b -> {
          out.add("");
          out.add("## Profile differences: " + analysis.profile().id() + " vs " + b.id());
          out.add("");
          if (differences.isEmpty()) {
            out.add("No differences.");
          } else {
            out.addAll(differencesTable(analysis.profile(), b).markdown());
          }
        });
    mdList(out, "## Diagnostics", diagnostics.stream().map(ResultText::diagnostic).toList());
    return out;
  }

  private String profileLabel() {
    return analysis.profile().label();
  }

  private static String qemuMarkdown(String line) {
    int at = line.indexOf(" would print: ");
    if (at < 0) {
      return line;
    }
    return "**"
        + line.substring(0, at)
        + " would print**: "
        + Markdown.code(line.substring(at + " would print: ".length()));
  }

  private static void fenced(List<String> out, List<String> lines) {
    out.add("```text");
    out.addAll(lines);
    out.add("```");
  }

  private static void mdList(List<String> out, String heading, List<String> lines) {
    out.add("");
    out.add(heading);
    out.add("");
    if (lines.isEmpty()) {
      out.add("None.");
    }
    lines.forEach(l -> out.add("- " + Markdown.code(l)));
  }
}
