package org.vfioworkbench.model;

/** A file a holder has open, at a file descriptor number. */
public sealed interface OpenFile
    permits ContainerFile, IommufdFile, GroupFile, DeviceFile, CdevFile, OtherFile {

  /** The descriptor number in the holder's fd table. */
  int fd();

  /** What the kernel would show for this fd in {@code /proc/PID/fd}. */
  String describe();

  /** The function a device fd or a cdev fd opens; empty for every other file. */
  default java.util.Optional<Bdf> openedDevice() {
    return java.util.Optional.empty();
  }
}
