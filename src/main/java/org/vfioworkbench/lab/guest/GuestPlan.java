package org.vfioworkbench.lab.guest;

import java.util.List;

/**
 * What the guest must do, in scenario terms: where each function sits (as a path of devfns from the
 * root bus), which driver it needs, the holders' opens in order and the calls to make.
 *
 * @param noIommu the guest runs in no-IOMMU mode (groups are {@code noiommu-N})
 * @param functions every function the lab placed
 * @param bindOrder scenario addresses in the order they must be bound to vfio-pci
 * @param opens every holder's files, in holder and file order
 * @param calls the calls to make after the opens, in order
 * @param withoutRawio holders that act without CAP_SYS_RAWIO
 */
public record GuestPlan(
    boolean noIommu,
    List<PlannedFunction> functions,
    List<String> bindOrder,
    List<PlannedOpen> opens,
    List<PlannedCall> calls,
    List<String> withoutRawio) {

  public GuestPlan {
    withoutRawio = withoutRawio == null ? List.of() : List.copyOf(withoutRawio);
    functions = List.copyOf(functions);
    bindOrder = List.copyOf(bindOrder);
    opens = List.copyOf(opens);
    calls = List.copyOf(calls);
  }

  /**
   * One placed function.
   *
   * @param bdf its scenario address
   * @param path the devfn on the root bus, then the devfn on each secondary bus below it
   * @param want {@code vfio-pci}, {@code pci-stub}, {@code none} (no driver), {@code native} (keep
   *     the guest's driver) or {@code bridge} (pcieport)
   * @param group its scenario IOMMU group, or -1
   */
  public record PlannedFunction(String bdf, List<Integer> path, String want, int group) {
    public PlannedFunction {
      path = List.copyOf(path);
    }
  }

  /**
   * One file a holder opens.
   *
   * @param holder the holder's name
   * @param fd its fd number in the scenario
   * @param kind {@code container}, {@code iommufd}, {@code group}, {@code device}, {@code cdev} or
   *     {@code other}
   * @param group for a group file, the scenario group id
   * @param bdf for a device or cdev file, the scenario address
   * @param contextFd the holder fd of the container or iommufd a group joins or a cdev binds to, or
   *     -1
   * @param noIommuContainer for a container, use the no-IOMMU driver instead of type1v2
   */
  public record PlannedOpen(
      String holder,
      int fd,
      String kind,
      int group,
      String bdf,
      int contextFd,
      boolean noIommuContainer) {}

  /**
   * One call.
   *
   * @param id a stable id the report refers to
   * @param kind {@code info}, {@code reset} or {@code open}
   * @param holder the caller's holder
   * @param fd the caller's fd in the scenario (for {@code open}: see {@code open})
   * @param argsz the header's argsz, or -1 for "large enough" (INFO) / "what the array needs"
   * @param flags HOT_RESET's header flags
   * @param fds HOT_RESET's array, as holder fd numbers
   * @param open for {@code open}: the file to open
   */
  public record PlannedCall(
      String id,
      String kind,
      String holder,
      int fd,
      long argsz,
      long flags,
      List<Integer> fds,
      PlannedOpen open) {
    public PlannedCall {
      fds = fds == null ? List.of() : List.copyOf(fds);
    }
  }
}
