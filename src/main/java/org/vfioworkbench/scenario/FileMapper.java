package org.vfioworkbench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.ContainerFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.DmaContextRef;
import org.vfioworkbench.model.GroupFile;
import org.vfioworkbench.model.IommufdFile;
import org.vfioworkbench.model.OpenFile;
import org.vfioworkbench.model.OtherFile;
import org.vfioworkbench.scenario.dto.FileDto;

/**
 * One file entry to an {@link OpenFile}: which keys are present decides the kind, and keys that do
 * not belong to that kind are refused. References are checked by the caller.
 */
final class FileMapper {

  private FileMapper() {}

  static OpenFile toModel(FileDto f, String path) {
    int fd =
        Values.range(Values.required(f.fd(), path, "fd"), 0, Values.MAX_FD, path + ".fd", "fd");
    List<String> kinds = new ArrayList<>();
    if (f.cdev() != null) {
      kinds.add("cdev");
    }
    if (f.device() != null) {
      kinds.add("device");
    }
    if (f.group() != null) {
      kinds.add("group");
    }
    if (f.other() != null) {
      kinds.add("other");
    }
    if (kinds.size() > 1) {
      throw new Problem(
          path,
          "a file is one thing, but this one names both \""
              + kinds.get(0)
              + "\" and \""
              + kinds.get(1)
              + "\"");
    }
    if (kinds.isEmpty()) {
      if (f.container() != null && f.iommufd() != null) {
        throw new Problem(
            path,
            "a file is one thing, but this one names both \"container\" and \"iommufd\" "
                + "(a group attached to one of them also needs \"group\")");
      }
      if (f.container() != null) {
        only(f, path, "container", "type");
        return new ContainerFile(
            fd, Values.name(f.container(), path + ".container", "container name"));
      }
      if (f.iommufd() != null) {
        only(f, path, "iommufd");
        return new IommufdFile(fd, Values.name(f.iommufd(), path + ".iommufd", "iommufd name"));
      }
      throw new Problem(
          path,
          "a file must say what it is with one of \"container\", \"iommufd\", \"group\", "
              + "\"device\", \"cdev\" or \"other\"");
    }
    return switch (kinds.get(0)) {
      case "cdev" -> cdev(f, fd, path);
      case "device" -> {
        only(f, path, "device", "vfToken");
        yield new DeviceFile(
            fd,
            Values.bdf(f.device(), path + ".device"),
            FunctionMapper.vfToken(f.vfToken(), false, path));
      }
      case "group" -> group(f, fd, path);
      default -> {
        only(f, path, "other");
        yield new OtherFile(fd, f.other());
      }
    };
  }

  private static OpenFile cdev(FileDto f, int fd, String path) {
    only(f, path, "cdev", "iommufd", "devid", "inferred", "vfToken");
    Bdf device = Values.bdf(f.cdev(), path + ".cdev");
    Optional<String> bound =
        Optional.ofNullable(f.iommufd())
            .map(i -> Values.name(i, path + ".iommufd", "iommufd name"));
    OptionalInt devid = OptionalInt.empty();
    if (f.devid() != null) {
      if (bound.isEmpty()) {
        throw new Problem(
            path + ".devid", "only a bound cdev has a devid; name the \"iommufd\" it is bound to");
      }
      devid =
          OptionalInt.of(Values.range(f.devid(), 1, Integer.MAX_VALUE, path + ".devid", "devid"));
    }
    return new CdevFile(
        fd,
        device,
        bound,
        devid,
        Boolean.TRUE.equals(f.inferred()),
        FunctionMapper.vfToken(f.vfToken(), false, path));
  }

  private static OpenFile group(FileDto f, int fd, String path) {
    only(f, path, "group", "container", "iommufd", "inferred");
    int group = Values.range(f.group(), 0, Integer.MAX_VALUE, path + ".group", "IOMMU group");
    if (f.container() != null && f.iommufd() != null) {
      throw new Problem(path, "a group joins one container or one iommufd, not both");
    }
    Optional<DmaContextRef> ctx = Optional.empty();
    if (f.container() != null) {
      ctx =
          Optional.of(
              DmaContextRef.container(
                  Values.name(f.container(), path + ".container", "container name")));
    } else if (f.iommufd() != null) {
      ctx =
          Optional.of(
              DmaContextRef.iommufd(Values.name(f.iommufd(), path + ".iommufd", "iommufd name")));
    }
    return new GroupFile(fd, group, ctx, Boolean.TRUE.equals(f.inferred()));
  }

  /** Refuses every key but {@code fd} and the allowed ones. */
  private static void only(FileDto f, String path, String... allowed) {
    List<String> ok = List.of(allowed);
    String kind = allowed[0];
    check(ok, kind, "container", f.container() != null, path);
    check(ok, kind, "type", f.type() != null, path);
    check(ok, kind, "iommufd", f.iommufd() != null, path);
    check(ok, kind, "devid", f.devid() != null, path);
    check(ok, kind, "inferred", f.inferred() != null, path);
    check(ok, kind, "vfToken", f.vfToken() != null, path);
  }

  private static void check(
      List<String> ok, String kind, String key, boolean present, String path) {
    if (present && !ok.contains(key)) {
      throw new Problem(path + "." + key, "a \"" + kind + "\" file has no \"" + key + "\"");
    }
  }
}
