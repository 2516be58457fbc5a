package org.vfioworkbench.lab;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the lab guest's initramfs: a newc cpio archive holding a static busybox and the init
 * script that mounts the host's root read-only over 9p and runs the lab script in it.
 */
public final class Initramfs {

  /** Where Debian's busybox-static installs its binary. */
  public static final Path BUSYBOX = Path.of("/bin/busybox");

  private Initramfs() {}

  /** Writes the archive to {@code out} (atomically). */
  public static void write(Path out, Path busybox) throws IOException {
    if (!Files.isRegularFile(busybox)) {
      throw new IOException(busybox + " is missing: install Debian's busybox-static");
    }
    byte[] init;
    try (InputStream in = Initramfs.class.getResourceAsStream("init.sh")) {
      if (in == null) {
        throw new IOException("init.sh resource missing from the build");
      }
      init = in.readAllBytes();
    }
    ByteArrayOutputStream cpio = new ByteArrayOutputStream();
    int ino = 1;
    entry(cpio, ino++, "bin", 040755, new byte[0]);
    entry(cpio, ino++, "bin/busybox", 0100755, Files.readAllBytes(busybox));
    entry(cpio, ino++, "bin/sh", 0120777, "busybox".getBytes(StandardCharsets.US_ASCII));
    entry(cpio, ino++, "init", 0100755, init);
    entry(cpio, ino, "TRAILER!!!", 0, new byte[0]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Files.write(tmp, cpio.toByteArray());
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void entry(OutputStream out, int ino, String name, int mode, byte[] data)
      throws IOException {
    byte[] n = (name + "\0").getBytes(StandardCharsets.US_ASCII);
    String header =
        "070701"
            + hex(ino)
            + hex(mode)
            + hex(0)
            + hex(0)
            + hex(mode == 040755 ? 2 : 1)
            + hex(0)
            + hex(data.length)
            + hex(0)
            + hex(0)
            + hex(0)
            + hex(0)
            + hex(n.length)
            + hex(0);
    out.write(header.getBytes(StandardCharsets.US_ASCII));
    out.write(n);
    pad(out, 110 + n.length);
    out.write(data);
    pad(out, data.length);
  }

  private static void pad(OutputStream out, int length) throws IOException {
    for (int i = length; i % 4 != 0; i++) {
      out.write(0);
    }
  }

  private static String hex(int v) {
    return String.format("%08x", v);
  }
}
