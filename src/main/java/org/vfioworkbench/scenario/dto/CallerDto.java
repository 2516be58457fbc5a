package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The fd an ioctl is called on: {@code device} alone (the one fd that has that device open), or
 * {@code holder} and {@code fd}.
 *
 * @param device a function address
 * @param holder a holder name
 * @param fd a descriptor number in that holder
 */
@JsonPropertyOrder({"device", "holder", "fd"})
public record CallerDto(String device, String holder, Integer fd) {}
