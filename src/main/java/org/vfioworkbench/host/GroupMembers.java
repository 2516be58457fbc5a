package org.vfioworkbench.host;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * The functions of every IOMMU group, each group's in the topology's function order, for writing a
 * scan's groups: one sorted array of 8-byte keys (group, position) instead of a list and a string
 * per member, which for 10,000 one-function groups is about 2 MiB held while the output is written.
 */
public final class GroupMembers {

  private final List<PciFunction> functions;

  /** {@code group << 32 | position}, sorted: by group, then in function order. */
  private final long[] keys;

  public GroupMembers(Topology topology) {
    this.functions = topology.functions();
    long[] k = new long[functions.size()];
    int n = 0;
    for (int i = 0; i < functions.size(); i++) {
      PciFunction f = functions.get(i);
      if (f.iommuGroup().isPresent()) {
        k[n++] = ((long) f.iommuGroup().getAsInt() << 32) | i;
      }
    }
    this.keys = Arrays.copyOf(k, n);
    Arrays.sort(keys);
  }

  /** The functions of group {@code id}, in the topology's order (a new list, not kept). */
  public List<PciFunction> of(int id) {
    int at = Arrays.binarySearch(keys, (long) id << 32);
    if (at < 0) {
      at = -at - 1;
    }
    int end = at;
    while (end < keys.length && (int) (keys[end] >> 32) == id) {
      end++;
    }
    if (end == at) {
      return List.of();
    }
    List<PciFunction> out = new ArrayList<>(end - at);
    for (int i = at; i < end; i++) {
      out.add(functions.get((int) keys[i]));
    }
    return out;
  }
}
