package org.vfioworkbench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.vfioworkbench.engine.Errno;
import org.vfioworkbench.engine.InfoEntry;
import org.vfioworkbench.engine.InfoFlag;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.scenario.ExpectedCall.ResetArray;
import org.vfioworkbench.scenario.dto.CallerDto;
import org.vfioworkbench.scenario.dto.EntryDto;
import org.vfioworkbench.scenario.dto.ExpectDto;
import org.vfioworkbench.scenario.dto.ResetCallDto;
import org.vfioworkbench.scenario.dto.ResultDto;

/**
 * Expectation entries to {@link Expectation}s. Only their own structure is checked here; whether
 * the caller is open, the groups are held and the holder exists is checked when an expectation is
 * evaluated ({@link CallRunner}), so that a topology edited after the expectations were written can
 * always be saved and read back.
 */
final class ExpectationMapper {

  ExpectationMapper() {}

  List<Expectation> map(List<ExpectDto> list) {
    List<Expectation> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = JsonLocationIndex.element("$.expect", i);
      out.add(map(Values.element(list.get(i), path, "an expectation"), path));
    }
    return out;
  }

  private Expectation map(ExpectDto e, String path) {
    Optional<String> row =
        Optional.ofNullable(e.row()).map(r -> Values.name(r, path + ".row", "row"));
    Optional<Profile> profile =
        Optional.ofNullable(e.profile()).map(p -> profile(p, path + ".profile"));
    int calls =
        (e.info() != null ? 1 : 0) + (e.reset() != null ? 1 : 0) + (e.open() != null ? 1 : 0);
    if (calls != 1) {
      throw new Problem(
          path,
          "an expectation makes exactly one call: \"info\", \"reset\" or \"open\""
              + (calls == 0 ? "" : " (this one names " + calls + ")"));
    }
    ExpectedCall call;
    if (e.open() != null) {
      call = open(e, path);
    } else {
      if (e.holder() != null) {
        throw new Problem(
            path + ".holder",
            "\"holder\" goes with \"open\"; INFO and HOT_RESET name their fd in \"caller\"");
      }
      CallerSpec caller = caller(Values.required(e.caller(), path, "caller"), path + ".caller");
      call =
          e.info() != null
              ? new ExpectedCall.Info(caller, argsz(e.info().argsz(), path + ".info.argsz"))
              : reset(caller, e.reset(), path + ".reset");
    }
    ExpectedResult result =
        result(Values.required(e.result(), path, "result"), path + ".result", call);
    return new Expectation(row, e.about() == null ? "" : e.about(), profile, call, result);
  }

  static Profile profile(String id, String path) {
    return Profile.byId(id)
        .orElseThrow(
            () ->
                new Problem(
                    path,
                    "\""
                        + id
                        + "\" is not a known profile"
                        + Names.hint(
                            id,
                            java.util.Arrays.stream(Profile.values()).map(Profile::id).toList())));
  }

  private ExpectedCall open(ExpectDto e, String path) {
    if (e.caller() != null) {
      throw new Problem(
          path + ".caller", "\"open\" names the \"holder\" that opens the file, not a caller");
    }
    String holder = Values.name(e.holder(), path, "\"holder\" (who opens the file)");
    OpenFile file = FileMapper.toModel(e.open(), path + ".open");
    return new ExpectedCall.Open(holder, file);
  }

  private CallerSpec caller(CallerDto c, String path) {
    if (c.device() != null) {
      if (c.holder() != null || c.fd() != null) {
        throw new Problem(
            path, "name the caller by \"device\" or by \"holder\" and \"fd\", not both");
      }
      return CallerSpec.device(Values.bdf(c.device(), path + ".device"));
    }
    String holder = Values.name(c.holder(), path, "\"device\" or \"holder\"");
    int fd =
        Values.range(Values.required(c.fd(), path, "fd"), 0, Values.MAX_FD, path + ".fd", "fd");
    return CallerSpec.fd(new FdRef(holder, fd));
  }

  private ExpectedCall reset(CallerSpec caller, ResetCallDto r, String path) {
    int ways =
        (r.groups() != null ? 1 : 0)
            + (r.fds() != null ? 1 : 0)
            + (r.empty() != null ? 1 : 0)
            + (r.natural() != null ? 1 : 0);
    if (ways != 1) {
      throw new Problem(
          path,
          "say how the fd array is built with exactly one of \"groups\", \"fds\", "
              + "\"empty\": true or \"natural\": true");
    }
    ResetArray array;
    if (r.groups() != null) {
      List<Integer> ids = new ArrayList<>();
      for (int i = 0; i < r.groups().size(); i++) {
        String at = JsonLocationIndex.element(path + ".groups", i);
        ids.add(
            Values.range(
                Values.element(r.groups().get(i), at, "a group id"),
                0,
                Integer.MAX_VALUE,
                at,
                "group"));
      }
      array = new ResetArray(ResetArray.Kind.GROUPS, ids);
    } else if (r.fds() != null) {
      List<Integer> fds = new ArrayList<>();
      for (int i = 0; i < r.fds().size(); i++) {
        String at = JsonLocationIndex.element(path + ".fds", i);
        fds.add(
            Values.range(Values.element(r.fds().get(i), at, "an fd"), -1, Values.MAX_FD, at, "fd"));
      }
      array = new ResetArray(ResetArray.Kind.FDS, fds);
    } else if (r.empty() != null) {
      mustBeTrue(r.empty(), path + ".empty", "empty");
      array = new ResetArray(ResetArray.Kind.EMPTY, List.of());
    } else {
      mustBeTrue(r.natural(), path + ".natural", "natural");
      array = new ResetArray(ResetArray.Kind.NATURAL, List.of());
    }
    long flags =
        r.flags() == null
            ? 0
            : Values.range(r.flags(), 0, Values.MAX_U32, path + ".flags", "flags");
    return new ExpectedCall.Reset(caller, array, argsz(r.argsz(), path + ".argsz"), flags);
  }

  private static void mustBeTrue(boolean value, String path, String key) {
    if (!value) {
      throw new Problem(path, "write \"" + key + "\": true, or leave \"" + key + "\" out");
    }
  }

  private static OptionalLong argsz(Long argsz, String path) {
    return argsz == null
        ? OptionalLong.empty()
        : OptionalLong.of(Values.range(argsz, 0, Values.MAX_U32, path, "argsz"));
  }

  private ExpectedResult result(ResultDto r, String path, ExpectedCall call) {
    boolean info = call instanceof ExpectedCall.Info;
    boolean reset = call instanceof ExpectedCall.Reset;
    notFor(!info && r.flags() != null, path, "flags", call);
    notFor(!info && r.count() != null, path, "count", call);
    notFor(!info && r.devices() != null, path, "devices", call);
    notFor(!reset && r.reset() != null, path, "reset", call);
    notFor(!info && !reset && r.decidedBy() != null, path, "decidedBy", call);
    Optional<Errno> errno = Optional.ofNullable(r.errno()).map(e -> errno(e, path + ".errno"));
    OptionalInt ret = r.ret() == null ? OptionalInt.empty() : OptionalInt.of(r.ret());
    if (ret.isPresent() && errno.isPresent() && ret.getAsInt() != errno.get().ret()) {
      throw new Problem(
          path + ".ret",
          "ret "
              + ret.getAsInt()
              + " contradicts errno "
              + errno.get().name()
              + " ("
              + errno.get().ret()
              + ")");
    }
    if (ret.isPresent() && ret.getAsInt() > 0) {
      throw new Problem(path + ".ret", "ret is 0 or -errno, never positive");
    }
    OptionalInt count =
        r.count() == null
            ? OptionalInt.empty()
            : OptionalInt.of(
                Values.range(r.count(), 0, Integer.MAX_VALUE, path + ".count", "count"));
    Optional<Boolean> failed = Optional.ofNullable(r.failed());
    if (failed.isPresent()
        && (ret.isPresent() || errno.isPresent())
        && failed.get() != (errno.isPresent() || ret.getAsInt() != 0)) {
      throw new Problem(
          path + ".failed",
          "\"failed\": "
              + failed.get()
              + " contradicts "
              + (errno.isPresent() ? "errno " + errno.get().name() : "ret " + ret.getAsInt()));
    }
    ExpectedResult result =
        new ExpectedResult(
            failed,
            ret,
            errno,
            flags(r.flags(), path + ".flags"),
            count,
            devices(r.devices(), path + ".devices"),
            resetList(r.reset(), path + ".reset"),
            Optional.ofNullable(r.decidedBy())
                .map(d -> Values.name(d, path + ".decidedBy", "decidedBy")));
    if (result.isEmpty()) {
      throw new Problem(
          path,
          "the result states nothing to check; give at least \"ret\", \"errno\" or \"failed\"");
    }
    return result;
  }

  private static void notFor(boolean wrong, String path, String field, ExpectedCall call) {
    if (wrong) {
      String what =
          call instanceof ExpectedCall.Open
              ? "an open"
              : call instanceof ExpectedCall.Info ? "INFO" : "HOT_RESET";
      throw new Problem(
          path + "." + field, "\"" + field + "\" is not part of " + what + "'s result");
    }
  }

  static Errno errno(String text, String path) {
    String name = text.startsWith("-") ? text.substring(1) : text;
    return Values.constant(name, Errno.class, path, "errno");
  }

  private static Optional<Set<InfoFlag>> flags(List<String> names, String path) {
    if (names == null) {
      return Optional.empty();
    }
    Set<InfoFlag> out = EnumSet.noneOf(InfoFlag.class);
    for (int i = 0; i < names.size(); i++) {
      String at = JsonLocationIndex.element(path, i);
      InfoFlag f =
          Values.constant(
              Values.element(names.get(i), at, "a flag"), InfoFlag.class, at, "INFO flag");
      if (!out.add(f)) {
        throw new Problem(at, f.name() + " is listed twice");
      }
    }
    return Optional.of(out);
  }

  private static Optional<List<ExpectedEntry>> devices(List<EntryDto> list, String path) {
    if (list == null) {
      return Optional.empty();
    }
    List<ExpectedEntry> out = new ArrayList<>();
    Set<Bdf> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = JsonLocationIndex.element(path, i);
      EntryDto e = Values.element(list.get(i), at, "an entry");
      Bdf bdf = Values.bdf(Values.required(e.bdf(), at, "bdf"), at + ".bdf");
      if (!seen.add(bdf)) {
        throw new Problem(at + ".bdf", bdf + " is listed twice");
      }
      if ((e.group() == null) == (e.devid() == null || e.devid().isNull())) {
        throw new Problem(
            at, "an entry holds \"group\" (group-id mode) or \"devid\" (DEV_ID mode), exactly one");
      }
      if (e.group() != null) {
        out.add(
            new ExpectedEntry(
                bdf, false, Values.range(e.group(), 0, Integer.MAX_VALUE, at + ".group", "group")));
      } else {
        out.add(new ExpectedEntry(bdf, true, devid(e.devid(), at + ".devid")));
      }
    }
    return Optional.of(out);
  }

  private static long devid(JsonNode node, String path) {
    if (node.isTextual()) {
      return switch (node.asText()) {
        case "OWNED" -> InfoEntry.DEVID_OWNED;
        case "NOT_OWNED" -> InfoEntry.DEVID_NOT_OWNED;
        default ->
            throw new Problem(
                path,
                "\""
                    + node.asText()
                    + "\" is not a devid; write a number, "
                    + "\"OWNED\" or \"NOT_OWNED\""
                    + Names.nearest(node.asText(), List.of("OWNED", "NOT_OWNED"))
                        .map(n -> " (did you mean \"" + n + "\"?)")
                        .orElse(""));
      };
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return Values.range(node.asLong(), 0, Values.MAX_U32, path, "devid");
    }
    throw new Problem(
        path,
        "a devid is a whole number (0 = OWNED, 4294967295 = NOT_OWNED), \"OWNED\" or"
            + " \"NOT_OWNED\"");
  }

  private static Optional<List<Bdf>> resetList(List<String> list, String path) {
    if (list == null) {
      return Optional.empty();
    }
    List<Bdf> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String at = JsonLocationIndex.element(path, i);
      Bdf b = Values.bdf(Values.element(list.get(i), at, "an address"), at);
      if (out.contains(b)) {
        throw new Problem(at, b + " is listed twice");
      }
      out.add(b);
    }
    return Optional.of(out);
  }
}
