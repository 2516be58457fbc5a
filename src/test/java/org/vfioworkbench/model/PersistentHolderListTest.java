package org.vfioworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A holder edit ({@link Topology#withHolder}) copies the path to the holder it replaces, not the
 * holder list; the derived list reads as the whole list with one element replaced, and {@link
 * Topology#forEachChangedHolder} and {@link Topology#allHolders} find what changed and what still
 * holds without walking the list.
 */
class PersistentHolderListTest {

  private static Topology withHolders(int n) {
    List<Holder> holders = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      holders.add(new Holder("h" + i, i, false, List.of()));
    }
    return Topology.empty().withHolders(holders);
  }

  private static Holder withOneFile(Holder h) {
    return h.withFiles(List.of(new ContainerFile(3, "c")));
  }

  @ParameterizedTest(name = "{0} elements")
  @ValueSource(ints = {0, 1, 31, 32, 33, 1_000, 1_024, 1_025, 40_000})
  void readsAsThePlainListItWasBuiltFrom(int n) {
    List<Holder> plain = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      plain.add(new Holder("h" + i, i, false, List.of()));
    }
    Topology t = Topology.empty().withHolders(plain);

    assertThat(t.holders()).isEqualTo(plain).hasSameHashCodeAs(plain);
    for (int i = 0; i < n; i += Math.max(1, n / 97)) {
      assertThat(t.holders().get(i)).isSameAs(plain.get(i));
      assertThat(t.holderIndex("h" + i)).hasValue(i);
    }
    assertThatThrownBy(() -> t.holders().get(n)).isInstanceOf(IndexOutOfBoundsException.class);
    if (n > 0) {
      int i = n * 2 / 3;
      Topology edited = t.withHolder("h" + i, PersistentHolderListTest::withOneFile);
      List<Holder> expected = new ArrayList<>(plain);
      expected.set(i, withOneFile(plain.get(i)));
      assertThat(edited.holders()).isEqualTo(expected);
      assertThat(t.holders()).isEqualTo(plain);
      assertThat(edited.holder("h" + i).orElseThrow().files()).hasSize(1);
    }
  }

  @Test
  void replacingAHolderCopiesTheSameFewSlotsAt1kTo50kHolders() {
    long small = slotsCopiedByOneHolderEdit(1_000);
    long large = slotsCopiedByOneHolderEdit(10_000);
    long huge = slotsCopiedByOneHolderEdit(50_000);

    // at most 32 slots per level of the tree, and at most four levels up to a million holders
    // (two up to 1,024); a copied array list would copy every holder
    assertThat(small).isEqualTo(64);
    assertThat(large).isBetween(small, 128L);
    assertThat(huge).isBetween(small, 128L);
  }

  private static long slotsCopiedByOneHolderEdit(int holders) {
    Topology t = withHolders(holders);
    KeyedList.startCountingCopies();
    Topology edited = t.withHolder("h" + (holders / 2), PersistentHolderListTest::withOneFile);
    long copied = KeyedList.stopCountingCopies();
    assertThat(edited.holders().get(holders / 2).files()).hasSize(1);
    return copied;
  }

  @Test
  void reportsExactlyThePositionsAnEditChanged() {
    Topology t = withHolders(5_000);
    Topology edited =
        t.withHolder("h17", PersistentHolderListTest::withOneFile)
            .withHolder("h4000", PersistentHolderListTest::withOneFile)
            .withHolder("h4001", PersistentHolderListTest::withOneFile);
    List<Integer> changed = new ArrayList<>();

    assertThat(edited.forEachChangedHolder(t, changed::add)).isTrue();
    assertThat(changed).containsExactly(17, 4000, 4001);

    List<Integer> none = new ArrayList<>();
    assertThat(t.forEachChangedHolder(withHolders(4_999), none::add)).isFalse();
    assertThat(none).isEmpty();
  }

  @Test
  void aFactAboutEveryHolderIsCarriedOverWhileTheReplacedHolderKeepsIt() {
    List<Holder> tested = new ArrayList<>();
    Predicate<Holder> noFiles =
        h -> {
          tested.add(h);
          return h.files().isEmpty();
        };
    Topology t = withHolders(2_000);

    assertThat(t.allHolders(noFiles)).isTrue();
    assertThat(tested).hasSize(2_000);

    tested.clear();
    Topology renamedPid = t.withHolder("h5", h -> new Holder(h.name(), 99, false, List.of()));
    assertThat(renamedPid.allHolders(noFiles)).isTrue();
    assertThat(tested).hasSize(1);

    tested.clear();
    Topology withFile = renamedPid.withHolder("h6", PersistentHolderListTest::withOneFile);
    assertThat(withFile.allHolders(noFiles)).isFalse();
    assertThat(tested).hasSizeGreaterThan(1);
  }
}
