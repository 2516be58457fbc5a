package org.vfioworkbench.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/** Every holder's fd table, indexed: the fd lookups of every ioctl go through here. */
final class FileTable {

  private final Map<FdRef, OpenFile> files = new HashMap<>();
  private final Map<String, Holder> holders = new HashMap<>();

  FileTable(Topology topology) {
    for (Holder h : topology.holders()) {
      holders.putIfAbsent(h.name(), h);
      for (OpenFile f : h.files()) {
        files.putIfAbsent(new FdRef(h.name(), f.fd()), f);
      }
    }
  }

  Optional<OpenFile> file(FdRef ref) {
    return Optional.ofNullable(files.get(ref));
  }

  List<OpenFile> filesOf(String holder) {
    Holder h = holders.get(holder);
    return h == null ? List.of() : h.files();
  }
}
