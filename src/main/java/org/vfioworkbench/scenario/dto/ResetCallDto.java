package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code VFIO_DEVICE_PCI_HOT_RESET}. Exactly one of {@code groups}, {@code fds}, {@code empty} and
 * {@code natural} says how the array is built.
 *
 * @param groups the caller's holder's group files for these group ids, in this order
 * @param fds raw descriptor numbers, in this order (closed ones allowed)
 * @param empty true for the zero-length array
 * @param natural true for the array the holder would build itself (QEMU's way)
 * @param argsz override the header's argsz
 * @param flags override the header's flags (default 0)
 */
@JsonPropertyOrder({"groups", "fds", "empty", "natural", "argsz", "flags"})
public record ResetCallDto(
    List<Integer> groups,
    List<Integer> fds,
    Boolean empty,
    Boolean natural,
    Long argsz,
    Long flags) {}
