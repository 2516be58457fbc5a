package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Edits of the open-file state that go through the kernel's rules: every open, bind and driver
 * change is checked as the kernel would check it, and refused with the kernel's errno. The
 * workbench's drag gestures and the scenario loader use these; nothing else changes holders' files.
 */
public final class KernelCalls {

  private KernelCalls() {}

  /**
   * Replays every holder's files from nothing, in holder and file order, and returns every call the
   * kernel would have refused (empty for a state the kernel can reach).
   */
  public static List<Refusal> validate(Topology topology, Profile profile) {
    OpenRules rules = new OpenRules(topology, profile);
    List<Refusal> out = new ArrayList<>(rules.driverRefusals());
    for (Holder h : topology.holders()) {
      for (OpenFile f : h.files()) {
        rules.open(h, f).ifPresent(out::add);
      }
    }
    return out;
  }

  /** The driver bindings vfio-pci would refuse, each about the function its subject names. */
  public static List<Refusal> driverRefusals(Topology topology, Profile profile) {
    return OpenRules.driverRefusals(topology);
  }

  /**
   * The opens {@link #validate} finds refused, keyed by the holder's fd that the kernel would have
   * refused, in holder and file order (a holder listing one fd twice keeps the first).
   */
  public static Map<FdRef, Refusal> fileRefusals(Topology topology, Profile profile) {
    OpenRules rules = new OpenRules(topology, profile);
    Map<FdRef, Refusal> out = new LinkedHashMap<>();
    for (Holder h : topology.holders()) {
      for (OpenFile f : h.files()) {
        rules.open(h, f).ifPresent(r -> out.putIfAbsent(new FdRef(h.name(), f.fd()), r));
      }
    }
    return out;
  }

  /** {@code holder} opens (and attaches or binds, as the file says) one more file. */
  public static Attempt open(Topology topology, Profile profile, String holder, OpenFile file) {
    List<String> steps = new ArrayList<>();
    Topology t = pinDevids(topology);
    return pinned(
        openInto(t, profile, holder, file, steps)
            .map(r -> Attempt.refused(r, steps))
            .orElseGet(() -> Attempt.done(append(t, holder, file), steps)));
  }

  /** A holder with no bound cdev whose devid is not written down yet. */
  private static final Predicate<Holder> NOTHING_TO_PIN =
      h -> {
        EngineCounters.count(EngineCounters.Event.HOLDER_VISITED);
        for (OpenFile f : h.files()) {
          if (unpinned(f)) {
            return false;
          }
        }
        return true;
      };

  private static boolean unpinned(OpenFile f) {
    return f instanceof CdevFile c && c.isBound() && c.devid().isEmpty();
  }

  /** The last few topologies {@link #pinDevids} pinned, each with what it made of it. */
  private static final RecentlyUsed<Topology[]> PINNED = RecentlyUsed.strong(4);

  /**
   * {@link #open} without pinning devids first: for a hypothetical open whose result is analysed
   * and dropped ({@link WhatIfEvaluator}), which so differs from {@code topology} in the one file
   * it opened.
   */
  static Attempt openAsIs(Topology topology, Profile profile, String holder, OpenFile file) {
    List<String> steps = new ArrayList<>();
    return openInto(topology, profile, holder, file, steps)
        .map(r -> Attempt.refused(r, steps))
        .orElseGet(() -> Attempt.done(append(topology, holder, file), steps));
  }

  /**
   * Writes each bound cdev's current devid into its file, so that later edits (a close that frees a
   * lower id, say) leave it unchanged, as the kernel leaves object ids unchanged. Every edit here
   * returns a pinned topology; a state pinned once stays pinned, so later edits change only the
   * holders they touch. Whether a topology is pinned is remembered on its holder list and carried
   * over by edits that keep it pinned, so asking again costs nothing.
   */
  public static Topology pinDevids(Topology topology) {
    if (topology.allHolders(NOTHING_TO_PIN)) {
      return topology;
    }
    return PINNED.find(p -> p[0] == topology)
        .orElseGet(() -> PINNED.remember(new Topology[] {topology, pinAll(topology)}))[1];
  }

  private static Topology pinAll(Topology topology) {
    List<Holder> unpinned = new ArrayList<>();
    for (Holder h : topology.holders()) {
      if (!NOTHING_TO_PIN.test(h)) {
        unpinned.add(h);
      }
    }
    VfioState a = VfioState.of(topology, Profile.DEFAULT);
    Topology t = topology;
    for (Holder h : unpinned) {
      List<OpenFile> files = new ArrayList<>();
      for (OpenFile f : h.files()) {
        files.add(unpinned(f) ? pinned(a, h.name(), (CdevFile) f) : f);
      }
      t = t.withHolder(h.name(), x -> x.withFiles(files));
    }
    return t;
  }

  /** {@code c} with the devid {@code state} gives it written down (unchanged when it has none). */
  private static CdevFile pinned(VfioState state, String holder, CdevFile c) {
    FdRef ref = new FdRef(holder, c.fd());
    OptionalLong devid =
        state
            .device(c.device())
            .filter(d -> d.cdevFd().map(ref::equals).orElse(false))
            .map(DeviceState::devid)
            .orElse(OptionalLong.empty());
    return devid.isEmpty()
        ? c
        : new CdevFile(
            c.fd(),
            c.device(),
            c.boundTo(),
            OptionalInt.of((int) devid.getAsLong()),
            c.inferred(),
            c.vfToken());
  }

  private static Attempt pinned(Attempt a) {
    return a.topology().isPresent() ? Attempt.done(pinDevids(a.topology().get()), a.steps()) : a;
  }

  /**
   * Closes an fd. Closing never fails; closing a group file also closes the holder's device fds
   * obtained through it (the model keeps a group open only through its group file).
   */
  public static Attempt close(Topology unpinned, String holder, int fd) {
    Topology topology = pinDevids(unpinned);
    List<String> steps = new ArrayList<>();
    Optional<Holder> h = topology.holder(holder);
    Optional<OpenFile> file = h.flatMap(x -> x.file(fd));
    if (file.isEmpty()) {
      return Attempt.refused(
          new Refusal(
              holder + " fd " + fd,
              "close(" + fd + ")",
              Errno.EBADF,
              "fd " + fd + " is not open in " + holder),
          steps);
    }
    List<OpenFile> kept = new ArrayList<>();
    Optional<Integer> closedGroup =
        file.get() instanceof GroupFile g ? Optional.of(g.group()) : Optional.empty();
    for (OpenFile f : h.get().files()) {
      boolean closeIt =
          f.fd() == fd
              || closedGroup.isPresent()
                  && f instanceof DeviceFile d
                  && groupOf(topology, d.device()).equals(closedGroup);
      if (closeIt) {
        steps.add("close(" + f.fd() + ") " + f.describe());
      } else {
        kept.add(f);
      }
    }
    return Attempt.done(topology.withHolder(holder, x -> x.withFiles(kept)), steps);
  }

  /**
   * Moves {@code bdf} to {@code holder}'s cdev lane: closes its device fds in this holder (and the
   * group file once nothing else of the group is open through it), opens the cdev and binds it to
   * the holder's iommufd, opening one first when the holder has none.
   */
  public static Attempt moveToCdev(Topology topology, Profile profile, String holder, Bdf bdf) {
    return pinned(moveToCdevPinned(pinDevids(topology), profile, holder, bdf));
  }

  private static Attempt moveToCdevPinned(
      Topology topology, Profile profile, String holder, Bdf bdf) {
    List<String> steps = new ArrayList<>();
    Topology t = closeDeviceIn(topology, holder, bdf, steps);
    Holder h =
        t.holder(holder).orElseThrow(() -> new IllegalArgumentException("no holder " + holder));
    Optional<String> ictx =
        h.files().stream()
            .filter(f -> f instanceof IommufdFile)
            .map(f -> ((IommufdFile) f).iommufd())
            .findFirst();
    if (ictx.isEmpty()) {
      Topology before = t;
      String id = freshId(x -> before.iommufd(x).isPresent(), holder + "-iommufd");
      t = t.withIommufds(plus(t.iommufds(), new IommufdContext(id)));
      IommufdFile file = new IommufdFile(t.holder(holder).orElseThrow().nextFreeFd(), id);
      Optional<Refusal> r = openInto(t, profile, holder, file, steps);
      if (r.isPresent()) {
        return Attempt.refused(r.get(), steps);
      }
      t = append(t, holder, file);
      ictx = Optional.of(id);
    }
    CdevFile cdev = CdevFile.bound(t.holder(holder).orElseThrow().nextFreeFd(), bdf, ictx.get());
    Optional<Refusal> r = openInto(t, profile, holder, cdev, steps);
    return r.isPresent()
        ? Attempt.refused(r.get(), steps)
        : Attempt.done(append(t, holder, cdev), steps);
  }

  /**
   * Moves {@code bdf} to {@code holder}'s group lane: closes its cdev in this holder, opens its
   * group (attached to the holder's container, opening one when needed) and gets a device fd.
   */
  public static Attempt moveToGroup(Topology topology, Profile profile, String holder, Bdf bdf) {
    return pinned(moveToGroupPinned(pinDevids(topology), profile, holder, bdf));
  }

  private static Attempt moveToGroupPinned(
      Topology topology, Profile profile, String holder, Bdf bdf) {
    List<String> steps = new ArrayList<>();
    Topology t = closeDeviceIn(topology, holder, bdf, steps);
    Optional<Integer> group = groupOf(t, bdf);
    if (group.isEmpty()) {
      return Attempt.refused(
          new Refusal(bdf.toString(), "open group", Errno.ENODEV, bdf + " has no IOMMU group"),
          steps);
    }
    Holder h =
        t.holder(holder).orElseThrow(() -> new IllegalArgumentException("no holder " + holder));
    boolean holdsGroup =
        h.files().stream().anyMatch(f -> f instanceof GroupFile g && g.group() == group.get());
    if (!holdsGroup) {
      boolean noiommu = t.group(group.get()).map(g -> g.kind() == GroupKind.NOIOMMU).orElse(false);
      ContainerType wanted = noiommu ? ContainerType.NOIOMMU : ContainerType.TYPE1;
      Optional<String> container =
          h.files().stream()
              .filter(f -> f instanceof ContainerFile)
              .map(f -> ((ContainerFile) f).container())
              .filter(id -> t.container(id).map(c -> c.type() == wanted).orElse(false))
              .findFirst();
      Topology next = t;
      if (container.isEmpty()) {
        Topology before = next;
        String id = freshId(x -> before.container(x).isPresent(), holder + "-container");
        next = next.withContainers(plus(next.containers(), new Container(id, wanted)));
        ContainerFile file = new ContainerFile(h.nextFreeFd(), id);
        Optional<Refusal> r = openInto(next, profile, holder, file, steps);
        if (r.isPresent()) {
          return Attempt.refused(r.get(), steps);
        }
        next = append(next, holder, file);
        container = Optional.of(id);
      }
      GroupFile gf =
          GroupFile.attached(
              next.holder(holder).orElseThrow().nextFreeFd(),
              group.get(),
              DmaContextRef.container(container.get()));
      Optional<Refusal> r = openInto(next, profile, holder, gf, steps);
      if (r.isPresent()) {
        return Attempt.refused(r.get(), steps);
      }
      return openDeviceFd(append(next, holder, gf), profile, holder, bdf, steps);
    }
    return openDeviceFd(t, profile, holder, bdf, steps);
  }

  /** Closes every fd on {@code bdf} in every holder, and group files left with no device fd. */
  public static Attempt release(Topology unpinned, Bdf bdf) {
    Topology topology = pinDevids(unpinned);
    List<String> steps = new ArrayList<>();
    Topology t = topology;
    for (String h : holdersOf(topology, bdf)) {
      t = closeDeviceIn(t, h, bdf, steps);
    }
    return Attempt.done(t, steps);
  }

  /**
   * The holders with a device fd or cdev on {@code bdf}, in holder order: through the file index of
   * {@link VfioState#of} when holder names are unique, else by looking through every holder.
   */
  private static List<String> holdersOf(Topology topology, Bdf bdf) {
    VfioState state = topology.holderNamesUnique() ? VfioState.of(topology, Profile.DEFAULT) : null;
    if (state != null && state.indexed()) {
      List<String> out = new ArrayList<>();
      for (FdRef ref : state.fdsOn(bdf)) {
        if (!out.contains(ref.holder())) {
          EngineCounters.count(EngineCounters.Event.HOLDER_VISITED);
          out.add(ref.holder());
        }
      }
      out.sort(Comparator.comparingInt(h -> topology.holderIndex(h).orElseThrow()));
      return out;
    }
    List<String> out = new ArrayList<>();
    for (Holder h : topology.holders()) {
      EngineCounters.count(EngineCounters.Event.HOLDER_VISITED);
      for (OpenFile f : h.files()) {
        if (f.openedDevice().filter(bdf::equals).isPresent()) {
          out.add(h.name());
          break;
        }
      }
    }
    return out;
  }

  /**
   * Binds {@code bdf} to another driver. Refused while the device is open through VFIO (unbind
   * would wait for the user), for vfio-pci on a bridge, and for a DMA-API driver while the group's
   * DMA is owned by a VFIO user.
   */
  public static Attempt setDriver(Topology topology, Profile profile, Bdf bdf, Driver driver) {
    List<String> steps = new ArrayList<>();
    Optional<PciFunction> f = topology.function(bdf);
    if (f.isEmpty()) {
      return Attempt.refused(
          new Refusal(bdf.toString(), "bind " + driver.label(), Errno.ENODEV, "no function " + bdf),
          steps);
    }
    VfioState a = VfioState.of(topology, profile);
    if (f.get().driver().isVfio() && a.device(bdf).map(DeviceState::isOpen).orElse(false)) {
      return Attempt.refused(
          new Refusal(
              bdf.toString(),
              "unbind " + f.get().driver().name(),
              Errno.EBUSY,
              "vfio_unregister_group_dev: "
                  + bdf
                  + " is open; unbind waits until its user closes it"),
          steps);
    }
    Optional<Integer> group = groupOf(topology, bdf);
    if (driver.claimsDmaOwnership() && group.isPresent() && a.groupOpen(group.get()).isPresent()) {
      return Attempt.refused(
          new Refusal(
              bdf.toString(),
              "bind " + driver.label(),
              Errno.EBUSY,
              "iommu_device_use_default_domain: group "
                  + group.get()
                  + " is owned by a VFIO user ("
                  + a.groupOpen(group.get()).get().holder()
                  + ")"),
          steps);
    }
    if (driver.claimsDmaOwnership()
        && group.isPresent()
        && a.devices().values().stream()
            .anyMatch(d -> d.cdevOpened() && groupOf(topology, d.bdf()).equals(group))) {
      return Attempt.refused(
          new Refusal(
              bdf.toString(),
              "bind " + driver.label(),
              Errno.EBUSY,
              "iommu_device_use_default_domain: group "
                  + group.get()
                  + " is owned by an iommufd user"),
          steps);
    }
    if (driver.isVfio() && !f.get().driver().isVfio() && topology.hasVirtfns(bdf)) {
      return Attempt.refused(
          new Refusal(
              bdf.toString(),
              "bind " + driver.label(),
              Errno.EBUSY,
              "vfio_pci_core_register_device: "
                  + bdf
                  + " has SR-IOV VFs (\"Cannot bind to PF with"
                  + " SR-IOV enabled\")"),
          steps);
    }
    Topology t = topology.withFunction(bdf, x -> x.withDriver(driver));
    Optional<Refusal> mine = OpenRules.driverRefusal(t.function(bdf).orElseThrow());
    if (mine.isPresent()) {
      return Attempt.refused(mine.get(), steps);
    }
    steps.add("bind " + bdf + " to " + driver.label());
    return Attempt.done(t, steps);
  }

  private static Attempt openDeviceFd(
      Topology t, Profile profile, String holder, Bdf bdf, List<String> steps) {
    DeviceFile df = new DeviceFile(t.holder(holder).orElseThrow().nextFreeFd(), bdf);
    Optional<Refusal> r = openInto(t, profile, holder, df, steps);
    return r.isPresent()
        ? Attempt.refused(r.get(), steps)
        : Attempt.done(append(t, holder, df), steps);
  }

  /** Closes {@code bdf}'s device fds and cdev in one holder, then its group file if now unused. */
  private static Topology closeDeviceIn(
      Topology topology, String holder, Bdf bdf, List<String> steps) {
    Optional<Holder> h = topology.holder(holder);
    if (h.isEmpty()) {
      return topology;
    }
    Optional<Integer> group = groupOf(topology, bdf);
    List<OpenFile> kept = new ArrayList<>();
    for (OpenFile f : h.get().files()) {
      boolean mine = f.openedDevice().filter(bdf::equals).isPresent();
      if (mine) {
        steps.add("close(" + f.fd() + ") " + f.describe());
      } else {
        kept.add(f);
      }
    }
    boolean groupStillUsed =
        kept.stream()
            .anyMatch(
                f -> f instanceof DeviceFile d && groupOf(topology, d.device()).equals(group));
    boolean hadDeviceFd =
        h.get().files().stream().anyMatch(f -> f instanceof DeviceFile d && d.device().equals(bdf));
    if (group.isPresent() && hadDeviceFd && !groupStillUsed) {
      List<OpenFile> withoutGroup = new ArrayList<>();
      for (OpenFile f : kept) {
        if (f instanceof GroupFile g && g.group() == group.get()) {
          steps.add("close(" + f.fd() + ") " + f.describe());
        } else {
          withoutGroup.add(f);
        }
      }
      kept = withoutGroup;
    }
    List<OpenFile> result = kept;
    return topology.withHolder(holder, x -> x.withFiles(result));
  }

  /**
   * Checks {@code file} against the state reached by replaying every file so far (from the files
   * that can decide it: see {@link OpenRules#checkOpen}).
   */
  private static Optional<Refusal> openInto(
      Topology t, Profile profile, String holder, OpenFile file, List<String> steps) {
    Holder target =
        t.holder(holder).orElseThrow(() -> new IllegalArgumentException("no holder " + holder));
    if (target.file(file.fd()).isPresent()) {
      return Optional.of(
          new Refusal(
              holder + " fd " + file.fd(),
              "open",
              Errno.EBADF,
              "fd " + file.fd() + " is already in use in " + holder));
    }
    Optional<Refusal> r = OpenRules.checkOpen(t, profile, target, file);
    if (r.isEmpty()) {
      steps.add("fd " + file.fd() + " = " + file.describe());
    }
    return r;
  }

  /**
   * {@code t} with {@code file} opened by {@code holder}; a bound cdev gets the devid the kernel
   * hands it written down at once, so that a pinned topology stays pinned.
   */
  private static Topology append(Topology t, String holder, OpenFile file) {
    Topology appended = t.withHolder(holder, h -> h.withFiles(plus(h.files(), file)));
    if (!unpinned(file)) {
      return appended;
    }
    OpenFile pinned = pinned(VfioState.of(appended, Profile.DEFAULT), holder, (CdevFile) file);
    return t.withHolder(holder, h -> h.withFiles(plus(h.files(), pinned)));
  }

  private static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }

  private static String freshId(Predicate<String> taken, String base) {
    if (!taken.test(base)) {
      return base;
    }
    int i = 2;
    while (taken.test(base + "-" + i)) {
      i++;
    }
    return base + "-" + i;
  }

  private static Optional<Integer> groupOf(Topology t, Bdf bdf) {
    return t.function(bdf)
        .flatMap(
            f ->
                f.iommuGroup().isPresent()
                    ? Optional.of(f.iommuGroup().getAsInt())
                    : Optional.empty());
  }
}
