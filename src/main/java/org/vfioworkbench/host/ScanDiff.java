package org.vfioworkbench.host;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Slot;

/**
 * What changed between two scans of the same host: functions, buses, slots, groups and holders that
 * appeared, disappeared or changed, so a live view can highlight them.
 */
public record ScanDiff(List<Change> changes) {

  /** What kind of element changed. */
  public enum Subject {
    FUNCTION,
    BUS,
    SLOT,
    GROUP,
    HOLDER
  }

  /** How it changed. */
  public enum Kind {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One change.
   *
   * @param subject the kind of element
   * @param kind added, removed or changed
   * @param key the element's key: address, group id, slot or holder name
   * @param detail what changed, in words
   */
  public record Change(Subject subject, Kind kind, String key, String detail) {
    public Change {
      Objects.requireNonNull(subject, "subject");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return kind.name().toLowerCase()
          + " "
          + subject.name().toLowerCase()
          + " "
          + key
          + (detail.isEmpty() ? "" : ": " + detail);
    }
  }

  public ScanDiff {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** Functions added or changed (for highlighting). */
  public Set<Bdf> touchedFunctions() {
    return changes.stream()
        .filter(c -> c.subject() == Subject.FUNCTION && c.kind() != Kind.REMOVED)
        .map(c -> Bdf.parse(c.key()))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** Holders added or changed (for highlighting). */
  public Set<String> touchedHolders() {
    return changes.stream()
        .filter(c -> c.subject() == Subject.HOLDER && c.kind() != Kind.REMOVED)
        .map(Change::key)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  public static ScanDiff between(ScanResult before, ScanResult after) {
    List<Change> out = new ArrayList<>();
    compare(
        out,
        Subject.FUNCTION,
        before.topology().functions(),
        after.topology().functions(),
        f -> f.bdf().toString(),
        ScanDiff::functionChange);
    compare(
        out,
        Subject.BUS,
        before.topology().buses(),
        after.topology().buses(),
        b -> b.address().toString(),
        ScanDiff::busChange);
    compare(
        out,
        Subject.SLOT,
        before.topology().slots(),
        after.topology().slots(),
        Slot::name,
        (a, b) -> a.equals(b) ? "" : "now " + b);
    compare(
        out,
        Subject.GROUP,
        before.topology().groups(),
        after.topology().groups(),
        g -> String.valueOf(g.id()),
        ScanDiff::groupChange);
    compare(
        out,
        Subject.HOLDER,
        before.topology().holders(),
        after.topology().holders(),
        Holder::name,
        ScanDiff::holderChange);
    return new ScanDiff(out);
  }

  private static <T> void compare(
      List<Change> out,
      Subject subject,
      List<T> before,
      List<T> after,
      Function<T, String> key,
      java.util.function.BiFunction<T, T, String> detail) {
    Map<String, T> a = index(before, key);
    Map<String, T> b = index(after, key);
    a.forEach(
        (k, v) -> {
          if (!b.containsKey(k)) {
            out.add(new Change(subject, Kind.REMOVED, k, ""));
          } else {
            String d = detail.apply(v, b.get(k));
            if (!d.isEmpty()) {
              out.add(new Change(subject, Kind.CHANGED, k, d));
            }
          }
        });
    b.forEach(
        (k, v) -> {
          if (!a.containsKey(k)) {
            out.add(new Change(subject, Kind.ADDED, k, ""));
          }
        });
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> m = new TreeMap<>();
    items.forEach(i -> m.put(key.apply(i), i));
    return m;
  }

  private static String functionChange(PciFunction a, PciFunction b) {
    List<String> d = new ArrayList<>();
    if (!a.driver().equals(b.driver())) {
      d.add("driver " + a.driver().label() + " → " + b.driver().label());
    }
    if (!a.iommuGroup().equals(b.iommuGroup())) {
      d.add("IOMMU group " + group(a) + " → " + group(b));
    }
    if (a.vendorId() != b.vendorId()
        || a.deviceId() != b.deviceId()
        || a.classCode() != b.classCode()) {
      d.add(
          String.format(
              "ids %04x:%04x → %04x:%04x", a.vendorId(), a.deviceId(), b.vendorId(), b.deviceId()));
    }
    if (!a.physfn().equals(b.physfn()) || a.headerType() != b.headerType()) {
      d.add("SR-IOV role or header type");
    }
    if (!a.quirks().equals(b.quirks())) {
      d.add("quirks " + a.quirks() + " → " + b.quirks());
    }
    return String.join(", ", d);
  }

  private static String group(PciFunction f) {
    return f.iommuGroup().isPresent() ? String.valueOf(f.iommuGroup().getAsInt()) : "none";
  }

  private static String busChange(PciBus a, PciBus b) {
    return a.bridge().equals(b.bridge())
        ? ""
        : "upstream bridge "
            + a.bridge().map(Bdf::toString).orElse("none")
            + " → "
            + b.bridge().map(Bdf::toString).orElse("none");
  }

  private static String groupChange(IommuGroup a, IommuGroup b) {
    return a.kind() == b.kind() ? "" : "kind " + a.kind() + " → " + b.kind();
  }

  private static String holderChange(Holder a, Holder b) {
    Set<String> fa = files(a);
    Set<String> fb = files(b);
    if (fa.equals(fb)) {
      return "";
    }
    List<String> d = new ArrayList<>();
    fb.stream().filter(f -> !fa.contains(f)).forEach(f -> d.add("+" + f));
    fa.stream().filter(f -> !fb.contains(f)).forEach(f -> d.add("-" + f));
    return String.join(", ", d);
  }

  private static Set<String> files(Holder h) {
    Set<String> s = new LinkedHashSet<>();
    for (OpenFile f : h.files()) {
      s.add("fd " + f.fd() + " " + f.describe());
    }
    return s;
  }
}
