package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One expected INFO entry: {@code group} in group-id mode, {@code devid} in DEV_ID mode.
 *
 * @param bdf the affected function
 * @param group its IOMMU group id
 * @param devid a devid number, {@code "OWNED"} or {@code "NOT_OWNED"}
 */
@JsonPropertyOrder({"bdf", "group", "devid"})
public record EntryDto(String bdf, Integer group, JsonNode devid) {}
