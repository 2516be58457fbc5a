package org.vfioworkbench.ui.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.Container;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.ContainerType;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.Holder;
import org.vfioworkbench.model.IommufdContext;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/**
 * The file-table side of each gesture: which fds a holder closes and opens. It applies the steps
 * a process would take, without judging them; judging is the kernel's (the engine's) part.
 */
final class FileTableEdits {

  private FileTableEdits() {}

  /** Close the holder's group-path fds for {@code bdf} (and the group file if unused), then
   * cdev-open it and bind it into the holder's iommufd, creating one if it has none. */
  static Topology toCdevLane(Topology t, String holder, Bdf bdf) {
    Holder h = t.holder(holder).orElseThrow(() -> new IllegalArgumentException("no holder " + holder));
    if (h.files().stream().anyMatch(f -> f instanceof CdevFile c && c.device().equals(bdf))) {
      return t;
    }
    Topology out = closeGroupPath(t, holder, bdf);
    h = out.holder(holder).orElseThrow();
    List<OpenFile> files = new ArrayList<>(h.files());
    Optional<String> ictx = files.stream()
        .filter(IommufdFile.class::isInstance).map(f -> ((IommufdFile) f).iommufd()).findFirst();
    if (ictx.isEmpty()) {
      String id = freshId(out, "iommufd-" + holder);
      out = out.withIommufds(append(out.iommufds(), new IommufdContext(id)));
      files.add(new IommufdFile(h.withFiles(files).nextFreeFd(), id));
      ictx = Optional.of(id);
    }
    files.add(CdevFile.bound(h.withFiles(files).nextFreeFd(), bdf, ictx.get()));
    List<OpenFile> done = files;
    return out.withHolder(holder, x -> x.withFiles(done));
  }

  /** Close the holder's cdev of {@code bdf}, open its group (attached to the holder's container,
   * created if needed) and get a device fd through it. */
  static Topology toGroupLane(Topology t, String holder, Bdf bdf) {
    Holder h = t.holder(holder).orElseThrow(() -> new IllegalArgumentException("no holder " + holder));
    OptionalInt group = t.function(bdf).map(PciFunction::iommuGroup).orElse(OptionalInt.empty());
    if (group.isEmpty()) {
      throw new IllegalArgumentException(bdf + " has no IOMMU group, so it has no group file");
    }
    int g = group.getAsInt();
    List<OpenFile> files = new ArrayList<>();
    for (OpenFile f : h.files()) {
      if (!(f instanceof CdevFile c && c.device().equals(bdf))) {
        files.add(f);
      }
    }
    Topology out = t;
    boolean hasGroup = files.stream().anyMatch(f -> f instanceof GroupFile gf && gf.group() == g);
    if (!hasGroup) {
      Optional<String> container = files.stream()
          .filter(ContainerFile.class::isInstance).map(f -> ((ContainerFile) f).container()).findFirst();
      if (container.isEmpty()) {
        String id = freshId(out, "container-" + holder);
        out = out.withContainers(append(out.containers(), new Container(id, ContainerType.TYPE1)));
        files.add(new ContainerFile(h.withFiles(files).nextFreeFd(), id));
        container = Optional.of(id);
      }
      files.add(GroupFile.attached(h.withFiles(files).nextFreeFd(), g,
          DmaContextRef.container(container.get())));
    }
    boolean hasDevice = files.stream().anyMatch(f -> f instanceof DeviceFile d && d.device().equals(bdf));
    if (!hasDevice) {
      files.add(new DeviceFile(h.withFiles(files).nextFreeFd(), bdf));
    }
    return out.withHolder(holder, x -> x.withFiles(files));
  }

  /** Every holder closes every fd on {@code bdf}, and group files nothing else uses. */
  static Topology toUnowned(Topology t, Bdf bdf) {
    Topology out = t;
    for (Holder h : t.holders()) {
      out = closeGroupPath(out, h.name(), bdf);
      out = out.withHolder(h.name(), x -> x.withFiles(x.files().stream()
          .filter(f -> !(f instanceof CdevFile c && c.device().equals(bdf))).toList()));
    }
    return out;
  }

  /** Closes the holder's device fds for {@code bdf}, then its group file if no other device fd of
   * that group remains. */
  private static Topology closeGroupPath(Topology t, String holder, Bdf bdf) {
    OptionalInt group = t.function(bdf).map(PciFunction::iommuGroup).orElse(OptionalInt.empty());
    return t.withHolder(holder, h -> {
      List<OpenFile> kept = new ArrayList<>();
      for (OpenFile f : h.files()) {
        if (!(f instanceof DeviceFile d && d.device().equals(bdf))) {
          kept.add(f);
        }
      }
      if (group.isPresent()) {
        int g = group.getAsInt();
        boolean groupStillUsed = kept.stream().anyMatch(f -> f instanceof DeviceFile d
            && t.function(d.device()).map(x -> x.iommuGroup().equals(OptionalInt.of(g))).orElse(false));
        boolean hadDevice = kept.size() < h.files().size();
        if (hadDevice && !groupStillUsed) {
          kept.removeIf(f -> f instanceof GroupFile gf && gf.group() == g);
        }
      }
      return h.withFiles(kept);
    });
  }

  private static String freshId(Topology t, String base) {
    String id = base;
    int n = 2;
    while (t.container(id).isPresent() || t.iommufd(id).isPresent()) {
      id = base + "-" + n++;
    }
    return id;
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }
}
