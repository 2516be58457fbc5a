package org.vfioworkbench.ui.state;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.engine.remedy.Explainer;
import org.vfioworkbench.engine.remedy.Explanation;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.common.DeviceFds;

/**
 * The engine's answers about one {@link Analysis} that several views show for a selection (the INFO
 * reply, the natural reset and a variant's replay, the explanation), each asked once and then
 * shared: INFO, Trace and "Why not" ask for the same device fd on every selection change. One per
 * analysis ({@link WorkbenchState#answers}); an edit makes a new analysis and so a new, empty one.
 * Safe to use from a background task.
 */
public final class Answers {

  private final Analysis analysis;
  private final Map<Object, Object> memo = new ConcurrentHashMap<>();
  private final AtomicInteger computed = new AtomicInteger();

  private record Info(FdRef fd, long argsz) {}

  private record Natural(FdRef fd) {}

  private record Replay(FdRef fd, ResetVariant.Kind kind) {}

  private record Explain(FdRef fd) {}

  public Answers(Analysis analysis) {
    this.analysis = Objects.requireNonNull(analysis, "analysis");
  }

  public Analysis analysis() {
    return analysis;
  }

  /** The device fd a selection's INFO and resets are asked on (see {@link DeviceFds#callerFor}). */
  public Optional<FdRef> callerFor(ElementRef selection) {
    return DeviceFds.callerFor(analysis, selection);
  }

  /** INFO on {@code fd} with {@code argsz}. */
  public InfoResult info(FdRef fd, long argsz) {
    return get(new Info(fd, argsz), () -> analysis.info(fd, argsz));
  }

  /** The reset QEMU would try on {@code fd}. */
  public ResetVariant naturalReset(FdRef fd) {
    return get(new Natural(fd), () -> analysis.naturalReset(fd));
  }

  /** The HOT_RESET of {@code kind} on {@code fd}, empty when {@code fd} is not open. */
  public Optional<ResetResult> replay(FdRef fd, ResetVariant.Kind kind) {
    return get(
        new Replay(fd, kind),
        () -> {
          if (analysis.topology().file(fd).isEmpty()) {
            return Optional.<ResetResult>empty();
          }
          List<ResetVariant> all = analysis.variants(fd);
          return all.stream()
              .filter(v -> v.kind() == kind)
              .findFirst()
              .map(v -> analysis.evaluate(fd, v));
        });
  }

  /** Why {@code fd}'s natural reset fails and what would fix it. */
  public Explanation explain(FdRef fd) {
    return get(new Explain(fd), () -> Explainer.explain(analysis, fd));
  }

  /** How many answers were computed (not served from memory): for tests. */
  public int computed() {
    return computed.get();
  }

  @SuppressWarnings("unchecked")
  private <T> T get(Object key, Supplier<T> compute) {
    Object known = memo.get(key);
    if (known != null) {
      return (T) known;
    }
    T v = compute.get();
    computed.incrementAndGet();
    Object raced = memo.putIfAbsent(key, v);
    return raced != null ? (T) raced : v;
  }
}
