package org.vfioworkbench.host.ioctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles a C program with gcc against the kernel's own UAPI headers and checks every struct size,
 * member offset and width, ioctl number and constant the binding uses. The headers are the Linux
 * 6.12 ones exported by {@code .ci/uapi-headers.sh} (the system's 6.1 {@code vfio.h} lacks the cdev
 * calls); {@code -Dvfio.uapi.include=DIR} or {@code VFIO_UAPI_INCLUDE} points elsewhere. Skipped,
 * saying why, only when gcc or the headers are absent.
 */
class VfioUapiLayoutTest {

  @TempDir Path dir;

  static Path includeDir() {
    String p = System.getProperty("vfio.uapi.include", System.getenv("VFIO_UAPI_INCLUDE"));
    if (p != null && !p.isBlank()) {
      return Path.of(p);
    }
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("vfio-workbench/uapi-6.12/include");
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  static String program() {
    StringBuilder c = new StringBuilder();
    c.append("#include <stdio.h>\n#include <stddef.h>\n#include <linux/vfio.h>\n")
        .append("#include <linux/iommufd.h>\n#include <linux/capability.h>\n")
        .append("#define FIELD_SIZE(t, m) sizeof(((t *)0)->m)\n")
        .append("int main(void) {\n");
    for (StructLayout s : VfioUapi.layouts()) {
      c.append("  printf(\"%s|sizeof|%zu\\n\", \"")
          .append(s.cName())
          .append("\", sizeof(")
          .append(s.cName())
          .append("));\n");
      for (StructLayout.Field f : s.fields()) {
        c.append("  printf(\"%s.%s|offset|%zu|width|%zu\\n\", \"")
            .append(s.cName())
            .append("\", \"")
            .append(f.name())
            .append("\", offsetof(")
            .append(s.cName())
            .append(", ")
            .append(f.name())
            .append("), FIELD_SIZE(")
            .append(s.cName())
            .append(", ")
            .append(f.name())
            .append("));\n");
      }
    }
    for (String name : VfioUapi.constants().keySet()) {
      c.append("  printf(\"%s|%lld\\n\", \"")
          .append(name)
          .append("\", (long long)(")
          .append(name)
          .append("));\n");
    }
    return c.append("  return 0;\n}\n").toString();
  }

  @Test
  void everyLayoutAndIoctlNumberMatchesTheKernelHeaders() throws Exception {
    Path include = includeDir();
    assumeTrue(onPath("gcc"), "gcc is not on PATH: install gcc to check the binding's layouts");
    assumeTrue(
        Files.isRegularFile(include.resolve("linux/vfio.h"))
            && Files.readString(include.resolve("linux/vfio.h"))
                .contains("VFIO_DEVICE_BIND_IOMMUFD")
            && Files.isRegularFile(include.resolve("linux/iommufd.h")),
        "Linux 6.6+ UAPI headers not found in "
            + include
            + ": apt-get install linux-source-6.12 gcc && bash .ci/uapi-headers.sh");

    Path src = Files.writeString(dir.resolve("layout.c"), program());
    Path exe = dir.resolve("layout");
    String compiled =
        run(
            dir,
            "gcc",
            "-Wall",
            "-Werror",
            "-I",
            include.toString(),
            "-o",
            exe.toString(),
            src.toString());
    String out = run(dir, exe.toString());
    assertThat(compiled).isEmpty();

    Map<String, Long> seen = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] w = line.split("\\|");
      if (w.length == 3) {
        seen.put(w[0] + " " + w[1], Long.parseLong(w[2]));
      } else if (w.length == 5) {
        seen.put(w[0] + " offset", Long.parseLong(w[2]));
        seen.put(w[0] + " width", Long.parseLong(w[4]));
      } else if (w.length == 2) {
        seen.put(w[0], Long.parseLong(w[1]));
      }
    }
    Map<String, Long> expected = new HashMap<>();
    for (StructLayout s : VfioUapi.layouts()) {
      expected.put(s.cName() + " sizeof", (long) s.size());
      for (StructLayout.Field f : s.fields()) {
        expected.put(s.cName() + "." + f.name() + " offset", (long) f.offset());
        expected.put(s.cName() + "." + f.name() + " width", (long) f.width());
      }
    }
    VfioUapi.constants().forEach((k, v) -> expected.put(k, v));
    assertThat(seen).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void theGeneratedProgramNamesEveryStructAndIoctl() {
    String c = program();
    assertThat(c)
        .contains("offsetof(struct vfio_pci_dependent_device, devfn)")
        .contains("(VFIO_DEVICE_ATTACH_IOMMUFD_PT)")
        .contains("(IOMMU_IOAS_ALLOC)")
        .contains("offsetof(struct __user_cap_data_struct, effective)")
        .contains("(CAP_SYS_RAWIO)");
  }

  private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    return out;
  }
}
