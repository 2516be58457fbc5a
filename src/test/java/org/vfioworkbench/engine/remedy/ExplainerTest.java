package org.vfioworkbench.engine.remedy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.Attempt;
import org.vfioworkbench.engine.Edit;
import org.vfioworkbench.engine.Profile;
import org.vfioworkbench.engine.ResetResult;
import org.vfioworkbench.engine.ResetScope;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;
import org.vfioworkbench.scenario.Scenario;
import org.vfioworkbench.scenario.ScenarioLoader;

/**
 * For every bundled sample and every failing natural reset: at least one remedy, each one
 * re-applied here through the kernel's rules and its reset re-evaluated, or a stated reason that
 * this test checks against the engine; nothing the kernel refuses is offered.
 */
class ExplainerTest {

  private static List<Path> samples() {
    try (Stream<Path> s = Files.list(Path.of("sample-topologies"))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Analysis load(Path p) {
    try {
      Scenario s = ScenarioLoader.load(p);
      return Analysis.of(s.topology(), s.profileOrDefault());
    } catch (Exception e) {
      throw new IllegalStateException(p + ": " + e.getMessage(), e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyFailingResetHasAVerifiedRemedyOrATrueReason() {
    return samples().stream()
        .map(
            p ->
                DynamicTest.dynamicTest(
                    p.getFileName().toString(),
                    () -> {
                      Analysis a = load(p);
                      for (FdRef fd : a.deviceFds()) {
                        boolean fails = !a.hotReset(fd, a.naturalReset(fd).request()).succeeded();
                        Explanation e = Explainer.explain(a, fd);
                        assertEquals(fails, !e.result().succeeded(), fd.toString());
                        if (!fails) {
                          continue;
                        }
                        if (e.remedies().isEmpty()) {
                          NoRemedy why =
                              e.noRemedy()
                                  .orElseThrow(() -> new AssertionError(fd + ": no reason"));
                          assertNotEquals(
                              NoRemedy.Kind.NONE_FOUND, why.kind(), p + " " + fd + ": " + why);
                          assertReasonHolds(a, e.device(), why);
                        }
                        for (Remedy r : e.remedies()) {
                          assertRemedyWorks(a, fd, e.device(), r);
                        }
                        for (Refused r : e.refused()) {
                          assertTrue(
                              e.remedies().stream().noneMatch(x -> x.edit().equals(r.edit())));
                          Attempt at = r.edit().apply(a.topology(), a.profile());
                          if (at.succeeded()) {
                            Optional<FdRef> c =
                                Explainer.callerAfter(at.orElseThrow(), fd, e.device());
                            if (c.isPresent()) {
                              Analysis b = Analysis.of(at.orElseThrow(), a.profile());
                              assertFalse(
                                  b.hotReset(c.get(), b.naturalReset(c.get()).request())
                                      .succeeded(),
                                  p + " " + fd + ": refused '" + r.title() + "' would work");
                            }
                          }
                        }
                      }
                    }));
  }

  private static void assertRemedyWorks(Analysis a, FdRef fd, Bdf device, Remedy r) {
    Attempt at = r.edit().apply(a.topology(), a.profile());
    assertTrue(at.succeeded(), fd + ": the kernel refuses offered '" + r.title() + "'");
    Topology after = at.orElseThrow();
    assertEquals(r.after(), after);
    FdRef caller = Explainer.callerAfter(after, fd, device).orElseThrow();
    Analysis b = Analysis.of(after, a.profile());
    ResetResult result = b.hotReset(caller, b.naturalReset(caller).request());
    assertTrue(result.succeeded(), fd + ": '" + r.title() + "' leaves " + result.retLabel());
    assertTrue(result.reset().contains(device));
  }

  private static void assertReasonHolds(Analysis a, Bdf device, NoRemedy why) {
    Optional<ResetScope> scope = a.scope(device).scope();
    switch (why.kind()) {
      case NO_RESET_SCOPE -> assertTrue(scope.isEmpty());
      case FUNCTION_WITHOUT_GROUP -> {
        assertFalse(why.functions().isEmpty());
        for (Bdf f : why.functions()) {
          assertTrue(scope.orElseThrow().contains(f));
          assertTrue(a.topology().function(f).orElseThrow().iommuGroup().isEmpty());
        }
      }
      case OUTSIDE_DEV_SET -> {
        assertFalse(why.functions().isEmpty());
        for (Bdf f : why.functions()) {
          assertTrue(scope.orElseThrow().contains(f));
          PciFunction fn = a.topology().function(f).orElseThrow();
          boolean ownSingleton =
              a.devSet(device).orElseThrow().members().size() == 1
                  && a.devSet(device).orElseThrow().key().kind()
                      == org.vfioworkbench.engine.DevSet.KeyKind.SINGLETON;
          assertTrue(
              fn.isBridge() || ownSingleton || !a.devSet(f).equals(a.devSet(device)),
              f + " is in " + device + "'s dev_set");
        }
      }
      case TRANSIENT -> {
        assertFalse(why.functions().isEmpty());
        for (Bdf f : why.functions()) {
          assertFalse(a.topology().function(f).orElseThrow().conditions().isEmpty());
        }
      }
      case PF_WITH_VFS -> {
        assertFalse(why.functions().isEmpty());
        for (Bdf f : why.functions()) {
          assertTrue(scope.orElseThrow().contains(f));
          assertFalse(a.topology().function(f).orElseThrow().driver().isVfio());
          assertTrue(
              a.topology().functions().stream()
                  .anyMatch(v -> v.physfn().map(f::equals).orElse(false)),
              f + " has VFs");
          assertFalse(
              new Edit.SetDriver(f, Driver.VFIO_PCI).apply(a.topology(), a.profile()).succeeded(),
              "the kernel refuses to bind " + f + " to vfio-pci");
        }
      }
      case NONE_FOUND -> throw new AssertionError("not a reason");
    }
  }

  private static Explanation seed(String holder, int fd) {
    Analysis a = load(Path.of("sample-topologies", "s19-seed-cdev-and-type1-group.json"));
    return Explainer.explain(a, new FdRef(holder, fd));
  }

  @Test
  void seedCdevSideIsOfferedMovingFn1IntoIommufdA() {
    Explanation e = seed("qemu-cdev", 4);
    assertEquals("move 0000:02:00.1 into iommufd A", e.remedies().get(0).title());
    assertEquals(
        List.of("0000:02:00.1 is taken from qemu-legacy (pid 4200)"), e.remedies().get(0).cost());
    assertEquals(Bdf.parse("0000:02:00.1"), e.blockers().get(0).function());
    assertEquals("qemu-legacy", e.blockers().get(0).holders().get(0).name());
  }

  @Test
  void seedLegacySideIsNotOfferedGroup20WhichTheKernelRefuses() {
    Explanation e = seed("qemu-legacy", 5);
    assertTrue(
        e.remedies().stream().noneMatch(r -> r.title().equals("open group 20 in qemu-legacy")));
    Refused open =
        e.refused().stream()
            .filter(r -> r.title().equals("open group 20 in qemu-legacy"))
            .findFirst()
            .orElseThrow();
    assertTrue(open.why().startsWith("-EBUSY"), open.why());
    assertFalse(e.remedies().isEmpty());
  }

  @Test
  void openingTheCompanionsGroupIsOfferedWhereTheKernelAllowsIt() {
    Analysis a = load(Path.of("sample-topologies", "s13-stub-and-driverless-companions.json"));
    Explanation e = Explainer.explain(a, new FdRef("qemu", 5));
    assertTrue(
        e.remedies().stream().anyMatch(r -> r.title().equals("open group 21 in qemu")),
        e.remedies().stream().map(Remedy::title).toList().toString());
  }

  @Test
  void aPassingResetNeedsNoExplanationOfBlockers() {
    Analysis a = load(Path.of("sample-topologies", "s16-cdev-shared-group-owned.json"));
    Explanation e = Explainer.explain(a, a.deviceFds().get(0));
    assertTrue(e.result().succeeded());
    assertTrue(e.blockers().isEmpty() && e.remedies().isEmpty() && e.noRemedy().isEmpty());
  }

  @Test
  void theHoldersVmNameComesFromTheConsumer() {
    Analysis a = load(Path.of("sample-topologies", "s19-seed-cdev-and-type1-group.json"));
    Topology named =
        a.topology()
            .withHolder(
                "qemu-legacy",
                h ->
                    h.withConsumer(
                        new org.vfioworkbench.model.Consumer(
                            org.vfioworkbench.model.Consumer.Kind.QEMU_LEGACY,
                            Optional.of("win10"))));
    Explanation e =
        Explainer.explain(Analysis.of(named, Profile.DEFAULT), new FdRef("qemu-cdev", 4));
    assertEquals(
        "qemu-legacy (pid 4200, VM win10)", e.blockers().get(0).holders().get(0).describe());
  }
}
