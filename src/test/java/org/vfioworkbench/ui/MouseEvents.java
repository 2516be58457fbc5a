package org.vfioworkbench.ui;

import javafx.event.EventType;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

/** Mouse events for tests that fire them at a node directly (no pointer, no robot). */
public final class MouseEvents {

  private MouseEvents() {}

  /** The pointer entering ({@code on}) or leaving a node. */
  public static MouseEvent hover(boolean on) {
    return at(on ? MouseEvent.MOUSE_ENTERED : MouseEvent.MOUSE_EXITED, MouseButton.NONE, 0);
  }

  /** A press of the primary button (held down). */
  public static MouseEvent press() {
    return at(MouseEvent.MOUSE_PRESSED, MouseButton.PRIMARY, 1);
  }

  private static MouseEvent at(EventType<MouseEvent> type, MouseButton button, int clicks) {
    boolean primaryDown = button == MouseButton.PRIMARY;
    return new MouseEvent(
        type,
        0,
        0,
        0,
        0,
        button,
        clicks,
        false,
        false,
        false,
        false,
        primaryDown,
        false,
        false,
        false,
        false,
        false,
        null);
  }
}
