package org.vfioworkbench.host.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vfioworkbench.host.fs.LiveFs;

/** A recording of a real directory tree replays the same answers, through links too. */
class CaptureFsTest {

  @TempDir Path root;

  @Test
  void replaysWhatWasRecordedAndFollowsRecordedLinks() throws Exception {
    Path dev = Files.createDirectories(root.resolve("sys/devices/pci0000:00/0000:00:01.0"));
    Files.writeString(dev.resolve("class"), "0x030000\n");
    Files.createDirectories(root.resolve("sys/bus/pci/devices"));
    Files.createSymbolicLink(
        root.resolve("sys/bus/pci/devices/0000:00:01.0"),
        Path.of("../../../devices/pci0000:00/0000:00:01.0"));

    RecordingFs rec = new RecordingFs(new LiveFs(root));
    assertThat(rec.list("/sys/bus/pci/devices")).containsExactly("0000:00:01.0");
    assertThat(rec.readLink("/sys/bus/pci/devices/0000:00:01.0"))
        .isEqualTo("../../../devices/pci0000:00/0000:00:01.0");
    assertThat(rec.readText("/sys/devices/pci0000:00/0000:00:01.0/class")).isEqualTo("0x030000");
    assertThatThrownBy(() -> rec.read("/sys/nothing", 10)).isInstanceOf(NoSuchFileException.class);

    CaptureFs replay = new CaptureFs(rec.capture(new CaptureInfo("t", "", "", "", "")), "t");
    assertThat(replay.list("/sys/bus/pci/devices")).containsExactly("0000:00:01.0");
    // Read through the link: the capture holds the file at the resolved path only.
    assertThat(replay.readText("/sys/bus/pci/devices/0000:00:01.0/class")).isEqualTo("0x030000");
    assertThatThrownBy(() -> replay.read("/sys/nothing", 10))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> replay.read("/sys/elsewhere", 10))
        .isInstanceOf(NoSuchFileException.class)
        .hasMessageContaining("not in the capture");
    assertThat(replay.describe()).isEqualTo("capture t");
  }

  @Test
  void recordedFailuresFailTheSameWay() {
    Capture c =
        new Capture(
            new CaptureInfo("t", "", "", "", ""),
            java.util.Map.of(
                "/proc/7/fd", new CaptureEntry.ErrorEntry("EACCES", "Permission denied"),
                "/proc/7/comm",
                    new CaptureEntry.FileEntry("qemu\n".getBytes(StandardCharsets.UTF_8))));
    CaptureFs fs = new CaptureFs(c, "t");
    assertThatThrownBy(() -> fs.list("/proc/7/fd")).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> fs.list("/proc/7/comm")).hasMessageContaining("/proc/7/comm");
    assertThatThrownBy(() -> fs.readLink("/proc/7/comm")).hasMessageContaining("/proc/7/comm");
  }
}
