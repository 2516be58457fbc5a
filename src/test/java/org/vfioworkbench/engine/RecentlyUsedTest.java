package org.vfioworkbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

class RecentlyUsedTest {

  @Test
  void findsTheMostRecentMatchAndMovesItToTheFront() {
    RecentlyUsed<String> r = RecentlyUsed.strong(3);
    r.remember("a1");
    r.remember("b1");
    r.remember("a2");
    assertThat(r.find(s -> s.startsWith("a"))).contains("a2");
    assertThat(r.find(s -> s.startsWith("b"))).contains("b1");
    r.remember("c1");
    // b1 was used last, then c1 came: a1 is the oldest and is dropped.
    assertThat(r.find(s -> s.equals("a1"))).isEmpty();
    assertThat(r.find(s -> s.equals("a2"))).contains("a2");
    assertThat(r.size()).isEqualTo(3);
  }

  @Test
  void aStrongCacheKeepsWhatNobodyElseHolds() throws InterruptedException {
    RecentlyUsed<Object> r = RecentlyUsed.strong(2);
    WeakReference<Object> older = new WeakReference<>(r.remember(new Object()));
    r.remember(new Object());
    collect(older);
    assertThat(older.get()).isNotNull();
    assertThat(r.size()).isEqualTo(2);
  }

  @Test
  void aWhileInUseCacheKeepsTheLatestAndOlderOnesOnlyWhileHeldElsewhere()
      throws InterruptedException {
    RecentlyUsed<Object> r = RecentlyUsed.whileInUse(4);
    Object held = r.remember(new Object());
    WeakReference<Object> dropped = new WeakReference<>(r.remember(new Object()));
    WeakReference<Object> latest = new WeakReference<>(r.remember(new Object()));
    collect(dropped);
    assertThat(dropped.get()).isNull();
    assertThat(latest.get()).as("the most recent stays").isNotNull();
    assertThat(r.find(o -> o == held)).contains(held);
    assertThat(r.size()).isEqualTo(2);
  }

  private static void collect(WeakReference<Object> ref) throws InterruptedException {
    for (int i = 0; i < 20 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
  }
}
