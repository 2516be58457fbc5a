package org.vfioworkbench.host;

import java.nio.file.Path;

/**
 * A large host for the scan benchmark: {@code functions} PCI functions spread over as many PCI
 * segments as needed (each a root bus of root ports, each port leading to a bus with one
 * eight-function endpoint), and {@code processes} processes, a quarter of them QEMUs holding a
 * container, a group and a device fd, the rest holding ordinary files.
 */
final class LargeHostTree {

  private LargeHostTree() {}

  /** Lays the host out under {@code root}; returns the number of functions written. */
  static int write(Path root, int functions, int processes) {
    HostTree t = new HostTree(root);
    t.hostname("synthetic", "6.12.48-amd64").vfio(true, false);
    int written = 0;
    int group = 0;
    int vfioBound = 0;
    int[] vfioGroups = new int[processes];
    String[] vfioBdfs = new String[processes];
    for (int seg = 0; written < functions; seg++) {
      String s = String.format("%04x", seg);
      t.fn(s + ":00:00.0", null).ids(0x8086, 0x2020, 0x060000).group(group++);
      written++;
      int bus = 1;
      for (int dev = 1; dev < 32 && written < functions; dev++) {
        for (int fn = 0; fn < 8 && written < functions && bus < 256; fn++, bus++) {
          String port = String.format("%s:00:%02x.%d", s, dev, fn);
          String b = String.format("%s:%02x", s, bus);
          HostTree.Fn p =
              t.fn(port, null)
                  .ids(0x8086, 0x2030, 0x060400)
                  .bridge(b, bus)
                  .driver("pcieport")
                  .group(group++);
          if (fn == 0) {
            p.multifunction();
          }
          written++;
          for (int ef = 0; ef < 8 && written < functions; ef++) {
            String ep = String.format("%s:%02x:00.%d", s, bus, ef);
            boolean vfio = (bus + ef) % 2 == 0;
            HostTree.Fn e =
                t.fn(ep, port)
                    .ids(0x15b3, 0x1017, 0x020000)
                    .driver(vfio ? "vfio-pci" : "mlx5_core")
                    .resetMethod("flr bus")
                    .group(group);
            if (ef == 0) {
              e.multifunction();
            }
            if (vfio) {
              e.groupNode(group).cdev("vfio" + vfioBound);
              if (vfioBound < processes) {
                vfioGroups[vfioBound] = group;
                vfioBdfs[vfioBound] = ep;
              }
              vfioBound++;
            }
            group++;
            written++;
          }
        }
      }
    }
    for (int i = 0; i < processes; i++) {
      int pid = 10_000 + i;
      if (i % 4 == 0 && vfioBdfs[i / 4] != null) {
        t.process(pid, "qemu-system-x86", 107, "qemu-system-x86_64", "-name", "vm" + i)
            .fd(0, "/dev/null")
            .fd(1, "pipe:[1]")
            .fd(2, "pipe:[2]")
            .fd(20, "/dev/vfio/vfio")
            .fd(21, "/dev/vfio/" + vfioGroups[i / 4])
            .deviceFd(22, vfioBdfs[i / 4])
            .fd(23, "anon_inode:[eventfd]")
            .fd(24, "socket:[" + pid + "]")
            .fd(25, "/var/log/vm" + i + ".log");
      } else {
        t.process(pid, "worker", 1000, "/usr/bin/worker", "--id", String.valueOf(i))
            .fd(0, "/dev/null")
            .fd(1, "pipe:[1]")
            .fd(2, "pipe:[2]")
            .fd(3, "socket:[" + pid + "]")
            .fd(4, "/var/lib/worker/" + i + ".db")
            .fd(5, "anon_inode:[eventpoll]")
            .fd(6, "/dev/urandom")
            .fd(7, "anon_inode:[eventfd]");
      }
    }
    return written;
  }
}
