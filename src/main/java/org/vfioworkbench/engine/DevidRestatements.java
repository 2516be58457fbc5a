package org.vfioworkbench.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * Changes of a bound cdev file that only write down, or leave out again, the devid the kernel gives
 * it anyway. An edit writes every bound cdev's devid into its file ({@link KernelCalls#pinDevids}),
 * so the first edit of a loaded file changes every holder with a cdev, and undoing that edit
 * changes them all back; neither changes any device's state. Leaving such pairs out of the {@link
 * HolderDiff} lets {@link VfioState#after} replay, and {@link Analysis#fdsChangedSince} name, only
 * what the edit itself reached.
 *
 * <p>A devid written down where the file had none is left out when the state gives the device that
 * very id through that fd: ids the files state are reserved first and the others handed out lowest
 * free, in replay order, so writing down an id a device already has changes no other id. A devid
 * left out (or changed) is left out of the diff only when the ids the kernel would hand out in that
 * iommufd, replayed without it, are again the ones the state holds, checked over every file bound
 * in that iommufd; an iommufd that a group attaches to in compat mode, or that holds a refused
 * bind, is left to the replay.
 */
final class DevidRestatements {

  private DevidRestatements() {}

  /** {@code diff} without the pairs that restate a devid {@code state} already gives. */
  static HolderDiff leftOut(HolderDiff diff, VfioState state, Topology edited) {
    Map<FdRef, CdevFile> removedCdevs = new HashMap<>();
    for (HolderDiff.Change c : diff.removed()) {
      if (c.file() instanceof CdevFile f && f.isBound()) {
        removedCdevs.put(c.ref(), f);
      }
    }
    if (removedCdevs.isEmpty()) {
      return diff;
    }
    Set<FdRef> restated = new HashSet<>();
    Map<String, List<FdRef>> unstatedByIctx = new HashMap<>();
    Set<FdRef> pairs = new HashSet<>();
    for (HolderDiff.Change c : diff.added()) {
      CdevFile before = removedCdevs.get(c.ref());
      if (before == null || !(c.file() instanceof CdevFile after) || !sameButDevid(before, after)) {
        continue;
      }
      pairs.add(c.ref());
      if (before.devid().isEmpty()) {
        if (givesDevid(state, c.ref(), after, after.devid())) {
          restated.add(c.ref());
        }
      } else {
        unstatedByIctx
            .computeIfAbsent(after.boundTo().orElseThrow(), k -> new ArrayList<>())
            .add(c.ref());
      }
    }
    Set<String> otherwiseChanged = ictxsNamedOutside(diff, pairs);
    unstatedByIctx.forEach(
        (ictx, refs) -> {
          if (!otherwiseChanged.contains(ictx) && handsOutTheSameIds(state, edited, ictx)) {
            restated.addAll(refs);
          }
        });
    if (restated.isEmpty()) {
      return diff;
    }
    return new HolderDiff(without(diff.removed(), restated), without(diff.added(), restated));
  }

  /** The iommufds that the changes other than {@code pairs} open, close, bind or attach to. */
  private static Set<String> ictxsNamedOutside(HolderDiff diff, Set<FdRef> pairs) {
    Set<String> out = new HashSet<>();
    for (List<HolderDiff.Change> l : List.of(diff.removed(), diff.added())) {
      for (HolderDiff.Change c : l) {
        if (pairs.contains(c.ref())) {
          continue;
        }
        if (c.file() instanceof IommufdFile i) {
          out.add(i.iommufd());
        } else {
          VfioState.forEachKey(c.file(), b -> {}, g -> {}, out::add);
        }
      }
    }
    return out;
  }

  private static List<HolderDiff.Change> without(List<HolderDiff.Change> l, Set<FdRef> refs) {
    List<HolderDiff.Change> out = new ArrayList<>(l.size());
    for (HolderDiff.Change c : l) {
      if (!refs.contains(c.ref())) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean sameButDevid(CdevFile a, CdevFile b) {
    return a.fd() == b.fd()
        && a.device().equals(b.device())
        && a.boundTo().equals(b.boundTo())
        && a.inferred() == b.inferred()
        && a.vfToken().equals(b.vfToken());
  }

  /** Whether {@code state} has {@code file}'s device bound through {@code ref} with {@code id}. */
  private static boolean givesDevid(VfioState state, FdRef ref, CdevFile file, OptionalInt id) {
    return state
        .device(file.device())
        .filter(
            d ->
                d.cdevFd().map(ref::equals).orElse(false)
                    && d.cdevOpened()
                    && d.boundIctx().equals(file.boundTo())
                    && d.devid().isPresent()
                    && (id.isEmpty() || d.devid().getAsLong() == id.getAsInt()))
        .isPresent();
  }

  /**
   * Whether replaying {@code edited}'s files bound in {@code ictx} hands out the ids {@code state}
   * holds: every stated id is the device's, and the others, in replay order, are the lowest ids
   * free of the stated ones.
   */
  private static boolean handsOutTheSameIds(VfioState state, Topology edited, String ictx) {
    List<FdRef> refs = state.fdsOnIctx(ictx);
    Map<String, Map<Integer, Integer>> positions = new HashMap<>();
    Set<Long> stated = new HashSet<>();
    List<Bound> unstated = new ArrayList<>();
    for (FdRef ref : refs) {
      Optional<OpenFile> f = edited.file(ref);
      if (f.isEmpty()
          || !(f.get() instanceof CdevFile c)
          || !givesDevid(state, ref, c, c.devid())) {
        return false; // a compat attach or a refused bind: its ids are the replay's to work out
      }
      long id = state.device(c.device()).orElseThrow().devid().getAsLong();
      if (c.devid().isPresent()) {
        stated.add(id);
      } else {
        unstated.add(new Bound(id, replayPosition(edited, ref, positions)));
      }
    }
    unstated.sort(Comparator.comparingLong(Bound::position));
    long next = 1;
    for (Bound b : unstated) {
      while (stated.contains(next)) {
        next++;
      }
      if (b.id() != next) {
        return false;
      }
      next++;
    }
    return true;
  }

  /** A device bound in the iommufd without a stated devid: the id it has, where it is replayed. */
  private record Bound(long id, long position) {}

  /** Where {@code ref} comes in the replay: by holder, then by the holder's file order. */
  private static long replayPosition(
      Topology t, FdRef ref, Map<String, Map<Integer, Integer>> positions) {
    Map<Integer, Integer> inHolder =
        positions.computeIfAbsent(
            ref.holder(),
            name -> {
              Map<Integer, Integer> m = new HashMap<>();
              for (OpenFile f : t.holder(name).orElseThrow().files()) {
                m.put(f.fd(), m.size());
              }
              return m;
            });
    return ((long) t.holderIndex(ref.holder()).orElseThrow() << 32) | inHolder.get(ref.fd());
  }
}
