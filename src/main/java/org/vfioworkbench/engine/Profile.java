package org.vfioworkbench.engine;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
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
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING,
      Behaviour.TOKEN_ON_BIND,
      Behaviour.GROUP_COUNT_UNSIGNED,
      Behaviour.VF_OWN_DEV_SET),
  /**
   * 6.12.42 on (checked against linux-source-6.12: 6.12.117, and 6.12.118 by the tests): the 6.12
   * semantics plus the stable backport of "vfio/pci: Separate SR-IOV VF dev_set" (each VF a dev-set
   * of its own).
   */
  LINUX_6_12(
      "linux-6.12",
      "Linux 6.12.42+ (VFs in dev-sets of their own)",
      KernelRelease.of(6, 12, 117),
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING,
      Behaviour.GROUP_COUNT_UNSIGNED,
      Behaviour.VF_OWN_DEV_SET),
  /**
   * 6.12.0–6.12.22, 6.12.25–6.12.41, 6.13, 6.14, 6.15-rc3 to 6.16: the 6.10 semantics with the
   * HOT_RESET group count compared as a {@code u32}; a VF still joins its bus's dev-set.
   */
  LINUX_6_12_0(
      "linux-6.12.0",
      "Linux 6.12.0–6.12.41 (not .23–.24), 6.13–6.16 (6.15-rc3+)",
      KernelRelease.of(6, 12, 0),
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING,
      Behaviour.GROUP_COUNT_UNSIGNED),
  /**
   * Kernels carrying "PCI: Avoid reset when disabled via sysfs" before its revert: 6.12.23–6.12.24
   * and 6.15-rc1–rc2 (6.6.87 is {@link #LINUX_6_6_87}). {@code pci_slot_resettable} and {@code
   * pci_bus_resettable} refuse when a function on the slot or bus has no reset method.
   */
  LINUX_6_12_23(
      "linux-6.12.23",
      "Linux 6.12.23–6.12.24, 6.15-rc1–rc2 (reset_method gate)",
      KernelRelease.of(6, 12, 23),
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING,
      Behaviour.RESET_NEEDS_METHOD,
      Behaviour.GROUP_COUNT_UNSIGNED),
  /**
   * v6.10 and v6.11, and the stable kernels carrying the local-buffer INFO rework with its count
   * fix (6.6.41 on, 6.9.10 on): INFO collects entries first and copies them out after the walk.
   */
  LINUX_6_10(
      "linux-6.10",
      "Linux 6.10–6.11, 6.6.41+ and 6.9.10+ stable",
      KernelRelease.of(6, 10, 0),
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING),
  /**
   * 6.6.87: "PCI: Avoid reset when disabled via sysfs" on the 6.6 series, whose HOT_RESET still
   * takes the group count as an {@code int} (the {@link #LINUX_6_10} semantics plus the gate).
   */
  LINUX_6_6_87(
      "linux-6.6.87",
      "Linux 6.6.87 (reset_method gate)",
      KernelRelease.of(6, 6, 87),
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING,
      Behaviour.RESET_NEEDS_METHOD),
  /**
   * 6.6.36–6.6.40 and 6.9.7–6.9.9: the stable backport of "vfio/pci: Collect hot-reset devices to
   * local buffer" without "vfio/pci: Init the count variable in collecting hot-reset devices"
   * (6.6.41, 6.9.10): INFO counts the affected functions into an uninitialised {@code int count}.
   */
  LINUX_6_6_36(
      "linux-6.6.36",
      "Linux 6.6.36–6.6.40, 6.9.7–6.9.9 (INFO count not initialised)",
      KernelRelease.of(6, 6, 40),
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING,
      Behaviour.INFO_COUNT_UNINITIALISED),
  /** v6.6.0–6.6.35, 6.7, 6.8, 6.9.0–6.9.6: INFO copies entries during the walk. */
  LINUX_6_6(
      "linux-6.6",
      "Linux 6.6.0–6.6.35, 6.7–6.8, 6.9.0–6.9.6",
      KernelRelease.of(6, 6, 0),
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING,
      Behaviour.COPY_INSIDE_WALK),
  /** v5.15 to v6.5: dev-sets, group interface only; no device cdev, no DEV_ID reporting. */
  LINUX_5_15(
      "linux-5.15", "Linux 5.15–6.5", KernelRelease.of(5, 15, 0), Behaviour.GROUP_COUNT_UNSIGNED),
  /**
   * Design review, never merged (April 2023, "Accept device fd in VFIO_DEVICE_PCI_HOT_RESET"):
   * device fds, group-derived or cdev, prove ownership of their device in the fd array.
   */
  REVIEW_DEVICE_FD_PROOF(
      "review-devfd-proof",
      "Review: device fds as proof (not merged)",
      KernelRelease.of(6, 10, 0),
      Behaviour.DESIGN_REVIEW,
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING,
      Behaviour.DEVICE_FD_PROOF),
  /**
   * Design review, never merged: an INFO that refuses (-EPERM) instead of reporting NOT_OWNED
   * entries when the caller is cdev-opened.
   */
  REVIEW_STRICT_INFO(
      "review-info-strict",
      "Review: INFO fails on unowned devices (not merged)",
      KernelRelease.of(6, 10, 0),
      Behaviour.DESIGN_REVIEW,
      Behaviour.DEVICE_CDEV,
      Behaviour.DEV_ID_REPORTING,
      Behaviour.STRICT_INFO);

  private final String id;
  private final String label;
  private final KernelRelease quirkRelease;
  private final Set<Behaviour> behaviours;

  Profile(String id, String label, KernelRelease quirkRelease, Behaviour... behaviours) {
    this.id = id;
    this.label = label;
    this.quirkRelease = quirkRelease;
    this.behaviours =
        behaviours.length == 0
            ? Collections.unmodifiableSet(EnumSet.noneOf(Behaviour.class))
            : Collections.unmodifiableSet(EnumSet.of(behaviours[0], behaviours));
  }

  /**
   * The behaviours a profile switches on; every other check is the same under every profile. Each
   * is documented on the accessor that reads it.
   */
  public enum Behaviour {
    /** {@link Profile#isDesignReview()}. */
    DESIGN_REVIEW,
    /** {@link Profile#hasDeviceCdev()}. */
    DEVICE_CDEV,
    /** {@link Profile#hasDevIdReporting()}. */
    DEV_ID_REPORTING,
    /** {@link Profile#copiesInsideWalk()}. */
    COPY_INSIDE_WALK,
    /** {@link Profile#acceptsDeviceFdProof()}. */
    DEVICE_FD_PROOF,
    /** {@link Profile#hasStrictInfo()}. */
    STRICT_INFO,
    /** {@link Profile#resetNeedsResetMethod()}. */
    RESET_NEEDS_METHOD,
    /** {@link Profile#checksVfTokenOnBind()}. */
    TOKEN_ON_BIND,
    /** {@link Profile#comparesGroupCountUnsigned()}. */
    GROUP_COUNT_UNSIGNED,
    /** {@link Profile#hasUninitialisedInfoCount()}. */
    INFO_COUNT_UNINITIALISED,
    /** {@link Profile#givesVfOwnDevSet()}. */
    VF_OWN_DEV_SET
  }

  /** The behaviours this profile switches on. */
  public Set<Behaviour> behaviours() {
    return behaviours;
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
    return behaviours.contains(Behaviour.DESIGN_REVIEW);
  }

  /** Device cdevs ({@code /dev/vfio/devices/vfioX}) and {@code VFIO_DEVICE_BIND_IOMMUFD} exist. */
  public boolean hasDeviceCdev() {
    return behaviours.contains(Behaviour.DEVICE_CDEV);
  }

  /** INFO reports devids with DEV_ID / DEV_ID_OWNED for cdev-opened callers (v6.6+). */
  public boolean hasDevIdReporting() {
    return behaviours.contains(Behaviour.DEV_ID_REPORTING);
  }

  /**
   * INFO writes entries to user space during the walk (v6.6–v6.9): on -ENOSPC the entries that fit
   * are written and the flags cover only them.
   */
  public boolean copiesInsideWalk() {
    return behaviours.contains(Behaviour.COPY_INSIDE_WALK);
  }

  /** Device fds are accepted as proof of ownership in the HOT_RESET fd array. */
  public boolean acceptsDeviceFdProof() {
    return behaviours.contains(Behaviour.DEVICE_FD_PROOF);
  }

  /** INFO in DEV_ID mode fails with -EPERM when some affected device is not owned. */
  public boolean hasStrictInfo() {
    return behaviours.contains(Behaviour.STRICT_INFO);
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
    return behaviours.contains(Behaviour.RESET_NEEDS_METHOD);
  }

  /**
   * {@code VFIO_DEVICE_BIND_IOMMUFD} takes {@code VFIO_DEVICE_BIND_FLAG_TOKEN} and checks the VF
   * token like the group path's {@code vfio_pci_core_match}; before, any bind flag is -EINVAL and a
   * VF binds through its cdev without a token.
   */
  public boolean checksVfTokenOnBind() {
    return behaviours.contains(Behaviour.TOKEN_ON_BIND);
  }

  /**
   * HOT_RESET compares the header's {@code __u32 count} with the number of affected functions
   * unsigned, so a count above INT_MAX is -EINVAL: v5.15–v6.5 ({@code hdr.count > count} inline)
   * and v6.12 on ("vfio/pci: clean up a type in vfio_pci_ioctl_pci_hot_reset_groups()" made {@code
   * array_count} a {@code u32}). In v6.6–v6.11 {@code array_count} is an {@code int}: such a count
   * turns negative, passes the check and {@code kcalloc} fails with -ENOMEM.
   */
  public boolean comparesGroupCountUnsigned() {
    return behaviours.contains(Behaviour.GROUP_COUNT_UNSIGNED);
  }

  /**
   * INFO counts the affected functions into an {@code int count} that was never initialised
   * (6.6.36–6.6.40, 6.9.7–6.9.9): only a kernel built with a zero-initialised stack ({@code
   * CONFIG_INIT_STACK_ALL_ZERO}) starts it at 0.
   */
  public boolean hasUninitialisedInfoCount() {
    return behaviours.contains(Behaviour.INFO_COUNT_UNINITIALISED);
  }

  /**
   * {@code vfio_pci_core_register_device} gives an SR-IOV VF a dev-set of its own ({@code
   * pdev->is_virtfn}, "vfio/pci: Separate SR-IOV VF dev_set"); otherwise a VF on a non-root bus
   * joins its slot's or bus's dev-set like any function.
   */
  public boolean givesVfOwnDevSet() {
    return behaviours.contains(Behaviour.VF_OWN_DEV_SET);
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
