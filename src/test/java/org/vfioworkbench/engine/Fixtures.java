package org.vfioworkbench.engine;

import java.util.function.Consumer;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.model.TopologyBuilder;
import org.vfioworkbench.model.TopologyBuilder.FunctionSpec;

/** The reference topologies T-A … T-G (reference §5), as builders to add holders to. */
final class Fixtures {

  static final String FN0 = "0000:02:00.0";
  static final String FN1 = "0000:02:00.1";
  static final String FN2 = "0000:02:00.2";
  static final String ROOT_PORT = "0000:00:1c.0";

  private Fixtures() {}

  /** T-A: root port 00:1c.0 → bus 02 with a two-function card; groups as given. */
  static TopologyBuilder cardOnBus02(
      int groupFn0, Consumer<FunctionSpec> fn0, int groupFn1, Consumer<FunctionSpec> fn1) {
    return new TopologyBuilder()
        .rootBus("0000:00")
        .function(ROOT_PORT, f -> f.bridge().group(1).describe("Root Port"))
        .bus("0000:02", ROOT_PORT)
        .function(
            FN0,
            f -> {
              f.group(groupFn0).describe("fn0");
              fn0.accept(f);
            })
        .function(
            FN1,
            f -> {
              f.group(groupFn1).describe("fn1");
              fn1.accept(f);
            });
  }

  /** T-A split: fn0 in group 20, fn1 in group 21, both on vfio-pci. */
  static TopologyBuilder splitVfio() {
    return cardOnBus02(20, FunctionSpec::vfio, 21, FunctionSpec::vfio);
  }

  /** T-A shared: both functions in group 20 on vfio-pci. */
  static TopologyBuilder sharedVfio() {
    return cardOnBus02(20, FunctionSpec::vfio, 20, FunctionSpec::vfio);
  }

  static FdRef fd(String holder, int fd) {
    return new FdRef(holder, fd);
  }
}
