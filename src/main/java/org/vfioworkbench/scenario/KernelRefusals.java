package org.vfioworkbench.scenario;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vfioworkbench.engine.KernelCalls;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.Refusal;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * Replays the holders' files through the engine's kernel checks: a file the kernel would have
 * refused means the described state cannot exist, and the scenario is refused with the holder, fd
 * and errno.
 */
final class KernelRefusals {

  private static final Pattern FILE_SUBJECT = Pattern.compile("(.*) fd (\\d+)");

  private KernelRefusals() {}

  static void check(Topology topology, Profile profile) {
    List<Refusal> refusals = KernelCalls.validate(topology, profile);
    if (refusals.isEmpty()) {
      return;
    }
    Refusal first = refusals.get(0);
    String more =
        refusals.size() > 1
            ? " (and "
                + (refusals.size() - 1)
                + " more refusal"
                + (refusals.size() > 2 ? "s" : "")
                + ")"
            : "";
    throw new Problem(
        pathOf(topology, first.subject()),
        "the kernel ("
            + profile.id()
            + ") would refuse this: "
            + first.call()
            + " → "
            + first.headline()
            + more
            + "; files are replayed holder by holder, each in the order listed");
  }

  /** The JSON path of the file or function a refusal's subject names. */
  static String pathOf(Topology topology, String subject) {
    Matcher m = FILE_SUBJECT.matcher(subject);
    if (m.matches()) {
      List<Holder> holders = topology.holders();
      for (int i = 0; i < holders.size(); i++) {
        if (holders.get(i).name().equals(m.group(1))) {
          int fd = Integer.parseInt(m.group(2));
          List<org.vfioworkbench.model.OpenFile> files = holders.get(i).files();
          for (int j = 0; j < files.size(); j++) {
            if (files.get(j).fd() == fd) {
              return "$.holders[" + i + "].files[" + j + "]";
            }
          }
          return "$.holders[" + i + "]";
        }
      }
    }
    List<PciFunction> functions = topology.functions();
    for (int i = 0; i < functions.size(); i++) {
      if (functions.get(i).bdf().toString().equals(subject)) {
        return "$.functions[" + i + "].driver";
      }
    }
    return "$.holders";
  }
}
