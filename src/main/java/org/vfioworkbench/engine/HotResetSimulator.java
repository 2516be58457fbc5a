package org.vfioworkbench.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;

/**
 * What the workbench, the CLI and the scanners ask of the engine about one fixed topology under one
 * profile: the two hot-reset ioctls on any fd, the reset scope and dev-set of each function, VFIO
 * group and device state, and the reset variants a holder could try. Calls never throw for any fd
 * or argument: every input gets the kernel's answer, with its trace. {@link Analysis} is the
 * implementation.
 */
public interface HotResetSimulator {

  /** An argsz large enough for any scope: the u32 maximum. */
  long LARGE_ARGSZ = 0xFFFF_FFFFL;

  /** The topology this simulator answers for. */
  Topology topology();

  /** The kernel behaviour it models. */
  Profile profile();

  /** Lookups over the topology's PCI part. */
  PciIndex pci();

  /**
   * {@code VFIO_DEVICE_GET_PCI_HOT_RESET_INFO} on {@code caller} with a buffer of {@code argsz}.
   */
  InfoResult info(FdRef caller, long argsz);

  /** INFO with a buffer large enough for every entry. */
  InfoResult info(FdRef caller);

  /** {@code VFIO_DEVICE_PCI_HOT_RESET} on {@code caller}. */
  ResetResult hotReset(FdRef caller, ResetRequest request);

  /** The reset scope of a function, or the probe steps that found none. */
  ScopeDecision scope(Bdf bdf);

  /** The dev-set of a registered vfio device. */
  Optional<DevSet> devSet(Bdf bdf);

  /** Every dev-set, in bind order of their first members. */
  List<DevSet> devSets();

  /** State of a registered vfio device; empty for functions not bound to a vfio driver. */
  Optional<DeviceState> device(Bdf bdf);

  /** Every registered vfio device, in bind order. */
  Map<Bdf, DeviceState> devices();

  /** Who holds the group's one open file, if anyone. */
  Optional<GroupOpen> groupOpen(int group);

  /** Whether {@code /dev/vfio/N} exists: some function of the group is vfio-bound. */
  boolean vfioGroupExists(int group);

  /** Whether the group is viable: no member is on a driver that claims DMA ownership. */
  boolean viable(int group);

  /** Whether some device of {@code group} is bound into iommufd {@code ictx}. */
  boolean iommufdHasGroup(String ictx, int group);

  /** Every device fd (group-derived or cdev) of every holder, in holder and file order. */
  List<FdRef> deviceFds();

  /** The reset the holder of {@code caller} would naturally attempt, the way QEMU does. */
  ResetVariant naturalReset(FdRef caller);

  /** Every construction worth trying on {@code caller}, natural one first. */
  List<ResetVariant> variants(FdRef caller);

  /**
   * Evaluates a variant; a hypothetical one first opens its groups through the kernel's open rules
   * (see {@link WhatIfEvaluator}).
   */
  ResetResult evaluate(FdRef caller, ResetVariant variant);

  /**
   * The simulator of {@code edited} under the same profile, reusing what this one derived from the
   * PCI part when the edit left it untouched.
   */
  HotResetSimulator after(Topology edited);
}
