package org.vfioworkbench.ui;

import org.junit.jupiter.api.Tag;

/**
 * Shared set-up for the few TestFX tests: with {@code -Dui.headless=true} (the POM's default) the
 * toolkit runs on Monocle's headless platform, otherwise on the real display (Xvfb in CI).
 */
@Tag("ui")
public abstract class FxTestBase {

  static {
    if (Boolean.parseBoolean(System.getProperty("ui.headless", "true"))) {
      System.setProperty("testfx.robot", "glass");
      System.setProperty("testfx.headless", "true");
      System.setProperty("prism.order", "sw");
      System.setProperty("prism.text", "t2k");
      System.setProperty("glass.platform", "Monocle");
      System.setProperty("monocle.platform", "Headless");
      System.setProperty("headless.geometry", "1600x1000-32");
      System.setProperty("java.awt.headless", "true");
    } else {
      System.setProperty("prism.order", "sw");
    }
  }
}
