package org.vfioworkbench.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitramfsTest {

  @TempDir Path dir;

  @Test
  void writesANewcArchiveWithBusyboxTheInitScriptAndATrailer() throws IOException {
    Path fakeBusybox = Files.writeString(dir.resolve("busybox"), "#!fake");
    Path out = dir.resolve("initramfs.cpio");

    Initramfs.write(out, fakeBusybox);

    String archive = new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1);
    assertThat(archive)
        .startsWith("070701")
        .contains(
            "bin/busybox\0",
            "bin/sh\0",
            "init\0",
            "TRAILER!!!\0",
            "#!fake",
            "lab.script=",
            "hostroot");
    assertThat(Files.size(out) % 4).isZero();
  }

  @Test
  void namesTheMissingBusybox() {
    assertThatThrownBy(() -> Initramfs.write(dir.resolve("x"), dir.resolve("nope")))
        .hasMessageContaining("busybox-static");
  }
}
