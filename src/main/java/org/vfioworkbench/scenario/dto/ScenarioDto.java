package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A whole scenario file.
 *
 * @param format the format version; this workbench reads and writes 1
 * @param name a short title
 * @param description one paragraph saying what the scenario shows
 * @param profile the kernel the holders' files were opened on ({@code linux-6.10} when absent)
 * @param host host-wide kernel settings
 * @param buses every bus that holds a function
 * @param slots physical slots
 * @param functions every PCI function
 * @param groups IOMMU groups; only needed to keep an unused group or an explicit order
 * @param containers legacy containers; only needed for ones no file names, or an explicit order
 * @param iommufds iommufd contexts; only needed for ones no file names, or an explicit order
 * @param holders processes and their open files, in the order they were opened
 * @param bindOrder the order functions were bound to vfio-pci, where it matters
 * @param expect results the scenario must produce
 */
@JsonPropertyOrder({
  "format",
  "name",
  "description",
  "profile",
  "host",
  "buses",
  "slots",
  "functions",
  "groups",
  "containers",
  "iommufds",
  "holders",
  "bindOrder",
  "expect"
})
public record ScenarioDto(
    Integer format,
    String name,
    String description,
    String profile,
    HostDto host,
    List<BusDto> buses,
    List<SlotDto> slots,
    List<FunctionDto> functions,
    List<GroupDto> groups,
    List<ContainerDto> containers,
    List<String> iommufds,
    List<HolderDto> holders,
    List<String> bindOrder,
    List<ExpectDto> expect) {}
