package org.vfioworkbench.engine;

import java.util.Optional;
import org.vfioworkbench.model.Bdf;

/**
 * {@code vfio_iommufd_get_dev_id}: what a dev-set member is to an iommufd context. Bound to it: its
 * devid. Not bound, but some device of its IOMMU group is: -ENOENT, reported as OWNED. Else
 * -ENODEV, NOT_OWNED.
 */
final class DevIdResolver {

  /** A member's standing in the caller's context, with the reason in words. */
  record Standing(long id, boolean owned, java.util.function.Supplier<String> why) {
    /** The reason in words, written when asked for. */
    String reason() {
      return why.get();
    }
  }

  private final VfioState state;

  DevIdResolver(VfioState state) {
    this.state = state;
  }

  Standing resolve(Bdf member, String ictx) {
    DeviceState s = state.device(member).orElseThrow();
    if (s.boundIctx().filter(ictx::equals).isPresent() && s.devid().isPresent()) {
      return new Standing(
          s.devid().getAsLong(),
          true,
          () -> "bound to iommufd " + ictx + " as devid " + s.devid().getAsLong());
    }
    Optional<Integer> group = state.groupOf(member);
    if (group.isEmpty()) {
      return new Standing(
          InfoEntry.DEVID_NOT_OWNED,
          false,
          () -> "not bound to iommufd " + ictx + " and has no IOMMU group (-ENODEV)");
    }
    if (state.ictxHasGroup(ictx, group.get())) {
      return new Standing(
          InfoEntry.DEVID_OWNED,
          true,
          () ->
              "not bound to iommufd "
                  + ictx
                  + ", but group "
                  + group.get()
                  + " has a device bound to it (-ENOENT: owned)");
    }
    int g = group.get();
    return new Standing(InfoEntry.DEVID_NOT_OWNED, false, () -> whyNotOwned(s, ictx, g));
  }

  private String whyNotOwned(DeviceState s, String ictx, int group) {
    String where;
    if (s.boundIctx().isPresent()) {
      where = "bound to another iommufd, " + s.boundIctx().get();
    } else if (!s.groupFds().isEmpty()) {
      where = "opened through legacy group " + group;
    } else {
      where = "not opened";
    }
    return where + ", and group " + group + " has no device in iommufd " + ictx + " (-ENODEV)";
  }
}
