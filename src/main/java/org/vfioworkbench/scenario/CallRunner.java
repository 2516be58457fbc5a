package org.vfioworkbench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ResetRequest;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetVariant;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.Topology;

/**
 * Makes an {@link ExpectedCall} against the engine: resolves the caller and the fd array, then
 * calls INFO, HOT_RESET or the kernel's open checks. Shared by {@code check} and the CLI's {@code
 * info} and {@code reset}.
 */
public final class CallRunner {

  private CallRunner() {}

  /** What a call produced. */
  public sealed interface Ran {}

  /** INFO on {@code caller}. */
  public record InfoRan(FdRef caller, long argsz, InfoResult result) implements Ran {}

  /** HOT_RESET on {@code caller} with {@code request}, built as {@code how} says. */
  public record ResetRan(FdRef caller, ResetRequest request, String how, ResetResult result)
      implements Ran {}

  /** An open by a holder. */
  public record OpenRan(String holder, Attempt attempt) implements Ran {}

  /** The call could not be made: its caller, group or holder does not exist in the topology. */
  public record NotRun(String reason) implements Ran {}

  /**
   * Runs {@code call}; a caller, group or holder that does not exist in {@code topology} gives
   * {@link NotRun} with the reason in words.
   */
  public static Ran run(Topology topology, Profile profile, ExpectedCall call) {
    Objects.requireNonNull(call, "call");
    try {
      return runResolved(topology, profile, call);
    } catch (IllegalArgumentException e) {
      return new NotRun(e.getMessage());
    }
  }

  private static Ran runResolved(Topology topology, Profile profile, ExpectedCall call) {
    if (call instanceof ExpectedCall.Open o) {
      if (topology.holder(o.holder()).isEmpty()) {
        throw new IllegalArgumentException("no holder is named \"" + o.holder() + "\"");
      }
      return new OpenRan(o.holder(), KernelCalls.open(topology, profile, o.holder(), o.file()));
    }
    Analysis analysis = Analysis.of(topology, profile);
    if (call instanceof ExpectedCall.Info i) {
      FdRef caller = CallerResolver.resolve(topology, i.caller());
      long argsz = i.argsz().orElse(Analysis.LARGE_ARGSZ);
      return new InfoRan(caller, argsz, analysis.info(caller, argsz));
    }
    ExpectedCall.Reset r = (ExpectedCall.Reset) call;
    FdRef caller = CallerResolver.resolve(topology, r.caller());
    List<Integer> fds;
    String how;
    switch (r.array().kind()) {
      case GROUPS -> {
        fds = new ArrayList<>();
        for (int g : r.array().values()) {
          fds.add(CallerResolver.groupFd(topology, caller.holder(), g));
        }
        how = "group files of groups " + r.array().values() + ": fds " + fds;
      }
      case FDS -> {
        fds = r.array().values();
        how = "fds " + fds;
      }
      case EMPTY -> {
        fds = List.of();
        how = "zero-length array";
      }
      default -> {
        ResetVariant natural = analysis.naturalReset(caller);
        fds = natural.request().fds();
        how = "natural: " + natural.kind().label() + " (" + natural.description() + ")";
      }
    }
    long argsz = r.argsz().orElse(ResetRequest.HEADER_SIZE + 4L * fds.size());
    ResetRequest request = new ResetRequest(argsz, (int) r.flags(), fds);
    return new ResetRan(caller, request, how, analysis.hotReset(caller, request));
  }
}
