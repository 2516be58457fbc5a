package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Expected result fields; only the fields present are compared.
 *
 * @param failed true when the call must fail (any errno), false when it must succeed
 * @param ret 0 or -errno
 * @param errno the error name ({@code EINVAL}), for a failure
 * @param flags INFO's output flags by name ({@code DEV_ID}, {@code DEV_ID_OWNED}); [] for none
 * @param count INFO's count
 * @param devices INFO's entries, in any order
 * @param reset the functions HOT_RESET reset, in any order
 * @param decidedBy the kernel function of the deciding (last) trace step
 */
@JsonPropertyOrder({"failed", "ret", "errno", "flags", "count", "devices", "reset", "decidedBy"})
public record ResultDto(
    Boolean failed,
    Integer ret,
    String errno,
    List<String> flags,
    Integer count,
    List<EntryDto> devices,
    List<String> reset,
    String decidedBy) {}
