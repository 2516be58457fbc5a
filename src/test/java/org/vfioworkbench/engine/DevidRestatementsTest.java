package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vfioworkbench.engine.Fixtures.FN0;
import static org.vfioworkbench.engine.Fixtures.FN1;
import static org.vfioworkbench.engine.Fixtures.fd;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.Topology;

/**
 * {@link DevidRestatements}: a bound cdev whose file only writes down, or leaves out again, the
 * devid the kernel gives it is not replayed; any other devid change is, and the state always equals
 * one worked out from nothing.
 */
class DevidRestatementsTest {

  /** One holder, iommufd A, both functions bound into it through cdevs at fds 4 and 5. */
  private static Topology bothInOneIommufd() {
    return Fixtures.splitVfio()
        .holder("vm", h -> h.iommufd(3, "A").cdev(4, FN0, "A").cdev(5, FN1, "A"))
        .build();
  }

  private static Topology withDevids(Topology t, int first, int second) {
    return withDevid(withDevid(t, 4, first), 5, second);
  }

  private static Topology withDevid(Topology t, int fdNumber, int id) {
    return t.withHolder(
        "vm",
        h -> {
          List<OpenFile> files = new ArrayList<>();
          for (OpenFile f : h.files()) {
            files.add(
                f instanceof CdevFile c && c.fd() == fdNumber
                    ? new CdevFile(
                        c.fd(), c.device(), c.boundTo(), OptionalInt.of(id), c.inferred())
                    : f);
          }
          return h.withFiles(files);
        });
  }

  private static Analysis after(Analysis a, Topology t) {
    Analysis incremental = Analysis.after(a, t, Profile.DEFAULT);
    IncrementalAnalysisTest.assertSameAnswers(incremental, Analysis.of(t), "after " + t);
    return incremental;
  }

  private static List<Long> ids(Analysis a) {
    return a.info(fd("vm", 4)).entries().stream().map(InfoEntry::id).toList();
  }

  @Test
  void writingDownTheDevidsTheKernelGaveChangesNoFd() {
    Topology loaded = bothInOneIommufd();
    Analysis a = Analysis.of(loaded);
    Topology pinned = KernelCalls.pinDevids(loaded);
    assertThat(pinned).isEqualTo(withDevids(loaded, 1, 2));

    Analysis b = after(a, pinned);

    assertThat(b.fdsChangedSince(a)).hasValue(java.util.Set.of());
    assertThat(after(b, loaded).fdsChangedSince(b))
        .as("leaving them out again, as undo does")
        .hasValue(java.util.Set.of());
  }

  @Test
  void aDevidWrittenDownOtherThanTheKernelGaveIsReplayed() {
    Topology loaded = bothInOneIommufd();
    Analysis a = Analysis.of(loaded);

    Analysis b = after(a, withDevid(loaded, 4, 5));

    assertThat(ids(b)).containsExactly(5L, 1L);
    assertThat(b.fdsChangedSince(a).orElseThrow()).contains(new FdRef("vm", 4), new FdRef("vm", 5));
  }

  @Test
  void devidsLeftOutAreReplayedWhenTheKernelWouldNumberTheDevicesAnew() {
    Topology loaded = bothInOneIommufd();
    Analysis a = Analysis.of(withDevids(loaded, 2, 3));
    assertThat(ids(a)).containsExactly(2L, 3L);

    Analysis b = after(a, loaded);

    assertThat(ids(b)).containsExactly(1L, 2L);
    assertThat(b.fdsChangedSince(a).orElseThrow()).contains(new FdRef("vm", 4));
  }

  @Test
  void oneDevidLeftOutBesideAStatedOneIsNumberedAroundIt() {
    Topology loaded = bothInOneIommufd();
    Analysis a = Analysis.of(withDevids(loaded, 2, 1));

    Analysis kept = after(a, withDevid(loaded, 5, 1));
    Analysis renumbered = after(a, withDevid(loaded, 4, 2));

    assertThat(ids(kept)).containsExactly(2L, 1L);
    assertThat(kept.fdsChangedSince(a)).hasValue(java.util.Set.of());
    assertThat(ids(renumbered)).containsExactly(2L, 1L);
    assertThat(renumbered.fdsChangedSince(a)).hasValue(java.util.Set.of());
  }

  @Test
  void anIommufdAGroupAttachesToInCompatModeIsReplayed() {
    // the device opened through the compat group is bound first and takes the lowest free id
    Topology loaded =
        Fixtures.splitVfio()
            .holder(
                "vm",
                h -> h.iommufd(3, "A").groupCompat(4, 21, "A").device(5, FN1).cdev(6, FN0, "A"))
            .build();
    Analysis a = Analysis.of(withDevid(loaded, 6, 1));
    assertThat(a.devices().get(Bdf.parse(FN0)).devid()).hasValue(1);

    Analysis b = after(a, loaded);

    assertThat(b.devices().get(Bdf.parse(FN0)).devid()).hasValue(2);
    assertThat(b.devices().get(Bdf.parse(FN1)).devid()).hasValue(1);
  }
}
