package org.vfioworkbench.host.sysfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import org.vfioworkbench.host.ScanListener;
import org.vfioworkbench.host.ScanLog;
import org.vfioworkbench.host.ScanPhase;
import org.vfioworkbench.host.fs.FsErrors;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.HostNumbers;
import org.vfioworkbench.host.fs.HostPaths;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.GroupKind;

/**
 * Reads {@code /sys/kernel/iommu_groups/N/devices}. A group named {@code vfio-noiommu} (its {@code
 * name} attribute), or one with a {@code /dev/vfio/noiommu-N} node, was made by VFIO's no-IOMMU
 * mode.
 */
public final class IommuGroupReader {

  public static final String GROUPS = "/sys/kernel/iommu_groups";

  private final HostFs fs;
  private final ScanLog log;

  public IommuGroupReader(HostFs fs, ScanLog log) {
    this.fs = fs;
    this.log = log;
  }

  /**
   * Groups found in sysfs: kind and member functions, by id.
   *
   * @param missing whether {@link #GROUPS} itself is missing ({@link #missingNote} says what that
   *     means once the functions' own {@code iommu_group} links are known)
   */
  public record Groups(
      Map<Integer, GroupKind> kinds, Map<Integer, List<Bdf>> members, boolean missing) {}

  /**
   * What a missing {@link #GROUPS} means. The kernel makes it whenever it has IOMMU support, so on
   * the live host its absence means no support; a directory tree or capture may simply not hold it.
   * Functions whose {@code iommu_group} links name {@code linkedGroups} groups still have those (a
   * tree copied link by link keeps the links and drops their targets).
   */
  public static String missingNote(HostFs fs, int linkedGroups) {
    if (fs.isLiveHost()) {
      return GROUPS + " does not exist: the kernel has no IOMMU group support";
    }
    if (linkedGroups > 0) {
      return GROUPS
          + " is not in "
          + fs.describe()
          + ": the "
          + linkedGroups
          + " IOMMU group"
          + (linkedGroups == 1 ? "" : "s")
          + " shown come from the functions' own iommu_group links; a function of the host the"
          + " tree left out would be missing from its group";
    }
    return GROUPS
        + " is not in "
        + fs.describe()
        + ": IOMMU groups unknown (the kernel has no "
        + "IOMMU group support, or the tree left them out); functions shown without groups";
  }

  public Groups read(Set<Integer> noiommuNodes, ScanListener listener) {
    Map<Integer, GroupKind> kinds = new TreeMap<>();
    Map<Integer, List<Bdf>> members = new TreeMap<>();
    List<String> ids;
    try {
      ids = fs.list(GROUPS);
    } catch (IOException e) {
      boolean missing = FsErrors.isMissing(e);
      if (!missing) {
        log.problem(GROUPS, "IOMMU groups", e);
      }
      return new Groups(kinds, members, missing);
    }
    if (ids.isEmpty()) {
      log.note("no IOMMU groups: no IOMMU is enabled (and no no-IOMMU VFIO device is bound)");
    }
    int done = 0;
    for (String id : ids) {
      listener.progress(ScanPhase.IOMMU_GROUPS, done++, ids.size());
      OptionalInt parsed = HostNumbers.parse(id);
      if (parsed.isEmpty()) {
        log.problem(HostPaths.child(GROUPS, id), "an IOMMU group", "not a group number, skipped");
        continue;
      }
      int group = parsed.getAsInt();
      String dir = HostPaths.child(GROUPS, id);
      GroupKind kind = noiommuNodes.contains(group) ? GroupKind.NOIOMMU : GroupKind.IOMMU;
      try {
        // Only vfio's no-IOMMU groups have a name; nothing else in the group's directory is read.
        java.util.Optional<byte[]> name = fs.readIfListed(dir, "name", 4096);
        if (name.isPresent()
            && new String(name.get(), java.nio.charset.StandardCharsets.UTF_8)
                .trim()
                .equals("vfio-noiommu")) {
          kind = GroupKind.NOIOMMU;
        }
        List<Bdf> devs = new ArrayList<>();
        for (String d : fs.list(dir + "/devices")) {
          try {
            devs.add(Bdf.parse(d));
          } catch (IllegalArgumentException e) {
            // Non-PCI members (platform devices) do not take part in PCI hot reset.
          }
        }
        members.put(group, devs);
        kinds.put(group, kind);
      } catch (IOException e) {
        log.problem(
            dir,
            "IOMMU group " + group,
            FsErrors.isMissing(e) ? "removed during the scan" : FsErrors.describe(e));
      }
    }
    listener.progress(ScanPhase.IOMMU_GROUPS, ids.size(), ids.size());
    return new Groups(kinds, members, false);
  }
}
