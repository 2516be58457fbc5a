package org.vfioworkbench.scenario.dto;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One open file. Which keys are present says what it is:
 *
 * <ul>
 *   <li>{@code container} (and optionally {@code type}): {@code /dev/vfio/vfio};
 *   <li>{@code iommufd} alone: {@code /dev/iommu};
 *   <li>{@code group}, with {@code container} or {@code iommufd} once attached: {@code
 *       /dev/vfio/N};
 *   <li>{@code device}: a device fd obtained through the device's group;
 *   <li>{@code cdev}, with {@code iommufd} once bound (and optionally {@code devid}): the device
 *       cdev;
 *   <li>{@code other}: anything else, described in words.
 * </ul>
 *
 * @param fd descriptor number
 * @param container a container name
 * @param type the container's IOMMU driver: type1, noiommu, spapr
 * @param iommufd an iommufd context name
 * @param group an IOMMU group id
 * @param device a function opened through its group
 * @param cdev a function opened through its cdev
 * @param devid the devid a cdev bind returned
 * @param other a description of any other file
 * @param inferred true when the attachment or binding was inferred, not observed
 * @param vfToken for a {@code device} or {@code cdev}: the VF token the open or bind passed
 */
@JsonPropertyOrder({
  "fd",
  "group",
  "device",
  "cdev",
  "container",
  "type",
  "iommufd",
  "devid",
  "other",
  "inferred",
  "vfToken"
})
public record FileDto(
    Integer fd,
    String container,
    String type,
    String iommufd,
    Integer group,
    String device,
    String cdev,
    Integer devid,
    String other,
    Boolean inferred,
    String vfToken) {}
