package org.vfioworkbench.ui.actions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionUtils;

/**
 * The registry of the workbench's commands: one ControlsFX {@link Action} per id, defined once with
 * its text, accelerator and handler; menus, toolbar buttons and context menus are made from it, so
 * text, shortcut, icon and enabled state never differ between them.
 *
 * <p>Adding a command is one line: {@code set.define(ActionIds.EXPORT_REPORT, "Export _report…",
 * "Shortcut+Shift+R", this::exportReport)}; the menus list ids and pick it up.
 */
public final class WorkbenchActionSet {

  private static final String ID_KEY = WorkbenchActionSet.class.getName() + ".id";
  private static final String TOGGLE_KEY = WorkbenchActionSet.class.getName() + ".toggle";

  private final Map<String, Action> byId = new LinkedHashMap<>();
  private final List<Runnable> definedListeners = new ArrayList<>();

  /**
   * Defines the command {@code id}: {@code text} with {@code _} before its mnemonic, {@code keys}
   * an accelerator as {@link KeyCombination#keyCombination} reads it (or {@code null}), {@code
   * handler} what it does.
   *
   * @throws IllegalArgumentException when {@code id} is defined already
   */
  public Action define(String id, String text, String keys, Runnable handler) {
    if (byId.containsKey(id)) {
      throw new IllegalArgumentException("the action " + id + " is defined twice");
    }
    Action a = new Action(text, e -> handler.run());
    if (keys != null) {
      a.setAccelerator(KeyCombination.keyCombination(keys));
    }
    a.getProperties().put(ID_KEY, id);
    byId.put(id, a);
    List.copyOf(definedListeners).forEach(Runnable::run);
    return a;
  }

  /**
   * Defines an on/off command (shown as a check item): its state is the action's {@link
   * Action#selectedProperty()}, which callers listen to.
   */
  public Action defineToggle(String id, String text, String keys) {
    Action a = define(id, text, keys, () -> {});
    a.getProperties().put(TOGGLE_KEY, Boolean.TRUE);
    return a;
  }

  /** Calls {@code listener} after each later {@link #define} (menus fill themselves again). */
  public void onDefined(Runnable listener) {
    definedListeners.add(listener);
  }

  /**
   * The action {@code id}.
   *
   * @throws IllegalArgumentException naming the id when no action is defined for it
   */
  public Action get(String id) {
    Action a = byId.get(id);
    if (a == null) {
      throw new IllegalArgumentException("no action is defined for " + id);
    }
    return a;
  }

  /** The action {@code id}, if one is defined. */
  public Optional<Action> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The id {@code a} was defined under, if it is one of this set's. */
  public static Optional<String> idOf(Action a) {
    return Optional.ofNullable((String) a.getProperties().get(ID_KEY));
  }

  /** Every action, in the order they were defined. */
  public List<Action> all() {
    return Collections.unmodifiableList(new ArrayList<>(byId.values()));
  }

  /** A menu item for {@code id} (a check item for a toggle), showing its accelerator. */
  public MenuItem menuItem(String id) {
    Action a = get(id);
    return Boolean.TRUE.equals(a.getProperties().get(TOGGLE_KEY))
        ? ActionUtils.createCheckMenuItem(a)
        : ActionUtils.createMenuItem(a);
  }

  /**
   * Menu items for {@code ids}, in order; {@code null} stands for a separator, ids with no action
   * defined are left out, and separators never come first, last or twice in a row.
   */
  public List<MenuItem> menuItems(String... ids) {
    List<MenuItem> items = new ArrayList<>();
    boolean separate = false;
    for (String id : ids) {
      if (id == null) {
        separate = !items.isEmpty();
        continue;
      }
      Optional<Action> a = find(id);
      if (a.isEmpty()) {
        continue;
      }
      if (separate) {
        items.add(new javafx.scene.control.SeparatorMenuItem());
        separate = false;
      }
      items.add(menuItem(id));
    }
    return items;
  }

  /** A context menu of {@code ids} ({@code null} for a separator; undefined ids left out). */
  public ContextMenu contextMenu(String... ids) {
    ContextMenu m = new ContextMenu();
    m.getItems().setAll(menuItems(ids));
    return m;
  }

  /**
   * A toolbar button for {@code id} with {@code label} as its face (the action's text when {@code
   * null}) and a tooltip naming the command and its shortcut.
   */
  public Button button(String id, String label) {
    Action a = get(id);
    Button b = ActionUtils.createButton(a);
    if (label != null) {
      b.textProperty().unbind();
      b.setText(label);
    }
    b.setFocusTraversable(false);
    Tooltip t = new Tooltip();
    t.textProperty()
        .bind(
            javafx.beans.binding.Bindings.createStringBinding(
                () -> describe(a), a.textProperty(), a.acceleratorProperty()));
    b.tooltipProperty().unbind();
    b.setTooltip(t);
    return b;
  }

  /** "Undo (Ctrl+Z)": the action's text without mnemonic marks, and its shortcut. */
  public static String describe(Action a) {
    String text = plainText(a.getText());
    return a.getAccelerator() == null
        ? text
        : text + " (" + a.getAccelerator().getDisplayText() + ")";
  }

  /** {@code text} without the underscores that mark mnemonics. */
  public static String plainText(String text) {
    return text == null ? "" : text.replace("__", "\u0000").replace("_", "").replace('\u0000', '_');
  }
}
