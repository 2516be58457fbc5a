package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.engine.diagnostics.Diagnostic;
import org.vfioworkbench.engine.diagnostics.Subject;
import org.vfioworkbench.model.Topology;

class HostScanDiagnosticsTest {

  @Test
  void whatCouldNotBeReadAndWhatWasInferredBecomeDiagnostics() {
    ScanResult scan =
        new ScanResult(
            "test",
            Topology.empty(),
            List.of(new ScanProblem("/proc/77/fd", "open files of pid 77", "permission denied")),
            List.of(),
            Map.of(),
            List.of(),
            List.of("IOMMU groups unknown: the tree left them out"));

    assertThat(scan.diagnostics())
        .containsExactly(
            new Diagnostic(
                Diagnostic.Kind.HOST_UNREADABLE.severity(),
                Diagnostic.Kind.HOST_UNREADABLE,
                "open files of pid 77: permission denied",
                new Subject.HostPath("/proc/77/fd")),
            new Diagnostic(
                Diagnostic.Kind.HOST_FACT_INFERRED.severity(),
                Diagnostic.Kind.HOST_FACT_INFERRED,
                "IOMMU groups unknown: the tree left them out",
                new Subject.HostPath("")));
  }

  @Test
  void aCaptureIsJudgedUnderTheProfileOfTheKernelItRecorded() throws Exception {
    HostSources.HostScan host =
        HostSources.scanWithKernel(
            Path.of("src/test/resources/host/workstation.json"), ScanListener.NONE);

    assertThat(host.kernel().osrelease()).isPresent();
    assertThat(host.kernel().profile())
        .isEqualTo(HostKernel.of(host.kernel().osrelease().orElseThrow()).profile());
    assertThat(host.kernel().reason()).contains(host.kernel().osrelease().orElseThrow());
  }
}
