package org.vfioworkbench.engine.diagnostics;

import java.util.Objects;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;

/** What a diagnostic is about, in engine terms; front ends map it to their own references. */
public sealed interface Subject {

  /** "function 0000:02:00.1", "qemu fd 6": how text output names it. */
  String describe();

  /** A PCI function. */
  record Function(Bdf bdf) implements Subject {
    public Function {
      Objects.requireNonNull(bdf, "bdf");
    }

    @Override
    public String describe() {
      return "function " + bdf;
    }
  }

  /** An IOMMU group. */
  record Group(int group) implements Subject {
    @Override
    public String describe() {
      return "group " + group;
    }
  }

  /** A path on the scanned host (or the host as a whole): what a scan note is about. */
  record HostPath(String path) implements Subject {
    public HostPath {
      Objects.requireNonNull(path, "path");
    }

    @Override
    public String describe() {
      return path.isEmpty() ? "the host" : path;
    }
  }

  /** One open file of a holder. */
  record File(FdRef fd) implements Subject {
    public File {
      Objects.requireNonNull(fd, "fd");
    }

    @Override
    public String describe() {
      return fd.holder() + " fd " + fd.fd();
    }
  }
}
