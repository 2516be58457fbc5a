package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.vfioworkbench.ui.common.Labels;
import org.vfioworkbench.ui.graph.Box;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;

/** A function as a chip: BDF, short name and a driver badge coloured by driver kind. */
public final class FunctionChipSkin extends Group {

  private final FunctionNode node;

  /** A full chip: address, name, group and a labelled driver badge. */
  public FunctionChipSkin(FunctionNode n) {
    this(n, true);
  }

  /**
   * A chip; without {@code detail} only the body and a coloured driver bar are drawn (for zoomed
   * out views of big hosts, where text would be unreadable anyway).
   */
  public FunctionChipSkin(FunctionNode n, boolean detail) {
    this(n, detail, null);
  }

  /**
   * A chip for a zoom where its usual text would be too small to read: one or two short lines in
   * {@code fontSize} (graph units) instead: the address, and for a collapsed subtree with a blocked
   * reset scope the first such scope ("\u2718 bus 06 +2"). Shows less, never smaller text. The
   * words are drawn at their size on screen ({@code screen}).
   */
  public static FunctionChipSkin glance(
      FunctionNode n, double fontSize, double minFontSize, ScreenSizedText screen) {
    return new FunctionChipSkin(n, fontSize, minFontSize, screen);
  }

  /**
   * A chip's rounded body over {@code b}, unstyled: for a collapsed subtree ({@code fn-summary}, a
   * thicker border) one whose outline lies outside the box.
   */
  public static Rectangle bodyShape(Box b, double arc, boolean collapsed) {
    if (collapsed) {
      return new OutlinedBox(b.x(), b.y(), b.w(), b.h(), arc);
    }
    Rectangle body = new Rectangle(b.x(), b.y(), b.w(), b.h());
    body.setArcWidth(arc);
    body.setArcHeight(arc);
    return body;
  }

  /** The chip's rounded body with the style classes of its kind (bridge, open, summary). */
  private static Rectangle styledBody(FunctionNode n) {
    Rectangle body = bodyShape(n.box(), 10, n.summary().isPresent());
    body.getStyleClass().addAll("fn-chip", n.bridge() ? "fn-bridge" : "fn-endpoint");
    if (n.open()) {
      body.getStyleClass().add("fn-open");
    }
    if (n.summary().isPresent()) {
      body.getStyleClass().add("fn-summary");
    }
    return body;
  }

  private FunctionChipSkin(
      FunctionNode n, double fontSize, double minFontSize, ScreenSizedText screen) {
    this.node = n;
    Box b = n.box();
    Rectangle body = styledBody(n);
    getChildren().add(body);
    String alarm = glanceAlarm(n);
    List<String> words = glanceWords(n);
    Text t = glanceText(words, glanceLastResort(n), b.w() - 10, fontSize, minFontSize);
    // A last-resort word may take some of the padding: it stands in the chip's middle then.
    t.setX(b.x() + Math.min(5, (b.w() - t.getLayoutBounds().getWidth()) / 2));
    t.setY(b.y() + (b.h() - t.getLayoutBounds().getHeight()) / 2);
    if (!alarm.isEmpty() && t.getText().startsWith("\u2718")) {
      t.getStyleClass().add("fn-glance-alarm");
    }
    screen.follow(t);
    getChildren().add(t);
    getStyleClass().add("fn-node");
    tooltip(n);
  }

  /**
   * What a glance says, most telling first: for a collapsed subtree with a blocked reset scope the
   * first such scope, shorter and shorter ("\u2718 bus 06 +2", "\u2718 bus 06", "\u2718 06"; a bus
   * of segment 0001 last as "1:0a", the chip standing under its complex), for one with a group that
   * is not viable "\u2718 not viable", else the address ("03:00.0"; "0001:1a:00.0", "1:1a:00.0",
   * "1a:00.0").
   */
  static List<String> glanceWords(FunctionNode n) {
    List<String> words = new ArrayList<>();
    var x = n.summary();
    if (x.isPresent() && !x.get().blockedScopes().isEmpty()) {
      List<String> scopes = x.get().blockedScopes();
      String more = scopes.size() > 1 ? " +" + (scopes.size() - 1) : "";
      List<String> forms = scopeForms(scopes.get(0));
      words.add("\u2718 " + forms.get(0) + more);
      forms.forEach(f -> words.add("\u2718 " + f));
    } else if (x.isPresent() && x.get().notViable()) {
      words.add("\u2718 not viable");
    } else {
      words.addAll(addressForms(n));
    }
    return words.stream().distinct().toList();
  }

  /** The shortest glance for a subtree with a function that has no reset at all. */
  public static final String NO_RESET_GLANCE = "\u2718 dev";

  /** The shortest glance for a subtree with an IOMMU group that is not viable. */
  public static final String NOT_VIABLE_GLANCE = "\u2718 grp";

  /**
   * Shorter still, for a chip too narrow for any of {@link #glanceWords}: tried only at the
   * smallest glance size, in order. For a blocked scope its kind or location ("\u2718 slot";
   * "\u2718 14:00" and then "\u2718 dev" for a function with no reset at all, never "\u2718 14", a
   * blocked bus 14; "\u2718 0a" for bus 0001:0a), for a group not viable "\u2718 group" and then
   * "\u2718 grp"; the cross alone only where not even those fit (a chip that says only that
   * something below is wrong, not what). For a plain chip its address's forms, which may now be set
   * a little smaller ("03:00.0"), and only then the device.function part of it ("00.1", the bus
   * being on the bar above it). The tooltip always names the whole.
   */
  static List<String> glanceLastResort(FunctionNode n) {
    var x = n.summary();
    if (x.isPresent() && !x.get().blockedScopes().isEmpty()) {
      String first = x.get().blockedScopes().get(0);
      List<String> words = new ArrayList<>();
      if (first.startsWith("slot ")) {
        words.add("\u2718 slot");
      } else if (first.matches(".*:[0-9a-f]{2}\\.[0-7]$")) {
        String device = first.replaceFirst("^no reset for ", "").replaceFirst("\\.[0-7]$", "");
        // not the bus alone: "\u2718 14" is how a blocked bus 14 reads
        words.add("\u2718 " + withoutSegmentZeros(device));
        words.add(NO_RESET_GLANCE);
      } else if (first.matches("^bus [0-9a-f]{4}:[0-9a-f]{2}$")) {
        // a bus of another segment, the chip standing under that segment's complex
        words.add("\u2718 " + first.substring(first.length() - 2));
      }
      words.add("\u2718");
      return words;
    }
    if (x.isPresent() && x.get().notViable()) {
      return List.of("\u2718 group", NOT_VIABLE_GLANCE, "\u2718");
    }
    // The address's forms again, now a little smaller, before the device.function part alone:
    // "03.0" names no bus, and beside another bus's "03.0" it is ambiguous.
    List<String> words = new ArrayList<>(addressForms(n));
    words.add(String.format("%02x.%x", n.bdf().device(), n.bdf().function()));
    return words.stream().distinct().toList();
  }

  /** A segment before a bus and a colon: "0001:" of "0001:1a:00.0". */
  private static final java.util.regex.Pattern SEGMENT =
      java.util.regex.Pattern.compile("^[0-9a-f]{4}:(?=[0-9a-f]{2}:)");

  /** A segment and a bus, perhaps followed by the rest of an address. */
  private static final java.util.regex.Pattern SEGMENT_AND_BUS =
      java.util.regex.Pattern.compile("^[0-9a-f]{4}:[0-9a-f]{2}(:.*)?$");

  /** A plain chip's address, shorter and shorter: "0001:1a:00.0", "1:1a:00.0", "1a:00.0". */
  private static List<String> addressForms(FunctionNode n) {
    String bdf = Labels.shortBdf(n.bdf());
    return List.of(bdf, withoutSegmentZeros(bdf), SEGMENT.matcher(bdf).replaceFirst(""));
  }

  /** A blocked scope's names, longest first: "bus 06", "06"; "slot s0-69", "s0-69"; "14:00.6". */
  private static List<String> scopeForms(String scope) {
    List<String> forms = new ArrayList<>();
    String bare = scope.replaceFirst("^(bus|slot|no reset for) ", "");
    forms.add(scope.startsWith("no reset for ") ? bare : scope);
    forms.add(bare);
    forms.add(withoutSegmentZeros(bare));
    return forms.stream().distinct().toList();
  }

  /** "0001:0a" as "1:0a": a segment's leading zeros left out. */
  private static String withoutSegmentZeros(String address) {
    if (!SEGMENT_AND_BUS.matcher(address).matches()) {
      return address;
    }
    return Integer.toHexString(Integer.parseInt(address.substring(0, 4), 16))
        + address.substring(4);
  }

  /**
   * How much smaller than the smallest glance size a last-resort word may be set. The smallest
   * glance size is 0.8 of the biggest, at least 10 px on screen when built; the view keeps a glance
   * while zooming out until its biggest size shows 11 px (8.8 px for the smallest) or, at the
   * biggest glance font, 10 px (8 px): 0.85 of those, 6.8 px, stays above {@link
   * CaptionFloor#FLOOR_PX}. (At 0.9, "00:03.0" missed a chip a quarter of its full size by about 5
   * graph units and the chip said "03.0", which chips on other buses say as well.)
   */
  static final double LAST_RESORT_SHRINK = 0.85;

  /**
   * How much wider than {@code maxW} a last-resort word may be, in graph units: it may take 3 of
   * the 5 units of padding on each side of the chip, so that an address that misses by a hair
   * ("00:03.0" at a quarter of full size) is said whole rather than as "03.0".
   */
  static final double LAST_RESORT_WIDER = 6;

  /**
   * The first of {@code words} that fits {@code maxW} at {@code fontSize} (or, failing that, at
   * down to 0.8 of it, never below {@code minFontSize}), as a bold text; failing that the first of
   * {@code lastResort} that fits at the smallest of those sizes or a little smaller ({@link
   * #LAST_RESORT_SHRINK}), and a little wider ({@link #LAST_RESORT_WIDER}); failing that the last
   * of them clipped with an ellipsis (the caller's tooltip names the whole). Shows less, never
   * smaller text. The size chosen is the text's font (in graph units), which {@link
   * ScreenSizedText#follow} reads when the caller draws it at its size on screen.
   */
  static Text glanceText(
      List<String> words,
      List<String> lastResort,
      double maxW,
      double fontSize,
      double minFontSize) {
    Text t = SkinText.at("", 0, 0, "fn-glance");
    double least = Math.min(fontSize, Math.max(minFontSize, fontSize * 0.8));
    List<Double> sizes = List.of(fontSize, (fontSize + least) / 2, least);
    for (double size : sizes) {
      for (String w : words) {
        if (measure(t, w, size) <= maxW) {
          return t;
        }
      }
    }
    List<String> rest = lastResort.isEmpty() ? words : lastResort;
    double restW = lastResort.isEmpty() ? maxW : maxW + LAST_RESORT_WIDER;
    for (String w : rest) {
      for (double size : List.of(least, least * LAST_RESORT_SHRINK)) {
        if (measure(t, w, size) <= restW) {
          return t;
        }
      }
    }
    String last = rest.get(rest.size() - 1);
    double width = measure(t, last, least);
    while (last.length() > 1 && width > maxW) {
      last = last.substring(0, last.length() - 1);
      width = measure(t, last + "\u2026", least);
    }
    return t;
  }

  /** How wide {@code t} draws {@code text} in the glance's bold at {@code size} px. */
  private static double measure(Text t, String text, double size) {
    t.setText(text);
    t.setFont(boldAt(size));
    return t.getLayoutBounds().getWidth();
  }

  /**
   * The glance's bold fonts by size (few sizes per zoom), the latest 64; guarded by itself, since
   * skins are made on the FX thread but a glance may be worked out on another (tests, exports).
   */
  private static final Map<Double, Font> BOLD =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Double, Font> eldest) {
          return size() > 64;
        }
      };

  private static Font boldAt(double size) {
    synchronized (BOLD) {
      return BOLD.computeIfAbsent(size, x -> Font.font(null, FontWeight.BOLD, x));
    }
  }

  /** What a glance shows in red: the first blocked scope below, and how many more. */
  static String glanceAlarm(FunctionNode n) {
    if (n.summary().isEmpty()) {
      return "";
    }
    var x = n.summary().get();
    if (!x.blockedScopes().isEmpty()) {
      String first = x.blockedScopes().get(0).replaceFirst("^no reset for ", "");
      int more = x.blockedScopes().size() - 1;
      return "\u2718 " + first + (more > 0 ? " +" + more : "");
    }
    return x.notViable() ? "\u2718 not viable" : "";
  }

  /**
   * A chip; a bridge's chip gets an expander ("\u2212" or "+") that runs {@code onToggle} to
   * collapse or expand its subtree (none when {@code onToggle} is null).
   */
  public FunctionChipSkin(FunctionNode n, boolean detail, Runnable onToggle) {
    this.node = n;
    if (!detail) {
      // One unstyled shape: CSS matching for thousands of styled nodes costs seconds.
      Box b = n.box();
      Rectangle body = new Rectangle(b.x(), b.y(), b.w(), b.h());
      body.setFill(driverColour(n));
      boolean alarm = n.summary().map(x -> x.blocked() || x.notViable()).orElse(false);
      body.setStroke(
          alarm ? Color.web("#dc2626") : n.open() ? Color.web("#0f172a") : Color.web("#64748b"));
      body.setStrokeWidth(n.open() || alarm ? 6 : 2);
      getChildren().add(body);
      tooltip(n);
      return;
    }
    Box b = n.box();
    Rectangle body = styledBody(n);
    Text bdf = SkinText.at(Labels.shortBdf(n.bdf()), b.x() + 9, b.y() + 6, "fn-bdf");
    String line2 =
        n.summary()
            .map(
                x ->
                    "+"
                        + x.functions()
                        + " below \u00b7 "
                        + x.groups()
                        + (x.groups() == 1 ? " group" : " groups"))
            .orElse(n.name());
    Text name = SkinText.at(clip(line2, 22), b.x() + 9, b.y() + 23, "fn-name");
    String driver =
        n.summary()
            .map(
                x ->
                    x.blocked()
                        ? clip("\u2718 " + String.join(", ", x.blockedScopes()), 18)
                        : x.notViable()
                            ? "group not viable"
                            : x.holders().isEmpty()
                                ? "no holder"
                                : x.holders().size()
                                    + (x.holders().size() == 1 ? " holder" : " holders"))
            .orElse(clip(n.driver(), 16));
    double badgeW = 9 + driver.length() * 6.2;
    Rectangle badge = new Rectangle(b.x() + 8, b.bottom() - 19, badgeW, 14);
    badge.setArcWidth(8);
    badge.setArcHeight(8);
    badge
        .getStyleClass()
        .addAll(
            "driver-badge",
            n.summary().isPresent()
                ? (n.summary().get().blocked() || n.summary().get().notViable()
                    ? "summary-alarm"
                    : "summary-badge")
                : "driver-" + n.driverKind().name().toLowerCase());
    badge.setMouseTransparent(true);
    Text badgeText = SkinText.at(driver, b.x() + 12, b.bottom() - 18.5, "driver-badge-text");
    getChildren().addAll(body, bdf, name, badge, badgeText);
    if (n.summary().isPresent()) {
      // A collapsed subtree names how many holders reach into it where a chip names its group.
      int h = n.summary().get().holders().size();
      String held = h == 0 ? "no holder" : h + (h == 1 ? " holder" : " holders");
      getChildren()
          .add(SkinText.at(held, b.right() - 9 - held.length() * 6.2, b.y() + 6, "fn-group"));
    } else if (n.group().isPresent()) {
      Text g = SkinText.at("g" + n.group().getAsInt(), b.right() - 30, b.y() + 6, "fn-group");
      getChildren().add(g);
    }
    getStyleClass().add("fn-node");
    if (onToggle != null && n.bridge()) {
      boolean collapsed = n.summary().isPresent();
      Rectangle box = new Rectangle(b.right() - 24, b.bottom() - 20, 18, 16);
      box.setArcWidth(4);
      box.setArcHeight(4);
      box.getStyleClass().add("expander");
      Text sign =
          SkinText.at(
              collapsed ? "+" : "\u2212", b.right() - 19, b.bottom() - 20.5, "expander-text");
      Group expander = new Group(box, sign);
      SkinName.set(expander, "expander-" + n.bdf());
      expander.setOnMousePressed(
          e -> {
            onToggle.run();
            e.consume();
          });
      LazyTooltip.install(
          expander, () -> (collapsed ? "expand the subtree below" : "collapse the subtree below"));
      getChildren().add(expander);
    }
    tooltip(n);
  }

  private void tooltip(FunctionNode n) {
    LazyTooltip.install(
        this,
        () ->
            (n.bdf()
                + "  "
                + n.name()
                + "\ndriver: "
                + n.driver()
                + (n.group().isPresent()
                    ? "\nIOMMU group " + n.group().getAsInt()
                    : "\nno IOMMU group")
                + n.summary()
                    .map(
                        x ->
                            "\ncollapsed: "
                                + x.functions()
                                + " functions in "
                                + x.groups()
                                + " groups below"
                                + (x.holders().isEmpty()
                                    ? ""
                                    : ", held by " + String.join(", ", x.holders()))
                                + (x.blocked()
                                    ? "\nblocked reset scopes below: "
                                        + String.join(", ", x.blockedScopes())
                                    : "")
                                + (x.notViable() ? "\na group below is not viable" : ""))
                    .orElse("")
                + (n.vfio() ? "\nvfio device: drag it onto a holder's lane to open it there" : "")
                + (n.open() ? "\nopen (thick border)" : "")));
  }

  public FunctionNode node() {
    return node;
  }

  public void setSelected(boolean on) {
    pseudo("selected", on);
  }

  /** Highlights the chip while the pointer is over one of its edges. */
  public void setLit(boolean on) {
    pseudo("lit", on);
  }

  /** Whether the chip is lit (an edge or bundle to it is hovered). */
  public boolean isLit() {
    return marks.contains("lit");
  }

  public void setChanged(boolean on) {
    pseudo("changed", on);
  }

  private final java.util.Set<String> marks = new java.util.HashSet<>();

  private void pseudo(String cls, boolean on) {
    if (on ? !marks.add(cls) : !marks.remove(cls)) {
      return; // already so: no style change, no CSS pass for this chip
    }
    if (getChildren().size() == 1) {
      Rectangle r = (Rectangle) getChildren().get(0);
      if (cls.equals("changed")) {
        return;
      }
      r.setStroke(
          on ? Color.web("#0284c7") : node.open() ? Color.web("#0f172a") : Color.web("#64748b"));
      return;
    }
    getChildren().get(0).getStyleClass().remove(cls);
    if (on) {
      getChildren().get(0).getStyleClass().add(cls);
    }
  }

  private static Color driverColour(FunctionNode n) {
    return switch (n.driverKind()) {
      case VFIO_PCI -> Color.web("#86efac");
      case NATIVE -> Color.web("#fca5a5");
      case PCI_STUB -> Color.web("#fde68a");
      case PCIEPORT -> Color.web("#cbd5e1");
      case NONE -> Color.web("#e2e8f0");
    };
  }

  static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "\u2026";
  }
}
