package org.vfioworkbench.ui.info;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.engine.InfoResult;

/** Renders an {@link InfoResult} the way the kernel filled the struct. Pure. */
public final class InfoFormat {

  private InfoFormat() {}

  /** "0x3 (DEV_ID | DEV_ID_OWNED)" or "0x0". */
  public static String flags(InfoResult r) {
    if (!r.headerWritten()) {
      return "not written";
    }
    String names =
        java.util.Arrays.stream(InfoFlag.values())
            .filter(r::hasFlag)
            .map(Enum::name)
            .collect(Collectors.joining(" | "));
    return "0x" + Integer.toHexString(r.flagsMask()) + (names.isEmpty() ? "" : " (" + names + ")");
  }

  /** One line: "0, flags DEV_ID, 2 entries: devid 1, NOT_OWNED". */
  public static String oneLine(InfoResult r) {
    if (!r.succeeded()) {
      return r.retLabel()
          + (r.headerWritten() ? ", flags " + flags(r) + ", count " + r.count() : "");
    }
    return r.retLabel()
        + ", flags "
        + flags(r)
        + ", "
        + r.entries().stream().map(InfoEntry::idLabel).collect(Collectors.joining(", "));
  }

  static List<InfoEntryRow> rows(InfoResult r, InfoResult other) {
    List<InfoEntryRow> out = new ArrayList<>();
    for (int i = 0; i < r.entries().size(); i++) {
      InfoEntry e = r.entries().get(i);
      String changed = "";
      if (other != null) {
        String o = i < other.entries().size() ? other.entries().get(i).idLabel() : "(absent)";
        changed = o.equals(e.idLabel()) ? "" : o;
      }
      out.add(
          new InfoEntryRow(
              i, e.bdf().toString(), String.format("0x%08x", e.id()), e.idLabel(), changed));
    }
    return out;
  }

  static String note(InfoResult r) {
    if (!r.succeeded()) {
      String last = r.trace().isEmpty() ? "" : r.trace().get(r.trace().size() - 1).fact();
      return r.errno().map(e -> e.negated() + " (" + e.message() + "): ").orElse("") + last;
    }
    if (r.hasFlag(InfoFlag.DEV_ID_OWNED)) {
      return "DEV_ID_OWNED: the kernel infers ownership of every affected device;"
          + " the empty-array HOT_RESET will pass the ownership check.";
    }
    if (r.hasFlag(InfoFlag.DEV_ID)) {
      return "DEV_ID without DEV_ID_OWNED: some affected device is NOT_OWNED by this iommufd;"
          + " the empty-array HOT_RESET fails.";
    }
    return "Group mode: entries carry IOMMU group ids; the caller proves ownership with group fds.";
  }
}
