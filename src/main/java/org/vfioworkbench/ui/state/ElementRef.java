package org.vfioworkbench.ui.state;

import java.util.Objects;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.FdRef;

/**
 * A key naming one thing on screen: the shared currency of selection and navigation between the
 * views. Refs name things by identity (address, group id, holder name), never by object.
 */
public sealed interface ElementRef {

  /** A short label for status lines and menus. */
  String label();

  /**
   * Whether the thing this names is in {@code topology} (a re-scan keeps only such a selection).
   */
  default boolean existsIn(org.vfioworkbench.model.Topology topology) {
    if (this instanceof FunctionRef f) {
      return topology.function(f.bdf()).isPresent();
    }
    if (this instanceof GroupRef g) {
      return topology.group(g.group()).isPresent();
    }
    if (this instanceof HolderRef h) {
      return topology.holder(h.holder()).isPresent();
    }
    if (this instanceof BusRef b) {
      return topology.buses().stream().anyMatch(x -> x.address().equals(b.bus()));
    }
    return this instanceof FileRef r && topology.file(r.fd()).isPresent();
  }

  /** A PCI bus. */
  record BusRef(BusAddress bus) implements ElementRef {
    public BusRef {
      Objects.requireNonNull(bus, "bus");
    }

    @Override
    public String label() {
      return "bus " + bus;
    }
  }

  /** A PCI function (endpoint or bridge). */
  record FunctionRef(Bdf bdf) implements ElementRef {
    public FunctionRef {
      Objects.requireNonNull(bdf, "bdf");
    }

    @Override
    public String label() {
      return bdf.toString();
    }
  }

  /** An IOMMU group. */
  record GroupRef(int group) implements ElementRef {
    @Override
    public String label() {
      return "group " + group;
    }
  }

  /** A process holding VFIO files. */
  record HolderRef(String holder) implements ElementRef {
    public HolderRef {
      Objects.requireNonNull(holder, "holder");
    }

    @Override
    public String label() {
      return holder;
    }
  }

  /** One open file of a holder. */
  record FileRef(FdRef fd) implements ElementRef {
    public FileRef {
      Objects.requireNonNull(fd, "fd");
    }

    @Override
    public String label() {
      return "fd " + fd;
    }
  }
}
