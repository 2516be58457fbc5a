package org.vfioworkbench.lab.guest;

import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.host.ioctl.VfioBinding;
import org.vfioworkbench.host.ioctl.VfioCallException;
import org.vfioworkbench.model.Bdf;

/**
 * {@link LabVfio} through the project's own binding ({@link VfioBinding}) wherever it has the
 * call: every open, attach and bind, INFO with a buffer for every entry (its two-step, QEMU-like
 * INFO) and HOT_RESET with a well-formed header. The raw forms the binding does not offer
 * (INFO with a given argsz, HOT_RESET with a given argsz or flags) and the capability switch go
 * through {@link JnaLabVfio}.
 */
public final class BindingLabVfio implements LabVfio {

  private final VfioBinding binding = new VfioBinding();
  private final JnaLabVfio raw = new JnaLabVfio();

  @Override
  public int open(String path) throws LabCallException {
    try {
      return binding.open(path);
    } catch (VfioCallException e) {
      throw wrap(e);
    }
  }

  @Override
  public void close(int fd) {
    binding.close(fd);
  }

  @Override
  public void setContainer(int group, int containerOrIommufd) throws LabCallException {
    try {
      binding.setContainer(group, containerOrIommufd);
    } catch (VfioCallException e) {
      throw wrap(e);
    }
  }

  @Override
  public void setIommu(int container, int type) throws LabCallException {
    try {
      binding.setIommu(container, type);
    } catch (VfioCallException e) {
      throw wrap(e);
    }
  }

  @Override
  public int groupDeviceFd(int group, String bdf) throws LabCallException {
    try {
      return binding.groupDeviceFd(group, Bdf.parse(bdf));
    } catch (VfioCallException e) {
      throw wrap(e);
    }
  }

  @Override
  public int bindIommufd(int device, int iommufd) throws LabCallException {
    try {
      return binding.bindIommufd(device, iommufd);
    } catch (VfioCallException e) {
      throw wrap(e);
    }
  }

  @Override
  public int ioasAlloc(int iommufd) throws LabCallException {
    try {
      return binding.ioasAlloc(iommufd);
    } catch (VfioCallException e) {
      throw wrap(e);
    }
  }

  @Override
  public void attachIommufdPt(int device, int ptId) throws LabCallException {
    try {
      binding.attachIommufdPt(device, ptId);
    } catch (VfioCallException e) {
      throw wrap(e);
    }
  }

  @Override
  public void setRawio(boolean effective) throws LabCallException {
    raw.setRawio(effective);
  }

  @Override
  public RawInfo hotResetInfo(int device, long argsz) {
    if (argsz >= 0) {
      return raw.hotResetInfo(device, argsz);
    }
    try {
      VfioBinding.HotResetInfo r = binding.hotResetInfo(device);
      List<long[]> entries = new ArrayList<>();
      for (VfioBinding.Dependent d : r.devices()) {
        entries.add(new long[] {d.bdf().segment(), d.bdf().bus(), d.bdf().devfn(), d.id()});
      }
      return new RawInfo(0, r.flags(), entries.size(), entries);
    } catch (VfioCallException e) {
      return new RawInfo(-e.errno(), 0, 0, List.of());
    }
  }

  @Override
  public int hotReset(int device, long argsz, long flags, int[] fds) {
    if (argsz >= 0 || flags != 0) {
      return raw.hotReset(device, argsz, flags, fds);
    }
    try {
      binding.hotReset(device, fds);
      return 0;
    } catch (VfioCallException e) {
      return -e.errno();
    }
  }

  private static LabCallException wrap(VfioCallException e) {
    return new LabCallException(e.call(), e.errno());
  }
}
