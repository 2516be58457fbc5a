package org.vfioworkbench.ui.docking;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockLayoutTest {

  @TempDir Path dir;

  @Test
  void aSavedLayoutComesBackWithMovedAndClosedViews() throws Exception {
    Map<ViewId, ViewId.Region> places = new EnumMap<>(DockLayout.defaults().places());
    places.put(ViewId.TRACE, ViewId.Region.RIGHT);
    places.put(ViewId.PROBLEMS, null);
    Path f = dir.resolve("cfg/layout.properties");
    new DockLayout(places, List.of(ViewId.values()), new double[] {0.2, 0.7, 0.5, 0.4}).save(f);
    DockLayout back = DockLayout.load(f);
    assertThat(back.places().get(ViewId.TRACE)).isEqualTo(ViewId.Region.RIGHT);
    assertThat(back.places().get(ViewId.PROBLEMS)).isNull();
    assertThat(back.dividers()).containsExactly(0.2, 0.7, 0.5, 0.4);
  }

  @Test
  void aBrokenFileFallsBackToTheDefaults() throws Exception {
    Path f = dir.resolve("layout.properties");
    Files.writeString(f, "view.info=NOWHERE\n");
    assertThat(DockLayout.load(f).places()).isEqualTo(DockLayout.defaults().places());
  }
}
