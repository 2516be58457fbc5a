package org.vfioworkbench.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.vfioworkbench.engine.kernel.KernelRelease;

/**
 * A kernel's (or a design proposal's) semantics of the hot-reset ioctls. The engine evaluates the
 * same checks under every profile; a profile only switches the behaviours that differ.
 */
public enum Profile {
  /**
   * v6.17 on: {@code VFIO_DEVICE_BIND_IOMMUFD} checks the VF token ({@code
   * VFIO_DEVICE_BIND_FLAG_TOKEN}, commit be2e70b96c3e), as opening through the group always did.
   */
  LINUX_6_17(
      "linux-6.17",
      "Linux 6.17+ (VF token on cdev bind)",
      KernelRelease.of(6, 17, 0),
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      true,
      true,
      false,
      true),
  /**
   * 6.12.42 on (checked against 6.12.117, linux-source-6.12): the 6.12 semantics plus the stable
   * backport of "vfio/pci: Separate SR-IOV VF dev_set" (each VF a dev-set of its own).
   */
  LINUX_6_12(
      "linux-6.12",
      "Linux 6.12.42+ (VFs in dev-sets of their own)",
      KernelRelease.of(6, 12, 117),
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      true),
  /**
   * 6.12.0–6.12.22, 6.12.25–6.12.41, 6.13, 6.14, 6.15-rc3 to 6.16: the 6.10 semantics with the
   * HOT_RESET group count compared as a {@code u32}; a VF still joins its bus's dev-set.
   */
  LINUX_6_12_0(
      "linux-6.12.0",
      "Linux 6.12.0–6.12.41 (not .23–.24), 6.13–6.16 (6.15-rc3+)",
      KernelRelease.of(6, 12, 0),
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false),
  /**
   * Kernels carrying "PCI: Avoid reset when disabled via sysfs" before its revert: 6.12.23–6.12.24
   * and 6.15-rc1–rc2 (6.6.87 is {@link #LINUX_6_6_87}). {@code pci_slot_resettable} and {@code
   * pci_bus_resettable} refuse when a function on the slot or bus has no reset method.
   */
  LINUX_6_12_23(
      "linux-6.12.23",
      "Linux 6.12.23–6.12.24, 6.15-rc1–rc2 (reset_method gate)",
      KernelRelease.of(6, 12, 23),
      false,
      true,
      true,
      false,
      false,
      false,
      true,
      false,
      true,
      false,
      false),
  /**
   * v6.10 and v6.11, and the stable kernels carrying the local-buffer INFO rework with its count
   * fix (6.6.41 on, 6.9.10 on): INFO collects entries first and copies them out after the walk.
   */
  LINUX_6_10(
      "linux-6.10",
      "Linux 6.10–6.11, 6.6.41+ and 6.9.10+ stable",
      KernelRelease.of(6, 10, 0),
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false),
  /**
   * 6.6.87: "PCI: Avoid reset when disabled via sysfs" on the 6.6 series, whose HOT_RESET still
   * takes the group count as an {@code int} (the {@link #LINUX_6_10} semantics plus the gate).
   */
  LINUX_6_6_87(
      "linux-6.6.87",
      "Linux 6.6.87 (reset_method gate)",
      KernelRelease.of(6, 6, 87),
      false,
      true,
      true,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false),
  /**
   * 6.6.36–6.6.40 and 6.9.7–6.9.9: the stable backport of "vfio/pci: Collect hot-reset devices to
   * local buffer" without "vfio/pci: Init the count variable in collecting hot-reset devices"
   * (6.6.41, 6.9.10): INFO counts the affected functions into an uninitialised {@code int count}.
   */
  LINUX_6_6_36(
      "linux-6.6.36",
      "Linux 6.6.36–6.6.40, 6.9.7–6.9.9 (INFO count not initialised)",
      KernelRelease.of(6, 6, 40),
      false,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      false),
  /** v6.6.0–6.6.35, 6.7, 6.8, 6.9.0–6.9.6: INFO copies entries during the walk. */
  LINUX_6_6(
      "linux-6.6",
      "Linux 6.6.0–6.6.35, 6.7–6.8, 6.9.0–6.9.6",
      KernelRelease.of(6, 6, 0),
      false,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false),
  /** v5.15 to v6.5: dev-sets, group interface only; no device cdev, no DEV_ID reporting. */
  LINUX_5_15(
      "linux-5.15",
      "Linux 5.15–6.5",
      KernelRelease.of(5, 15, 0),
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      true,
      false,
      false),
  /**
   * Design review, never merged (April 2023, "Accept device fd in VFIO_DEVICE_PCI_HOT_RESET"):
   * device fds, group-derived or cdev, prove ownership of their device in the fd array.
   */
  REVIEW_DEVICE_FD_PROOF(
      "review-devfd-proof",
      "Review: device fds as proof (not merged)",
      KernelRelease.of(6, 10, 0),
      true,
      true,
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
      false),
  /**
   * Design review, never merged: an INFO that refuses (-EPERM) instead of reporting NOT_OWNED
   * entries when the caller is cdev-opened.
   */
  REVIEW_STRICT_INFO(
      "review-info-strict",
      "Review: INFO fails on unowned devices (not merged)",
      KernelRelease.of(6, 10, 0),
      true,
      true,
      true,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
      false);

  private final String id;
  private final String label;
  private final KernelRelease quirkRelease;
  private final boolean designReview;
  private final boolean cdev;
  private final boolean devIdReporting;
  private final boolean copyInsideWalk;
  private final boolean deviceFdProof;
  private final boolean strictInfo;
  private final boolean resetNeedsMethod;
  private final boolean tokenOnBind;
  private final boolean groupCountUnsigned;
  private final boolean infoCountUninitialised;
  private final boolean vfOwnDevSet;

  Profile(
      String id,
      String label,
      KernelRelease quirkRelease,
      boolean designReview,
      boolean cdev,
      boolean devIdReporting,
      boolean copyInsideWalk,
      boolean deviceFdProof,
      boolean strictInfo,
      boolean resetNeedsMethod,
      boolean tokenOnBind,
      boolean groupCountUnsigned,
      boolean infoCountUninitialised,
      boolean vfOwnDevSet) {
    this.id = id;
    this.label = label;
    this.quirkRelease = quirkRelease;
    this.designReview = designReview;
    this.cdev = cdev;
    this.devIdReporting = devIdReporting;
    this.copyInsideWalk = copyInsideWalk;
    this.deviceFdProof = deviceFdProof;
    this.strictInfo = strictInfo;
    this.resetNeedsMethod = resetNeedsMethod;
    this.tokenOnBind = tokenOnBind;
    this.groupCountUnsigned = groupCountUnsigned;
    this.infoCountUninitialised = infoCountUninitialised;
    this.vfOwnDevSet = vfOwnDevSet;
  }

  public static final Profile DEFAULT = LINUX_6_10;

  /** The name used on the command line and in files ({@code linux-6.10}). */
  public String id() {
    return id;
  }

  /** A human label; design-review profiles say they were never merged. */
  public String label() {
    return label;
  }

  /** True for the profiles that model proposals from the 2023 review, not a released kernel. */
  public boolean isDesignReview() {
    return designReview;
  }

  /** Device cdevs ({@code /dev/vfio/devices/vfioX}) and {@code VFIO_DEVICE_BIND_IOMMUFD} exist. */
  public boolean hasDeviceCdev() {
    return cdev;
  }

  /** INFO reports devids with DEV_ID / DEV_ID_OWNED for cdev-opened callers (v6.6+). */
  public boolean hasDevIdReporting() {
    return devIdReporting;
  }

  /**
   * INFO writes entries to user space during the walk (v6.6–v6.9): on -ENOSPC the entries that fit
   * are written and the flags cover only them.
   */
  public boolean copiesInsideWalk() {
    return copyInsideWalk;
  }

  /** Device fds are accepted as proof of ownership in the HOT_RESET fd array. */
  public boolean acceptsDeviceFdProof() {
    return deviceFdProof;
  }

  /** INFO in DEV_ID mode fails with -EPERM when some affected device is not owned. */
  public boolean hasStrictInfo() {
    return strictInfo;
  }

  /**
   * The release whose {@code drivers/pci/quirks.c} decides which functions the profile flags
   * NO_BUS_RESET from their ids (the newest release of the range the table was checked for).
   */
  public KernelRelease quirkRelease() {
    return quirkRelease;
  }

  /**
   * {@code pci_slot_resettable} and {@code pci_bus_resettable} also refuse a function without any
   * reset method ({@code !pci_reset_supported(dev)}): "PCI: Avoid reset when disabled via sysfs",
   * reverted by "Revert \"PCI: Avoid reset when disabled via sysfs\"".
   */
  public boolean resetNeedsResetMethod() {
    return resetNeedsMethod;
  }

  /**
   * {@code VFIO_DEVICE_BIND_IOMMUFD} takes {@code VFIO_DEVICE_BIND_FLAG_TOKEN} and checks the VF
   * token like the group path's {@code vfio_pci_core_match}; before, any bind flag is -EINVAL and a
   * VF binds through its cdev without a token.
   */
  public boolean checksVfTokenOnBind() {
    return tokenOnBind;
  }

  /**
   * HOT_RESET compares the header's {@code __u32 count} with the number of affected functions
   * unsigned, so a count above INT_MAX is -EINVAL: v5.15–v6.5 ({@code hdr.count > count} inline)
   * and v6.12 on ("vfio/pci: clean up a type in vfio_pci_ioctl_pci_hot_reset_groups()" made {@code
   * array_count} a {@code u32}). In v6.6–v6.11 {@code array_count} is an {@code int}: such a count
   * turns negative, passes the check and {@code kcalloc} fails with -ENOMEM.
   */
  public boolean comparesGroupCountUnsigned() {
    return groupCountUnsigned;
  }

  /**
   * INFO counts the affected functions into an {@code int count} that was never initialised
   * (6.6.36–6.6.40, 6.9.7–6.9.9): only a kernel built with a zero-initialised stack ({@code
   * CONFIG_INIT_STACK_ALL_ZERO}) starts it at 0.
   */
  public boolean hasUninitialisedInfoCount() {
    return infoCountUninitialised;
  }

  /**
   * {@code vfio_pci_core_register_device} gives an SR-IOV VF a dev-set of its own ({@code
   * pdev->is_virtfn}, "vfio/pci: Separate SR-IOV VF dev_set"); otherwise a VF on a non-root bus
   * joins its slot's or bus's dev-set like any function.
   */
  public boolean givesVfOwnDevSet() {
    return vfOwnDevSet;
  }

  /**
   * The profile of a released kernel: which of the modelled behaviours {@code release} has.
   * Releases older than v5.15 get {@link #LINUX_5_15}, the oldest modelled.
   */
  public static Profile forKernel(KernelRelease release) {
    int major = release.major();
    int minor = release.minor();
    int patch = release.patch();
    if (major < 6 || (major == 6 && minor < 6)) {
      return LINUX_5_15;
    }
    if (major == 6 && minor == 6) {
      if (patch == 87) {
        return LINUX_6_6_87;
      }
      return patch >= 41 ? LINUX_6_10 : patch >= 36 ? LINUX_6_6_36 : LINUX_6_6;
    }
    if (major == 6 && (minor == 7 || minor == 8)) {
      return LINUX_6_6;
    }
    if (major == 6 && minor == 9) {
      return patch >= 10 ? LINUX_6_10 : patch >= 7 ? LINUX_6_6_36 : LINUX_6_6;
    }
    if (major == 6 && (minor == 10 || minor == 11)) {
      return LINUX_6_10;
    }
    if (major == 6 && minor == 12 && (patch == 23 || patch == 24)) {
      return LINUX_6_12_23;
    }
    if (major == 6 && minor == 15 && release.rc().isPresent() && release.rc().getAsInt() <= 2) {
      return LINUX_6_12_23;
    }
    if (major == 6 && minor == 12 && patch >= 42) {
      return LINUX_6_12;
    }
    if (major == 6 && minor < 17) {
      return LINUX_6_12_0;
    }
    return LINUX_6_17;
  }

  public static Optional<Profile> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
  }

  /** Every profile id, comma separated, for error messages and help. */
  public static String ids() {
    return Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id;
  }
}
