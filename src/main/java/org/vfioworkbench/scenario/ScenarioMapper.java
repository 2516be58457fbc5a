package org.vfioworkbench.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.io.Limit;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.HostOptions;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.dto.HostDto;
import org.vfioworkbench.scenario.dto.ScenarioDto;

/** A whole {@link ScenarioDto} to a {@link Scenario}, with every structural check. */
final class ScenarioMapper {

  private ScenarioMapper() {}

  static Scenario toScenario(ScenarioDto dto) {
    Integer format = Values.required(dto.format(), "$", "format");
    if (format != ScenarioLoader.FORMAT) {
      throw new Problem(
          "$.format",
          "format "
              + format
              + " is not supported; this workbench reads format "
              + ScenarioLoader.FORMAT);
    }
    checkLimit(Values.list(dto.functions()).size(), Limit.FUNCTIONS, "$.functions");
    checkLimit(Values.list(dto.expect()).size(), Limit.EXPECTATIONS, "$.expect");
    Optional<Profile> profile =
        Optional.ofNullable(dto.profile()).map(p -> ExpectationMapper.profile(p, "$.profile"));
    HostOptions options = host(dto.host());
    PciMapper.Pci pci = PciMapper.map(dto, options);
    Set<Bdf> declared = new HashSet<>();
    pci.functions().forEach(f -> declared.add(f.bdf()));
    Set<Integer> groups = new HashSet<>();
    pci.groups().forEach(g -> groups.add(g.id()));
    HolderMapper.Holders holders = HolderMapper.map(dto, declared::contains, groups);
    List<Bdf> bindOrder = bindOrder(Values.list(dto.bindOrder()), pci.functions());
    Topology topology =
        new Topology(
            options,
            pci.buses(),
            pci.slots(),
            pci.functions(),
            pci.groups(),
            holders.containers(),
            holders.iommufds(),
            holders.holders(),
            bindOrder);
    List<Expectation> expectations = new ExpectationMapper().map(Values.list(dto.expect()));
    return new Scenario(
        dto.name() == null ? "" : dto.name(),
        dto.description() == null ? "" : dto.description(),
        profile,
        topology,
        expectations);
  }

  private static void checkLimit(int count, Limit limit, String path) {
    if (count > limit.value()) {
      throw new Problem(path, count + " entries: " + limit.exceeded());
    }
  }

  private static HostOptions host(HostDto h) {
    if (h == null) {
      return HostOptions.DEFAULT;
    }
    return new HostOptions(
        h.noIommuMode() == null ? HostOptions.DEFAULT.noIommuMode() : h.noIommuMode(),
        h.cdev() == null ? HostOptions.DEFAULT.cdevSupported() : h.cdev());
  }

  private static List<Bdf> bindOrder(List<String> list, List<PciFunction> functions) {
    List<Bdf> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = JsonLocationIndex.element("$.bindOrder", i);
      Bdf b = Values.bdf(Values.element(list.get(i), at, "an address"), at);
      Optional<PciFunction> f = functions.stream().filter(x -> x.bdf().equals(b)).findFirst();
      if (f.isEmpty()) {
        throw new Problem(at, b + " is not among the functions");
      }
      if (!f.get().driver().isVfio()) {
        throw new Problem(
            at,
            b
                + " is on "
                + f.get().driver().label()
                + "; only functions bound to a vfio driver have a bind order");
      }
      if (out.contains(b)) {
        throw new Problem(at, b + " is listed twice");
      }
      out.add(b);
    }
    return out;
  }
}
