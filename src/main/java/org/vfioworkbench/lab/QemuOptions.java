package org.vfioworkbench.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the lab starts QEMU.
 *
 * @param kernel the guest bzImage (must have IOMMUFD and VFIO built in)
 * @param accel {@code tcg} or {@code kvm}
 * @param memoryMiB guest memory
 * @param timeout how long a guest may run before it is stopped
 * @param javaHome the JDK the guest runs (shared read-only with the host's root)
 * @param classPath the class path the guest runner starts with
 * @param qemu the QEMU program ({@code qemu-system-x86_64}, looked up on the PATH)
 * @param busybox the static busybox put into the guest's initramfs
 */
public record QemuOptions(
    Path kernel,
    String accel,
    int memoryMiB,
    Duration timeout,
    Path javaHome,
    String classPath,
    String qemu,
    Path busybox) {

  public QemuOptions {
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(accel, "accel");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(javaHome, "javaHome");
    Objects.requireNonNull(classPath, "classPath");
    Objects.requireNonNull(qemu, "qemu");
    Objects.requireNonNull(busybox, "busybox");
  }

  /**
   * TCG, 1 GiB, 10 minutes, this JVM and its class path (made absolute: the guest runs from the
   * root of the shared host file system).
   */
  public static QemuOptions defaults(Path kernel) {
    return new QemuOptions(
        kernel,
        "tcg",
        1024,
        Duration.ofMinutes(10),
        Path.of(System.getProperty("java.home")),
        absolute(System.getProperty("java.class.path")),
        "qemu-system-x86_64",
        Initramfs.BUSYBOX);
  }

  static String absolute(String classPath) {
    return java.util.Arrays.stream(classPath.split(java.io.File.pathSeparator))
        .filter(e -> !e.isEmpty())
        .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  public QemuOptions withAccel(String newAccel) {
    return new QemuOptions(
        kernel, newAccel, memoryMiB, timeout, javaHome, classPath, qemu, busybox);
  }

  public QemuOptions withTimeout(Duration newTimeout) {
    return new QemuOptions(
        kernel, accel, memoryMiB, newTimeout, javaHome, classPath, qemu, busybox);
  }

  /** Runs {@code program} as QEMU (tests use a stand-in). */
  public QemuOptions withQemu(String program, Path newBusybox) {
    return new QemuOptions(
        kernel, accel, memoryMiB, timeout, javaHome, classPath, program, newBusybox);
  }
}
