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
 */
@JsonPropertyOrder({"name", "pid", "capSysRawio", "files"})
public record HolderDto(String name, Integer pid, Boolean capSysRawio, List<FileDto> files) {}
