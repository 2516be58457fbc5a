package org.vfioworkbench.engine;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.OpenFile;

/**
 * Object ids in each iommufd context as the kernel hands them out ({@code xa_alloc} with {@code
 * XA_FLAGS_ALLOC1}): the lowest free id from 1. Ids a file states are reserved first, so a device
 * that keeps its stated id is never given to another.
 */
final class DevidAllocator {

  private final Map<String, Set<Long>> used = new HashMap<>();

  /** Reserves the ids that {@code files}' bound cdevs state. */
  DevidAllocator(Collection<OpenFile> files) {
    for (OpenFile f : files) {
      if (f instanceof CdevFile c && c.boundTo().isPresent() && c.devid().isPresent()) {
        used.computeIfAbsent(c.boundTo().get(), k -> new HashSet<>())
            .add((long) c.devid().getAsInt());
      }
    }
  }

  /** Allocates the lowest free id in {@code ictx}. */
  long next(String ictx) {
    Set<Long> ids = used.computeIfAbsent(ictx, k -> new HashSet<>());
    long id = 1;
    while (ids.contains(id)) {
      id++;
    }
    ids.add(id);
    return id;
  }
}
