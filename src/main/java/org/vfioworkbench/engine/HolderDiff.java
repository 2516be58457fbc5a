package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * The files an edit closed and opened, found by comparing two topologies' holders: unchanged
 * holders are the same instances (every edit keeps them), so only the changed ones are looked into,
 * and when the holder lists have the same length, only the parts of them the edit did not share.
 *
 * @param removed files of the earlier topology that the later one no longer has at that fd
 * @param added files of the later topology that the earlier one did not have at that fd
 */
record HolderDiff(List<Change> removed, List<Change> added) {

  /** One file at one holder's fd. */
  record Change(FdRef ref, OpenFile file) {}

  /**
   * The difference, or empty when the holders were reordered (replay order changed, so everything
   * may have) or a holder name repeats.
   */
  static Optional<HolderDiff> of(Topology before, Topology after) {
    List<Holder> a = before.holders();
    List<Holder> b = after.holders();
    List<Change> removed = new ArrayList<>();
    List<Change> added = new ArrayList<>();
    if (a == b) {
      return Optional.of(new HolderDiff(removed, added));
    }
    if (a.size() == b.size()) {
      List<Integer> changed = new ArrayList<>();
      after.forEachChangedHolder(before, changed::add);
      for (int i : changed) {
        Holder x = a.get(i);
        Holder y = b.get(i);
        if (x == y) {
          continue;
        }
        if (!x.name().equals(y.name())) {
          return Optional.empty();
        }
        files(x, y, removed, added);
      }
      return Optional.of(new HolderDiff(removed, added));
    }
    Map<String, Holder> earlier = new HashMap<>();
    for (Holder x : a) {
      if (earlier.putIfAbsent(x.name(), x) != null) {
        return Optional.empty();
      }
    }
    Map<String, Holder> later = new HashMap<>();
    int lastPosition = -1;
    for (Holder y : b) {
      if (later.putIfAbsent(y.name(), y) != null) {
        return Optional.empty();
      }
      Holder x = earlier.get(y.name());
      if (x == null) {
        all(y, added);
        continue;
      }
      int position = before.holderIndex(y.name()).orElseThrow();
      if (position < lastPosition) {
        return Optional.empty();
      }
      lastPosition = position;
      if (x != y) {
        files(x, y, removed, added);
      }
    }
    for (Holder x : a) {
      if (!later.containsKey(x.name())) {
        all(x, removed);
      }
    }
    return Optional.of(new HolderDiff(removed, added));
  }

  private static void all(Holder h, List<Change> out) {
    EngineCounters.count(EngineCounters.Event.HOLDER_DIFFED);
    for (OpenFile f : h.files()) {
      out.add(new Change(new FdRef(h.name(), f.fd()), f));
    }
  }

  /**
   * The files of one holder that differ; when the files both have changed order, all of them (the
   * replay order within the holder changed).
   */
  private static void files(Holder x, Holder y, List<Change> removed, List<Change> added) {
    EngineCounters.count(EngineCounters.Event.HOLDER_DIFFED);
    List<Integer> keptBefore = new ArrayList<>();
    for (OpenFile f : x.files()) {
      if (y.file(f.fd()).filter(f::equals).isPresent()) {
        keptBefore.add(f.fd());
      } else {
        removed.add(new Change(new FdRef(x.name(), f.fd()), f));
      }
    }
    List<Integer> keptAfter = new ArrayList<>();
    List<Change> addedHere = new ArrayList<>();
    for (OpenFile f : y.files()) {
      if (x.file(f.fd()).filter(f::equals).isPresent()) {
        keptAfter.add(f.fd());
      } else {
        addedHere.add(new Change(new FdRef(y.name(), f.fd()), f));
      }
    }
    if (!keptBefore.equals(keptAfter)) {
      removed.removeIf(c -> c.ref().holder().equals(x.name()));
      all(x, removed);
      all(y, added);
      return;
    }
    added.addAll(addedHere);
  }
}
