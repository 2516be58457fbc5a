package org.vfioworkbench.host.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Consumer;

class QemuCommandLineTest {

  @Test
  void aVfioPciDeviceWithoutIommufdIsTheLegacyBackend() {
    Consumer c =
        QemuCommandLine.consumer(
            List.of(
                "/usr/bin/qemu-system-x86_64",
                "-name",
                "guest=win10,debug-threads=on",
                "-device",
                "vfio-pci,host=0000:02:00.0,id=hostdev0"));
    assertEquals(Consumer.Kind.QEMU_LEGACY, c.kind());
    assertEquals(Optional.of("win10"), c.vmName());
  }

  @Test
  void anIommufdObjectOrPropertyIsTheIommufdBackend() {
    assertEquals(
        Consumer.Kind.QEMU_IOMMUFD,
        QemuCommandLine.consumer(
                List.of(
                    "qemu-kvm",
                    "-object",
                    "iommufd,id=iommufd0",
                    "-device",
                    "vfio-pci,host=0000:02:00.0,iommufd=iommufd0",
                    "-name",
                    "vm7"))
            .kind());
    assertEquals(
        Optional.of("vm7"), QemuCommandLine.consumer(List.of("qemu-kvm", "-name", "vm7")).vmName());
  }

  @Test
  void otherProgramsArePlainProcessesAndAnEmptyLineSaysNothing() {
    assertEquals(
        Consumer.Kind.PROCESS,
        QemuCommandLine.consumer(List.of("/usr/bin/dpdk-testpmd", "-a", "0000:02:00.0")).kind());
    assertEquals(Consumer.UNKNOWN, QemuCommandLine.consumer(List.of()));
  }
}
