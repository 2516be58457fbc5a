package org.vfioworkbench.host.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.vfioworkbench.io.Limit;
import org.vfioworkbench.io.LimitExceededException;
import org.vfioworkbench.io.RegularFiles;

/**
 * The real filesystem below a root directory: {@code /} for the machine itself, or a directory
 * holding a copy of {@code sys}, {@code proc} and {@code dev} laid out as on a host. Read-only:
 * nothing here writes.
 *
 * <p>Below a root other than {@code /}, every path is resolved (symbolic links followed) before it
 * is used, and one that ends up outside the root fails with {@link OutsideRootException}: a tree
 * holding {@code sys/devices -> /sys/devices} cannot make a scan read the real host. Only regular
 * files are read (a FIFO would block the scan forever), and directory listings stop at {@link
 * Limit#DIR_ENTRIES}.
 *
 * <p>Cost per operation, in system calls: a file read is one {@code lstat} (which answers both "is
 * it a link" and "is it a regular file"), {@code open}, {@code read} until end of file and {@code
 * close}; a link read is one {@code readlink}; a listing opens and reads the directory. Directories
 * are resolved once each, from their parent's resolution and one {@code lstat}, and remembered for
 * the life of this object ({@link #fresh()} gives a view that resolves afresh, one per scan). Safe
 * for use by several threads at once.
 */
public final class LiveFs implements HostFs {

  /**
   * Resolved directories remembered at most. A scan reads a directory's files one after another, so
   * the few thousand asked last are what saves work; more only holds memory (a Path per directory
   * of a 10,000-function tree is about 10 MiB). Past it the memory starts over.
   */
  private static final int MAX_RESOLVED = 4096;

  /** The first read of a file asks for this much; a file this long is read on to its limit. */
  private static final int FIRST_READ = 8192;

  private final Path root;

  private final Path realRoot;

  private final boolean confining;

  /**
   * A directory whose size says it may hold more names than {@link Limit#DIR_ENTRIES}'s reader
   * should gather at once (on the filesystems a tree is copied to, a directory's size grows with
   * its entries; sysfs and procfs say 0): listed one name at a time, stopping at the limit.
   */
  private static final long LARGE_DIRECTORY = 256 * 1024;

  private final java.util.Set<Path> large = ConcurrentHashMap.newKeySet();

  /** Directory (as asked, below the root) to its real path, links resolved. */
  private final Map<Path, Path> resolved = new ConcurrentHashMap<>();

  /**
   * The same, keyed by the host path string a file's read or link names as its directory ({@code
   * /sys/devices/pci0000:00/0000:00:01.0}): the files of one directory are then reached with one
   * {@code Path} each, not the four that making, splitting and rejoining the whole path took.
   */
  private final Map<String, Path> directories = new ConcurrentHashMap<>();

  /** No varargs array per {@code lstat}. */
  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  public LiveFs(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    Path real;
    try {
      real = this.root.toRealPath();
      resolved.put(this.root, real);
    } catch (IOException e) {
      real = this.root;
    }
    this.realRoot = real;
    this.confining = realRoot.getParent() != null;
  }

  /**
   * The same root, with nothing resolved yet: a scan uses its own, so links changed in the tree
   * between two scans are followed as they are now.
   */
  public LiveFs fresh() {
    return new LiveFs(root);
  }

  public Path root() {
    return root;
  }

  @Override
  public boolean isLiveHost() {
    return root.toString().equals("/");
  }

  @Override
  public String describe() {
    return root.toString().equals("/") ? "live host /" : "directory " + root;
  }

  private Path at(String path) {
    String rel = path.startsWith("/") ? path.substring(1) : path;
    return rel.isEmpty() ? root : root.resolve(rel);
  }

  private static boolean isDots(Path name) {
    String n = name.toString();
    return n.equals(".") || n.equals("..");
  }

  /**
   * The directory {@code p} with every link resolved: its parent's resolution (remembered) and one
   * {@code lstat} of the last component, which is resolved again only when it is itself a link.
   *
   * @throws java.nio.file.NotDirectoryException when it is not a directory (a FIFO where a
   *     directory belongs must not be opened: the open would block)
   */
  private Path resolve(Path p) throws IOException {
    Path known = resolved.get(p);
    if (known != null) {
      return known;
    }
    if (p.equals(root)) {
      // Never from the root's parents: while another thread starts the memory over, the root is
      // briefly not in it, and "/" is outside every root but "/" itself.
      return realRoot;
    }
    Path parent = p.getParent();
    Path name = p.getFileName();
    Path real;
    BasicFileAttributes a;
    if (parent == null || name == null || isDots(name)) {
      real = p.toRealPath();
      a = outside(real) ? null : Files.readAttributes(real, BasicFileAttributes.class);
    } else {
      Path candidate = resolve(parent).resolve(name);
      a = Files.readAttributes(candidate, BasicFileAttributes.class, NOFOLLOW);
      real = candidate;
      if (a.isSymbolicLink()) {
        real = candidate.toRealPath();
        a = outside(real) ? null : Files.readAttributes(real, BasicFileAttributes.class);
      }
    }
    if (a != null && a.size() > LARGE_DIRECTORY) {
      large.add(real);
    }
    if (a == null) {
      // Not even looked at: a link out of the root ends here.
      throw new OutsideRootException(p.toString(), real.toString());
    }
    if (!a.isDirectory()) {
      throw new java.nio.file.NotDirectoryException(p.toString());
    }
    if (resolved.size() >= MAX_RESOLVED) {
      resolved.clear();
      resolved.put(root, realRoot);
    }
    resolved.put(p, real);
    return real;
  }

  private boolean outside(Path real) {
    return confining && !real.startsWith(realRoot);
  }

  /** The real directory {@code dir}, refused when it lies outside the root. */
  private Path confinedDirectory(String path, Path dir) throws IOException {
    Path real;
    try {
      real = resolve(dir);
    } catch (NoSuchFileException e) {
      // A missing path is only "missing" when the part of it that exists lies inside the root.
      requireInside(path, dir.getParent());
      throw new NoSuchFileException(path);
    } catch (java.nio.file.NotDirectoryException e) {
      throw new java.nio.file.NotDirectoryException(path);
    } catch (OutsideRootException e) {
      throw new OutsideRootException(path, e.getOtherFile());
    }
    if (!real.startsWith(realRoot)) {
      throw new OutsideRootException(path, real.toString());
    }
    return real;
  }

  private void requireInside(String path, Path ancestor) throws IOException {
    for (Path a = ancestor; a != null; a = a.getParent()) {
      try {
        Path real = resolve(a);
        if (!real.startsWith(realRoot)) {
          throw new OutsideRootException(path, real.toString());
        }
        return;
      } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
        // Try the next ancestor up.
      }
    }
  }

  /**
   * The file to open for {@code path}: inside the root, links resolved, and a regular file (one
   * {@code lstat} when it is not a link).
   */
  /** A file to read, and its size when {@code lstat} gave it (-1 otherwise). */
  private record Sized(Path file, long size) {}

  private Sized regularFile(String path) throws IOException {
    Path file = inKnownDirectory(path);
    if (file == null) {
      Path p = at(path);
      Path parent = p.getParent();
      Path name = p.getFileName();
      if (parent == null || name == null || isDots(name)) {
        Path real = p.toRealPath();
        if (confining && !real.startsWith(realRoot)) {
          throw new OutsideRootException(path, real.toString());
        }
        RegularFiles.requireRegular(real, path);
        return new Sized(real, -1);
      }
      file = (confining ? confinedDirectory(path, parent) : parent).resolve(name);
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path);
    }
    if (a.isRegularFile()) {
      return new Sized(file, a.size());
    }
    if (a.isSymbolicLink()) {
      Path real;
      try {
        real = file.toRealPath();
      } catch (NoSuchFileException e) {
        throw new NoSuchFileException(path);
      }
      if (confining && !real.startsWith(realRoot)) {
        throw new OutsideRootException(path, real.toString());
      }
      file = real;
    }
    RegularFiles.requireRegular(file, path);
    return new Sized(file, -1);
  }

  /**
   * One buffer per reading thread for the first read of a file: most sysfs and procfs files are a
   * few bytes, and the kernel writes them straight into it.
   */
  private static final ThreadLocal<ByteBuffer> FIRST =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(FIRST_READ));

  @Override
  public byte[] read(String path, int limit) throws IOException {
    Sized f = regularFile(path);
    try (FileChannel ch = FileChannel.open(f.file())) {
      ByteBuffer first = FIRST.get();
      first.clear().limit(Math.max(0, Math.min(limit, FIRST_READ)));
      boolean end = false;
      while (first.hasRemaining()) {
        int n = ch.read(first);
        // The end of the file: read says so, or the bytes lstat counted are all here (a file on
        // disk; sysfs and procfs give sizes that say nothing, so they are read until read says so).
        if (n <= 0 || first.position() == f.size()) {
          end = true;
          break;
        }
      }
      byte[] head = new byte[first.flip().remaining()];
      first.get(head);
      if (end || head.length >= limit) {
        return head;
      }
      // Longer than the first read: read on, on the heap, up to the limit.
      ByteBuffer rest = ByteBuffer.allocate((int) Math.min(limit, FIRST_READ * 4L));
      rest.put(head);
      while (true) {
        if (!rest.hasRemaining()) {
          if (rest.capacity() >= limit) {
            break;
          }
          ByteBuffer bigger = ByteBuffer.allocate((int) Math.min(limit, rest.capacity() * 4L));
          rest.flip();
          bigger.put(rest);
          rest = bigger;
        }
        if (ch.read(rest) < 0) {
          break;
        }
      }
      return Arrays.copyOf(rest.array(), rest.position());
    }
  }

  /**
   * {@code path} in its real directory, when the directory part is a plain host path (no {@code .}
   * or {@code ..} last) and its name is plain too: the directory resolved and confined once per
   * directory string. Null for anything else, which takes the general way.
   */
  private Path inKnownDirectory(String path) throws IOException {
    int slash = path.lastIndexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      return null;
    }
    String name = path.substring(slash + 1);
    if (name.equals(".") || name.equals("..") || path.charAt(slash - 1) == '/') {
      return null;
    }
    String dirPath = path.substring(0, slash);
    Path dir = directories.get(dirPath);
    if (dir == null) {
      Path asked = at(dirPath);
      Path askedName = asked.getFileName();
      if (askedName == null || isDots(askedName)) {
        return null;
      }
      dir = confining ? confinedDirectory(path, asked) : asked;
      if (directories.size() >= MAX_RESOLVED) {
        directories.clear();
      }
      directories.put(dirPath, dir);
    }
    return dir.resolve(name);
  }

  /**
   * One read of the file, no listing. A missing file is absent when its directory is there: known
   * when the directory was resolved below a root, else asked with one {@code stat}. When the
   * directory is missing or not a directory, that is the failure, as the listing's would have been.
   */
  @Override
  public java.util.Optional<byte[]> readIfListed(String dir, String name, int limit)
      throws IOException {
    try {
      return java.util.Optional.of(read(HostPaths.child(dir, name), limit));
    } catch (NoSuchFileException e) {
      if (!(confining && directories.containsKey(dir))) {
        requireDirectory(dir);
      }
      return java.util.Optional.empty();
    } catch (java.nio.file.NotDirectoryException e) {
      requireDirectory(dir);
      throw e;
    } catch (java.nio.file.FileSystemException e) {
      if (e instanceof OutsideRootException || e instanceof java.nio.file.AccessDeniedException) {
        throw e;
      }
      // ENOTDIR from the lstat of dir/name when nothing was resolved (at /): dir is a file.
      requireDirectory(dir);
      throw e;
    }
  }

  /** Fails as a listing of {@code dir} would when it is missing or not a directory. */
  private void requireDirectory(String dir) throws IOException {
    Path d = directories.get(dir);
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(d != null ? d : at(dir), BasicFileAttributes.class);
    } catch (NoSuchFileException gone) {
      throw new NoSuchFileException(dir);
    }
    if (!a.isDirectory()) {
      throw new java.nio.file.NotDirectoryException(dir);
    }
  }

  @Override
  public String readLink(String path) throws IOException {
    Path known = confining ? inKnownDirectory(path) : null;
    if (known != null) {
      try {
        return Files.readSymbolicLink(known).toString();
      } catch (NoSuchFileException e) {
        throw new NoSuchFileException(path);
      } catch (java.nio.file.NotLinkException e) {
        throw new java.nio.file.NotLinkException(path);
      }
    }
    Path p = at(path);
    Path parent = p.getParent();
    Path name = p.getFileName();
    if (parent == null || name == null) {
      throw new java.nio.file.NotLinkException(path);
    }
    Path link = confining && !isDots(name) ? confinedDirectory(path, parent).resolve(name) : p;
    try {
      // One readlink: EINVAL (not a link) and ENOENT come back as NotLinkException and
      // NoSuchFileException.
      return Files.readSymbolicLink(link).toString();
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(path);
    } catch (java.nio.file.NotLinkException e) {
      throw new java.nio.file.NotLinkException(path);
    }
  }

  @Override
  public List<String> list(String dir) throws IOException {
    Path real = directories.get(dir);
    if (real == null) {
      Path p = at(dir);
      real = confining ? confinedDirectory(dir, p) : p;
    }
    long max = Limit.DIR_ENTRIES.value();
    List<String> names;
    // java.io.File lists with opendir (O_DIRECTORY: a FIFO fails at once), readdir and closedir,
    // and no Path per name. It says only "failed", so a failure is looked at again for the reason.
    String[] all = large.contains(real) ? null : real.toFile().list();
    if (all != null) {
      if (all.length > max) {
        throw new LimitExceededException(dir, Limit.DIR_ENTRIES);
      }
      names = new ArrayList<>(Arrays.asList(all));
    } else {
      BasicFileAttributes a;
      try {
        a = Files.readAttributes(real, BasicFileAttributes.class);
      } catch (NoSuchFileException e) {
        throw new NoSuchFileException(dir);
      }
      if (!a.isDirectory()) {
        throw new java.nio.file.NotDirectoryException(dir);
      }
      names = listOneByOne(dir, real, max);
    }
    Collections.sort(names);
    return names;
  }

  private static List<String> listOneByOne(String dir, Path real, long max) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> s = Files.newDirectoryStream(real)) {
      for (Path e : s) {
        if (names.size() >= max) {
          throw new LimitExceededException(dir, Limit.DIR_ENTRIES);
        }
        names.add(e.getFileName().toString());
      }
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(dir);
    } catch (java.nio.file.NotDirectoryException e) {
      throw new java.nio.file.NotDirectoryException(dir);
    }
    return names;
  }
}
