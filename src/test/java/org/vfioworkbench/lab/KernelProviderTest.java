package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which build script the lab runs, and that cancelling stops it. A script planted as {@code
 * packaging/lab/build-kernel.sh} in the working directory and in its parent is never run: a
 * separate JVM started in that directory runs the lab's kernel step, which runs the script shipped
 * in the jar from the private cache (stopped early by a stand-in {@code dpkg} that reports the
 * build packages missing, so no kernel is built).
 */
class KernelProviderTest {

  @TempDir Path dir;

  private Path plant(Path where, Path marker) throws IOException {
    Path s = where.resolve("packaging/lab/build-kernel.sh");
    Files.createDirectories(s.getParent());
    Files.writeString(s, "#!/bin/bash\ntouch '" + marker + "'\necho /planted/bzImage\n");
    s.toFile().setExecutable(true);
    return s;
  }

  @Test
  void aScriptPlantedInTheWorkingDirectoryOrItsParentIsNeverRun() throws Exception {
    Path parent = Files.createDirectories(dir.resolve("parent"));
    Path cwd = Files.createDirectories(parent.resolve("cwd"));
    Path marker = dir.resolve("planted-script-ran");
    plant(parent, marker);
    plant(cwd, marker);
    Path fakeBin = Files.createDirectories(dir.resolve("bin"));
    Path dpkg = Files.writeString(fakeBin.resolve("dpkg"), "#!/bin/sh\nexit 1\n");
    Files.setPosixFilePermissions(dpkg, PosixFilePermissions.fromString("rwx------"));
    Path cache = dir.resolve("cache");

    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
                java,
                "-cp",
                QemuOptions.absolute(System.getProperty("java.class.path")),
                KernelStep.class.getName())
            .directory(cwd.toFile())
            .redirectErrorStream(true);
    pb.environment().put("VFIO_WORKBENCH_CACHE", cache.toString());
    pb.environment().put("PATH", fakeBin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(marker).as("the planted script ran:\n" + out).doesNotExist();
    Path extracted =
        cache
            .resolve("lab/scripts")
            .resolve(LabScripts.bundled().hash())
            .resolve("build-kernel.sh");
    assertThat(out)
        .contains("script " + extracted)
        .contains("missing packages: linux-source-6.12")
        .contains("failed with exit 2")
        .doesNotContain("/planted/bzImage");
    assertThat(extracted).exists();
  }

  /** The lab's kernel step, as the {@code lab} command runs it, in a JVM of its own. */
  public static final class KernelStep {
    public static void main(String[] args) throws Exception {
      KernelProvider provider = KernelProvider.locate();
      System.out.println("script " + provider.script());
      try {
        System.out.println("kernel " + provider.kernel(m -> System.out.println(m)));
      } catch (IOException e) {
        System.out.println(e.getMessage());
      }
    }
  }

  @Test
  void anExplicitScriptPropertyIsRunAsGiven() throws Exception {
    Path bz = Files.writeString(dir.resolve("bzImage"), "not a kernel");
    Path script =
        Files.writeString(dir.resolve("my-build.sh"), "echo building >&2\necho " + bz + "\n");
    List<String> progress = new ArrayList<>();

    Path kernel = KernelProvider.ofScript(script).kernel(progress::add);

    assertThat(kernel).isEqualTo(bz);
    assertThat(progress).containsExactly("building");
  }

  @Test
  void cancellingStopsTheBuildScriptAndItsChildrenAndThrowsCancelled() throws Exception {
    Path script =
        Files.writeString(
            dir.resolve("slow-build.sh"),
            "echo compiling >&2\nsleep 60 & sleep 60 &\nwait\necho /never\n");
    Cancellation cancel = new Cancellation(Duration.ofSeconds(2));
    List<String> progress = new java.util.concurrent.CopyOnWriteArrayList<>();
    CompletableFuture<Throwable> outcome =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                KernelProvider.ofScript(script).kernel(progress::add, cancel);
                return null;
              } catch (Throwable t) {
                return t;
              }
            });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<ProcessHandle> tree = List.of();
    while (System.nanoTime() < deadline) {
      tree =
          ProcessHandle.current()
              .descendants()
              .filter(
                  h ->
                      h.info().commandLine().orElse("").contains("sleep 60")
                          || h.info()
                              .arguments()
                              .map(a -> String.join(" ", a).contains("slow-build.sh"))
                              .orElse(false))
              .toList();
      if (tree.size() >= 3 && progress.contains("compiling")) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(tree).as("the fake build and its two children").hasSizeGreaterThanOrEqualTo(3);
    long start = System.nanoTime();

    cancel.cancel();
    Throwable t = outcome.get(5, TimeUnit.SECONDS);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    assertThat(t)
        .isInstanceOf(LabCancelledException.class)
        .hasMessageContaining("building the lab kernel");
    long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (System.nanoTime() < gone && tree.stream().anyMatch(ProcessHandle::isAlive)) {
      Thread.sleep(20);
    }
    assertThat(tree).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aFailingScriptIsAnErrorNamingIt() throws IOException {
    Path script = Files.writeString(dir.resolve("broken.sh"), "exit 4\n");

    assertThatThrownBy(() -> KernelProvider.ofScript(script).kernel(LabListener.SILENT))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("broken.sh")
        .hasMessageContaining("exit 4");
  }
}
