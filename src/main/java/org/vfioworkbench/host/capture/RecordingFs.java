package org.vfioworkbench.host.capture;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BinaryOperator;
import org.vfioworkbench.host.fs.FsErrors;
import org.vfioworkbench.host.fs.HostFs;

/**
 * Passes reads through to another filesystem and remembers each answer, failures included, so that
 * {@link #capture} holds exactly what was read. Safe for the threads of one scan.
 */
public final class RecordingFs implements HostFs {

  private final HostFs delegate;
  private final Map<String, CaptureEntry> entries = new ConcurrentHashMap<>();
  private final BinaryOperator<String> linkRedactor;

  public RecordingFs(HostFs delegate) {
    this(delegate, (path, target) -> target);
  }

  /**
   * @param linkRedactor given a link's path and target, returns what the capture stores as its
   *     target (the caller still sees the real one)
   */
  public RecordingFs(HostFs delegate, BinaryOperator<String> linkRedactor) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.linkRedactor = Objects.requireNonNull(linkRedactor, "linkRedactor");
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  @Override
  public boolean isLiveHost() {
    return delegate.isLiveHost();
  }

  @Override
  public byte[] read(String path, int limit) throws IOException {
    try {
      byte[] b = delegate.read(path, limit);
      entries.put(path, new CaptureEntry.FileEntry(b));
      return b;
    } catch (IOException e) {
      throw failed(path, e);
    }
  }

  @Override
  public String readLink(String path) throws IOException {
    try {
      String t = delegate.readLink(path);
      entries.put(path, new CaptureEntry.LinkEntry(linkRedactor.apply(path, t)));
      return t;
    } catch (IOException e) {
      throw failed(path, e);
    }
  }

  @Override
  public List<String> list(String dir) throws IOException {
    try {
      List<String> names = delegate.list(dir);
      entries.put(dir, new CaptureEntry.DirEntry(names));
      return names;
    } catch (IOException e) {
      throw failed(dir, e);
    }
  }

  private IOException failed(String path, IOException e) {
    String reason =
        e instanceof java.nio.file.FileSystemException f && f.getReason() != null
            ? f.getReason()
            : "";
    entries.putIfAbsent(path, new CaptureEntry.ErrorEntry(FsErrors.code(e), reason));
    return e;
  }

  /** Everything read so far, with {@code info} describing the host. */
  public Capture capture(CaptureInfo info) {
    return new Capture(info, entries);
  }
}
