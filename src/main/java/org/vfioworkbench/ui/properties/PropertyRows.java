package org.vfioworkbench.ui.properties;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DevSet;
import org.vfioworkbench.engine.DeviceState;
import org.vfioworkbench.engine.ScopeDecision;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.Slot;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.state.ElementRef;

/** Builds the property rows of a selection; edits go to {@code edit(label, after)}. Pure. */
public final class PropertyRows {

  /** Receives the edits a row makes. */
  public interface EditSink {
    /** A plain model edit: its label and the topology it produces. */
    void apply(String label, Topology after);

    /** A driver binding change, which the kernel may refuse. */
    void bind(Bdf function, Driver driver);
  }

  private PropertyRows() {}

  public static List<PropertyRow> of(Analysis a, ElementRef sel, EditSink edit) {
    if (sel instanceof ElementRef.FunctionRef f) {
      return a.pci().function(f.bdf()).map(fn -> function(a, fn, edit)).orElse(List.of());
    }
    if (sel instanceof ElementRef.GroupRef g) {
      return group(a, g.group());
    }
    if (sel instanceof ElementRef.HolderRef h) {
      return a.topology().holder(h.holder()).map(PropertyRows::holder).orElse(List.of());
    }
    if (sel instanceof ElementRef.BusRef b) {
      return bus(a, a.pci().bus(b.bus()));
    }
    if (sel instanceof ElementRef.FileRef fr) {
      return a.topology()
          .file(fr.fd())
          .map(
              file ->
                  List.of(
                      PropertyRow.fact("File", "fd", "descriptor number", file.fd()),
                      PropertyRow.fact("File", "holder", "the process", fr.fd().holder()),
                      PropertyRow.fact(
                          "File", "opens", "what /proc/PID/fd shows", file.describe())))
          .orElse(List.of());
    }
    return List.of();
  }

  /** "10de:1eb8, class 030000", or what is missing: a file may give no ids at all. */
  static String ids(PciFunction f) {
    String ids =
        f.vendorId() == 0 && f.deviceId() == 0
            ? "not given"
            : String.format("%04x:%04x", f.vendorId(), f.deviceId());
    String cls =
        f.classCode() == 0 ? "class not given" : String.format("class %06x", f.classCode());
    return ids + ", " + cls;
  }

  private static List<PropertyRow> function(Analysis a, PciFunction f, EditSink edit) {
    List<PropertyRow> rows = new ArrayList<>();
    Bdf b = f.bdf();
    rows.add(PropertyRow.fact("Identity", "address", "segment:bus:device.function", b));
    rows.add(PropertyRow.fact("Identity", "name", "short device name", Labels.deviceName(f)));
    rows.add(PropertyRow.fact("Identity", "header", "configuration header type", f.headerType()));
    rows.add(PropertyRow.fact("Identity", "ids", "vendor:device, class", ids(f)));
    if (!f.isBridge()) {
      rows.add(
          new PropertyRow(
              "Binding",
              "driver",
              "the driver bound to the function",
              DriverChoice.of(f.driver()),
              DriverChoice.class,
              v -> edit.bind(b, ((DriverChoice) v).toDriver(f.driver()))));
    } else {
      rows.add(
          PropertyRow.fact("Binding", "driver", "bridges stay on pcieport", f.driver().label()));
    }
    rows.add(
        new PropertyRow(
            "Quirks",
            "NO_BUS_RESET",
            "PCI_DEV_FLAGS_NO_BUS_RESET on this function",
            f.hasQuirk(Quirk.NO_BUS_RESET),
            Boolean.class,
            v ->
                edit.apply(
                    ((Boolean) v ? "Set" : "Clear") + " NO_BUS_RESET on " + b,
                    a.topology()
                        .withFunction(b, x -> x.withQuirks(toggle(x.quirks(), (Boolean) v))))));
    a.pci()
        .slotOf(b)
        .ifPresent(
            s ->
                rows.add(
                    new PropertyRow(
                        "Slot",
                        "slot " + s.name() + " reset",
                        "whether the slot's hotplug controller implements reset_slot",
                        s.resetSupported(),
                        Boolean.class,
                        v ->
                            edit.apply(
                                ((Boolean) v ? "Enable" : "Disable") + " reset on slot " + s.name(),
                                withSlotReset(a.topology(), s, (Boolean) v)))));
    derived(a, f, rows);
    return rows;
  }

  private static void derived(Analysis a, PciFunction f, List<PropertyRow> rows) {
    Bdf b = f.bdf();
    String g = f.iommuGroup().isPresent() ? String.valueOf(f.iommuGroup().getAsInt()) : "none";
    rows.add(PropertyRow.fact("Derived", "IOMMU group", "the DMA-isolation unit", g));
    if (f.iommuGroup().isPresent()) {
      int id = f.iommuGroup().getAsInt();
      rows.add(
          PropertyRow.fact(
              "Derived",
              "group viable",
              "no member claims DMA ownership",
              a.viable(id) ? "yes" : "no"));
      rows.add(
          PropertyRow.fact(
              "Derived",
              "group open by",
              "the holder of /dev/vfio/" + id,
              a.groupOpen(id).map(o -> o.holder() + " fd " + o.ref().fd()).orElse("nobody")));
    }
    ScopeDecision d = a.scope(b);
    rows.add(
        PropertyRow.fact(
            "Derived",
            "reset scope",
            "what a hot reset of this function touches",
            d.scope()
                .map(s -> s.describe() + ", " + s.size() + " functions")
                .orElse("none (-ENODEV)")));
    Optional<DevSet> set = a.devSet(b);
    rows.add(
        PropertyRow.fact(
            "Derived",
            "dev-set",
            "vfio devices sharing the reset domain",
            set.map(
                    s ->
                        s.key()
                            + ": "
                            + s.members().stream()
                                .map(Labels::shortBdf)
                                .collect(Collectors.joining(", ")))
                .orElse("not a vfio device")));
    Optional<DeviceState> st = a.device(b);
    rows.add(
        PropertyRow.fact(
            "Derived",
            "open state",
            "open_count and path",
            st.map(PropertyRows::openState).orElse("not a vfio device")));
  }

  private static String openState(DeviceState s) {
    if (!s.isOpen()) {
      return "closed";
    }
    String path = s.cdevOpened() ? "cdev" : "group path";
    return "open_count "
        + s.openCount()
        + " via "
        + path
        + s.boundIctx().map(i -> ", iommufd " + i).orElse("")
        + (s.devid().isPresent() ? ", devid " + s.devid().getAsLong() : "");
  }

  private static List<PropertyRow> group(Analysis a, int g) {
    return List.of(
        PropertyRow.fact("Group", "id", "IOMMU group id", g),
        PropertyRow.fact(
            "Group",
            "members",
            "functions in the group",
            a.pci().groupMembers(g).stream()
                .map(Labels::shortBdf)
                .collect(Collectors.joining(", "))),
        PropertyRow.fact(
            "Group", "viable", "no member claims DMA ownership", a.viable(g) ? "yes" : "no"),
        PropertyRow.fact(
            "Group",
            "/dev/vfio node",
            "exists while a member is vfio-bound",
            a.vfioGroupExists(g) ? "exists" : "absent"),
        PropertyRow.fact(
            "Group",
            "open by",
            "the one open group file",
            a.groupOpen(g).map(o -> o.holder() + " fd " + o.ref().fd()).orElse("nobody")));
  }

  private static List<PropertyRow> holder(Holder h) {
    return List.of(
        PropertyRow.fact("Holder", "name", "process name", h.name()),
        PropertyRow.fact("Holder", "pid", "process id", h.pid()),
        PropertyRow.fact("Holder", "CAP_SYS_RAWIO", "needed for no-IOMMU groups", h.capSysRawio()),
        PropertyRow.fact("Holder", "files", "open VFIO-related files", h.files().size()));
  }

  private static List<PropertyRow> bus(Analysis a, PciBus bus) {
    return List.of(
        PropertyRow.fact("Bus", "address", "segment:bus", bus.address()),
        PropertyRow.fact(
            "Bus",
            "upstream bridge",
            "bus->self",
            bus.bridge().map(Bdf::toString).orElse("none (root bus)")),
        PropertyRow.fact(
            "Bus",
            "functions",
            "functions on this bus",
            a.pci().functionsOn(bus.address()).size()));
  }

  private static Set<Quirk> toggle(Set<Quirk> q, boolean on) {
    Set<Quirk> out = q.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(q);
    if (on) {
      out.add(Quirk.NO_BUS_RESET);
    } else {
      out.remove(Quirk.NO_BUS_RESET);
    }
    return out;
  }

  private static Topology withSlotReset(Topology t, Slot s, boolean on) {
    return t.withSlots(
        t.slots().stream()
            .map(x -> x.equals(s) ? new Slot(x.name(), x.bus(), x.device(), on) : x)
            .toList());
  }
}
