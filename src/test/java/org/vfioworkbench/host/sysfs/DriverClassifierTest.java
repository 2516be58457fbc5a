package org.vfioworkbench.host.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.DriverKind;

class DriverClassifierTest {

  @Test
  void mapsDriverNamesTheWayVfioSeesThem() {
    assertThat(DriverClassifier.classify("vfio-pci").kind()).isEqualTo(DriverKind.VFIO_PCI);
    assertThat(DriverClassifier.classify("mlx5_vfio_pci").kind()).isEqualTo(DriverKind.VFIO_PCI);
    assertThat(DriverClassifier.classify("nvgrace_gpu_vfio_pci").name())
        .isEqualTo("nvgrace_gpu_vfio_pci");
    assertThat(DriverClassifier.classify("pci-stub").kind()).isEqualTo(DriverKind.PCI_STUB);
    assertThat(DriverClassifier.classify("pcieport").kind()).isEqualTo(DriverKind.PCIEPORT);
    assertThat(DriverClassifier.classify(null).kind()).isEqualTo(DriverKind.NONE);
    assertThat(DriverClassifier.classify("vfio_iommu_type1").kind()).isEqualTo(DriverKind.NATIVE);
    assertThat(DriverClassifier.classify("snd_hda_intel").claimsDmaOwnership()).isTrue();
  }

  @Test
  void namesClasses() {
    assertThat(PciClassNames.name(0x030000, PciIds.none())).isEqualTo("VGA compatible controller");
    assertThat(PciClassNames.name(0x0b4000, PciIds.none())).isEqualTo("class 0x0b40");
  }
}
