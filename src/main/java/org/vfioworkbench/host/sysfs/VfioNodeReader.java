package org.vfioworkbench.host.sysfs;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.vfioworkbench.host.ScanLog;
import org.vfioworkbench.host.fs.FsErrors;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.HostNumbers;
import org.vfioworkbench.host.fs.LiveFs;

/**
 * Reads the VFIO device nodes: {@code /dev/vfio/N}, {@code /dev/vfio/noiommu-N}, {@code
 * /dev/vfio/vfio} and the device cdevs {@code /dev/vfio/devices/vfioX}, and VFIO's {@code
 * enable_unsafe_noiommu_mode} parameter.
 */
public final class VfioNodeReader {

  public static final String DEV_VFIO = "/dev/vfio";
  public static final String DEV_VFIO_DEVICES = "/dev/vfio/devices";
  public static final String NOIOMMU_PARAM =
      "/sys/module/vfio/parameters/enable_unsafe_noiommu_mode";

  private final HostFs fs;
  private final ScanLog log;

  public VfioNodeReader(HostFs fs, ScanLog log) {
    this.fs = fs;
    this.log = log;
  }

  /**
   * The nodes found.
   *
   * @param present whether {@code /dev/vfio} exists (the vfio module is loaded)
   * @param names every node, as paths ({@code /dev/vfio/13}, {@code /dev/vfio/devices/vfio0})
   * @param groups group ids with a node, no-IOMMU ones included
   * @param noiommuGroups group ids with a {@code noiommu-N} node
   * @param cdevDirectory whether {@code /dev/vfio/devices} exists (CONFIG_VFIO_DEVICE_CDEV)
   * @param noIommuMode the module parameter, empty when unreadable
   */
  public record Nodes(
      boolean present,
      List<String> names,
      Set<Integer> groups,
      Set<Integer> noiommuGroups,
      boolean cdevDirectory,
      Optional<Boolean> noIommuMode) {}

  /**
   * What a missing {@link #DEV_VFIO} means: on the live host, that the vfio module is not loaded;
   * in a directory tree or a capture it may also have been left out, and a tree without {@code
   * /dev} at all (a copy of {@code /sys} and {@code /proc} only) says nothing about it. A capture
   * holds what its scan read, so it is not asked for more.
   */
  private String missingNote() {
    if (fs.isLiveHost()) {
      return DEV_VFIO + " does not exist: the vfio module is not loaded";
    }
    if (fs instanceof LiveFs && !listed("/dev")) {
      return "/dev is not in "
          + fs.describe()
          + ": VFIO group and device nodes unknown (the tree left /dev out); read as if the vfio"
          + " module were not loaded";
    }
    return DEV_VFIO
        + " is not in "
        + fs.describe()
        + ": the vfio module was not loaded (or the tree left it out)";
  }

  private boolean listed(String dir) {
    try {
      fs.list(dir);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public Nodes read() {
    List<String> names = new ArrayList<>();
    Set<Integer> groups = new TreeSet<>();
    Set<Integer> noiommu = new TreeSet<>();
    boolean present = false;
    boolean cdevDir = false;
    try {
      for (String n : fs.list(DEV_VFIO)) {
        present = true;
        names.add(DEV_VFIO + "/" + n);
        String num = n.startsWith("noiommu-") ? n.substring(8) : n;
        if (!HostNumbers.looksNumeric(num)) {
          continue;
        }
        OptionalInt id = HostNumbers.parse(num);
        if (id.isEmpty()) {
          log.problem(DEV_VFIO + "/" + n, "a VFIO group node", "not a group number, skipped");
          continue;
        }
        groups.add(id.getAsInt());
        if (n.startsWith("noiommu-")) {
          noiommu.add(id.getAsInt());
        }
      }
      present = true;
    } catch (IOException e) {
      if (FsErrors.isMissing(e)) {
        log.note(missingNote());
      } else {
        log.problem(DEV_VFIO, "VFIO group nodes", e);
      }
    }
    if (present) {
      try {
        for (String n : fs.list(DEV_VFIO_DEVICES)) {
          names.add(DEV_VFIO_DEVICES + "/" + n);
        }
        cdevDir = true;
      } catch (IOException e) {
        if (!FsErrors.isMissing(e)) {
          log.problem(DEV_VFIO_DEVICES, "VFIO device cdevs", e);
        }
      }
    }
    Optional<Boolean> mode = Optional.empty();
    try {
      String v = fs.readText(NOIOMMU_PARAM).trim();
      mode = Optional.of(v.equals("Y") || v.equals("1"));
    } catch (IOException e) {
      if (!FsErrors.isMissing(e)) {
        log.problem(NOIOMMU_PARAM, "VFIO no-IOMMU mode", e);
      }
    }
    return new Nodes(present, names, groups, noiommu, cdevDir, mode);
  }
}
