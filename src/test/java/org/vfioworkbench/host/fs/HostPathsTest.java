package org.vfioworkbench.host.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPathsTest {

  @TempDir Path root;

  @Test
  void resolvesSysfsStyleRelativeLinks() {
    assertThat(
            HostPaths.resolveLink(
                "/sys/bus/pci/devices/0000:01:00.0",
                "../../../devices/pci0000:00/0000:00:01.0/0000:01:00.0"))
        .isEqualTo("/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0");
    assertThat(
            HostPaths.resolveLink(
                "/sys/devices/pci0000:00/0000:00:01.0/0000:01:00.0/iommu_group",
                "../../../../kernel/iommu_groups/1"))
        .isEqualTo("/sys/kernel/iommu_groups/1");
    assertThat(HostPaths.resolveLink("/proc/1/fd/3", "/dev/vfio/1")).isEqualTo("/dev/vfio/1");
    assertThat(HostPaths.normalize("//a/./b/../c/")).isEqualTo("/a/c");
    assertThat(HostPaths.parent("/sys")).isEqualTo("/");
    assertThat(HostPaths.name("/sys/bus")).isEqualTo("bus");
  }

  @Test
  void liveFsReportsMissingPathsNonLinksAndNonDirectoriesDistinctly() throws Exception {
    Files.writeString(root.resolve("f"), "x\n");
    LiveFs fs = new LiveFs(root);
    assertThat(fs.readText("/f")).isEqualTo("x");
    assertThatThrownBy(() -> fs.readLink("/f")).isInstanceOf(NotLinkException.class);
    assertThatThrownBy(() -> fs.readLink("/g")).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> fs.list("/f")).isInstanceOf(NotDirectoryException.class);
    assertThatThrownBy(() -> fs.list("/g")).isInstanceOf(NoSuchFileException.class);
    assertThat(FsErrors.code(new NoSuchFileException("x"))).isEqualTo("ENOENT");
    assertThat(FsErrors.describe(new java.nio.file.AccessDeniedException("x")))
        .isEqualTo("permission denied");
  }
}
