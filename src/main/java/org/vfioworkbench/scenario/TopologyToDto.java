package org.vfioworkbench.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Consumer;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.GroupKind;
import org.vfioworkbench.model.HeaderType;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.HostOptions;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.OtherFile;
import org.vfioworkbench.model.PciBus;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.dto.BusDto;
import org.vfioworkbench.scenario.dto.ContainerDto;
import org.vfioworkbench.scenario.dto.FileDto;
import org.vfioworkbench.scenario.dto.FunctionDto;
import org.vfioworkbench.scenario.dto.GroupDto;
import org.vfioworkbench.scenario.dto.HolderDto;
import org.vfioworkbench.scenario.dto.HostDto;
import org.vfioworkbench.scenario.dto.SlotDto;

/**
 * The topology half of saving: model records back to DTOs, leaving out defaults. Groups, containers
 * and iommufds are written at top level only when the files would not declare the same list in the
 * same order, so that reading the file back gives an equal topology.
 */
final class TopologyToDto {

  private final Topology t;

  TopologyToDto(Topology topology) {
    this.t = topology;
  }

  HostDto host() {
    HostOptions o = t.options();
    if (o.equals(HostOptions.DEFAULT)) {
      return null;
    }
    return new HostDto(
        o.noIommuMode() ? Boolean.TRUE : null, o.cdevSupported() ? null : Boolean.FALSE);
  }

  List<BusDto> buses() {
    List<BusDto> out = new ArrayList<>();
    Set<BusAddress> declared = new LinkedHashSet<>();
    for (PciBus b : t.buses()) {
      declared.add(b.address());
      out.add(new BusDto(b.address().toString(), b.bridge().map(Object::toString).orElse(null)));
    }
    for (PciFunction f : t.functions()) {
      if (declared.add(f.bdf().busAddress())) {
        out.add(new BusDto(f.bdf().busAddress().toString(), null));
      }
    }
    return out;
  }

  List<SlotDto> slots() {
    return t.slots().stream()
        .map(s -> new SlotDto(s.name(), s.bus().toString(), s.device(), s.hotplug().id(), null))
        .toList();
  }

  List<FunctionDto> functions() {
    List<FunctionDto> out = new ArrayList<>();
    for (PciFunction f : t.functions()) {
      boolean noiommu =
          f.iommuGroup().isPresent()
              && t.group(f.iommuGroup().getAsInt())
                  .map(g -> g.kind() == GroupKind.NOIOMMU)
                  .orElse(false);
      out.add(
          new FunctionDto(
              f.bdf().toString(),
              f.description().isEmpty() ? null : f.description(),
              f.headerType() == HeaderType.NORMAL
                  ? null
                  : f.headerType().name().toLowerCase(Locale.ROOT),
              FunctionMapper.driverName(f.driver()),
              FunctionMapper.vfioVariantFlag(f.driver()),
              f.iommuGroup().isPresent() ? f.iommuGroup().getAsInt() : null,
              noiommu ? Boolean.TRUE : null,
              f.vendorId() == 0 ? null : String.format("%04x", f.vendorId()),
              f.deviceId() == 0 ? null : String.format("%04x", f.deviceId()),
              f.classCode() == 0 ? null : String.format("%06x", f.classCode()),
              f.physfn().map(Object::toString).orElse(null),
              f.quirks().isEmpty() && !f.quirksDeclared()
                  ? null
                  : f.quirks().stream().map(Enum::name).sorted().toList(),
              f.conditions().isEmpty()
                  ? null
                  : f.conditions().stream().map(Enum::name).sorted().toList(),
              f.vfToken().map(Object::toString).orElse(null)));
    }
    return out;
  }

  /** The groups the functions declare, in order, as the loader would rebuild them. */
  List<GroupDto> groups() {
    Map<Integer, IommuGroup> implicit = new LinkedHashMap<>();
    for (PciFunction f : t.functions()) {
      f.iommuGroup()
          .ifPresent(
              id ->
                  implicit.putIfAbsent(
                      id, t.group(id).orElse(new IommuGroup(id, GroupKind.IOMMU))));
    }
    if (new ArrayList<>(implicit.values()).equals(t.groups())) {
      return null;
    }
    return t.groups().stream()
        .map(g -> new GroupDto(g.id(), g.kind() == GroupKind.NOIOMMU ? Boolean.TRUE : null))
        .toList();
  }

  List<ContainerDto> containers() {
    Map<String, Container> implicit = new LinkedHashMap<>();
    for (Holder h : t.holders()) {
      for (OpenFile f : h.files()) {
        if (f instanceof ContainerFile c) {
          implicit.putIfAbsent(
              c.container(), new Container(c.container(), containerType(c.container())));
        }
      }
    }
    if (new ArrayList<>(implicit.values()).equals(t.containers())) {
      return null;
    }
    return t.containers().stream()
        .map(c -> new ContainerDto(c.id(), c.type().name().toLowerCase(Locale.ROOT)))
        .toList();
  }

  List<String> iommufds() {
    Set<String> implicit = new LinkedHashSet<>();
    for (Holder h : t.holders()) {
      for (OpenFile f : h.files()) {
        if (f instanceof IommufdFile i) {
          implicit.add(i.iommufd());
        }
      }
    }
    List<String> declared = t.iommufds().stream().map(IommufdContext::id).toList();
    return new ArrayList<>(implicit).equals(declared) ? null : declared;
  }

  List<HolderDto> holders() {
    List<HolderDto> out = new ArrayList<>();
    for (Holder h : t.holders()) {
      List<FileDto> files = h.files().stream().map(this::file).toList();
      out.add(
          new HolderDto(
              h.name(),
              h.pid() == 0 ? null : h.pid(),
              h.capSysRawio() ? null : Boolean.FALSE,
              h.consumer().kind() == Consumer.Kind.UNKNOWN ? null : h.consumer().kind().id(),
              h.consumer().vmName().orElse(null),
              files));
    }
    return out;
  }

  List<String> bindOrder() {
    return t.bindOrder().isEmpty() ? null : t.bindOrder().stream().map(Object::toString).toList();
  }

  FileDto file(OpenFile f) {
    if (f instanceof ContainerFile c) {
      return new FileDto(
          c.fd(),
          c.container(),
          containerType(c.container()).name().toLowerCase(Locale.ROOT),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    }
    if (f instanceof IommufdFile i) {
      return new FileDto(i.fd(), null, null, i.iommufd(), null, null, null, null, null, null, null);
    }
    if (f instanceof GroupFile g) {
      Optional<DmaContextRef> ctx = g.attachedTo();
      String container =
          ctx.filter(c -> c.kind() == DmaContextRef.Kind.CONTAINER)
              .map(DmaContextRef::id)
              .orElse(null);
      String iommufd =
          ctx.filter(c -> c.kind() == DmaContextRef.Kind.IOMMUFD)
              .map(DmaContextRef::id)
              .orElse(null);
      return new FileDto(
          g.fd(),
          container,
          null,
          iommufd,
          g.group(),
          null,
          null,
          null,
          null,
          inferred(g.inferred()),
          null);
    }
    if (f instanceof DeviceFile d) {
      return new FileDto(
          d.fd(),
          null,
          null,
          null,
          null,
          d.device().toString(),
          null,
          null,
          null,
          null,
          d.vfToken().map(Object::toString).orElse(null));
    }
    if (f instanceof CdevFile c) {
      return new FileDto(
          c.fd(),
          null,
          null,
          c.boundTo().orElse(null),
          null,
          null,
          c.device().toString(),
          c.devid().isPresent() ? c.devid().getAsInt() : null,
          null,
          inferred(c.inferred()),
          c.vfToken().map(Object::toString).orElse(null));
    }
    OtherFile o = (OtherFile) f;
    return new FileDto(
        o.fd(), null, null, null, null, null, null, null, o.description(), null, null);
  }

  private ContainerType containerType(String id) {
    return t.container(id).map(Container::type).orElse(ContainerType.TYPE1);
  }

  private static Boolean inferred(boolean value) {
    return value ? Boolean.TRUE : null;
  }
}
