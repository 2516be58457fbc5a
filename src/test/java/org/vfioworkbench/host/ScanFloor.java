package org.vfioworkbench.host;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import org.vfioworkbench.host.fs.HostFs;
import org.vfioworkbench.host.fs.LiveFs;

/**
 * The floor under {@code scan --root TREE}: a whole process that makes the file system calls a scan
 * of the tree makes, and nothing else (no parsing, no verdicts, no output), so the whole scan can
 * be compared with what its reads alone cost beside {@code lspci -tv} on the same tree.
 *
 * <pre>
 *   ScanFloor record TREE TRACE   # scan TREE once on one thread, writing every read, link and listing to TRACE
 *   ScanFloor same TREE TRACE     # replay TRACE through LiveFs: the scan's own calls, on its threads
 *   ScanFloor fewest TREE TRACE   # the same information with the fewest calls the JDK allows
 *   ScanFloor atdir TREE TRACE    # the same information read relative to directory descriptors
 *   ScanFloor none TREE TRACE     # only load TRACE: the JVM's start and the trace's cost
 * </pre>
 *
 * <p>{@code same} goes through a fresh {@link LiveFs} exactly as the scan does: every directory
 * resolved and confined once ({@code lstat}), a file read as {@code lstat}, {@code open}, {@code
 * read}, {@code close}, a link as one {@code readlink}, a listing as {@code opendir}/{@code
 * readdir}/{@code closedir}. The PCI functions' operations are cut into the scan's runs of 256
 * functions and read on {@link ScanWorkers#forThisMachine()} while one worker replays the VFIO
 * nodes, IOMMU groups and processes, as {@link HostScanner} does.
 *
 * <p>{@code fewest} gives up what the scan's guarantees cost: no {@code lstat} before a read (a
 * FIFO planted in a tree would block it; {@code O_NOFOLLOW} still refuses a link as the last
 * component), no resolution of directories (a link to outside the root in the middle of a path
 * would be followed), one {@code read} per file into a buffer big enough for it, and an IOMMU
 * group's {@code name} read directly instead of listing the group to see whether it has one. Same
 * threads as {@code same}.
 *
 * <p>{@code atdir} keeps the guarantees and makes the kernel walk one name per call instead of the
 * whole path: each thread opens the root once as a {@link SecureDirectoryStream} and every
 * directory below it from its parent's stream, one name at a time, with {@code O_NOFOLLOW} after an
 * {@code fstatat} that says it is a directory (a link met on the way is read and its target opened
 * the same way from the root, so nothing outside the root is reached; a FIFO is never opened). A
 * file is {@code fstatat} (a regular file, not a link) and {@code openat} on its directory's
 * descriptor, one {@code read}, {@code close}; a listing iterates the directory's stream. The JDK
 * has no {@code readlinkat}, so a link is still read by its whole path. The streams a thread opened
 * last stay open ({@link #OPEN_DIRECTORIES} per thread).
 */
public final class ScanFloor {

  private ScanFloor() {}

  /** One recorded operation. */
  record Op(char kind, int limit, String path) {}

  /**
   * What a replay runs, in a scan's order: {@code head} on the caller's thread before the scan (the
   * kernel release), then {@code beside} on a worker while the caller lists the functions ({@code
   * listing}) and the workers read {@code functions} in runs, then {@code tail} (slots) on the
   * caller's thread.
   */
  record Trace(
      List<Op> head, List<Op> beside, List<Op> listing, List<List<Op>> functions, List<Op> tail) {}

  /** Records every operation of a scan, in the order a one-thread scan makes them. */
  static final class Recorder implements HostFs {
    private final HostFs fs;
    final List<String> lines = new ArrayList<>();

    Recorder(HostFs fs) {
      this.fs = fs;
    }

    private synchronized void add(char kind, int limit, String path) {
      lines.add(kind + " " + limit + " " + path);
    }

    @Override
    public String describe() {
      return fs.describe();
    }

    @Override
    public byte[] read(String path, int limit) throws IOException {
      add('R', limit, path);
      return fs.read(path, limit);
    }

    @Override
    public String readLink(String path) throws IOException {
      add('K', 0, path);
      return fs.readLink(path);
    }

    @Override
    public List<String> list(String dir) throws IOException {
      add('D', 0, dir);
      return fs.list(dir);
    }
  }

  static void record(Path tree, Path out) throws IOException {
    Recorder rec = new Recorder(new LiveFs(tree));
    HostKernel.of(rec);
    try (ScanWorkers one = ScanWorkers.of(1)) {
      new HostScanner(rec).scan(ScanListener.NONE, one);
    }
    Files.write(out, rec.lines, StandardCharsets.UTF_8);
  }

  /** The PCI functions' part of a scan: their links, directories and attributes. */
  private static boolean pci(String path) {
    return path.startsWith(org.vfioworkbench.host.sysfs.PciReader.DEVICES + "/")
        || path.startsWith("/sys/devices/");
  }

  static Trace load(Path file) throws IOException {
    List<Op> head = new ArrayList<>();
    List<Op> beside = new ArrayList<>();
    List<Op> listing = new ArrayList<>();
    List<List<Op>> functions = new ArrayList<>();
    List<Op> tail = new ArrayList<>();
    List<Op> current = null;
    String start = org.vfioworkbench.host.sysfs.PciReader.DEVICES + "/";
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int a = line.indexOf(' ');
      int b = line.indexOf(' ', a + 1);
      Op op =
          new Op(line.charAt(0), Integer.parseInt(line.substring(a + 1, b)), line.substring(b + 1));
      String p = op.path();
      if (op.kind() == 'K' && p.startsWith(start) && p.indexOf('/', start.length()) < 0) {
        // The link /sys/bus/pci/devices/BDF starts a function.
        current = new ArrayList<>();
        functions.add(current);
        current.add(op);
      } else if (current != null && pci(p)) {
        current.add(op);
      } else if (p.equals(org.vfioworkbench.host.sysfs.PciReader.DEVICES)) {
        listing.add(op);
      } else if (p.startsWith("/proc/sys/kernel/")) {
        head.add(op);
      } else if (p.startsWith(org.vfioworkbench.host.sysfs.PciReader.SLOTS)) {
        tail.add(op);
      } else {
        beside.add(op);
      }
    }
    return new Trace(head, beside, listing, functions, tail);
  }

  /** How one operation is carried out. */
  interface Calls {
    void run(Op op) throws IOException;
  }

  /** Through the scan's own file layer. */
  static Calls same(Path tree) {
    return through(new LiveFs(tree));
  }

  /** Through {@code fs}, as the scan calls it. */
  static Calls through(HostFs fs) {
    return op -> {
      switch (op.kind()) {
        case 'R' -> fs.read(op.path(), op.limit());
        case 'K' -> fs.readLink(op.path());
        default -> fs.list(op.path());
      }
    };
  }

  private static final ThreadLocal<ByteBuffer> BUFFER =
      ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(64 * 1024));

  /** The fewest calls the JDK's file API makes for the same information. */
  static Calls fewest(Path tree) {
    String root = tree.toAbsolutePath().normalize().toString();
    String groups = org.vfioworkbench.host.sysfs.IommuGroupReader.GROUPS + "/";
    return op -> {
      String p = op.path();
      if (op.kind() == 'D' && p.startsWith(groups) && p.indexOf('/', groups.length()) < 0) {
        // A group is listed only to see whether it has a name: read the name instead.
        p = p + "/name";
        op = new Op('R', 4096, p);
      } else if (op.kind() == 'R'
          && p.startsWith(groups)
          && p.endsWith("/name")
          && p.indexOf('/', groups.length()) == p.length() - 5) {
        return; // read above, in place of the listing
      }
      Path file = Path.of(root + p);
      switch (op.kind()) {
        case 'R' -> {
          try (FileChannel ch =
              FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer b = BUFFER.get();
            b.clear().limit(Math.min(op.limit(), b.capacity()));
            ch.read(b);
          }
        }
        case 'K' -> Files.readSymbolicLink(file);
        default -> new File(root + p).list();
      }
    };
  }

  /** Directory streams a thread keeps open in {@code atdir}, the ones used last. */
  static final int OPEN_DIRECTORIES = 64;

  /** An open directory, and whether its one iteration was used for a listing already. */
  private static final class OpenDir {
    final SecureDirectoryStream<Path> stream;
    boolean listed;

    OpenDir(SecureDirectoryStream<Path> stream) {
      this.stream = stream;
    }
  }

  /** The directories one thread has open in {@code atdir}, by host path; the root apart. */
  private static final class OpenDirs extends LinkedHashMap<String, OpenDir> {
    private final Path root;
    private OpenDir rootDir;

    OpenDirs(Path root) {
      super(OPEN_DIRECTORIES * 2, 0.75f, true);
      this.root = root;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, OpenDir> eldest) {
      if (size() <= OPEN_DIRECTORIES) {
        return false;
      }
      try {
        eldest.getValue().stream.close();
      } catch (IOException e) {
        // Closing a directory only fails when it is closed already.
      }
      return true;
    }

    /** The open directory for host path {@code dir} ("" for the root). */
    OpenDir dir(String dir) throws IOException {
      if (dir.isEmpty()) {
        if (rootDir == null) {
          rootDir = new OpenDir((SecureDirectoryStream<Path>) Files.newDirectoryStream(root));
        }
        return rootDir;
      }
      OpenDir d = get(dir);
      if (d != null) {
        return d;
      }
      int slash = dir.lastIndexOf('/');
      Path name = Path.of(dir.substring(slash + 1));
      SecureDirectoryStream<Path> p = dir(dir.substring(0, slash)).stream;
      BasicFileAttributes a =
          p.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
      if (a.isSymbolicLink()) {
        // Opened where the link points, from the root: never outside it.
        return dir(target(dir, Files.readSymbolicLink(root.resolve(dir.substring(1))).toString()));
      }
      if (!a.isDirectory()) {
        throw new NotDirectoryException(dir);
      }
      d = new OpenDir((SecureDirectoryStream<Path>) p.newDirectoryStream(name, NOFOLLOW));
      put(dir, d);
      return d;
    }

    /**
     * Where the link {@code link} points to {@code to}, as a host path ("" for /), never above /.
     */
    private static String target(String link, String to) {
      String base = to.startsWith("/") ? "" : link.substring(0, link.lastIndexOf('/'));
      java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
      for (String s : (base + "/" + to).split("/")) {
        if (s.isEmpty() || s.equals(".")) {
          continue;
        }
        if (s.equals("..")) {
          parts.pollLast();
        } else {
          parts.addLast(s);
        }
      }
      return parts.isEmpty() ? "" : "/" + String.join("/", parts);
    }
  }

  private static final LinkOption[] NOFOLLOW = {LinkOption.NOFOLLOW_LINKS};

  private static final Set<OpenOption> READ_NOFOLLOW =
      Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

  /** Relative to directory descriptors: one name walked per call, guarantees kept. */
  static Calls atdir(Path tree) {
    Path root = tree.toAbsolutePath().normalize();
    ThreadLocal<OpenDirs> open = ThreadLocal.withInitial(() -> new OpenDirs(root));
    return op -> {
      String p = op.path();
      OpenDirs dirs = open.get();
      switch (op.kind()) {
        case 'R' -> {
          int slash = p.lastIndexOf('/');
          SecureDirectoryStream<Path> d = dirs.dir(p.substring(0, slash)).stream;
          Path name = Path.of(p.substring(slash + 1));
          BasicFileAttributes a =
              d.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
          if (!a.isRegularFile()) {
            throw new IOException(p + ": not a regular file");
          }
          try (SeekableByteChannel ch = d.newByteChannel(name, READ_NOFOLLOW)) {
            ByteBuffer b = BUFFER.get();
            b.clear().limit(Math.min(op.limit(), b.capacity()));
            ch.read(b);
          }
        }
        case 'K' -> Files.readSymbolicLink(root.resolve(p.substring(1)));
        default -> {
          OpenDir d = dirs.dir(p);
          if (d.listed && dirs.get(p) == d) {
            // A stream iterates once: a second listing opens the directory again.
            dirs.remove(p);
            d.stream.close();
            d = dirs.dir(p);
          }
          d.listed = true;
          int n = 0;
          for (Path e : d.stream) {
            n += e.getFileName().toString().length() > 0 ? 1 : 0;
          }
        }
      }
    };
  }

  private static void each(List<Op> ops, Calls calls) {
    for (Op op : ops) {
      try {
        calls.run(op);
      } catch (IOException e) {
        // What the scan logs as a problem; the call was made all the same.
      }
    }
  }

  /** Replays {@code t} as a scan runs it: beside and the functions' runs on the scan's workers. */
  static void replay(Trace t, Calls calls) {
    each(t.head(), calls);
    try (ScanWorkers workers = ScanWorkers.forThisMachine()) {
      Future<?> beside =
          workers.submit(
              () -> {
                each(t.beside(), calls);
                return null;
              });
      each(t.listing(), calls);
      List<Future<?>> runs = new ArrayList<>();
      for (List<List<Op>> run : ScanWorkers.chunks(t.functions(), 256)) {
        runs.add(
            workers.submit(
                () -> {
                  run.forEach(f -> each(f, calls));
                  return null;
                }));
      }
      runs.forEach(ScanWorkers::join);
      ScanWorkers.join(beside);
    }
    each(t.tail(), calls);
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: ScanFloor record|same|fewest|atdir|none TREE TRACE");
      System.exit(2);
    }
    Path tree = Path.of(args[1]);
    Path trace = Path.of(args[2]);
    switch (args[0]) {
      case "record" -> {
        record(tree, trace);
        Trace t = load(trace);
        System.out.printf(
            "%d operations: %d first, %d beside, %d listing, %d functions, %d after%n",
            Files.readAllLines(trace).size(),
            t.head().size(),
            t.beside().size(),
            t.listing().size(),
            t.functions().size(),
            t.tail().size());
      }
      case "same" -> replay(load(trace), same(tree));
      case "fewest" -> replay(load(trace), fewest(tree));
      case "atdir" -> replay(load(trace), atdir(tree));
      case "none" -> load(trace);
      default -> {
        System.err.println("ScanFloor: unknown mode " + args[0]);
        System.exit(2);
      }
    }
  }
}
