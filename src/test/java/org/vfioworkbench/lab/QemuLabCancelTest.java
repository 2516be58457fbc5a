package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a guest run: a stand-in QEMU (a script that never powers off and has children of its
 * own) is stopped with its children, and the run throws "cancelled" at once instead of waiting for
 * the guest's timeout.
 */
class QemuLabCancelTest {

  @TempDir Path dir;

  @Test
  void cancelStopsQemuAndItsChildrenAndTheRunThrowsCancelled() throws Exception {
    Path pids = dir.resolve("pids");
    Path qemu =
        Files.writeString(
            dir.resolve("fake-qemu"),
            "#!/bin/bash\n"
                + "sleep 60 & echo $! >> '"
                + pids
                + "'\nsleep 60 & echo $! >> '"
                + pids
                + "'\n"
                + "echo $$ >> '"
                + pids
                + "'\nwait\n");
    Files.setPosixFilePermissions(qemu, PosixFilePermissions.fromString("rwx------"));
    Path busybox = Files.writeString(dir.resolve("busybox"), "not really busybox");
    QemuOptions options =
        QemuOptions.defaults(dir.resolve("bzImage"))
            .withQemu(qemu.toString(), busybox)
            .withTimeout(Duration.ofMinutes(10));
    LabCase seed = LabFixtures.seedCase();
    GuestLayout layout = QemuMapper.map(seed.topology());
    Cancellation cancel = new Cancellation(Duration.ofSeconds(2));
    List<String> progress = new CopyOnWriteArrayList<>();

    CompletableFuture<Throwable> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                new QemuLab(options)
                    .run(layout, GuestPlanner.plan(seed, layout), progress::add, cancel);
                return null;
              } catch (Throwable t) {
                return t;
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline
        && (!Files.exists(pids) || Files.readAllLines(pids).size() < 3)) {
      Thread.sleep(20);
    }
    List<ProcessHandle> fake =
        Files.readAllLines(pids).stream()
            .map(l -> ProcessHandle.of(Long.parseLong(l.trim())).orElseThrow())
            .toList();
    assertThat(fake).hasSize(3).allMatch(ProcessHandle::isAlive);
    long start = System.nanoTime();

    cancel.cancel();
    Throwable t = outcome.get(5, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(t)
        .isInstanceOf(LabCancelledException.class)
        .hasMessageContaining("QEMU")
        .hasMessageContaining("cancelled");
    long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < gone && fake.stream().anyMatch(ProcessHandle::isAlive)) {
      Thread.sleep(20);
    }
    assertThat(fake).noneMatch(ProcessHandle::isAlive);
    assertThat(progress).anyMatch(m -> m.startsWith("booting Linux in QEMU"));
  }
}
