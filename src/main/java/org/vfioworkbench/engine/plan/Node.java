package org.vfioworkbench.engine.plan;

import java.util.Objects;
import org.vfioworkbench.engine.DevSet;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;

/** A vertex of the {@link HostGraph}. */
public sealed interface Node {

  /** A stable identifier, unique in the graph, usable as a DOT or GraphML id. */
  String id();

  /** What a reader sees. */
  String label();

  /** A PCI function. */
  record Function(Bdf bdf, String description) implements Node {
    public Function {
      Objects.requireNonNull(bdf, "bdf");
      Objects.requireNonNull(description, "description");
    }

    @Override
    public String id() {
      return "fn_" + bdf.toString().replace(':', '_').replace('.', '_');
    }

    @Override
    public String label() {
      return description.isEmpty() ? bdf.toString() : bdf + " " + description;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Function f && f.bdf.equals(bdf);
    }

    @Override
    public int hashCode() {
      return bdf.hashCode();
    }
  }

  /** An IOMMU group. */
  record Group(int number) implements Node {
    @Override
    public String id() {
      return "group_" + number;
    }

    @Override
    public String label() {
      return "IOMMU group " + number;
    }
  }

  /**
   * A reset domain: the dev-set its functions are in, or would be in once bound to vfio-pci (keyed
   * by slot, bus or the device itself, as {@code vfio_pci_core_register_device} keys it).
   */
  record ResetDomain(DevSet.Key key) implements Node {
    public ResetDomain {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String id() {
      return "devset_"
          + key.kind().name().toLowerCase(java.util.Locale.ROOT)
          + "_"
          + key.name().replaceAll("[^A-Za-z0-9]", "_");
    }

    @Override
    public String label() {
      return "dev_set " + key;
    }
  }

  /** A process holding VFIO files. */
  record Process(String name, int pid) implements Node {
    public Process {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String id() {
      return "holder_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }

    @Override
    public String label() {
      return pid > 0 ? name + " (pid " + pid + ")" : name;
    }
  }

  /** One open file of a process. */
  record Fd(FdRef ref, String describe) implements Node {
    public Fd {
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(describe, "describe");
    }

    @Override
    public String id() {
      return "fd_" + ref.holder().replaceAll("[^A-Za-z0-9]", "_") + "_" + ref.fd();
    }

    @Override
    public String label() {
      return "fd " + ref.fd() + ": " + describe;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Fd f && f.ref.equals(ref);
    }

    @Override
    public int hashCode() {
      return ref.hashCode();
    }
  }
}
