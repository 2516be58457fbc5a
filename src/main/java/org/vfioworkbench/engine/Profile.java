package org.vfioworkbench.engine;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A kernel's (or a design proposal's) semantics of the hot-reset ioctls. The engine evaluates the
 * same checks under every profile; a profile only switches the behaviours that differ.
 */
public enum Profile {
  /** Mainline since v6.10 (and stable kernels carrying the local-buffer rework): the default. */
  LINUX_6_10("linux-6.10", "Linux 6.10+", false, true, true, false, false, false),
  /** v6.6 to v6.9: INFO copies entries during the walk; -ENOSPC flags cover only what fitted. */
  LINUX_6_6("linux-6.6", "Linux 6.6–6.9", false, true, true, true, false, false),
  /** v5.15 to v6.5: dev-sets, group interface only; no device cdev, no DEV_ID reporting. */
  LINUX_5_15("linux-5.15", "Linux 5.15–6.5", false, false, false, false, false, false),
  /**
   * Design review, never merged (April 2023, "Accept device fd in VFIO_DEVICE_PCI_HOT_RESET"):
   * device fds, group-derived or cdev, prove ownership of their device in the fd array.
   */
  REVIEW_DEVICE_FD_PROOF(
      "review-devfd-proof", "Review: device fds as proof (not merged)", true, true, true, false,
      true, false),
  /**
   * Design review, never merged: an INFO that refuses (-EPERM) instead of reporting NOT_OWNED
   * entries when the caller is cdev-opened.
   */
  REVIEW_STRICT_INFO(
      "review-info-strict", "Review: INFO fails on unowned devices (not merged)", true, true, true,
      false, false, true);

  private final String id;
  private final String label;
  private final boolean designReview;
  private final boolean cdev;
  private final boolean devIdReporting;
  private final boolean copyInsideWalk;
  private final boolean deviceFdProof;
  private final boolean strictInfo;

  Profile(
      String id,
      String label,
      boolean designReview,
      boolean cdev,
      boolean devIdReporting,
      boolean copyInsideWalk,
      boolean deviceFdProof,
      boolean strictInfo) {
    this.id = id;
    this.label = label;
    this.designReview = designReview;
    this.cdev = cdev;
    this.devIdReporting = devIdReporting;
    this.copyInsideWalk = copyInsideWalk;
    this.deviceFdProof = deviceFdProof;
    this.strictInfo = strictInfo;
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
