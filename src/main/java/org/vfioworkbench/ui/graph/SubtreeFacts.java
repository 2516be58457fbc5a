package org.vfioworkbench.ui.graph;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.DeviceVerdict;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.graph.GraphModel.Summary;

/**
 * What the layout asks of one analysis about subtrees and reset verdicts, worked out once per
 * analysis and shared by every layout of it: the functions below each bridge, each collapsed
 * subtree's {@link Summary}, and whether each function's natural hot reset fails. An expand or a
 * collapse lays the same analysis out again; without this each such layout summarised every
 * collapsed subtree of the host anew (about 15 % of an expand's FX-thread samples on the
 * 2,000-function host). Pure functions of the analysis, which is immutable; safe for layouts on any
 * thread.
 */
final class SubtreeFacts {

  /** The facts of the analysis laid out last (layouts of one analysis follow one another). */
  private static volatile SubtreeFacts last = new SubtreeFacts(null);

  private static final AtomicInteger SUMMARIES_MADE = new AtomicInteger();

  private final WeakReference<Analysis> of;
  private final Map<Bdf, List<Bdf>> below = new ConcurrentHashMap<>();
  private final Map<Bdf, Summary> summaries = new ConcurrentHashMap<>();
  private final Map<Bdf, Boolean> blocked = new ConcurrentHashMap<>();
  private volatile HolderIndex holders;

  private SubtreeFacts(Analysis a) {
    this.of = new WeakReference<>(a);
  }

  /** The facts of {@code a}: those of the last analysis asked for when it is the same one. */
  static SubtreeFacts of(Analysis a) {
    SubtreeFacts f = last;
    if (f.of.get() != a) {
      f = new SubtreeFacts(a);
      last = f;
    }
    return f;
  }

  private volatile GraphModel.Fold fold;

  /** Why the graphs of this analysis leave functions out ({@link HostOpening#fold}). */
  GraphModel.Fold fold() {
    GraphModel.Fold f = fold;
    if (f == null) {
      f = HostOpening.of(a()).fold();
      fold = f;
    }
    return f;
  }

  /** How many subtree summaries have been worked out so far (for tests). */
  static int summariesMade() {
    return SUMMARIES_MADE.get();
  }

  private Analysis a() {
    Analysis a = of.get();
    if (a == null) {
      throw new IllegalStateException("the analysis these facts are of is gone");
    }
    return a;
  }

  /** Every function below {@code bridge} (its secondary bus and down), depth first. */
  List<Bdf> below(Bdf bridge) {
    return known(below, bridge, b -> List.copyOf(functionsBelow(a(), b)));
  }

  /** Every function below {@code bridge} in {@code a} (its secondary bus and down), depth first. */
  static List<Bdf> functionsBelow(Analysis a, Bdf bridge) {
    List<Bdf> out = new ArrayList<>();
    Optional<BusAddress> bus = a.pci().subordinateOf(bridge);
    if (bus.isPresent()) {
      for (PciFunction f : a.pci().functionsOn(bus.get())) {
        out.add(f.bdf());
        out.addAll(functionsBelow(a, f.bdf()));
      }
    }
    return out;
  }

  /** Whether {@code b} is an open device whose natural hot reset fails (the engine's answer). */
  boolean blocked(Bdf b) {
    return known(blocked, b, x -> a().verdictOn(x).map(DeviceVerdict::blocked).orElse(false));
  }

  /** What the subtree below {@code bridge} holds, for its collapsed chip. */
  Summary summary(Bdf bridge) {
    return known(summaries, bridge, b -> summarise(below(b)));
  }

  /**
   * {@code facts}' value for {@code key}, worked out by {@code make} the first time. Not {@code
   * computeIfAbsent}: a summary asks for the functions below, from another map, while it is made.
   */
  private static <K, V> V known(Map<K, V> facts, K key, java.util.function.Function<K, V> make) {
    V v = facts.get(key);
    if (v == null) {
      v = make.apply(key);
      V first = facts.putIfAbsent(key, v);
      if (first != null) {
        v = first;
      }
    }
    return v;
  }

  private Summary summarise(List<Bdf> hidden) {
    SUMMARIES_MADE.incrementAndGet();
    Analysis a = a();
    Set<Integer> groups = new TreeSet<>();
    boolean notViable = false;
    boolean anyBlocked = false;
    Set<String> blockedScopes = new LinkedHashSet<>();
    for (Bdf b : hidden) {
      Optional<Integer> g = a.pci().groupOf(b);
      if (g.isPresent() && groups.add(g.get()) && !a.viable(g.get())) {
        notViable = true;
      }
      if (blocked(b)) {
        anyBlocked = true;
        blockedScopes.add(
            a.scope(b)
                .scope()
                .map(GraphLayout::scopeName)
                .orElse("no reset for " + Labels.shortBdf(b)));
      }
    }
    BitSet touching = new BitSet();
    HolderIndex index = holderIndex();
    for (Bdf b : hidden) {
      touching.or(index.byDevice().getOrDefault(b, NONE));
    }
    for (int g : groups) {
      touching.or(index.byGroup().getOrDefault(g, NONE));
    }
    List<String> names = touching.stream().mapToObj(i -> index.names().get(i)).toList();
    return new Summary(
        hidden.size(), groups.size(), names, anyBlocked, notViable, List.copyOf(blockedScopes));
  }

  private static final BitSet NONE = new BitSet();

  /**
   * Which holders have a file on each device (a device fd or a cdev) and on each group (a group
   * file), by their position in the topology's holder list, and their names: made once, so a
   * collapsed chip's summary costs what it hides, not every holder's files again.
   */
  private record HolderIndex(
      Map<Bdf, BitSet> byDevice, Map<Integer, BitSet> byGroup, List<String> names) {}

  private HolderIndex holderIndex() {
    HolderIndex known = holders;
    if (known != null) {
      return known;
    }
    Map<Bdf, BitSet> byDevice = new HashMap<>();
    Map<Integer, BitSet> byGroup = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (Holder h : a().topology().holders()) {
      int i = names.size();
      names.add(h.name());
      for (var f : h.files()) {
        if (f instanceof DeviceFile d) {
          byDevice.computeIfAbsent(d.device(), k -> new BitSet()).set(i);
        } else if (f instanceof CdevFile c) {
          byDevice.computeIfAbsent(c.device(), k -> new BitSet()).set(i);
        } else if (f instanceof GroupFile g) {
          byGroup.computeIfAbsent(g.group(), k -> new BitSet()).set(i);
        }
      }
    }
    HolderIndex made = new HolderIndex(byDevice, byGroup, names);
    holders = made;
    return made;
  }
}
