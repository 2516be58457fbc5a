package org.vfioworkbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The paint settings the workbench starts JavaFX with, and that a user's own setting wins. */
class PaintSettingsTest {

  private String before;

  @BeforeEach
  void remember() {
    before = System.getProperty(PaintSettings.DIRTY_REGIONS);
  }

  @AfterEach
  void restore() {
    if (before == null) {
      System.clearProperty(PaintSettings.DIRTY_REGIONS);
    } else {
      System.setProperty(PaintSettings.DIRTY_REGIONS, before);
    }
  }

  @Test
  void keepsMoreDirtyRegionsApartThanPrismsDefaultOfSix() {
    System.clearProperty(PaintSettings.DIRTY_REGIONS);

    PaintSettings.apply();

    assertThat(Integer.parseInt(System.getProperty(PaintSettings.DIRTY_REGIONS)))
        .isEqualTo(10)
        .isGreaterThan(6);
  }

  @Test
  void aValueGivenOnTheCommandLineWins() {
    System.setProperty(PaintSettings.DIRTY_REGIONS, "4");

    PaintSettings.apply();

    assertThat(System.getProperty(PaintSettings.DIRTY_REGIONS)).isEqualTo("4");
  }
}
