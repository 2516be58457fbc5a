package org.vfioworkbench.ui.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.text.Text;

/**
 * Readable, copyable table cells: text that does not fit ends in an ellipsis and the whole text is
 * the tooltip; column widths follow their content; Ctrl+C and a context menu copy the selection.
 */
public final class Cells {

  /** Ctrl+C (Cmd+C on macOS). */
  public static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

  /** Widest a column grows from its content before its cells ellipsize. */
  public static final double MAX_WIDTH = 640;

  private static final double PADDING = 18;

  private Cells() {}

  /** A string cell that ellipsizes and shows the whole text in its tooltip. */
  public static <S> TableCell<S, String> ellipsized() {
    return new TableCell<>() {
      private final Tooltip tip = new Tooltip();

      {
        setTextOverrun(OverrunStyle.CENTER_WORD_ELLIPSIS);
      }

      @Override
      protected void updateItem(String s, boolean empty) {
        super.updateItem(s, empty);
        setText(empty ? null : s);
        setTooltip(tip(tip, empty ? null : s));
      }
    };
  }

  /** A string cell that wraps its text (the row grows) and also shows it in a tooltip. */
  public static <S> TableCell<S, String> wrapped() {
    return new TableCell<>() {
      private final Text text = new Text();
      private final Tooltip tip = new Tooltip();

      {
        text.wrappingWidthProperty().bind(widthProperty().subtract(PADDING));
        text.getStyleClass().add("wrapped-cell-text");
        setPrefHeight(USE_COMPUTED_SIZE);
      }

      @Override
      protected void updateItem(String s, boolean empty) {
        super.updateItem(s, empty);
        if (empty || s == null) {
          setGraphic(null);
          setTooltip(null);
          return;
        }
        text.setText(s);
        text.setFill(getTextFill());
        setGraphic(text);
        setTooltip(tip(tip, s));
      }
    };
  }

  /**
   * A cell's one tooltip showing {@code s}, or none for no text: cells are updated on every scroll
   * and selection, so they keep their tooltip rather than make a new one each time.
   */
  public static Tooltip tip(Tooltip tip, String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    tip.setText(s);
    return tip;
  }

  /**
   * The width a text needs in the tables' font (the theme's, about a fifth larger than the default
   * {@link Text} font, headers bold), plus a cell's padding.
   */
  public static double textWidth(String s) {
    return measure(new Text(), s);
  }

  private static double measure(Text t, String s) {
    return Math.ceil(laidOutWidth(t, s) * FONT_SCALE) + PADDING;
  }

  /** The width of {@code s} laid out in {@code t}'s font, unscaled and without padding. */
  private static double laidOutWidth(Text t, String s) {
    measured++;
    t.setText(s);
    return t.getLayoutBounds().getWidth();
  }

  private static final double FONT_SCALE = 1.25;

  /** How many texts {@link #fit} and {@link #textWidth} have laid out (for tests). */
  static long measured;

  /**
   * Sets the column's preferred width from its header and the widest of {@code values}, at most
   * {@link #MAX_WIDTH}; the header's full text becomes its tooltip.
   */
  public static <S> void fit(TableColumn<S, ?> column, List<String> values) {
    double header = textWidth(column.getText());
    column.setPrefWidth(Math.min(MAX_WIDTH, widest(header, values)));
    column.setMinWidth(Math.min(header, 80));
  }

  /**
   * The width the widest of {@code values} needs ({@link #textWidth}), at least {@code least}, or
   * anything from {@link #MAX_WIDTH} up once one reaches it. A table of a big host has thousands of
   * rows of a few shapes, so instead of laying out every text it adds up each distinct text's
   * character advances (each character laid out once), then lays out the texts whose sum could make
   * them wider than the widest laid out so far, widest sum first: for text without kerning or
   * shaping (addresses, names, errno words) the sum is the width, so one text per width is laid
   * out; where kerning or shaping makes a text differ from its sum, the column may be a pixel or
   * two off, and a cell too narrow ends in an ellipsis with the whole text in its tooltip.
   */
  static double widest(double least, List<String> values) {
    Map<String, Double> sums = new HashMap<>();
    for (String v : values) {
      if (v != null && !v.isEmpty() && !sums.containsKey(v)) {
        sums.put(v, fitted().sum(v));
      }
    }
    List<Map.Entry<String, Double>> bySum = new ArrayList<>(sums.entrySet());
    bySum.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    double w = least;
    for (Map.Entry<String, Double> e : bySum) {
      double most = Math.ceil(e.getValue() * FONT_SCALE - ROUNDING) + PADDING;
      if (w >= MAX_WIDTH || most <= w) {
        break;
      }
      w = Math.max(w, fitted().measured(e.getKey()));
    }
    return w;
  }

  /**
   * What {@link #widest} has worked out, kept from one fit to the next: a big host's table is
   * fitted again after every edit with mostly the same texts, and the font {@link #widest} measures
   * in (a {@link Text}'s default) never changes. Bounded; used on the UI thread only.
   */
  private static final class Fitted {
    private static final int MOST_TEXTS = 100_000;
    private final Text text = new Text();
    private final double[] latin = new double[0x250];
    private final Map<Integer, Double> otherAdvances = new HashMap<>();
    private final Map<String, Double> sums = new HashMap<>();
    private final Map<String, Double> widths = new HashMap<>();

    Fitted() {
      java.util.Arrays.fill(latin, Double.NaN);
    }

    double advance(int c) {
      if (c < latin.length) {
        if (Double.isNaN(latin[c])) {
          latin[c] = laidOutWidth(text, new String(Character.toChars(c)));
        }
        return latin[c];
      }
      return otherAdvances.computeIfAbsent(
          c, k -> laidOutWidth(text, new String(Character.toChars(k))));
    }

    double sum(String v) {
      Double known = sums.get(v);
      if (known != null) {
        return known;
      }
      double sum = 0;
      for (int i = 0; i < v.length(); ) {
        int c = v.codePointAt(i);
        i += Character.charCount(c);
        sum += advance(c);
      }
      if (sums.size() >= MOST_TEXTS) {
        sums.clear();
      }
      sums.put(v, sum);
      return sum;
    }

    double measured(String v) {
      Double known = widths.get(v);
      if (known != null) {
        return known;
      }
      double w = measure(text, v);
      if (widths.size() >= MOST_TEXTS) {
        widths.clear();
      }
      widths.put(v, w);
      return w;
    }
  }

  /** Made on first use (on the UI thread, with the toolkit running), not when the class loads. */
  private static Fitted fitted;

  private static Fitted fitted() {
    if (fitted == null) {
      fitted = new Fitted();
    }
    return fitted;
  }

  /** What adding up advances in another order than the text's layout may be off by. */
  private static final double ROUNDING = 1e-3;

  /** Ctrl+C on the table copies what {@code copyable} says. */
  public static void copyOnShortcut(TableView<?> table, Copyable copyable) {
    table.addEventHandler(
        javafx.scene.input.KeyEvent.KEY_PRESSED,
        e -> {
          if (COPY.match(e)) {
            copy(copyable.copyText());
            e.consume();
          }
        });
  }

  /** Puts text on the system clipboard; nothing for empty text. */
  public static void copy(String text) {
    if (text == null || text.isEmpty()) {
      return;
    }
    ClipboardContent c = new ClipboardContent();
    c.putString(text);
    Clipboard.getSystemClipboard().setContent(c);
  }

  /** A menu item. */
  public static MenuItem item(String text, Runnable action) {
    MenuItem m = new MenuItem(text);
    m.setOnAction(e -> action.run());
    return m;
  }

  /** "Copy" with the shortcut shown. */
  public static MenuItem copyItem(Copyable copyable) {
    MenuItem m = item("Copy", () -> copy(copyable.copyText()));
    m.setAccelerator(COPY);
    return m;
  }

  /**
   * Gives {@code row} the context menu {@code menu} makes for its item, made when asked for (a
   * right click or the menu key): a big table's rows are refilled on every edit and scroll, and a
   * menu made for each refill costs more than the rows.
   */
  public static <T> void menuOnRequest(
      javafx.scene.control.TableRow<T> row, Function<T, ContextMenu> menu) {
    row.addEventFilter(
        javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED,
        e -> row.setContextMenu(row.getItem() == null ? null : menu.apply(row.getItem())));
  }

  /** A context menu whose items are made for the row it opens on. */
  public static <T> ContextMenu menu(List<MenuItem> items) {
    return new ContextMenu(items.toArray(MenuItem[]::new));
  }

  /** The strings of a column over the rows, for {@link #fit}. */
  public static <S> List<String> values(List<S> rows, Function<S, String> f) {
    return rows.stream().map(f).toList();
  }
}
