package org.vfioworkbench.host.ioctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The binding's {@code capget}/{@code capset} pair on this machine, as the kernel lab's guest uses
 * it: drops CAP_SYS_RAWIO from the effective set of one throwaway thread and raises it again,
 * reading the thread's {@code CapEff} from {@code /proc/thread-self/status} after each step.
 * Nothing outside that thread changes. Skipped where the capability is not permitted.
 */
class VfioBindingCapabilityTest {

  private static final long RAWIO = 1L << VfioUapi.CAP_SYS_RAWIO;

  private static long field(String name) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/thread-self/status"))) {
      if (line.startsWith(name + ":")) {
        return Long.parseUnsignedLong(line.substring(name.length() + 1).trim(), 16);
      }
    }
    throw new IOException("no " + name + " in /proc/thread-self/status");
  }

  @Test
  void dropsAndRaisesOneEffectiveCapabilityOfTheCallingThread() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/thread-self/status")), "no /proc/thread-self");
    assumeTrue((field("CapPrm") & RAWIO) != 0, "CAP_SYS_RAWIO is not permitted here");
    AtomicReference<Object> seen = new AtomicReference<>();
    Thread t =
        new Thread(
            () -> {
              try {
                VfioBinding binding = new VfioBinding();
                binding.setEffectiveCapability(VfioUapi.CAP_SYS_RAWIO, false);
                long dropped = field("CapEff");
                long permittedAfterDrop = field("CapPrm");
                binding.setEffectiveCapability(VfioUapi.CAP_SYS_RAWIO, true);
                long raised = field("CapEff");
                seen.set(new long[] {dropped, permittedAfterDrop, raised});
              } catch (Exception e) {
                seen.set(e);
              }
            });
    t.start();
    t.join();

    assertThat(seen.get()).isInstanceOf(long[].class);
    long[] caps = (long[]) seen.get();
    assertThat(caps[0] & RAWIO).as("effective after the drop").isZero();
    assertThat(caps[1] & RAWIO).as("still permitted").isEqualTo(RAWIO);
    assertThat(caps[2] & RAWIO).as("effective after raising it again").isEqualTo(RAWIO);
  }

  @Test
  void refusesACapabilityNumberOutsideVersionThreesTwoWords() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new VfioBinding().setEffectiveCapability(64, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64");
  }
}
