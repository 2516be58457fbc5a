package org.vfioworkbench.engine;

import java.util.Optional;
import org.vfioworkbench.model.CdevFile;
import org.vfioworkbench.model.DeviceFile;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.OpenFile;

/**
 * The checks before a device ioctl reaches vfio-pci: the fd must be open, must be a VFIO device
 * file, and a cdev fd must have been bound ({@code vfio_device_fops_unl_ioctl}).
 */
final class CallerGate {

  private static final String FN = "vfio_device_fops_unl_ioctl";

  private final FileTable files;
  private final VfioState state;
  private final Profile profile;

  CallerGate(FileTable files, VfioState state, Profile profile) {
    this.files = files;
    this.state = state;
    this.profile = profile;
  }

  /** The caller, or the errno the gate returns; steps go to {@code t}. */
  Result admit(FdRef ref, TraceBuilder t) {
    Optional<OpenFile> file = files.file(ref);
    if (file.isEmpty()) {
      t.fail("fdget", () -> "fd " + ref.fd() + " is not open in " + ref.holder(), Errno.EBADF);
      return Result.refused(Errno.EBADF);
    }
    OpenFile f = file.get();
    if (f instanceof DeviceFile d) {
      Optional<DeviceState> s = state.device(d.device());
      if (s.isEmpty()) {
        t.fail(FN, () -> d.device() + " is not a registered vfio device", Errno.ENODEV);
        return Result.refused(Errno.ENODEV);
      }
      t.pass(FN, () -> ref + " is a device fd of " + d.device() + " opened through its group");
      return Result.admitted(
          new Caller(ref, d.device(), s.get().cdevOpened(), s.get().boundIctx()));
    }
    if (f instanceof CdevFile c) {
      if (!profile.hasDeviceCdev()) {
        t.fail(
            FN,
            () ->
                "this kernel ("
                    + profile.id()
                    + ") has no device cdev, so "
                    + ref
                    + " cannot exist",
            Errno.EBADF);
        return Result.refused(Errno.EBADF);
      }
      Optional<DeviceState> s = state.device(c.device());
      boolean bound =
          c.isBound()
              && s.isPresent()
              && s.get().cdevOpened()
              && s.get().cdevFd().map(ref::equals).orElse(false);
      if (!bound) {
        t.fail(
            FN,
            () ->
                ref
                    + " is a cdev fd of "
                    + c.device()
                    + " not bound with VFIO_DEVICE_BIND_IOMMUFD (access not granted)",
            Errno.EINVAL);
        return Result.refused(Errno.EINVAL);
      }
      t.pass(
          FN,
          () ->
              ref
                  + " is the cdev fd of "
                  + c.device()
                  + ", bound to iommufd "
                  + c.boundTo().orElseThrow());
      return Result.admitted(new Caller(ref, c.device(), true, s.get().boundIctx()));
    }
    t.fail(
        FN,
        () ->
            ref
                + " is "
                + f.describe()
                + ", not a VFIO device file; device ioctls are unknown to it",
        Errno.ENOTTY);
    return Result.refused(Errno.ENOTTY);
  }

  /** Either an admitted caller or the gate's errno. */
  record Result(Optional<Caller> caller, Optional<Errno> errno) {
    static Result admitted(Caller c) {
      return new Result(Optional.of(c), Optional.empty());
    }

    static Result refused(Errno e) {
      return new Result(Optional.empty(), Optional.of(e));
    }
  }
}
