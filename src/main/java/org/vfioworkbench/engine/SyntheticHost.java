package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.HostOptions;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Generates plausible hosts for property tests and benchmarks: root-complex functions, root ports
 * with multifunction cards (some in reset-capable slots), PCIe switches, SR-IOV PFs with VFs and
 * conventional bridges; drivers, IOMMU groups and quirks drawn at random; holders whose opens are
 * kept only when the kernel's rules allow them, so every generated state is reachable.
 */
public final class SyntheticHost {

  /** What to generate. */
  public record Spec(long seed, int functions, double vfioShare, int holders, double quirkShare) {
    public static Spec small(long seed) {
      return new Spec(
          seed, 8 + (int) (Math.abs(seed) % 40), 0.6, 1 + (int) (Math.abs(seed) % 4), 0.05);
    }

    public static Spec large(long seed) {
      return new Spec(seed, 10_000, 0.4, 200, 0.01);
    }
  }

  private static final String[] NATIVE = {
    "snd_hda_intel", "i40e", "nvme", "xhci_hcd", "e1000e", "amdgpu", "ahci"
  };

  private final Spec spec;
  private final Random rnd;
  private final PciBuilder pci = new PciBuilder();
  private int nextGroup = 1;

  private SyntheticHost(Spec spec) {
    this.spec = spec;
    this.rnd = new Random(spec.seed());
  }

  public static Topology generate(Spec spec) {
    return new SyntheticHost(spec).build();
  }

  private Topology build() {
    while (pci.functionCount() < spec.functions()) {
      pci.newSegmentIfNeeded();
      int kind = rnd.nextInt(10);
      if (kind == 0) {
        pci.rootComplexFunction(fn(), nextGroup++);
      } else if (kind <= 4) {
        card(pci.rootPort(nextGroup++), 1 + rnd.nextInt(rnd.nextBoolean() ? 2 : 8));
      } else if (kind <= 6) {
        pcieSwitch(pci.rootPort(nextGroup++));
      } else if (kind <= 8) {
        sriov(pci.rootPort(nextGroup++));
      } else {
        conventionalBridge(pci.rootPort(nextGroup++));
      }
    }
    Topology t = pci.topology(HostOptions.DEFAULT);
    return withHolders(t);
  }

  private Driver fn() {
    double r = rnd.nextDouble();
    if (r < spec.vfioShare()) {
      return rnd.nextInt(20) == 0 ? Driver.vfioVariant("mlx5_vfio_pci") : Driver.VFIO_PCI;
    }
    int other = rnd.nextInt(10);
    if (other == 0) {
      return Driver.PCI_STUB;
    }
    if (other <= 2) {
      return Driver.NONE;
    }
    return Driver.nativeDriver(NATIVE[rnd.nextInt(NATIVE.length)]);
  }

  private void card(PciBuilder.Port port, int functions) {
    boolean sharedGroup = functions > 1 && rnd.nextBoolean();
    int group = nextGroup++;
    boolean slot = rnd.nextInt(4) == 0;
    if (slot) {
      pci.slot(port, rnd.nextInt(5) > 0);
    }
    for (int f = 0; f < functions; f++) {
      pci.endpoint(port.bus(), 0, f, fn(), sharedGroup ? group : nextGroup++, quirk());
    }
  }

  private void pcieSwitch(PciBuilder.Port port) {
    PciBuilder.Port upstream = pci.bridgeOn(port.bus(), 0, 0, nextGroup++, quirk());
    int downs = 1 + rnd.nextInt(4);
    for (int d = 0; d < downs; d++) {
      PciBuilder.Port down = pci.bridgeOn(upstream.bus(), d, 0, nextGroup++, false);
      card(down, 1 + rnd.nextInt(4));
    }
  }

  private void sriov(PciBuilder.Port port) {
    int group = nextGroup++;
    Driver pf = rnd.nextBoolean() ? Driver.nativeDriver("i40e") : fn();
    Bdf pfBdf = pci.endpoint(port.bus(), 0, 0, pf, group, false);
    int vfs = 2 + rnd.nextInt(Math.min(60, Math.max(3, spec.functions() / 40)));
    for (int v = 1; v <= vfs && v < 256; v++) {
      pci.virtfn(port.bus(), v >> 3, v & 7, fn(), nextGroup++, pfBdf);
    }
  }

  private void conventionalBridge(PciBuilder.Port port) {
    int group = nextGroup++;
    PciBuilder.Port bridge = pci.bridgeOn(port.bus(), 0, 0, group, false);
    int devices = 1 + rnd.nextInt(4);
    for (int d = 0; d < devices; d++) {
      pci.endpoint(bridge.bus(), d + 1, 0, fn(), group, quirk());
    }
  }

  private boolean quirk() {
    return rnd.nextDouble() < spec.quirkShare();
  }

  /** Adds holders, keeping only the opens the kernel allows. */
  private Topology withHolders(Topology pciOnly) {
    List<PciFunction> vfio =
        pciOnly.functions().stream().filter(f -> f.driver().isVfio() && !f.isBridge()).toList();
    List<Holder> holders = new ArrayList<>();
    List<Container> containers = new ArrayList<>();
    List<IommufdContext> ictxs = new ArrayList<>();
    for (int h = 0; h < spec.holders(); h++) {
      containers.add(new Container("c" + h, ContainerType.TYPE1));
      ictxs.add(new IommufdContext("ictx" + h));
    }
    Topology draft = pciOnly.withContainers(containers).withIommufds(ictxs);
    OpenRules rules = new OpenRules(draft, Profile.DEFAULT);
    for (int h = 0; h < spec.holders(); h++) {
      String name = "qemu-" + h;
      Holder holder = new Holder(name, 1000 + h, true, List.of());
      List<OpenFile> files = new ArrayList<>();
      int style = rnd.nextInt(4);
      String container = "c" + h;
      String ictx = "ictx" + h;
      if (style != 1) {
        tryOpen(rules, holder, files, new ContainerFile(files.size() + 3, container));
      }
      if (style != 0) {
        tryOpen(rules, holder, files, new IommufdFile(files.size() + 3, ictx));
      }
      int devices = vfio.isEmpty() ? 0 : 1 + rnd.nextInt(Math.max(1, Math.min(8, vfio.size())));
      for (int d = 0; d < devices; d++) {
        PciFunction target = vfio.get(rnd.nextInt(vfio.size()));
        boolean cdev = style == 1 || style == 3 && rnd.nextBoolean();
        if (cdev) {
          tryOpen(rules, holder, files, CdevFile.bound(files.size() + 3, target.bdf(), ictx));
        } else if (target.iommuGroup().isPresent()) {
          int group = target.iommuGroup().getAsInt();
          boolean held =
              files.stream().anyMatch(f -> f instanceof GroupFile g && g.group() == group);
          if (!held) {
            DmaContextRef ctx =
                style == 2 && rnd.nextBoolean()
                    ? DmaContextRef.iommufd(ictx)
                    : style == 1 ? DmaContextRef.iommufd(ictx) : DmaContextRef.container(container);
            if (ctx.kind() == DmaContextRef.Kind.CONTAINER && style == 1) {
              continue;
            }
            held = tryOpen(rules, holder, files, GroupFile.attached(files.size() + 3, group, ctx));
          }
          if (held
              && files.stream()
                  .noneMatch(f -> f instanceof DeviceFile x && x.device().equals(target.bdf()))) {
            tryOpen(rules, holder, files, new DeviceFile(files.size() + 3, target.bdf()));
          }
        }
      }
      holders.add(holder.withFiles(files));
    }
    Topology withHolders = draft.withHolders(holders);
    List<String> usedContainers =
        holders.stream()
            .flatMap(x -> x.files().stream())
            .filter(f -> f instanceof ContainerFile)
            .map(f -> ((ContainerFile) f).container())
            .toList();
    List<String> usedIctxs =
        holders.stream()
            .flatMap(x -> x.files().stream())
            .filter(f -> f instanceof IommufdFile)
            .map(f -> ((IommufdFile) f).iommufd())
            .toList();
    return withHolders
        .withContainers(containers.stream().filter(c -> usedContainers.contains(c.id())).toList())
        .withIommufds(ictxs.stream().filter(c -> usedIctxs.contains(c.id())).toList());
  }

  private static boolean tryOpen(
      OpenRules rules, Holder holder, List<OpenFile> files, OpenFile file) {
    if (rules.open(holder.withFiles(files), file).isEmpty()) {
      files.add(file);
      return true;
    }
    return false;
  }
}
