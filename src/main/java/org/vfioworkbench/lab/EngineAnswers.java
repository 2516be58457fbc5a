package org.vfioworkbench.lab;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.DeviceState;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoResult;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.ResetRequest;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.OpenFile;

/**
 * The engine's answer to each lab call, in the same terms as the kernel's: devids are named by the
 * device they belong to ("devid of 0000:02:00.0"), since the kernel numbers objects in an iommufd
 * context its own way.
 */
public final class EngineAnswers {

  private final LabCase labCase;
  private final Analysis engine;

  public EngineAnswers(LabCase labCase) {
    this.labCase = labCase;
    this.engine = Analysis.of(labCase.topology(), labCase.profile());
  }

  public Answer answer(LabCall call) {
    if (call instanceof LabCall.Info info) {
      return info(info, engine.info(info.caller(), info.argsz().orElse(Analysis.LARGE_ARGSZ)));
    }
    if (call instanceof LabCall.Reset reset) {
      ResetRequest req =
          new ResetRequest(
              reset.argsz().orElse(ResetRequest.HEADER_SIZE + 4L * reset.fds().size()),
              (int) reset.flags(),
              reset.fds());
      ResetResult r = engine.hotReset(reset.caller(), req);
      return new Answer(r.ret(), r.errno().map(Errno::name).orElse(""), -1, -1, List.of());
    }
    LabCall.Open open = (LabCall.Open) call;
    Attempt a = KernelCalls.open(labCase.topology(), labCase.profile(), open.holder(), open.file());
    Optional<Errno> e = a.refusal().map(rf -> rf.errno());
    return new Answer(
        e.map(Errno::ret).orElse(0), e.map(Errno::name).orElse(""), -1, -1, List.of());
  }

  private Answer info(LabCall.Info info, InfoResult r) {
    Optional<String> ictx = callerIctx(info);
    TreeMap<Bdf, String> entries = new TreeMap<>();
    for (InfoEntry e : r.entries()) {
      entries.put(e.bdf(), e.devIdMode() ? devid(e, ictx) : "group " + e.id());
    }
    return new Answer(
        r.ret(),
        r.errno().map(Errno::name).orElse(""),
        r.headerWritten() ? r.flagsMask() : -1,
        r.headerWritten() ? r.count() : -1,
        entries.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList());
  }

  private String devid(InfoEntry e, Optional<String> ictx) {
    if (e.isOwnedSentinel()) {
      return "OWNED";
    }
    if (e.isNotOwned()) {
      return "NOT_OWNED";
    }
    for (DeviceState d : engine.devices().values()) {
      if (d.boundIctx().equals(ictx) && d.devid().equals(OptionalLong.of(e.id()))) {
        return "devid of " + d.bdf();
      }
    }
    return "devid " + e.id() + " (no device)";
  }

  /** The iommufd context the caller's device is bound to, if any. */
  Optional<String> callerIctx(LabCall.Info info) {
    Optional<OpenFile> f = labCase.topology().file(info.caller());
    if (f.isPresent() && f.get() instanceof CdevFile c) {
      return c.boundTo();
    }
    return f.flatMap(
        file ->
            file instanceof DeviceFile d
                ? engine.device(d.device()).flatMap(DeviceState::boundIctx)
                : Optional.empty());
  }
}
