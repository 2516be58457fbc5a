package org.vfioworkbench.host.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureCodecTest {

  @TempDir Path dir;

  private static Capture sample() {
    return new Capture(
        new CaptureInfo("test", "2026-01-01T00:00:00Z", "h", "6.12", "live host /"),
        Map.of(
            "/sys/bus/pci/devices",
            new CaptureEntry.DirEntry(List.of("0000:00:01.0")),
            "/sys/bus/pci/devices/0000:00:01.0",
            new CaptureEntry.LinkEntry("../../../devices/pci0000:00/0000:00:01.0"),
            "/sys/devices/pci0000:00/0000:00:01.0/class",
            new CaptureEntry.FileEntry("0x060400\n".getBytes(StandardCharsets.UTF_8)),
            "/sys/devices/pci0000:00/0000:00:01.0/config",
            new CaptureEntry.FileEntry(new byte[] {(byte) 0x86, (byte) 0x80, (byte) 0xff, 0, 1}),
            "/proc/1/cmdline",
            new CaptureEntry.FileEntry("init\0--x\0".getBytes(StandardCharsets.UTF_8)),
            "/proc/1/fd",
            new CaptureEntry.ErrorEntry("EACCES", "Permission denied")));
  }

  @Test
  void roundTripsEveryKindOfEntryPlainAndGzipped() throws Exception {
    for (String name : List.of("c.json", "c.json.gz")) {
      Path f = dir.resolve(name);
      CaptureCodec.write(sample(), f);
      Capture back = CaptureCodec.read(f);
      assertThat(back.entries()).isEqualTo(sample().entries());
      assertThat(back.info()).isEqualTo(sample().info());
      assertThat(CaptureCodec.looksLikeCapture(f)).isTrue();
    }
    assertThat(Files.readString(dir.resolve("c.json")))
        .contains("\"base64\"")
        .contains("\"text\":\"0x060400\\n\"")
        .contains("\"error\":\"EACCES\"");
  }

  @Test
  void writingLeavesNoTemporaryFileBehind() throws Exception {
    CaptureCodec.write(sample(), dir.resolve("c.json"));
    try (var s = Files.list(dir)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("c.json");
    }
  }

  @Test
  void brokenFilesAreNamedWithTheProblem() throws Exception {
    Path notJson = Files.writeString(dir.resolve("a.json"), "{ nope");
    assertThatThrownBy(() -> CaptureCodec.read(notJson))
        .isInstanceOf(CaptureFormatException.class)
        .hasMessageStartingWith(notJson.toString())
        .hasMessageContaining("not valid JSON");
    Path scenario = Files.writeString(dir.resolve("b.json"), "{\"schemaVersion\": 1}");
    assertThatThrownBy(() -> CaptureCodec.read(scenario))
        .hasMessageContaining("not a VFIO Workbench capture");
    Path future =
        Files.writeString(
            dir.resolve("c.json"),
            "{\"format\":\"vfio-workbench-capture\",\"version\":9,\"entries\":{}}");
    assertThatThrownBy(() -> CaptureCodec.read(future)).hasMessageContaining("version 9");
    Path badEntry =
        Files.writeString(
            dir.resolve("d.json"),
            "{\"format\":\"vfio-workbench-capture\",\"version\":1,\"entries\":{\"/x\":{\"size\":1}}}");
    assertThatThrownBy(() -> CaptureCodec.read(badEntry)).hasMessageContaining("\"/x\"");
    assertThatThrownBy(() -> CaptureCodec.read(dir.resolve("missing.json")))
        .hasMessageContaining("no such capture file");
    assertThat(CaptureCodec.looksLikeCapture(scenario)).isFalse();
  }
}
