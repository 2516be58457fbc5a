package org.vfioworkbench.host.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.HostScanner;
import org.vfioworkbench.host.ScanResult;

/**
 * A {@code --root} tree is read only inside the root: a tree holding {@code sys/devices ->
 * /sys/devices} (or a link to any other outside directory) does not make the scan read that
 * directory; the scan says so in a problem and a note.
 */
class LiveFsConfinementTest {

  @TempDir Path dir;

  /** A root whose {@code sys/devices} links to {@code target}, with one function listed. */
  private Path rootLinkingDevicesTo(Path target) throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(root.resolve("sys/bus/pci/devices"));
    Files.createDirectories(root.resolve("proc"));
    Files.createSymbolicLink(root.resolve("sys/devices"), target);
    Files.createSymbolicLink(
        root.resolve("sys/bus/pci/devices/0000:00:01.0"),
        Path.of("../../../devices/pci0000:00/0000:00:01.0"));
    return root;
  }

  @Test
  void aLinkToAnOutsideTreeIsNotFollowed() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside/pci0000:00/0000:00:01.0"));
    Files.writeString(outside.resolve("class"), "0x020000\n");
    Path root = rootLinkingDevicesTo(dir.resolve("outside").toAbsolutePath());
    LiveFs fs = new LiveFs(root);
    assertThatThrownBy(() -> fs.read("/sys/devices/pci0000:00/0000:00:01.0/class", 100))
        .isInstanceOf(OutsideRootException.class);
    assertThatThrownBy(() -> fs.list("/sys/devices/pci0000:00"))
        .isInstanceOf(OutsideRootException.class);
    ScanResult s = new HostScanner(fs).scan();
    assertThat(s.topology().functions()).isEmpty();
    assertThat(s.problems())
        .anySatisfy(p -> assertThat(p.error()).contains("outside the root directory"));
    assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("outside the root"));
  }

  @Test
  void theRealSysDevicesIsNotRead() throws Exception {
    Path root = rootLinkingDevicesTo(Path.of("/sys/devices"));
    ScanResult s = new HostScanner(new LiveFs(root)).scan();
    assertThat(s.topology().functions()).isEmpty();
    assertThat(s.problems())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.error()).contains("outside the root directory"));
  }

  @Test
  void linksInsideTheRootStillWorkAndMissingFilesAreMissing() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(root.resolve("a/b"));
    Files.writeString(root.resolve("a/b/f"), "x");
    Files.createSymbolicLink(root.resolve("l"), Path.of("a/b"));
    Files.createSymbolicLink(root.resolve("abs"), root.resolve("a"));
    LiveFs fs = new LiveFs(root);
    assertThat(fs.read("/l/f", 10)).containsExactly('x');
    assertThat(fs.list("/abs/b")).containsExactly("f");
    assertThat(fs.readLink("/l")).isEqualTo("a/b");
    assertThatThrownBy(() -> fs.read("/l/missing", 10)).isInstanceOf(NoSuchFileException.class);
  }
}
