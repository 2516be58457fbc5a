package org.vfioworkbench.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A process holding VFIO-related files.
 *
 * @param name a unique, human name ("qemu-vm1")
 * @param pid process id (informational; 0 when unknown)
 * @param capSysRawio whether it has CAP_SYS_RAWIO (needed for no-IOMMU groups)
 * @param files its open files, in the order they were opened
 * @param consumer which program it is (QEMU and its backend, or a plain process), {@link
 *     Consumer#UNKNOWN} when not said
 */
public record Holder(
    String name, int pid, boolean capSysRawio, List<OpenFile> files, Consumer consumer) {

  private static final java.util.function.Function<OpenFile, Integer> FD_KEY = OpenFile::fd;

  /** A holder whose program is not said. */
  public Holder(String name, int pid, boolean capSysRawio, List<OpenFile> files) {
    this(name, pid, capSysRawio, files, Consumer.UNKNOWN);
  }

  public Holder {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(consumer, "consumer");
    files = KeyedList.of(files, FD_KEY);
    Set<Integer> seen = new HashSet<>();
    for (OpenFile f : files) {
      if (f.fd() < 0) {
        throw new IllegalArgumentException("holder " + name + ": negative fd " + f.fd());
      }
      if (!seen.add(f.fd())) {
        throw new IllegalArgumentException("holder " + name + ": fd " + f.fd() + " used twice");
      }
    }
  }

  public Optional<OpenFile> file(int fd) {
    return KeyedList.of(files, FD_KEY).find(fd);
  }

  /** The lowest fd number not in use, starting at 3 like a process after stdio. */
  public int nextFreeFd() {
    int fd = 3;
    while (file(fd).isPresent()) {
      fd++;
    }
    return fd;
  }

  public Holder withFiles(List<OpenFile> newFiles) {
    return new Holder(name, pid, capSysRawio, newFiles, consumer);
  }

  public Holder withConsumer(Consumer newConsumer) {
    return new Holder(name, pid, capSysRawio, files, newConsumer);
  }
}
