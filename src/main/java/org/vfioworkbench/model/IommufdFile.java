package org.vfioworkbench.model;

import java.util.Objects;

/** An fd on {@code /dev/iommu}, referring to an {@link IommufdContext} by id. */
public record IommufdFile(int fd, String iommufd) implements OpenFile {

  public IommufdFile {
    Objects.requireNonNull(iommufd, "iommufd");
  }

  @Override
  public String describe() {
    return "/dev/iommu (iommufd " + iommufd + ")";
  }
}
