package org.vfioworkbench.ui.files;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.vfioworkbench.engine.SyntheticHost;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.model.TopologyBuilder;
import org.vfioworkbench.scenario.Scenario;

/** Samples written in code, available before any scenario file is read. */
public final class BuiltInSamples {

  private BuiltInSamples() {}

  /**
   * The samples listed first: the seed case (the bundled s19 the README opens; this class's {@link
   * #seedCase()} only when no sample file is bundled), a workstation and a generated host.
   */
  public static List<Sample> all() {
    Sample seed =
        BundledSamples.seed()
            .map(
                s ->
                    new Sample(
                        "Seed case (s19): cdev + legacy group on one bus",
                        s.description(),
                        s.source()))
            .orElseGet(
                () ->
                    sample(
                        "Seed case: cdev + legacy group on one bus",
                        "fn0 through cdev/iommufd, fn1 through a type1 group: INFO(fn0) says"
                            + " NOT_OWNED",
                        BuiltInSamples::seedCase));
    return List.of(
        seed,
        sample(
            "Workstation: GPU, audio, NIC, chipset",
            "a desktop with a GPU and its audio function, a slot-reset NVMe and chipset audio",
            BuiltInSamples::workstation),
        generated(2000));
  }

  /**
   * The generated host of {@link #largeHost} with about {@code functions} functions, as a sample.
   */
  public static Sample generated(int functions) {
    return sample(
        String.format(java.util.Locale.ROOT, "Generated host: %,d functions", functions),
        "a synthetic host from the engine's generator, for trying the workbench at scale",
        () -> largeHost(functions));
  }

  private static Sample sample(String name, String description, Supplier<Topology> topology) {
    return new Sample(
        name,
        description,
        () -> new Scenario(name, description, Optional.empty(), topology.get(), List.of()));
  }

  /** A synthetic host with about {@code functions} functions (fixed seed, reproducible). */
  public static Topology largeHost(int functions) {
    return SyntheticHost.generate(new SyntheticHost.Spec(7, functions, 0.4, functions / 50, 0.01));
  }

  /**
   * A one-holder variant of the seed case, for when no sample file is bundled (and for tests that
   * need the seed's shape without reading a file). Reference §4.11, first row: fn0 (group 20)
   * cdev-bound into iommufd A, fn1 (group 21) opened through a type1 container, both on bus 0000:02
   * below root port 0000:00:1c.0.
   */
  public static Topology seedCase() {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .function("0000:00:1c.0", f -> f.bridge().group(1).describe("PCIe root port"))
        .bus("0000:02", "0000:00:1c.0")
        .function("0000:02:00.0", f -> f.vfio().group(20).describe("NIC port 0"))
        .function("0000:02:00.1", f -> f.vfio().group(21).describe("NIC port 1"))
        .holder(
            "qemu-vm1",
            h ->
                h.pid(4242)
                    .iommufd(3, "A")
                    .cdev(4, "0000:02:00.0", "A")
                    .container(5, "type1-c0")
                    .group(6, 21, "type1-c0")
                    .device(7, "0000:02:00.1"))
        .build();
  }

  /**
   * A desktop: a GPU whose audio function is still on snd_hda_intel (group not viable), a two-port
   * NIC in a hotplug slot with slot reset, and integrated chipset audio on the root bus.
   */
  public static Topology workstation() {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .function("0000:00:01.0", f -> f.bridge().group(2).describe("PCIe root port"))
        .function("0000:00:1c.0", f -> f.bridge().group(8).describe("PCIe root port"))
        .function("0000:00:1d.0", f -> f.bridge().group(9).describe("PCIe root port, slot 5"))
        .function("0000:00:1f.3", f -> f.vfio().group(12).describe("Chipset HD audio"))
        .bus("0000:01", "0000:00:01.0")
        .function("0000:01:00.0", f -> f.vfio().group(14).describe("GPU"))
        .function(
            "0000:01:00.1", f -> f.nativeDriver("snd_hda_intel").group(14).describe("GPU HD audio"))
        .bus("0000:02", "0000:00:1c.0")
        .function("0000:02:00.0", f -> f.vfio().group(20).describe("NIC port 0"))
        .function("0000:02:00.1", f -> f.vfio().group(21).describe("NIC port 1"))
        .bus("0000:06", "0000:00:1d.0")
        .slot("5", "0000:06", 0, true)
        .function("0000:06:00.0", f -> f.vfio().group(30).describe("NVMe controller"))
        .holder(
            "qemu-vm1",
            h ->
                h.pid(4242)
                    .iommufd(3, "A")
                    .cdev(4, "0000:02:00.0", "A")
                    .container(5, "type1-c0")
                    .group(6, 21, "type1-c0")
                    .device(7, "0000:02:00.1"))
        .holder(
            "qemu-vm2",
            h ->
                h.pid(5150)
                    .iommufd(3, "B")
                    .cdev(4, "0000:06:00.0", "B")
                    .cdev(5, "0000:01:00.0", "B"))
        .build();
  }
}
