package org.vfioworkbench.model;

import java.util.Objects;

/** An iommufd context: an open {@code /dev/iommu}, named so that files can refer to it. */
public record IommufdContext(String id) {

  public IommufdContext {
    Objects.requireNonNull(id, "id");
  }
}
