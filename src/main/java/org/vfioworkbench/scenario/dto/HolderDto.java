package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A process holding VFIO files.
 *
 * @param name a unique name ("qemu-vm1")
 * @param pid its process id (informational)
 * @param capSysRawio whether it has CAP_SYS_RAWIO (default true)
 * @param files its open files, in the order they were opened
 * @param consumer which program it is: "qemu-legacy", "qemu-iommufd" or "process" (optional)
 * @param vm the VM name QEMU was started with ({@code -name}), optional
 */
@JsonPropertyOrder({"name", "pid", "capSysRawio", "consumer", "vm", "files"})
public record HolderDto(
    String name,
    Integer pid,
    Boolean capSysRawio,
    String consumer,
    String vm,
    List<FileDto> files) {

  /** A holder without consumer or VM name. */
  public HolderDto(String name, Integer pid, Boolean capSysRawio, List<FileDto> files) {
    this(name, pid, capSysRawio, null, null, files);
  }
}
