package org.vfioworkbench.host.proc;

import java.util.List;
import java.util.Optional;
import org.vfioworkbench.model.Consumer;

/**
 * Which consumer a process is, read from its {@code /proc/PID/cmdline}: QEMU when the program name
 * says so or it has a {@code -device vfio-pci...} argument; its iommufd backend when a vfio-pci
 * device names {@code iommufd=} or an {@code -object iommufd} is created, else its legacy backend;
 * the VM name from {@code -name guest=NAME,...} or {@code -name NAME}. Anything else is a plain
 * process; an empty command line (a kernel thread, or unreadable) says nothing.
 */
public final class QemuCommandLine {

  private QemuCommandLine() {}

  /** The consumer {@code cmdline} (split at NUL) describes. */
  public static Consumer consumer(List<String> cmdline) {
    if (cmdline.isEmpty()) {
      return Consumer.UNKNOWN;
    }
    String program = cmdline.get(0);
    String base = program.substring(program.lastIndexOf('/') + 1);
    boolean vfioDevice = false;
    boolean iommufd = false;
    Optional<String> vm = Optional.empty();
    for (int i = 1; i < cmdline.size(); i++) {
      String arg = cmdline.get(i);
      String value = i + 1 < cmdline.size() ? cmdline.get(i + 1) : "";
      if (arg.equals("-device") || arg.equals("--device")) {
        if (value.startsWith("vfio-pci")) {
          vfioDevice = true;
          iommufd |= hasProperty(value, "iommufd");
        }
      } else if (arg.equals("-object") || arg.equals("--object")) {
        iommufd |=
            value.startsWith("iommufd,")
                || value.equals("iommufd")
                || value.contains("qom-type\":\"iommufd\"");
      } else if (arg.equals("-name") || arg.equals("--name")) {
        vm = vmName(value);
      }
    }
    boolean qemu = base.startsWith("qemu") || base.equals("kvm") || vfioDevice;
    if (!qemu) {
      return Consumer.of(Consumer.Kind.PROCESS);
    }
    return new Consumer(iommufd ? Consumer.Kind.QEMU_IOMMUFD : Consumer.Kind.QEMU_LEGACY, vm);
  }

  private static boolean hasProperty(String device, String property) {
    for (String part : device.split(",")) {
      if (part.startsWith(property + "=")) {
        return true;
      }
    }
    return false;
  }

  /** {@code guest=win10,debug-threads=on} or {@code win10}. */
  private static Optional<String> vmName(String value) {
    for (String part : value.split(",")) {
      if (part.startsWith("guest=")) {
        String name = part.substring("guest=".length());
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
      }
    }
    String first = value.split(",")[0];
    return first.isEmpty() || first.contains("=") ? Optional.empty() : Optional.of(first);
  }
}
