package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A PCI function.
 *
 * @param bdf its address, {@code 0000:02:00.1}
 * @param name a short human name ("HD Audio")
 * @param header {@code normal} (default), {@code bridge} or {@code cardbus}
 * @param driver {@code vfio-pci}, {@code pci-stub}, {@code pcieport}, {@code none}, or the name of
 *     a native driver; absent means none, or pcieport for a bridge
 * @param vfioVariant true when {@code driver} names a vfio-pci-core variant (mlx5_vfio_pci)
 * @param group its IOMMU group id
 * @param noiommu true when the group is a no-IOMMU group VFIO fabricated
 * @param vendor vendor id, hex
 * @param device device id, hex
 * @param classCode 24-bit class code, hex
 * @param physfn for an SR-IOV VF, the address of its PF
 * @param quirks PCI flags ({@code NO_BUS_RESET}, {@code NO_RESET_METHOD}); when present they
 *     replace what the kernel's quirk table derives from {@code vendor} and {@code device}
 * @param conditions passing conditions ({@code MEMORY_LOCK_BUSY}, {@code DEVICE_LOCK_CONTENDED})
 * @param vfToken for a PF bound to vfio-pci, the VF token (a UUID) set on it
 */
@JsonPropertyOrder({
  "bdf",
  "name",
  "header",
  "driver",
  "vfioVariant",
  "group",
  "noiommu",
  "vendor",
  "device",
  "class",
  "physfn",
  "quirks",
  "conditions",
  "vfToken"
})
public record FunctionDto(
    String bdf,
    String name,
    String header,
    String driver,
    Boolean vfioVariant,
    Integer group,
    Boolean noiommu,
    String vendor,
    String device,
    @JsonProperty("class") String classCode,
    String physfn,
    List<String> quirks,
    List<String> conditions,
    String vfToken) {}
