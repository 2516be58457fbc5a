package org.vfioworkbench.scenario;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.HeaderType;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Quirk;
import org.vfioworkbench.model.TransientCondition;
import org.vfioworkbench.scenario.dto.FunctionDto;

/** One function entry to a {@link PciFunction}, and driver names to {@link Driver}s and back. */
final class FunctionMapper {

  static final String VFIO_PCI = "vfio-pci";
  static final String PCI_STUB = "pci-stub";
  static final String PCIEPORT = "pcieport";
  static final String NONE = "none";
  private static final List<String> SPECIAL = List.of(VFIO_PCI, PCI_STUB, PCIEPORT, NONE);

  private FunctionMapper() {}

  static PciFunction toModel(FunctionDto f, String path) {
    Bdf bdf = Values.bdf(Values.required(f.bdf(), path, "bdf"), path + ".bdf");
    HeaderType header =
        f.header() == null
            ? HeaderType.NORMAL
            : Values.choice(f.header(), HeaderType.class, path + ".header", "header type");
    Driver driver = driver(f.driver(), f.vfioVariant(), header, path);
    OptionalInt group = OptionalInt.empty();
    if (f.group() != null) {
      group =
          OptionalInt.of(
              Values.range(f.group(), 0, Integer.MAX_VALUE, path + ".group", "IOMMU group"));
    }
    if (Boolean.TRUE.equals(f.noiommu()) && group.isEmpty()) {
      throw new Problem(
          path + ".noiommu", "a no-IOMMU function needs the \"group\" id VFIO gave it");
    }
    Optional<Bdf> physfn =
        Optional.ofNullable(f.physfn()).map(p -> Values.bdf(p, path + ".physfn"));
    if (physfn.isPresent() && physfn.get().equals(bdf)) {
      throw new Problem(path + ".physfn", bdf + " cannot be its own physical function");
    }
    return new PciFunction(
        bdf,
        header,
        Values.hex(f.vendor(), 4, path + ".vendor", "vendor"),
        Values.hex(f.device(), 4, path + ".device", "device"),
        Values.hex(f.classCode(), 6, path + ".class", "class"),
        f.name() == null ? "" : f.name(),
        driver,
        group,
        physfn,
        constants(f.quirks(), Quirk.class, path + ".quirks", "quirk"),
        constants(f.conditions(), TransientCondition.class, path + ".conditions", "condition"),
        f.quirks() != null,
        vfToken(f.vfToken(), physfn.isPresent(), path));
  }

  /** The VF token a PF carries; a UUID, and never on a VF. */
  static Optional<UUID> vfToken(String token, boolean isVf, String path) {
    if (token == null) {
      return Optional.empty();
    }
    String at = path + ".vfToken";
    if (isVf) {
      throw new Problem(at, "a VF token is set on the PF, not on a VF");
    }
    try {
      return Optional.of(UUID.fromString(token));
    } catch (IllegalArgumentException e) {
      throw new Problem(
          at, "\"" + token + "\" is not a UUID (e.g. 2ab74924-c335-45f4-9b16-8569e5b08258)");
    }
  }

  /** The driver a function entry names; see the format documentation for the rules. */
  static Driver driver(String name, Boolean vfioVariant, HeaderType header, String path) {
    String at = path + ".driver";
    if (name == null) {
      if (vfioVariant != null) {
        throw new Problem(path + ".vfioVariant", "\"vfioVariant\" needs a \"driver\" name");
      }
      return header == HeaderType.BRIDGE ? Driver.PCIEPORT : Driver.NONE;
    }
    if (name.isBlank()) {
      throw new Problem(
          at, "the driver name is empty; write \"none\" for a function without a driver");
    }
    if (SPECIAL.contains(name)) {
      if (Boolean.TRUE.equals(vfioVariant) && !name.equals(VFIO_PCI)) {
        throw new Problem(path + ".vfioVariant", name + " is not a vfio-pci-core variant");
      }
      return switch (name) {
        case VFIO_PCI -> Driver.VFIO_PCI;
        case PCI_STUB -> Driver.PCI_STUB;
        case PCIEPORT -> Driver.PCIEPORT;
        default -> Driver.NONE;
      };
    }
    String normalised = name.toLowerCase(Locale.ROOT).replace('_', '-');
    if (SPECIAL.contains(normalised)) {
      throw new Problem(
          at,
          "\""
              + name
              + "\" would be read as a native driver; the kernel spells it \""
              + normalised
              + "\"");
    }
    for (String special : List.of(VFIO_PCI, PCI_STUB, PCIEPORT)) {
      if (Names.distance(normalised, special) == 1) {
        throw new Problem(
            at,
            "\"" + name + "\" would be read as a native driver; did you mean \"" + special + "\"?");
      }
    }
    if (vfioVariant == null && normalised.contains("vfio")) {
      throw new Problem(
          at,
          "\""
              + name
              + "\" looks like a vfio-pci-core variant driver; say \"vfioVariant\": true (a dev_set"
              + " member, like vfio-pci) or false (a native driver)");
    }
    return Boolean.TRUE.equals(vfioVariant) ? Driver.vfioVariant(name) : Driver.nativeDriver(name);
  }

  /** The name a driver is written with, and whether it needs {@code "vfioVariant": true}. */
  static String driverName(Driver d) {
    return switch (d.kind()) {
      case VFIO_PCI -> d.name().isEmpty() ? VFIO_PCI : d.name();
      case PCI_STUB -> PCI_STUB;
      case PCIEPORT -> PCIEPORT;
      case NONE -> NONE;
      case NATIVE -> d.name();
    };
  }

  /** The {@code vfioVariant} value to write: true for a variant, false for a native "*vfio*". */
  static Boolean vfioVariantFlag(Driver d) {
    if (d.kind() == DriverKind.VFIO_PCI && !driverName(d).equals(VFIO_PCI)) {
      return Boolean.TRUE;
    }
    if (d.kind() == DriverKind.NATIVE && d.name().toLowerCase(Locale.ROOT).contains("vfio")) {
      return Boolean.FALSE;
    }
    return null;
  }

  private static <E extends Enum<E>> Set<E> constants(
      List<String> names, Class<E> type, String path, String what) {
    Set<E> out = EnumSet.noneOf(type);
    List<String> list = Values.list(names);
    for (int i = 0; i < list.size(); i++) {
      String at = JsonLocationIndex.element(path, i);
      E c = Values.constant(Values.element(list.get(i), at, "a " + what), type, at, what);
      if (!out.add(c)) {
        throw new Problem(at, c.name() + " is listed twice");
      }
    }
    return out;
  }
}
