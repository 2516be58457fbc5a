package org.vfioworkbench.model;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which program a holder is, as far as resets are concerned: QEMU with its legacy (container and
 * group) VFIO backend, QEMU with its iommufd backend, or a plain process; and the VM's name when
 * the QEMU command line gives one ({@code -name}).
 *
 * @param kind the program
 * @param vmName the VM name from {@code -name guest=NAME} or {@code -name NAME}, if known
 */
public record Consumer(Kind kind, Optional<String> vmName) {

  /** Nothing said: the engine infers the backend from the holder's files where it needs one. */
  public static final Consumer UNKNOWN = new Consumer(Kind.UNKNOWN, Optional.empty());

  /** The programs the workbench models. */
  public enum Kind {
    /** Not declared and not inferred. */
    UNKNOWN("unknown"),
    /** QEMU, {@code -device vfio-pci,host=...} without {@code iommufd=}: container and groups. */
    QEMU_LEGACY("qemu-legacy"),
    /** QEMU, {@code -object iommufd,id=X -device vfio-pci,...,iommufd=X}: device cdevs. */
    QEMU_IOMMUFD("qemu-iommufd"),
    /** Any other program (a test tool, a DPDK application, a user-space driver). */
    PROCESS("process");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** The name used in scenario files and JSON output ("qemu-legacy"). */
    public String id() {
      return id;
    }

    /** The kind named {@code id} in a scenario file, if any. */
    public static Optional<Kind> byId(String id) {
      String wanted = id.toLowerCase(Locale.ROOT);
      for (Kind k : values()) {
        if (k.id.equals(wanted)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  public Consumer {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(vmName, "vmName");
  }

  public static Consumer of(Kind kind) {
    return new Consumer(kind, Optional.empty());
  }

  public boolean isQemu() {
    return kind == Kind.QEMU_LEGACY || kind == Kind.QEMU_IOMMUFD;
  }
}
