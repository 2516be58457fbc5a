package org.vfioworkbench.engine.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The few files of the {@code linux-source-6.12} tarball the kernel-rule tests read, extracted once
 * into {@code target/kernel-source-6.12} (the tarball is 150 MB of xz; extraction takes half a
 * minute).
 */
final class KernelSource {

  static final Path TARBALL = Path.of("/usr/src/linux-source-6.12.tar.xz");
  private static final Path CACHE = Path.of("target", "kernel-source-6.12");
  private static final List<String> MEMBERS =
      List.of(
          "*/Makefile",
          "*/drivers/pci/quirks.c",
          "*/drivers/pci/pci.c",
          "*/drivers/pci/hotplug/*.c",
          "*/include/linux/pci_ids.h",
          "*/drivers/vfio/pci/vfio_pci_core.c",
          "*/drivers/vfio/device_cdev.c");

  private static Optional<Path> root;

  private KernelSource() {}

  /** Why the tests cannot run here, or empty when the tarball is installed. */
  static Optional<String> unavailable() {
    return Files.isRegularFile(TARBALL)
        ? Optional.empty()
        : Optional.of(TARBALL + " is absent (apt-get install linux-source-6.12)");
  }

  /** The extracted tree's top directory ({@code linux-source-6.12}). */
  static synchronized Path root() throws IOException, InterruptedException {
    if (root != null && root.isPresent()) {
      return root.get();
    }
    Path stamp = CACHE.resolve(".extracted");
    FileTime built = Files.getLastModifiedTime(TARBALL);
    String wanted = TARBALL + " " + String.join(" ", MEMBERS);
    if (!Files.isRegularFile(stamp)
        || Files.getLastModifiedTime(stamp).compareTo(built) < 0
        || !Files.readString(stamp).equals(wanted)) {
      Files.createDirectories(CACHE);
      List<String> cmd =
          new java.util.ArrayList<>(
              List.of(
                  "tar",
                  "-xJf",
                  TARBALL.toString(),
                  "-C",
                  CACHE.toString(),
                  "--wildcards",
                  "--no-wildcards-match-slash"));
      cmd.addAll(MEMBERS);
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IOException("tar failed on " + TARBALL + ": " + out);
      }
      Files.writeString(stamp, wanted);
    }
    try (Stream<Path> s = Files.list(CACHE)) {
      root = s.filter(Files::isDirectory).findFirst();
    }
    return root.orElseThrow(() -> new IOException("nothing extracted from " + TARBALL));
  }

  static String read(String relative) throws IOException, InterruptedException {
    return Files.readString(root().resolve(relative), StandardCharsets.ISO_8859_1);
  }

  /** The release the top Makefile names (e.g. {@code 6.12.118}). */
  static KernelRelease release() throws IOException, InterruptedException {
    String mk = read("Makefile");
    return KernelRelease.of(field(mk, "VERSION"), field(mk, "PATCHLEVEL"), field(mk, "SUBLEVEL"));
  }

  private static int field(String makefile, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " = (\\d+)$").matcher(makefile);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in the kernel Makefile");
    }
    return Integer.parseInt(m.group(1));
  }

  /** The body of C function {@code name} in {@code source}, from its opening brace. */
  static Optional<String> functionBody(String source, String name) {
    Matcher m =
        Pattern.compile("(?m)^[a-z][^;\\n]*\\b" + Pattern.quote(name) + "\\([^)]*\\)\\s*\\{")
            .matcher(source);
    if (!m.find()) {
      return Optional.empty();
    }
    int depth = 1;
    int i = m.end();
    while (i < source.length() && depth > 0) {
      char c = source.charAt(i++);
      depth += c == '{' ? 1 : c == '}' ? -1 : 0;
    }
    return Optional.of(source.substring(m.end(), i - 1));
  }
}
