package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A legacy container declared explicitly (container files declare theirs by naming it).
 *
 * @param id its name
 * @param type {@code type1} (default), {@code noiommu} or {@code spapr}
 */
@JsonPropertyOrder({"id", "type"})
public record ContainerDto(String id, String type) {}
