package org.vfioworkbench.lab.guest;

import java.util.ArrayList;
import java.util.List;
import org.vfioworkbench.host.ioctl.VfioBinding;
import org.vfioworkbench.host.ioctl.VfioCallException;
import org.vfioworkbench.host.ioctl.VfioUapi;
import org.vfioworkbench.model.Bdf;

/**
 * {@link LabVfio} through the project's one native binding ({@link VfioBinding}), so the layout
 * test of {@code host.ioctl} covers every struct the guest passes to the kernel: every open, attach
 * and bind, INFO with a buffer for every entry (the binding's two-step, QEMU-like INFO) or with the
 * argsz a scenario names, HOT_RESET with a well-formed header or with the argsz and flags a
 * scenario names, and the CAP_SYS_RAWIO switch.
 */
public final class BindingLabVfio implements LabVfio {

  private final VfioBinding binding = new VfioBinding();

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
    try {
      binding.setEffectiveCapability(VfioUapi.CAP_SYS_RAWIO, effective);
    } catch (VfioCallException e) {
      throw new LabCallException("capset(CAP_SYS_RAWIO)", e.errno());
    }
  }

  @Override
  public RawInfo hotResetInfo(int device, long argsz) {
    if (argsz >= 0) {
      VfioBinding.RawHotResetInfo r = binding.hotResetInfoAsWritten(device, argsz);
      return new RawInfo(r.ret(), r.flags(), r.count(), entries(r.devices()));
    }
    try {
      VfioBinding.HotResetInfo r = binding.hotResetInfo(device);
      return new RawInfo(0, r.flags(), r.devices().size(), entries(r.devices()));
    } catch (VfioCallException e) {
      return new RawInfo(-e.errno(), 0, 0, List.of());
    }
  }

  @Override
  public int hotReset(int device, long argsz, long flags, int[] fds) {
    try {
      if (argsz >= 0 || flags != 0) {
        binding.hotResetAsWritten(device, argsz, (int) flags, fds);
      } else {
        binding.hotReset(device, fds);
      }
      return 0;
    } catch (VfioCallException e) {
      return -e.errno();
    }
  }

  private static List<long[]> entries(List<VfioBinding.Dependent> devices) {
    List<long[]> entries = new ArrayList<>();
    for (VfioBinding.Dependent d : devices) {
      entries.add(new long[] {d.bdf().segment(), d.bdf().bus(), d.bdf().devfn(), d.id()});
    }
    return entries;
  }

  private static LabCallException wrap(VfioCallException e) {
    return new LabCallException(e.call(), e.errno());
  }
}
