package org.vfioworkbench.ui.properties;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * One property of the selection.
 *
 * @param category the group heading ("Binding", "Derived")
 * @param name the property name
 * @param description tooltip text
 * @param value the current value (String, Boolean or an enum)
 * @param type the value's type, which picks the editor
 * @param setter applies a new value as an undoable edit; {@code null} for read-only facts
 */
public record PropertyRow(
    String category,
    String name,
    String description,
    Object value,
    Class<?> type,
    Consumer<Object> setter) {

  public PropertyRow {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(type, "type");
  }

  public static PropertyRow fact(String category, String name, String description, Object value) {
    return new PropertyRow(category, name, description, String.valueOf(value), String.class, null);
  }

  public boolean editable() {
    return setter != null;
  }
}
