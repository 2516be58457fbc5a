package org.vfioworkbench.host;

import java.util.Objects;
import java.util.Optional;

/**
 * A host being watched: each {@link #refresh} scans again and says what changed since the last
 * scan. The workbench calls it on demand and on its timer, from a background thread; one refresh
 * runs at a time. Read-only, like every scan.
 */
public final class LiveHostSession {

  private final HostScanner scanner;
  private ScanResult last;

  public LiveHostSession(HostScanner scanner) {
    this.scanner = Objects.requireNonNull(scanner, "scanner");
  }

  /**
   * One refresh.
   *
   * @param previous the scan before, empty on the first refresh
   * @param current the new scan
   * @param changes what changed since {@code previous} (nothing on the first refresh)
   */
  public record Refresh(Optional<ScanResult> previous, ScanResult current, ScanDiff changes) {}

  /**
   * Scans again.
   *
   * @throws java.util.concurrent.CancellationException when the listener cancels; the last scan is
   *     kept
   */
  public synchronized Refresh refresh(ScanListener listener) {
    ScanResult now = scanner.scan(listener);
    Optional<ScanResult> before = Optional.ofNullable(last);
    ScanDiff diff =
        before.map(b -> ScanDiff.between(b, now)).orElse(new ScanDiff(java.util.List.of()));
    last = now;
    return new Refresh(before, now, diff);
  }

  public synchronized Optional<ScanResult> last() {
    return Optional.ofNullable(last);
  }
}
