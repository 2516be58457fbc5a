package org.vfioworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologyIndexTest {

  private static PciFunction function(String bdf) {
    return PciFunction.endpoint(Bdf.parse(bdf), Driver.NONE, java.util.OptionalInt.empty());
  }

  @Test
  void findsFunctionsHoldersAndGroupsByKey() {
    Topology t =
        Topology.empty()
            .withFunctions(List.of(function("0000:01:00.0"), function("0000:02:00.0")))
            .withHolders(List.of(new Holder("qemu", 10, true, List.of())));

    assertThat(t.function(Bdf.parse("0000:02:00.0")))
        .map(PciFunction::bdf)
        .contains(Bdf.parse("0000:02:00.0"));
    assertThat(t.function(Bdf.parse("0000:03:00.0"))).isEmpty();
    assertThat(t.holder("qemu")).isPresent();
    assertThat(t.holder("other")).isEmpty();
  }

  @Test
  void anEditThatKeepsAListKeepsItsIndex() {
    List<PciFunction> many = new ArrayList<>();
    for (int bus = 1; bus < 200; bus++) {
      many.add(function(String.format("0000:%02x:00.0", bus)));
    }
    Topology t = Topology.empty().withFunctions(many);
    t.function(Bdf.parse("0000:10:00.0"));

    Topology edited = t.withHolders(List.of(new Holder("qemu", 10, true, List.of())));

    assertThat(edited.functions()).isSameAs(t.functions());
    assertThat(edited.holders()).isNotSameAs(t.holders());
  }

  @Test
  void staysAnImmutableListThatEqualsAnyListWithTheSameElements() {
    List<PciFunction> fs = List.of(function("0000:01:00.0"), function("0000:01:00.0"));
    Topology t = Topology.empty().withFunctions(fs);

    assertThat(t.functions()).isEqualTo(fs).hasSameHashCodeAs(fs);
    assertThat(t).isEqualTo(Topology.empty().withFunctions(new ArrayList<>(fs)));
    assertThat(t.function(Bdf.parse("0000:01:00.0"))).containsSame(fs.get(0));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.functions().add(fs.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
