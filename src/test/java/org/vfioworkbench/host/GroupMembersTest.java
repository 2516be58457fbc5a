package org.vfioworkbench.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.Driver;
import org.vfioworkbench.model.PciFunction;
import org.vfioworkbench.model.Topology;

/** A group's members as the scan's output lists them: in the topology's function order. */
class GroupMembersTest {

  private static PciFunction f(String bdf, Integer group) {
    return PciFunction.endpoint(
        Bdf.parse(bdf), Driver.NONE, group == null ? OptionalInt.empty() : OptionalInt.of(group));
  }

  @Test
  void eachGroupGetsItsFunctionsInFunctionOrderAndOthersNone() {
    List<PciFunction> functions =
        List.of(
            f("0000:00:01.0", 7),
            f("0000:00:02.0", 3),
            f("0000:00:03.0", null),
            f("0000:00:04.0", 7),
            f("0000:00:05.0", 0),
            f("0000:00:06.0", 3));
    GroupMembers m = new GroupMembers(Topology.empty().withFunctions(functions));

    assertThat(m.of(7))
        .extracting(x -> x.bdf().toString())
        .containsExactly("0000:00:01.0", "0000:00:04.0");
    assertThat(m.of(3))
        .extracting(x -> x.bdf().toString())
        .containsExactly("0000:00:02.0", "0000:00:06.0");
    assertThat(m.of(0)).extracting(x -> x.bdf().toString()).containsExactly("0000:00:05.0");
    assertThat(m.of(1)).isEmpty();
    assertThat(m.of(8)).isEmpty();
    assertThat(m.of(Integer.MAX_VALUE)).isEmpty();
  }
}
