package org.vfioworkbench.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Consumer;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.scenario.dto.ContainerDto;
import org.vfioworkbench.scenario.dto.FileDto;
import org.vfioworkbench.scenario.dto.HolderDto;
import org.vfioworkbench.scenario.dto.ScenarioDto;

/**
 * Holders and their files, and the containers and iommufd contexts they declare: a container or
 * iommufd exists when a container file or iommufd file names it (or the top-level lists do), and
 * every group or cdev file must name one that exists.
 */
final class HolderMapper {

  /** The mapped holders and DMA contexts. */
  record Holders(List<Holder> holders, List<Container> containers, List<IommufdContext> iommufds) {}

  private final Map<String, ContainerType> containers = new LinkedHashMap<>();
  private boolean noIommuMode;
  private final Map<String, String> containerTypePath = new HashMap<>();
  private final Map<String, IommufdContext> iommufds = new LinkedHashMap<>();

  private HolderMapper() {}

  static Holders map(ScenarioDto dto, Predicate<Bdf> functionExists, Set<Integer> groups) {
    return new HolderMapper().run(dto, functionExists, groups);
  }

  private Holders run(ScenarioDto dto, Predicate<Bdf> functionExists, Set<Integer> groups) {
    noIommuMode =
        dto.host() != null && dto.host().noIommuMode() != null
            ? dto.host().noIommuMode()
            : org.vfioworkbench.model.HostOptions.DEFAULT.noIommuMode();
    declareTopLevel(dto);
    List<HolderDto> list = Values.list(dto.holders());
    List<Holder> holders = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    Map<Integer, Integer> pids = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = JsonLocationIndex.element("$.holders", i);
      HolderDto h = Values.element(list.get(i), path, "a holder");
      String name = Values.name(h.name(), path, "holder \"name\"");
      Integer first = names.putIfAbsent(name, i);
      if (first != null) {
        throw new Problem(
            path + ".name",
            "holder \"" + name + "\" is declared twice (first at $.holders[" + first + "])");
      }
      int pid =
          h.pid() == null ? 0 : Values.range(h.pid(), 0, Values.MAX_PID, path + ".pid", "pid");
      if (h.pid() != null && pid != 0) {
        Integer samePid = pids.putIfAbsent(pid, i);
        if (samePid != null) {
          throw new Problem(
              path + ".pid",
              "pid "
                  + pid
                  + " is already the pid of $.holders["
                  + samePid
                  + "]; one process is one holder (put all its files in one holder)");
        }
      }
      holders.add(
          new Holder(
              name,
              pid,
              h.capSysRawio() == null || h.capSysRawio(),
              files(h, path),
              consumer(h, path)));
    }
    for (int i = 0; i < holders.size(); i++) {
      List<OpenFile> files = holders.get(i).files();
      for (int j = 0; j < files.size(); j++) {
        checkReferences(
            files.get(j),
            JsonLocationIndex.element(JsonLocationIndex.element("$.holders", i) + ".files", j),
            functionExists,
            groups);
      }
    }
    List<Container> cs = new ArrayList<>();
    containers.forEach((id, type) -> cs.add(new Container(id, type)));
    return new Holders(holders, cs, new ArrayList<>(iommufds.values()));
  }

  private static Consumer consumer(HolderDto h, String path) {
    Optional<String> vm =
        h.vm() == null
            ? Optional.empty()
            : Optional.of(Values.name(h.vm(), path + ".vm", "vm name"));
    if (h.consumer() == null) {
      return new Consumer(Consumer.Kind.UNKNOWN, vm);
    }
    List<String> ids =
        Arrays.stream(Consumer.Kind.values())
            .filter(k -> k != Consumer.Kind.UNKNOWN)
            .map(Consumer.Kind::id)
            .toList();
    Consumer.Kind kind =
        Consumer.Kind.byId(h.consumer())
            .filter(k -> k != Consumer.Kind.UNKNOWN)
            .orElseThrow(
                () ->
                    new Problem(
                        path + ".consumer",
                        "\""
                            + h.consumer()
                            + "\" is not a known consumer (one of "
                            + String.join(", ", ids)
                            + ")"));
    return new Consumer(kind, vm);
  }

  private void declareTopLevel(ScenarioDto dto) {
    List<ContainerDto> cs = Values.list(dto.containers());
    for (int i = 0; i < cs.size(); i++) {
      String path = JsonLocationIndex.element("$.containers", i);
      ContainerDto c = Values.element(cs.get(i), path, "a container");
      String id = Values.name(c.id(), path, "container \"id\"");
      if (containers.containsKey(id)) {
        throw new Problem(path + ".id", "container \"" + id + "\" is declared twice");
      }
      declareContainer(id, c.type(), path + ".type");
    }
    List<String> is = Values.list(dto.iommufds());
    for (int i = 0; i < is.size(); i++) {
      String path = JsonLocationIndex.element("$.iommufds", i);
      String id = Values.name(is.get(i), path, "iommufd name");
      if (iommufds.putIfAbsent(id, new IommufdContext(id)) != null) {
        throw new Problem(path, "iommufd \"" + id + "\" is declared twice");
      }
    }
  }

  private List<OpenFile> files(HolderDto h, String holderPath) {
    List<FileDto> list = Values.list(h.files());
    List<OpenFile> out = new ArrayList<>();
    Map<Integer, Integer> fds = new HashMap<>();
    for (int j = 0; j < list.size(); j++) {
      String path = JsonLocationIndex.element(holderPath + ".files", j);
      FileDto dto = Values.element(list.get(j), path, "a file");
      OpenFile f = FileMapper.toModel(dto, path);
      Integer first = fds.putIfAbsent(f.fd(), j);
      if (first != null) {
        throw new Problem(
            path + ".fd",
            "fd "
                + f.fd()
                + " is used twice in holder \""
                + h.name()
                + "\" (first at "
                + holderPath
                + ".files["
                + first
                + "])");
      }
      if (f instanceof ContainerFile c) {
        declareContainer(c.container(), dto.type(), path + ".type");
      } else if (f instanceof IommufdFile i) {
        iommufds.putIfAbsent(i.iommufd(), new IommufdContext(i.iommufd()));
      }
      out.add(f);
    }
    return out;
  }

  private void declareContainer(String id, String typeName, String typePath) {
    if (typeName == null) {
      containers.putIfAbsent(id, ContainerType.TYPE1);
      return;
    }
    ContainerType type = Values.choice(typeName, ContainerType.class, typePath, "container type");
    if (type == ContainerType.NOIOMMU && !noIommuMode) {
      throw new Problem(
          typePath,
          "container \""
              + id
              + "\" cannot be a no-IOMMU container:"
              + " without no-IOMMU mode (\"host\": {\"noIommuMode\": true}) there is no no-IOMMU"
              + " group to attach and VFIO_SET_IOMMU refuses VFIO_NOIOMMU_IOMMU"
              + " (vfio_iommu_driver_allowed)");
    }
    String earlier = containerTypePath.putIfAbsent(id, typePath);
    if (earlier != null && containers.get(id) != type) {
      throw new Problem(
          typePath,
          "container \""
              + id
              + "\" is "
              + containers.get(id).name().toLowerCase(java.util.Locale.ROOT)
              + " at "
              + earlier
              + "; one container has one type");
    }
    containers.put(id, type);
  }

  /** References checked once every container and iommufd is known, so order does not matter. */
  void checkReferences(
      OpenFile f, String path, Predicate<Bdf> functionExists, Set<Integer> groups) {
    if (f instanceof DeviceFile d) {
      requireFunction(d.device(), path + ".device", functionExists);
    } else if (f instanceof CdevFile c) {
      requireFunction(c.device(), path + ".cdev", functionExists);
      c.boundTo().ifPresent(i -> requireIommufd(i, path + ".iommufd"));
    } else if (f instanceof GroupFile g) {
      if (!groups.contains(g.group())) {
        throw new Problem(path + ".group", "no function is in IOMMU group " + g.group());
      }
      g.attachedTo()
          .ifPresent(
              ctx -> {
                if (ctx.kind() == DmaContextRef.Kind.CONTAINER) {
                  requireContainer(ctx.id(), path + ".container");
                } else {
                  requireIommufd(ctx.id(), path + ".iommufd");
                }
              });
    }
  }

  private void requireContainer(String id, String path) {
    if (!containers.containsKey(id)) {
      throw new Problem(
          path,
          "no container file declares container \""
              + id
              + "\""
              + hintFrom(id, containers.keySet()));
    }
  }

  private void requireIommufd(String id, String path) {
    if (!iommufds.containsKey(id)) {
      throw new Problem(
          path,
          "no iommufd file declares iommufd \"" + id + "\"" + hintFrom(id, iommufds.keySet()));
    }
  }

  private static void requireFunction(Bdf bdf, String path, Predicate<Bdf> functionExists) {
    if (!functionExists.test(bdf)) {
      throw new Problem(path, bdf + " is not among the functions");
    }
  }

  private static String hintFrom(String given, Set<String> known) {
    return known.isEmpty()
        ? ""
        : Names.nearest(given, known)
            .map(n -> "; did you mean \"" + n + "\"?")
            .orElse(" (declared: " + Names.quoted(known) + ")");
  }
}
