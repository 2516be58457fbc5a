package org.vfioworkbench.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vfioworkbench.lab.guest.GuestPlan;
import org.vfioworkbench.lab.guest.GuestPlan.PlannedCall;
import org.vfioworkbench.lab.guest.GuestPlan.PlannedFunction;
import org.vfioworkbench.lab.guest.GuestPlan.PlannedOpen;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/** Turns a {@link LabCase} and its {@link GuestLayout} into the plan the guest carries out. */
public final class GuestPlanner {

  private GuestPlanner() {}

  /** The plan; call {@code i} of the case has id {@code "c" + i}. */
  public static GuestPlan plan(LabCase labCase, GuestLayout layout) {
    Topology t = labCase.topology();
    List<PlannedFunction> functions = new ArrayList<>();
    for (PlacedFunction p : layout.functions()) {
      functions.add(new PlannedFunction(p.bdf().toString(), p.path(), p.want(), p.group()));
    }
    List<String> bindOrder = new ArrayList<>();
    for (Bdf b : t.bindOrder()) {
      if (t.function(b).map(f -> f.driver().isVfio()).orElse(false)) {
        bindOrder.add(b.toString());
      }
    }
    t.functions().stream()
        .filter(f -> f.driver().isVfio())
        .map(PciFunction::bdf)
        .sorted()
        .map(Bdf::toString)
        .filter(b -> !bindOrder.contains(b))
        .forEach(bindOrder::add);
    List<PlannedOpen> opens = new ArrayList<>();
    for (Holder h : t.holders()) {
      for (OpenFile f : h.files()) {
        opens.add(open(t, h, f));
      }
    }
    List<PlannedCall> calls = new ArrayList<>();
    for (int i = 0; i < labCase.calls().size(); i++) {
      LabCall c = labCase.calls().get(i);
      String id = "c" + i;
      if (c instanceof LabCall.Info info) {
        calls.add(
            new PlannedCall(
                id,
                "info",
                info.caller().holder(),
                info.caller().fd(),
                info.argsz().orElse(-1),
                0,
                List.of(),
                null));
      } else if (c instanceof LabCall.Reset r) {
        calls.add(
            new PlannedCall(
                id,
                "reset",
                r.caller().holder(),
                r.caller().fd(),
                r.argsz().orElse(-1),
                r.flags(),
                r.fds(),
                null));
      }
    }
    for (int i = 0; i < labCase.calls().size(); i++) {
      if (labCase.calls().get(i) instanceof LabCall.Open o) {
        Holder h = t.holder(o.holder()).orElse(new Holder(o.holder(), 0, true, List.of()));
        calls.add(
            new PlannedCall(
                "c" + i,
                "open",
                o.holder(),
                o.file().fd(),
                -1,
                0,
                List.of(),
                open(t, h, o.file())));
      }
    }
    List<String> withoutRawio =
        t.holders().stream().filter(h -> !h.capSysRawio()).map(Holder::name).toList();
    return new GuestPlan(layout.noIommu(), functions, bindOrder, opens, calls, withoutRawio);
  }

  private static PlannedOpen open(Topology t, Holder h, OpenFile f) {
    String holder = h.name();
    if (f instanceof ContainerFile c) {
      boolean noIommu =
          t.container(c.container())
              .map(Container::type)
              .map(ty -> ty == ContainerType.NOIOMMU)
              .orElse(false);
      return new PlannedOpen(holder, f.fd(), "container", -1, null, -1, noIommu);
    }
    if (f instanceof IommufdFile) {
      return new PlannedOpen(holder, f.fd(), "iommufd", -1, null, -1, false);
    }
    if (f instanceof GroupFile g) {
      int ctx = g.attachedTo().map(ref -> contextFd(h, ref)).orElse(-1);
      return new PlannedOpen(holder, f.fd(), "group", g.group(), null, ctx, false);
    }
    if (f instanceof DeviceFile d) {
      return new PlannedOpen(holder, f.fd(), "device", -1, d.device().toString(), -1, false);
    }
    if (f instanceof CdevFile c) {
      int ctx = c.boundTo().map(id -> contextFd(h, DmaContextRef.iommufd(id))).orElse(-1);
      return new PlannedOpen(holder, f.fd(), "cdev", -1, c.device().toString(), ctx, false);
    }
    return new PlannedOpen(holder, f.fd(), "other", -1, null, -1, false);
  }

  /** The holder's fd on that container or iommufd, or -1 when it holds none. */
  private static int contextFd(Holder h, DmaContextRef ref) {
    Optional<OpenFile> file =
        h.files().stream()
            .filter(
                f ->
                    switch (ref.kind()) {
                      case CONTAINER ->
                          f instanceof ContainerFile c && c.container().equals(ref.id());
                      case IOMMUFD -> f instanceof IommufdFile i && i.iommufd().equals(ref.id());
                    })
            .findFirst();
    return file.map(OpenFile::fd).orElse(-1);
  }
}
