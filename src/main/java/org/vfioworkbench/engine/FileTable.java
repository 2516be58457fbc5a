package org.vfioworkbench.engine;

import java.util.List;
import java.util.Optional;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * Every holder's fd table: the fd lookups of every ioctl go through here. Look-ups use the indexes
 * the topology's holder list and each holder's file list carry, so building one costs nothing.
 */
final class FileTable {

  private final Topology topology;

  FileTable(Topology topology) {
    this.topology = topology;
  }

  Optional<OpenFile> file(FdRef ref) {
    return topology.holder(ref.holder()).flatMap(h -> h.file(ref.fd()));
  }

  List<OpenFile> filesOf(String holder) {
    return topology.holder(holder).map(Holder::files).orElse(List.of());
  }
}
