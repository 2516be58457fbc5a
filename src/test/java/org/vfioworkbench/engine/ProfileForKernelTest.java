package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vfioworkbench.engine.kernel.KernelRelease;

/** Which profile a released kernel gets, at every boundary docs/engine.md lists. */
class ProfileForKernelTest {

  @ParameterizedTest
  @CsvSource({
    "5.10.200, linux-5.15",
    "5.15.160, linux-5.15",
    "6.5.13, linux-5.15",
    "6.6.0, linux-6.6",
    "6.6.35, linux-6.6",
    "6.6.36, linux-6.6.36",
    "6.6.40, linux-6.6.36",
    "6.6.41, linux-6.10",
    "6.6.86, linux-6.10",
    "6.6.87, linux-6.6.87",
    "6.6.88, linux-6.10",
    "6.8.12, linux-6.6",
    "6.9.6, linux-6.6",
    "6.9.7, linux-6.6.36",
    "6.9.9, linux-6.6.36",
    "6.9.10, linux-6.10",
    "6.10.0, linux-6.10",
    "6.11.11, linux-6.10",
    "6.12.0-27-amd64, linux-6.12.0",
    "6.12.22, linux-6.12.0",
    "6.12.23, linux-6.12.23",
    "6.12.24, linux-6.12.23",
    "6.12.25, linux-6.12.0",
    "6.12.41, linux-6.12.0",
    "6.12.42, linux-6.12",
    "6.12.117, linux-6.12",
    "6.14.0, linux-6.12.0",
    "6.16.3, linux-6.12.0",
    "6.17.0, linux-6.17",
    "6.18.2, linux-6.17",
    "6.15-rc1, linux-6.12.23",
    "6.15-rc2, linux-6.12.23",
    "6.15-rc3, linux-6.12.0",
  })
  void picksTheProfileOfTheRelease(String release, String profile) {
    assertThat(Profile.forKernel(KernelRelease.parse(release)).id()).isEqualTo(profile);
  }
}
