package org.vfioworkbench.engine.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KernelReleaseTest {

  @Test
  void readsReleasesAndOsreleaseStrings() {
    assertThat(KernelRelease.parse("6.6.38")).isEqualTo(KernelRelease.of(6, 6, 38));
    assertThat(KernelRelease.parse("6.12.0-27-amd64")).isEqualTo(KernelRelease.of(6, 12, 0));
    assertThat(KernelRelease.parse("6.6.36-1.fc40.x86_64")).isEqualTo(KernelRelease.of(6, 6, 36));
    assertThat(KernelRelease.parse("v6.10")).isEqualTo(KernelRelease.of(6, 10, 0));
    assertThat(KernelRelease.parse("6.15-rc2")).isEqualTo(KernelRelease.rc(6, 15, 2));
    assertThat(KernelRelease.parse("6.15.0-rc1+")).isEqualTo(KernelRelease.rc(6, 15, 1));
    assertThatThrownBy(() -> KernelRelease.parse("linux-6.10"))
        .hasMessageContaining("\"linux-6.10\" is not a kernel release");
  }

  @Test
  void aReleaseCandidateComesBeforeItsRelease() {
    assertThat(KernelRelease.rc(6, 15, 2)).isLessThan(KernelRelease.rc(6, 15, 3));
    assertThat(KernelRelease.rc(6, 15, 3)).isLessThan(KernelRelease.of(6, 15, 0));
    assertThat(KernelRelease.of(6, 14, 11)).isLessThan(KernelRelease.rc(6, 15, 1));
    assertThat(
            KernelRelease.of(6, 12, 117)
                .between(KernelRelease.of(6, 12, 0), KernelRelease.of(6, 12, 117)))
        .isTrue();
  }

  @Test
  void aBackportCountsFromItsStableReleaseOnwardInThatSeriesOnly() {
    NoBusResetFixup asm =
        QuirkTable.noBusReset(0x1b21, 0x1164, KernelRelease.of(6, 12, 117)).orElseThrow();
    assertThat(asm.presentIn(KernelRelease.of(6, 12, 120))).isTrue();
    assertThat(asm.presentIn(KernelRelease.of(6, 12, 22))).isFalse();
    assertThat(asm.presentIn(KernelRelease.of(6, 13, 0))).isFalse();
    assertThat(asm.presentIn(KernelRelease.of(7, 0, 0))).isTrue();
    assertThat(QuirkTable.noBusReset(0x168c, 0x003c, KernelRelease.of(5, 15, 0))).isPresent();
    assertThat(QuirkTable.noBusReset(0x11c1, 0x5900, KernelRelease.of(6, 12, 117))).isEmpty();
  }
}
