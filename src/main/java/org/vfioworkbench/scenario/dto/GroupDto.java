package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * An IOMMU group declared explicitly (functions declare theirs by naming it).
 *
 * @param id the group id
 * @param noiommu true for a no-IOMMU group
 */
@JsonPropertyOrder({"id", "noiommu"})
public record GroupDto(Integer id, Boolean noiommu) {}
