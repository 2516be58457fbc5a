package org.vfioworkbench.lab;

import java.util.List;
import java.util.OptionalLong;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;

/** The seed case and its iommufd-compat twin (samples S19 and S20), with their expect calls. */
final class LabFixtures {

  private LabFixtures() {}

  /** Every case the conformance suite runs. */
  static List<LabCase> all() {
    return List.of(seedCase(), twinCase());
  }

  /** S19: fn0 through its cdev (iommufd A), fn1 through a type1 group. */
  static Topology seed() {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .bus("0000:02", "0000:00:1c.0")
        .function("0000:00:1c.0", f -> f.bridge().group(10))
        .function("0000:02:00.0", f -> f.vfio().group(20))
        .function("0000:02:00.1", f -> f.vfio().group(21))
        .holder("qemu-cdev", h -> h.iommufd(3, "A").cdev(4, "0000:02:00.0", "A"))
        .holder(
            "qemu-legacy", h -> h.container(3, "c1").group(4, 21, "c1").device(5, "0000:02:00.1"))
        .build();
  }

  static LabCase seedCase() {
    FdRef fn0 = new FdRef("qemu-cdev", 4);
    FdRef fn1 = new FdRef("qemu-legacy", 5);
    return LabCase.withNaturalCalls(
        "S19 seed",
        seed(),
        Profile.DEFAULT,
        List.of(
            new LabCall.Info(fn0, OptionalLong.empty()),
            new LabCall.Reset(fn0, List.of(), OptionalLong.empty(), 0, "zero-length array"),
            new LabCall.Info(fn1, OptionalLong.empty()),
            new LabCall.Reset(fn1, List.of(4), OptionalLong.empty(), 0, "groups [21]"),
            new LabCall.Info(fn1, OptionalLong.of(12)),
            new LabCall.Open(
                "qemu-legacy",
                GroupFile.attached(6, 20, org.vfioworkbench.model.DmaContextRef.container("c1")))));
  }

  /** S20: the same card with fn1's group in iommufd compat mode on the same context. */
  static Topology twin() {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .bus("0000:02", "0000:00:1c.0")
        .bus("0000:03", "0000:00:1c.1")
        .function("0000:00:1c.0", f -> f.bridge().group(10))
        .function("0000:00:1c.1", f -> f.bridge().group(11))
        .function("0000:02:00.0", f -> f.vfio().group(20))
        .function("0000:02:00.1", f -> f.vfio().group(21))
        .function("0000:03:00.0", f -> f.vfio().group(30))
        .function("0000:03:00.1", f -> f.vfio().group(31))
        .holder(
            "qemu",
            h ->
                h.iommufd(3, "A")
                    .cdev(4, "0000:02:00.0", "A")
                    .groupCompat(5, 21, "A")
                    .device(6, "0000:02:00.1"))
        .holder(
            "qemu-mixed",
            h ->
                h.iommufd(3, "C")
                    .iommufd(4, "B")
                    .cdev(5, "0000:03:00.0", "C")
                    .groupCompat(6, 31, "B")
                    .device(7, "0000:03:00.1"))
        .build();
  }

  static LabCase twinCase() {
    FdRef fn0 = new FdRef("qemu", 4);
    FdRef fn1 = new FdRef("qemu", 6);
    return LabCase.withNaturalCalls(
        "S20 compat twin",
        twin(),
        Profile.DEFAULT,
        List.of(
            new LabCall.Info(fn0, OptionalLong.empty()),
            new LabCall.Reset(fn0, List.of(), OptionalLong.empty(), 0, "zero-length array"),
            new LabCall.Info(fn1, OptionalLong.empty()),
            new LabCall.Reset(fn1, List.of(5), OptionalLong.empty(), 0, "groups [21]"),
            new LabCall.Info(new FdRef("qemu-mixed", 5), OptionalLong.empty()),
            new LabCall.Reset(
                new FdRef("qemu-mixed", 5),
                List.of(),
                OptionalLong.empty(),
                0,
                "zero-length array"),
            new LabCall.Open("qemu", GroupFile.detached(7, 20))));
  }
}
