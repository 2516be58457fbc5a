package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommuGroup;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * {@link OpenRules#checkOpen} replays only the files that can decide an open (found through the
 * file indexes); these random hosts, edit chains and candidate opens check that it refuses or
 * allows every open exactly as a replay of every file followed by the check does, errno and reason
 * included, under kernels with and without device cdevs. Some steps write a file into a holder
 * without asking the kernel, so that the replays also meet files they refuse.
 */
class IndexedOpenCheckTest {

  private static final List<Profile> PROFILES =
      List.of(
          Profile.DEFAULT,
          Profile.byId("linux-6.6").orElseThrow(),
          Profile.byId("linux-6.17").orElseThrow());

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 16);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anOpenCheckedThroughTheIndexesIsDecidedAsAfterAFullReplay(long seed) {
    SyntheticHost.Spec spec =
        seed % 3 == 0
            ? new SyntheticHost.Spec(seed, 300, 0.5, 8, 0.05)
            : SyntheticHost.Spec.small(seed);
    Topology t = SyntheticHost.generate(spec);
    Random rnd = new Random(seed);
    int compared = 0;
    int refused = 0;
    for (int step = 0; step < 6; step++) {
      for (Profile p : PROFILES) {
        for (Holder h : t.holders()) {
          for (OpenFile f : candidates(t, h, rnd)) {
            Optional<Refusal> expected = new OpenRules(t, p).replayAll().open(h, f);
            assertThat(OpenRules.checkOpen(t, p, h, f))
                .as("seed %d step %d, %s opens %s under %s", seed, step, h.name(), f, p.id())
                .isEqualTo(expected);
            compared++;
            refused += expected.isPresent() ? 1 : 0;
          }
        }
      }
      t = next(t, rnd);
    }
    assertThat(compared).isPositive();
    assertThat(refused).as("refused opens among %d", compared).isPositive();
  }

  @Test
  void holdersWithOneNameAreReplayedInFull() {
    Topology t = SyntheticHost.generate(SyntheticHost.Spec.small(5));
    Holder first = t.holders().get(0);
    List<Holder> twice = new ArrayList<>(t.holders());
    twice.add(first);
    Topology dup = t.withHolders(twice);
    Random rnd = new Random(5);
    for (OpenFile f : candidates(dup, first, rnd)) {
      assertThat(OpenRules.checkOpen(dup, Profile.DEFAULT, first, f))
          .isEqualTo(new OpenRules(dup, Profile.DEFAULT).replayAll().open(first, f));
    }
  }

  /** A random edit through the kernel's rules, or now and then a file written in without them. */
  private static Topology next(Topology t, Random rnd) {
    List<PciFunction> vfio =
        t.functions().stream().filter(f -> f.driver().isVfio() && !f.isBridge()).toList();
    if (vfio.isEmpty() || t.holders().isEmpty()) {
      return t;
    }
    Bdf device = vfio.get(rnd.nextInt(vfio.size())).bdf();
    Holder holder = t.holders().get(rnd.nextInt(t.holders().size()));
    Topology released = KernelCalls.release(t, device).orElseThrow();
    switch (rnd.nextInt(4)) {
      case 0:
        return KernelCalls.moveToCdev(released, Profile.DEFAULT, holder.name(), device)
            .topology()
            .orElse(released);
      case 1:
        return KernelCalls.moveToGroup(released, Profile.DEFAULT, holder.name(), device)
            .topology()
            .orElse(released);
      case 2:
        {
          List<OpenFile> c = candidates(t, holder, rnd);
          OpenFile raw = c.get(rnd.nextInt(c.size()));
          return t.withHolder(
              holder.name(),
              h -> {
                List<OpenFile> files = new ArrayList<>(h.files());
                files.add(raw);
                return h.withFiles(files);
              });
        }
      default:
        return released;
    }
  }

  /** Files {@code h} could try to open next: a few of every kind, on random devices and groups. */
  private static List<OpenFile> candidates(Topology t, Holder h, Random rnd) {
    int fd = h.nextFreeFd();
    List<OpenFile> out = new ArrayList<>();
    List<String> ictxs = new ArrayList<>(t.iommufds().stream().map(IommufdContext::id).toList());
    ictxs.add("unheld-iommufd");
    List<String> containers = t.containers().stream().map(Container::id).toList();
    out.add(new IommufdFile(fd, pick(ictxs, rnd)));
    if (!containers.isEmpty()) {
      out.add(new ContainerFile(fd, pick(containers, rnd)));
    }
    for (int i = 0; i < 4 && !t.functions().isEmpty(); i++) {
      Bdf b = t.functions().get(rnd.nextInt(t.functions().size())).bdf();
      String x = pick(ictxs, rnd);
      out.add(new DeviceFile(fd, b, Optional.empty()));
      out.add(CdevFile.bound(fd, b, x));
      out.add(CdevFile.unbound(fd, b));
      out.add(
          new CdevFile(
              fd, b, Optional.of(x), OptionalInt.of(1 + rnd.nextInt(3)), false, Optional.empty()));
      out.add(
          new CdevFile(
              fd, b, Optional.of(x), OptionalInt.empty(), false, Optional.of(new UUID(0, 0))));
    }
    for (int i = 0; i < 3 && !t.groups().isEmpty(); i++) {
      IommuGroup g = t.groups().get(rnd.nextInt(t.groups().size()));
      out.add(GroupFile.detached(fd, g.id()));
      out.add(GroupFile.attached(fd, g.id(), DmaContextRef.iommufd(pick(ictxs, rnd))));
      if (!containers.isEmpty()) {
        out.add(GroupFile.attached(fd, g.id(), DmaContextRef.container(pick(containers, rnd))));
      }
    }
    return out;
  }

  private static <T> T pick(List<T> list, Random rnd) {
    return list.get(rnd.nextInt(list.size()));
  }
}
