package org.vfioworkbench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.dto.CallerDto;
import org.vfioworkbench.scenario.dto.EntryDto;
import org.vfioworkbench.scenario.dto.ExpectDto;
import org.vfioworkbench.scenario.dto.InfoCallDto;
import org.vfioworkbench.scenario.dto.ResetCallDto;
import org.vfioworkbench.scenario.dto.ResultDto;

/** The expectation half of saving. */
final class ExpectationToDto {

  private ExpectationToDto() {}

  static List<ExpectDto> map(List<Expectation> list, Topology topology) {
    TopologyToDto files = new TopologyToDto(topology);
    return list.stream().map(e -> map(e, files)).toList();
  }

  private static ExpectDto map(Expectation e, TopologyToDto files) {
    CallerDto caller = null;
    String holder = null;
    InfoCallDto info = null;
    ResetCallDto reset = null;
    var open = (org.vfioworkbench.scenario.dto.FileDto) null;
    if (e.call() instanceof ExpectedCall.Info i) {
      caller = caller(i.caller());
      info = new InfoCallDto(i.argsz().isPresent() ? i.argsz().getAsLong() : null);
    } else if (e.call() instanceof ExpectedCall.Reset r) {
      caller = caller(r.caller());
      reset = reset(r);
    } else {
      ExpectedCall.Open o = (ExpectedCall.Open) e.call();
      holder = o.holder();
      open = files.file(o.file());
    }
    return new ExpectDto(
        e.row().orElse(null),
        e.about().isEmpty() ? null : e.about(),
        e.profile().map(p -> p.id()).orElse(null),
        caller,
        holder,
        info,
        reset,
        open,
        result(e.result()));
  }

  private static CallerDto caller(CallerSpec c) {
    return c.device().isPresent()
        ? new CallerDto(c.device().get().toString(), null, null)
        : new CallerDto(null, c.fd().orElseThrow().holder(), c.fd().orElseThrow().fd());
  }

  private static ResetCallDto reset(ExpectedCall.Reset r) {
    List<Integer> values = r.array().values();
    Long argsz = r.argsz().isPresent() ? r.argsz().getAsLong() : null;
    Long flags = r.flags() == 0 ? null : r.flags();
    return switch (r.array().kind()) {
      case GROUPS -> new ResetCallDto(values, null, null, null, argsz, flags);
      case FDS -> new ResetCallDto(null, values, null, null, argsz, flags);
      case EMPTY -> new ResetCallDto(null, null, Boolean.TRUE, null, argsz, flags);
      case NATURAL -> new ResetCallDto(null, null, null, Boolean.TRUE, argsz, flags);
    };
  }

  private static ResultDto result(ExpectedResult r) {
    return new ResultDto(
        r.failed().orElse(null),
        r.ret().isPresent() ? r.ret().getAsInt() : null,
        r.errno().map(Enum::name).orElse(null),
        r.flags().map(f -> f.stream().sorted().map(InfoFlag::name).toList()).orElse(null),
        r.count().isPresent() ? r.count().getAsInt() : null,
        r.devices().map(d -> d.stream().map(ExpectationToDto::entry).toList()).orElse(null),
        r.reset().map(l -> l.stream().map(Object::toString).toList()).orElse(null),
        r.decidedBy().orElse(null));
  }

  private static EntryDto entry(ExpectedEntry e) {
    if (!e.devIdMode()) {
      return new EntryDto(e.bdf().toString(), (int) e.id(), null);
    }
    JsonNode devid;
    if (e.id() == InfoEntry.DEVID_OWNED) {
      devid = TextNode.valueOf("OWNED");
    } else if (e.id() == InfoEntry.DEVID_NOT_OWNED) {
      devid = TextNode.valueOf("NOT_OWNED");
    } else {
      devid = LongNode.valueOf(e.id());
    }
    return new EntryDto(e.bdf().toString(), null, devid);
  }
}
