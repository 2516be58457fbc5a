package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.ui.graph.GraphModel.FunctionNode;
import org.vfioworkbench.ui.graph.skin.BundleSkin;
import org.vfioworkbench.ui.graph.skin.BusBarSkin;
import org.vfioworkbench.ui.graph.skin.CaptionFloor;
import org.vfioworkbench.ui.graph.skin.ComplexSkin;
import org.vfioworkbench.ui.graph.skin.EdgeBundle;
import org.vfioworkbench.ui.graph.skin.FdChipSkin;
import org.vfioworkbench.ui.graph.skin.FdEdgeSkin;
import org.vfioworkbench.ui.graph.skin.FunctionChipSkin;
import org.vfioworkbench.ui.graph.skin.GroupHullSkin;
import org.vfioworkbench.ui.graph.skin.HolderSkin;
import org.vfioworkbench.ui.graph.skin.LaneSkin;
import org.vfioworkbench.ui.graph.skin.ScopeOutlineSkin;
import org.vfioworkbench.ui.graph.skin.ScreenSizedText;
import org.vfioworkbench.ui.graph.skin.SkinLookup;
import org.vfioworkbench.ui.graph.skin.SkinMoves;
import org.vfioworkbench.ui.graph.skin.SkinName;
import org.vfioworkbench.ui.kernel.DropTarget;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * The topology graph: draws the view model's {@link GraphModel} with one skin per element type,
 * zooms and pans, shows an overview for big hosts, and turns mouse drags of functions into the view
 * model's drag gesture (press, drag, release: it works without platform drag-and-drop).
 */
public final class TopologyGraphView extends StackPane
    implements org.vfioworkbench.ui.common.Copyable {

  private static final double DRAG_THRESHOLD = 4;
  private static final javafx.scene.paint.Color TREE_EDGE = javafx.scene.paint.Color.web("#7b8799");

  private final TopologyGraphViewModel vm;
  private final Pane viewport = new Pane();
  private final Group content = new Group();
  private final Group dragLayer = new Group();
  private final Scale scale = new Scale(1, 1, 0, 0);

  /** Glance words follow the zoom at their size on screen ({@link ScreenSizedText}). */
  private final ScreenSizedText screenText = new ScreenSizedText(scale.xProperty());

  private final Translate pan = new Translate();
  private final Label dragHint = new Label();
  private final OverviewPane overview;

  /** Scroll bars along the right and bottom edges where the graph goes on out of view. */
  private final ViewportBars bars;

  /** The graph's own tool bar (top right). */
  private final javafx.scene.layout.Region bar;

  // One layer per element kind, each holding only the skins of its lookup.
  private final Group scopeLayer = new Group();
  private final Group hullLayer = new Group();
  private final Group treeLayer = new Group();
  private final Group complexLayer = new Group();
  private final Group busLayer = new Group();
  private final Group chipLayer = new Group();
  private final Group holderLayer = new Group();
  private final Group unownedLayer = new Group();
  private final Group bundleLayer = new Group();
  private final Group edgeLayer = new Group();
  private final SkinLookup<GraphModel.ScopeOutline, ScopeOutlineSkin> scopeSkins =
      new SkinLookup<>(
          scopeLayer, GraphModel.ScopeOutline::functions, this::scopeSkin, SkinMoves::scope);
  private final SkinLookup<GraphModel.GroupHull, GroupHullSkin> hullSkins =
      new SkinLookup<>(hullLayer, GraphModel.GroupHull::group, this::hullSkin, SkinMoves::hull);
  private final SkinLookup<GraphModel.Line, Line> treeSkins =
      new SkinLookup<>(
          treeLayer,
          GraphModel.Line::ends,
          TopologyGraphView::treeLine,
          (a, b) -> Optional.empty(),
          TopologyGraphView::reshapeTreeLine);
  private final SkinLookup<GraphModel.ComplexNode, ComplexSkin> complexSkins =
      new SkinLookup<>(
          complexLayer, GraphModel.ComplexNode::segment, this::complexSkin, SkinMoves::complex);
  private final SkinLookup<GraphModel.BusNode, BusBarSkin> busSkins =
      new SkinLookup<>(busLayer, GraphModel.BusNode::bus, this::busSkin, SkinMoves::bus);
  private final SkinLookup<FunctionNode, FunctionChipSkin> chips =
      new SkinLookup<>(chipLayer, FunctionNode::bdf, this::chipSkin, SkinMoves::function);
  private final SkinLookup<GraphModel.HolderNode, HolderSkin> holders =
      new SkinLookup<>(
          holderLayer, GraphModel.HolderNode::name, this::holderSkin, SkinMoves::holder);

  /** The edges of holders drawn in full, one skin per edge. */
  private final SkinLookup<GraphModel.FdEdge, FdEdgeSkin> edgeSkins =
      new SkinLookup<>(
          edgeLayer, GraphModel.FdEdge::fd, this::edgeSkin, SkinMoves::edge, FdEdgeSkin::reshape);

  /** The edges of holders drawn as one line (compact), one receding bundle per holder. */
  private final SkinLookup<EdgeBundle, BundleSkin> bundleSkins =
      new SkinLookup<>(
          bundleLayer,
          EdgeBundle::holder,
          this::bundleSkin,
          SkinMoves::bundle,
          BundleSkin::reshape);

  private final List<LaneSkin> lanes = new ArrayList<>();
  private final Map<org.vfioworkbench.model.FdRef, FdChipSkin> fdChips = new HashMap<>();
  private Box unownedShown;
  private ElementRef selectionShown;
  private Set<Bdf> changedShown = Set.of();
  private LegendOverlay legend;
  private final javafx.scene.control.ToggleButton legendToggle =
      new javafx.scene.control.ToggleButton("Legend");
  private final javafx.scene.control.ToggleButton mapToggle =
      new javafx.scene.control.ToggleButton("Map");
  private final javafx.scene.control.ToggleButton hideToggle =
      new javafx.scene.control.ToggleButton("Hide others");
  private List<Box> overviewObstacles = List.of();
  private java.util.function.Supplier<String> copySource = () -> "";

  /**
   * What to centre on once it is drawn (a function selected inside a collapsed subtree, an fd of a
   * holder drawn compact).
   */
  private ElementRef pendingCentre;

  /** What a selection last brought the view to; null once the user pans or zooms. */
  private ElementRef framed;

  private int shownGeneration = -1;

  /** Set while the graph itself changes the selection (a click): no re-centring then. */
  private boolean selectingHere;

  /** Opacity of what the focus does not involve. */
  static final double FADED = 0.22;

  private Rectangle unownedBox;
  private javafx.scene.text.Text unownedLabel;
  private Point2D pressAt;
  private Bdf pressed;
  private Point2D panFrom;

  /** True once the user panned or zoomed: until then the graph keeps fitting the view. */
  private boolean userMovedView;

  private boolean resizePending;
  private GraphModel shown;
  private boolean builtDetailed;

  public TopologyGraphView(TopologyGraphViewModel vm) {
    this.vm = vm;
    getStyleClass().add("graph-view");
    // a press on the graph gives it the focus, so Edit › Copy and the keys act on its selection
    addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> requestFocus());
    content.getTransforms().addAll(pan, scale);
    content.setId("graph-content");
    content
        .getChildren()
        .addAll(
            scopeLayer,
            hullLayer,
            treeLayer,
            complexLayer,
            busLayer,
            chipLayer,
            holderLayer,
            unownedLayer,
            bundleLayer,
            edgeLayer);
    viewport.getChildren().addAll(content, dragLayer);
    Rectangle clip = new Rectangle();
    clip.widthProperty().bind(viewport.widthProperty());
    clip.heightProperty().bind(viewport.heightProperty());
    viewport.setClip(clip);
    dragHint.getStyleClass().add("drag-hint");
    dragHint.setVisible(false);
    dragHint.setMouseTransparent(true);
    dragLayer.getChildren().add(dragHint);
    overview = new OverviewPane(this);
    bars = new ViewportBars(this::barsShown, this::panBy);
    StackPane.setAlignment(overview, javafx.geometry.Pos.BOTTOM_RIGHT);
    StackPane.setMargin(overview, new javafx.geometry.Insets(OVERVIEW_MARGIN));
    bar = controls();
    legend = new LegendOverlay(this, bar);
    legend.visibleProperty().bind(legendToggle.selectedProperty());
    legend.managedProperty().bind(legend.visibleProperty());
    legend.visibleProperty().addListener((o, a, b) -> overview.redrawViewport());
    getStylesheets().add(TopologyGraphView.class.getResource("graph.css").toExternalForm());
    getChildren().addAll(viewport, bars, overview, legend, bar);
    setFocusTraversable(true);
    vm.modelProperty().addListener((o, a, b) -> rebuild(b));
    vm.selectionProperty()
        .addListener(
            (o, a, b) -> {
              showSelection();
              if (!selectingHere && b != null) {
                centreOn(b);
              }
            });
    vm.focusProperty().addListener((o, a, b) -> showFocus());
    vm.hideUnfocusedProperty().addListener((o, a, b) -> showFocus());
    vm.changedProperty().addListener((o, a, b) -> showChanged(b));
    vm.previewProperty().addListener((o, a, b) -> showPreview(b));
    installPanAndZoom();
    scale.xProperty().addListener((o, a, b) -> floorCaptions());
    scale.xProperty().addListener((o, a, b) -> markColoursOnly());
    markColoursOnly();
    widthProperty().addListener((o, a, b) -> resized());
    heightProperty().addListener((o, a, b) -> resized());
    rebuild(vm.modelProperty().get());
  }

  /** How far the map keeps from the graph's tool bar and legend, in pixels. */
  private static final double MAP_CLEARANCE = 8;

  /** The overview map's distance from the view's edges: clear of the scroll bars along them. */
  static final double OVERVIEW_MARGIN = ViewportBars.GAP + ViewportBars.THICK + 3;

  /** The graph's own small tool bar: fit, legend, overview map, hide what the focus leaves out. */
  private javafx.scene.layout.Region controls() {
    javafx.scene.control.Button fit = new javafx.scene.control.Button("Fit");
    fit.setOnAction(e -> fit());
    fit.setId("graph-fit");
    fit.setTooltip(
        new javafx.scene.control.Tooltip(
            "The whole graph in the view, the holders next to the tree again when a subtree"
                + " opened and closed since left room between them"));
    legendToggle.setId("graph-legend-toggle");
    mapToggle.setId("graph-map-toggle");
    mapToggle.setSelected(true);
    mapToggle.selectedProperty().addListener((o, a, b) -> overview.redrawViewport());
    hideToggle.setId("graph-hide-toggle");
    hideToggle.selectedProperty().bindBidirectional(vm.hideUnfocusedProperty());
    legendToggle.setTooltip(
        new javafx.scene.control.Tooltip("What the colours, hulls, outlines and lines mean"));
    mapToggle.setTooltip(new javafx.scene.control.Tooltip(MapAbsence.NONE.tooltip()));
    hideToggle.setTooltip(
        new javafx.scene.control.Tooltip(
            "Hide, instead of fading, what the selected function's reset does not involve"));
    javafx.scene.layout.HBox bar =
        new javafx.scene.layout.HBox(4, fit, legendToggle, mapToggle, hideToggle);
    bar.getStyleClass().add("graph-controls");
    bar.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    bar.setPickOnBounds(false);
    StackPane.setAlignment(bar, javafx.geometry.Pos.TOP_RIGHT);
    StackPane.setMargin(bar, new javafx.geometry.Insets(6));
    return bar;
  }

  /** Below this zoom, big hosts are drawn without chip text. */
  static final double DETAIL_SCALE = 0.45;

  static final int DETAIL_ALWAYS_BELOW = 400;

  private boolean detailed(GraphModel m) {
    return m.functions().size() < DETAIL_ALWAYS_BELOW || scale.getX() >= DETAIL_SCALE;
  }

  /** Below this zoom, an overview's chips and holders show a few big words (a glance). */
  static final double GLANCE_BELOW = 0.6;

  /**
   * A glance's text is this big on screen (pixels) at the zoom it is built at; a word too wide for
   * its chip is set smaller, never below {@link #GLANCE_MIN_PX}, and no glance is drawn where even
   * the biggest font would be smaller than that (below, chips show colour only).
   */
  static final double GLANCE_PX = 12.5;

  /** The biggest glance font, in graph units (a chip is 58 high). */
  static final double GLANCE_MAX_FONT = 48;

  /** No glance text is smaller on screen than this (pixels). */
  static final double GLANCE_MIN_PX = 10;

  /**
   * Below this zoom no chip shows any text: even the biggest glance font would be smaller than
   * {@link #GLANCE_MIN_PX} (the tool bar's zoom read-out says so too).
   */
  public static final double TEXT_FROM = GLANCE_MIN_PX / GLANCE_MAX_FONT;

  /** Whether chips show their colours only at {@code zoom} (below {@link #TEXT_FROM}). */
  static boolean coloursOnly(double zoom) {
    return zoom < TEXT_FROM;
  }

  /**
   * Set on the graph's content ({@code #graph-content:colours-only}) below {@link #TEXT_FROM}: the
   * stylesheet draws dashed edges there as plain strips at their dashes' share of their colour,
   * since a dash of a few pixels is under a pixel on screen at that zoom.
   */
  static final javafx.css.PseudoClass COLOURS_ONLY =
      javafx.css.PseudoClass.getPseudoClass("colours-only");

  private void markColoursOnly() {
    content.pseudoClassStateChanged(COLOURS_ONLY, coloursOnly(scale.getX()));
  }

  /** What a chip shows at the current zoom: nothing but colour, a glance, or its full text. */
  enum Detail {
    PLAIN,
    GLANCE,
    FULL
  }

  private Detail detail(GraphModel m) {
    boolean overview = vm.isOverview();
    if (overview ? scale.getX() >= GLANCE_BELOW : addressReadable()) {
      return detailed(m) ? Detail.FULL : Detail.PLAIN;
    }
    return coloursOnly(scale.getX()) ? Detail.PLAIN : Detail.GLANCE;
  }

  /**
   * Whether a full chip's address still shows at the current zoom (above {@link CaptionFloor}'s
   * floor). A graph that is no overview keeps its full chips down to there; below, where a full
   * chip would show only its colours, its chips glance instead (a real host of a few dozen
   * functions fits a 1366×768 window at about a quarter of full size).
   */
  private boolean addressReadable() {
    return CaptionFloor.readable(CaptionFloor.cssSize("fn-bdf"), scale.getX());
  }

  /**
   * Whether holders glance too: only in an overview, where they are one line each; a holder drawn
   * with its lanes keeps them, and its captions follow the floor.
   */
  private boolean holdersGlance() {
    return builtDetail == Detail.GLANCE && vm.isOverview();
  }

  /**
   * Glance text built for another zoom stays while it shows between these sizes on screen (pixels):
   * a re-fit after an expand or a collapse changes the zoom a little, and drawing every chip and
   * holder anew for it cost more than the whole rest of the frame. Never below {@link
   * #GLANCE_MIN_PX}.
   */
  static final double GLANCE_KEEP_MIN_PX = 11;

  static final double GLANCE_KEEP_MAX_PX = 16;

  /**
   * Whether the glance text the chips were built with should be built anew at {@code font}: it
   * would differ and it shows too small or too big at the current zoom.
   */
  private boolean glanceStale(double font) {
    double px = builtGlanceFont * scale.getX();
    return Math.abs(font - builtGlanceFont) > 0.01 * builtGlanceFont
        && (px < GLANCE_KEEP_MIN_PX || px > GLANCE_KEEP_MAX_PX);
  }

  /** The glance text size, in graph units, for the zoom the chips are built at. */
  private double glanceFont() {
    return Math.min(GLANCE_MAX_FONT, GLANCE_PX / scale.getX());
  }

  private Detail builtDetail = Detail.FULL;
  private double builtGlanceFont;

  /**
   * Shows {@code m}: each element keeps its skin when it did not change, a moved one is translated,
   * new and changed ones get new skins and gone ones lose theirs (see {@link SkinLookup}).
   */
  private void rebuild(GraphModel m) {
    boolean newHost = m != null && (shown == null || shownGeneration != vm.treeGeneration());
    if (newHost) {
      shownGeneration = vm.treeGeneration();
      // A new host: fit it, and forget a centring asked for while the last one was shown.
      userMovedView = false;
      pendingCentre = null;
    }
    boolean forSelection = m != null && !newHost && shown != null && vm.laidOutForSelection();
    Optional<Bdf> toggled =
        m == null || newHost || shown == null ? Optional.empty() : vm.laidOutForToggle();
    if (forSelection) {
      // A selection that opened its holders' lanes (or revealed a function) keeps the zoom: what
      // it names stays where it was on screen, or is panned into view.
      keepInView(shown, m);
    } else if (toggled.isPresent()) {
      // An expand or a collapse keeps the zoom too, even when the graph outgrows the view: the
      // bridge stays where it was on screen, and what opened below it is panned into view. A
      // re-fit would move and repaint everything, and shrink the chips at every expand.
      keepOpenedInView(shown, m, toggled.get());
      if (!userMovedView && !showsWhole(m.bounds()) && fitZoom(m.bounds()) >= scale.getX()) {
        // Closed again to a graph that fits at this zoom: shown whole, as it opened.
        placeAt(m.bounds(), scale.getX());
      }
    } else if (m != null
        && !userMovedView
        && (newHost || vm.laidOutForFit() || !showsWhole(m.bounds()))) {
      // An expand, a collapse or an edit whose graph still shows whole keeps the view: what did
      // not move stays where it was (and is not painted again); one that outgrows it re-fits, and
      // so does the layout Fit asked for.
      fitTo(m);
    }
    shown = m;
    Detail now = m == null ? Detail.FULL : detail(m);
    double font = glanceFont();
    if (now != builtDetail || now == Detail.GLANCE && glanceStale(font)) {
      // Another level of detail: every chip and holder is drawn anew.
      chips.clear();
      holders.clear();
      builtDetail = now;
      builtGlanceFont = font;
    }
    builtDetailed = builtDetail == Detail.FULL;
    overviewObstacles = m == null ? List.of() : OverviewPlacement.obstacles(m);
    scopeSkins.update(m == null ? List.of() : m.scopes());
    hullSkins.update(m == null ? List.of() : m.hulls());
    treeSkins.update(m == null ? List.of() : m.treeEdges());
    complexSkins.update(m == null ? List.of() : m.complexes());
    busSkins.update(m == null ? List.of() : m.buses());
    chips.update(m == null ? List.of() : m.functions());
    showEdges(m);
    holders.update(m == null ? List.of() : m.holders());
    lanes.clear();
    fdChips.clear();
    for (HolderSkin h : holders.all()) {
      lanes.addAll(h.lanes());
      h.chips().forEach(c -> fdChips.put(c.chip().fd(), c));
    }
    if (m == null) {
      unownedLayer.getChildren().clear();
      unownedBox = null;
      unownedLabel = null;
      unownedShown = null;
      return;
    }
    if (!m.unowned().equals(unownedShown)) {
      unownedShown = m.unowned();
      if (unownedBox == null) {
        unownedLayer.getChildren().setAll(unownedArea());
      }
      placeUnowned(m.unowned());
    }
    selectionShown = null;
    showSelection();
    changedShown = Set.of();
    showChanged(vm.changedProperty().get());
    showFocus();
    overview.redraw(m);
    if (pendingCentre != null && boxOf(m, pendingCentre).isPresent()) {
      ElementRef r = pendingCentre;
      pendingCentre = null;
      centreOn(r);
    } else if (framed != null && framed.equals(vm.selectionProperty().get())) {
      // The selection's holders may have just opened their lanes: frame its focus again.
      centreOn(framed);
    }
  }

  /** Selects what was clicked in the graph itself: the view stays where it is. */
  private void selectHere(ElementRef ref) {
    selectingHere = true;
    try {
      vm.select(ref);
    } finally {
      selectingHere = false;
    }
  }

  private static Line treeLine(GraphModel.Line l) {
    Line line = new Line(l.x1(), l.y1(), l.x2(), l.y2());
    line.setStroke(TREE_EDGE);
    line.setStrokeWidth(1.4);
    return line;
  }

  /** The caption band the graph's captions were last shown or hidden for ({@link CaptionFloor}). */
  private int captionBand = -1;

  /**
   * Hides the captions that would show below the readable floor at the current zoom and shows the
   * ones above it, when the zoom has crossed one of the floor's thresholds since the last time.
   */
  private void floorCaptions() {
    int band = CaptionFloor.band(scale.getX());
    if (band != captionBand) {
      captionBand = band;
      captionPasses++;
      CaptionFloor.apply(content, scale.getX());
    }
  }

  private int captionPasses;

  /** How many times the view has walked its captions for a zoom change (for tests). */
  int captionPasses() {
    return captionPasses;
  }

  /** A new skin's captions, shown or hidden for the current zoom. */
  private <N extends Node> N floored(N skin) {
    CaptionFloor.apply(skin, scale.getX());
    return skin;
  }

  private ScopeOutlineSkin scopeSkin(GraphModel.ScopeOutline o) {
    return floored(new ScopeOutlineSkin(o));
  }

  private ComplexSkin complexSkin(GraphModel.ComplexNode c) {
    return floored(new ComplexSkin(c));
  }

  private GroupHullSkin hullSkin(GraphModel.GroupHull h) {
    GroupHullSkin s = floored(new GroupHullSkin(h));
    s.setOnMouseClicked(e -> selectHere(new ElementRef.GroupRef(h.group())));
    return s;
  }

  private BusBarSkin busSkin(GraphModel.BusNode b) {
    BusBarSkin s = floored(new BusBarSkin(b));
    s.setOnMouseClicked(e -> vm.select(new ElementRef.BusRef(b.bus())));
    return s;
  }

  private FunctionChipSkin chipSkin(FunctionNode f) {
    FunctionChipSkin s =
        builtDetail == Detail.GLANCE
            ? FunctionChipSkin.glance(f, builtGlanceFont, GLANCE_MIN_PX / scale.getX(), screenText)
            : new FunctionChipSkin(
                f, builtDetailed, f.bridge() ? () -> vm.toggleCollapsed(f.bdf()) : null);
    if (f.bridge()) {
      s.setOnMouseClicked(
          e -> {
            if (e.getClickCount() == 2) {
              vm.toggleCollapsed(f.bdf());
            }
          });
    }
    SkinName.set(s, "fn-" + f.bdf());
    installDrag(s, f.bdf(), f.vfio(), new ElementRef.FunctionRef(f.bdf()));
    return floored(s);
  }

  /** A tree line that joins the same elements as before is moved to its new ends in place. */
  private static boolean reshapeTreeLine(Line line, GraphModel.Line l) {
    line.setStartX(l.x1());
    line.setStartY(l.y1());
    line.setEndX(l.x2());
    line.setEndY(l.y2());
    return true;
  }

  /**
   * Shows the model's edges: those of a holder drawn in full one by one (an edge whose route
   * changed is re-routed in place), those of a compact holder as its bundle. A holder that becomes
   * or stops being compact has its edges drawn anew the other way.
   */
  private void showEdges(GraphModel m) {
    if (m == null) {
      edgeSkins.update(List.of());
      bundleSkins.update(List.of());
      return;
    }
    List<EdgeBundle> bundles = EdgeBundle.ofCompactHolders(m);
    java.util.Set<String> bundled = new java.util.HashSet<>();
    bundles.forEach(b -> bundled.add(b.holder()));
    edgeSkins.update(m.fdEdges().stream().filter(e -> !bundled.contains(e.fd().holder())).toList());
    bundleSkins.update(bundles);
  }

  private FdEdgeSkin edgeSkin(GraphModel.FdEdge e) {
    FdEdgeSkin s = new FdEdgeSkin(e);
    s.setOnMouseEntered(x -> light(s, true));
    s.setOnMouseExited(x -> light(s, false));
    return s;
  }

  private BundleSkin bundleSkin(EdgeBundle b) {
    // a compact holder's bundle recedes behind the chips it names; hover lights it
    BundleSkin s = new BundleSkin(b);
    s.setOnMouseEntered(x -> lightHolder(b.holder(), true));
    s.setOnMouseExited(x -> lightHolder(b.holder(), false));
    return s;
  }

  /**
   * Lights every edge of one compact holder, its bundle, and the chips they end at (a compact
   * holder has no fd chips to hover).
   */
  private void lightHolder(String holder, boolean on) {
    bundleSkins
        .skin(holder)
        .ifPresent(
            b -> {
              b.setLit(on);
              for (GraphModel.FdEdge e : b.bundle().edges()) {
                lightEnd(e, on);
              }
            });
    if (!on) {
      showFocus();
    }
  }

  private HolderSkin holderSkin(GraphModel.HolderNode h) {
    HolderSkin s =
        holdersGlance()
            ? HolderSkin.glance(h, builtGlanceFont, GLANCE_MIN_PX / scale.getX(), screenText)
            : new HolderSkin(h);
    s.titleNode().setOnMouseClicked(e -> selectHere(new ElementRef.HolderRef(h.name())));
    if (h.compact()) {
      s.setOnMouseEntered(x -> lightHolder(h.name(), true));
      s.setOnMouseExited(x -> lightHolder(h.name(), false));
    }
    for (FdChipSkin c : s.chips()) {
      // the edge is looked up on hover: it may have been re-skinned since
      c.setOnMouseEntered(x -> edgeSkins.skin(c.chip().fd()).ifPresent(e -> light(e, true)));
      c.setOnMouseExited(x -> edgeSkins.skin(c.chip().fd()).ifPresent(e -> light(e, false)));
      installDrag(
          c,
          c.chip().device().orElse(null),
          c.chip().device().isPresent(),
          new ElementRef.FileRef(c.chip().fd()));
    }
    return floored(s);
  }

  /** How many function chip skins this view has made since it was created. */
  int chipSkinsCreated() {
    return chips.created();
  }

  /** Skins made so far per kind, for a failure message. */
  String skinsCreatedByKind() {
    return "scopes "
        + scopeSkins.created()
        + ", hulls "
        + hullSkins.created()
        + ", tree lines "
        + treeSkins.created()
        + ", complexes "
        + complexSkins.created()
        + ", buses "
        + busSkins.created()
        + ", chips "
        + chips.created()
        + ", holders "
        + holders.created()
        + ", edges "
        + edgeSkins.created()
        + ", bundles "
        + bundleSkins.created();
  }

  /** The holder skins this view has made since it was created (for tests). */
  int holderSkinsCreated() {
    return holders.created();
  }

  /** The fd-edge skins this view has made since it was created (for tests). */
  int edgeSkinsCreated() {
    return edgeSkins.created();
  }

  /** How many skins of every kind this view has made since it was created. */
  public int skinsCreated() {
    return scopeSkins.created()
        + hullSkins.created()
        + treeSkins.created()
        + complexSkins.created()
        + busSkins.created()
        + chips.created()
        + holders.created()
        + edgeSkins.created()
        + bundleSkins.created();
  }

  /**
   * How many times this view has reshaped a shown skin in place (a tree line, an fd edge) instead
   * of making a new one.
   */
  public int skinsReshaped() {
    return treeSkins.reshaped() + edgeSkins.reshaped() + bundleSkins.reshaped();
  }

  /** The tree-line skins this view has made since it was created (for tests). */
  int treeSkinsCreated() {
    return treeSkins.created();
  }

  /** The bundle skins this view has made since it was created (for tests). */
  int bundleSkinsCreated() {
    return bundleSkins.created();
  }

  /** The drawn bundle of a compact holder's edges, if it has one (for tests). */
  Optional<BundleSkin> bundleSkin(String holder) {
    return bundleSkins.skin(holder);
  }

  /** The drawn edge of an fd, if it has one (for tests). */
  Optional<FdEdgeSkin> edgeSkin(org.vfioworkbench.model.FdRef fd) {
    return edgeSkins.skin(fd);
  }

  /** The drawn tree line joining {@code ends} ({@link GraphModel.Line#ends()}), for tests. */
  Optional<Line> treeLine(List<Object> ends) {
    return treeSkins.skin(ends);
  }

  /** Hovering an edge (or its fd chip) lights the edge, its fd chip and its function. */
  private void light(FdEdgeSkin e, boolean on) {
    e.setLit(on);
    FdChipSkin from = fdChips.get(e.edge().fd());
    if (from != null) {
      from.setLit(on);
    }
    lightEnd(e.edge(), on);
    if (!on) {
      showFocus();
    }
  }

  /** Lights (and shows in full, while lit) the function chip an edge ends at. */
  private void lightEnd(GraphModel.FdEdge e, boolean on) {
    e.function()
        .flatMap(chips::skin)
        .ifPresent(
            c -> {
              c.setLit(on);
              if (on) {
                c.setOpacity(1);
              }
            });
  }

  /**
   * The focus the bundles were last faded for, and the test of an fd being in it: one predicate
   * object per focus, so that a bundle asked again for the same focus (after every re-layout) knows
   * it has nothing to do.
   */
  private Focus bundlesFadedFor;

  private java.util.function.Predicate<org.vfioworkbench.model.FdRef> bundlesInFocus;

  /**
   * Fades (or hides) what the selected function's reset does not involve; shows everything when no
   * function is selected.
   */
  private void showFocus() {
    Focus f = vm.focusProperty().get();
    boolean hide = vm.hideUnfocusedProperty().get();
    for (FunctionChipSkin s : chips.all()) {
      dim(s, f != null && !f.functions().contains(s.node().bdf()), hide);
    }
    for (GroupHullSkin h : hullSkins.all()) {
      dim(h, f != null && !f.groups().contains(h.hull().group()), hide);
    }
    for (ScopeOutlineSkin s : scopeSkins.all()) {
      dim(s, f != null && !f.functions().containsAll(s.scope().functions()), hide);
    }
    for (HolderSkin h : holders.all()) {
      dim(h, f != null && !f.holders().contains(h.node().name()), hide);
    }
    for (FdEdgeSkin e : edgeSkins.all()) {
      boolean out = f != null && !f.fds().contains(e.edge().fd());
      e.fade(out && !hide ? FADED : 1);
      e.setVisible(!(out && hide));
    }
    if (f != bundlesFadedFor || bundlesInFocus == null) {
      bundlesFadedFor = f;
      bundlesInFocus = f == null ? fd -> true : f.fds()::contains;
    }
    for (BundleSkin b : bundleSkins.all()) {
      b.fade(bundlesInFocus, FADED, hide);
    }
  }

  private static void dim(Node n, boolean out, boolean hide) {
    n.setOpacity(out && !hide ? FADED : 1);
    n.setVisible(!(out && hide));
  }

  /** The Nobody drop target, made once per view and moved by {@link #placeUnowned}. */
  private Node unownedArea() {
    unownedBox = new Rectangle();
    unownedBox.setArcWidth(12);
    unownedBox.setArcHeight(12);
    unownedBox.getStyleClass().add("unowned");
    unownedBox.setId("unowned-area");
    unownedLabel =
        new javafx.scene.text.Text("Nobody \u2014 drop a function here to close all its fds");
    unownedLabel.getStyleClass().add("unowned-label");
    unownedLabel.setMouseTransparent(true);
    Tooltip.install(unownedBox, new Tooltip(unownedLabel.getText()));
    return floored(new Group(unownedBox, unownedLabel));
  }

  private void placeUnowned(Box b) {
    unownedBox.setX(b.x());
    unownedBox.setY(b.y());
    unownedBox.setWidth(b.w());
    unownedBox.setHeight(b.h());
    unownedLabel.setX(b.x() + 12);
    unownedLabel.setY(b.y() + 36);
  }

  private void installDrag(Node n, Bdf bdf, boolean draggable, ElementRef ref) {
    n.setOnMousePressed(
        e -> {
          if (e.getButton() != MouseButton.PRIMARY) {
            return;
          }
          selectingHere = true;
          try {
            vm.select(ref);
          } finally {
            selectingHere = false;
          }
          pressAt = new Point2D(e.getSceneX(), e.getSceneY());
          pressed = draggable ? bdf : null;
          requestFocus();
          e.consume();
        });
    n.setOnMouseDragged(
        e -> {
          if (pressed == null) {
            e.consume();
            return;
          }
          if (vm.draggedProperty().get() == null
              && pressAt.distance(e.getSceneX(), e.getSceneY()) > DRAG_THRESHOLD) {
            vm.startDrag(pressed);
            dragHint.setText("moving " + pressed);
            dragHint.setVisible(true);
          }
          if (vm.draggedProperty().get() != null) {
            Point2D local = viewport.sceneToLocal(e.getSceneX(), e.getSceneY());
            dragHint.relocate(local.getX() + 14, local.getY() + 12);
            vm.hover(targetAt(e.getSceneX(), e.getSceneY()));
          }
          e.consume();
        });
    n.setOnMouseReleased(
        e -> {
          if (vm.draggedProperty().get() != null) {
            DropTarget t = targetAt(e.getSceneX(), e.getSceneY());
            dragHint.setVisible(false);
            lanes.forEach(l -> l.setDropState(null));
            vm.drop(t);
          }
          pressed = null;
          e.consume();
        });
  }

  /** A point of the graph's own coordinates (the model's boxes) in the scene. */
  Point2D contentToScene(double x, double y) {
    return content.localToScene(x, y);
  }

  /** The lane or area under a scene point, if any. */
  DropTarget targetAt(double sceneX, double sceneY) {
    Point2D p = content.sceneToLocal(sceneX, sceneY);
    for (LaneSkin l : lanes) {
      // a lane's box is where its holder was drawn; a holder that only moved is translated
      Node holder = l.getParent();
      double dx = holder == null ? 0 : holder.getTranslateX();
      double dy = holder == null ? 0 : holder.getTranslateY();
      if (l.lane().box().contains(p.getX() - dx, p.getY() - dy)) {
        return l.lane().target();
      }
    }
    if (unownedBox != null && unownedBox.contains(p)) {
      return new DropTarget.Unowned();
    }
    return null;
  }

  private void showPreview(DropPreview p) {
    for (LaneSkin l : lanes) {
      l.setDropState(p != null && p.target().equals(l.lane().target()) ? p.allowed() : null);
    }
    if (unownedBox != null) {
      unownedBox.getStyleClass().removeAll("drop-ok", "drop-refused");
      if (p != null && p.target() instanceof DropTarget.Unowned) {
        unownedBox.getStyleClass().add(p.allowed() ? "drop-ok" : "drop-refused");
      }
    }
    if (vm.draggedProperty().get() != null) {
      dragHint.setText(
          p == null
              ? "moving " + vm.draggedProperty().get()
              : (p.allowed() ? "\u2714 " : "\u2718 ") + p.message());
      dragHint.getStyleClass().removeAll("hint-ok", "hint-refused");
      if (p != null) {
        dragHint.getStyleClass().add(p.allowed() ? "hint-ok" : "hint-refused");
      }
    }
  }

  /** Marks the selected element; only the skins of the old and the new selection change. */
  private void showSelection() {
    ElementRef sel = vm.selectionProperty().get();
    if (selectionShown != null) {
      mark(selectionShown, false);
    }
    if (sel != null) {
      mark(sel, true);
    }
    selectionShown = sel;
  }

  private void mark(ElementRef ref, boolean on) {
    if (ref instanceof ElementRef.FunctionRef f) {
      chips.skin(f.bdf()).ifPresent(s -> s.setSelected(on));
    } else if (ref instanceof ElementRef.HolderRef r) {
      holders.skin(r.holder()).ifPresent(h -> h.setSelected(on));
    } else if (ref instanceof ElementRef.FileRef r) {
      FdChipSkin c = fdChips.get(r.fd());
      if (c != null) {
        c.setSelected(on);
      }
    }
  }

  /** Marks the functions the compare profile judges differently; only what changed is touched. */
  private void showChanged(Set<Bdf> changed) {
    for (Bdf b : changedShown) {
      if (!changed.contains(b)) {
        chips.skin(b).ifPresent(s -> s.setChanged(false));
      }
    }
    for (Bdf b : changed) {
      chips.skin(b).ifPresent(s -> s.setChanged(true));
    }
    changedShown = Set.copyOf(changed);
  }

  private void installPanAndZoom() {
    viewport.setOnMousePressed(
        e -> {
          panFrom = new Point2D(e.getX() - pan.getX(), e.getY() - pan.getY());
          requestFocus();
        });
    viewport.setOnMouseDragged(
        e -> {
          if (panFrom != null && vm.draggedProperty().get() == null) {
            pan.setX(e.getX() - panFrom.getX());
            pan.setY(e.getY() - panFrom.getY());
            movedByUser();
          }
        });
    viewport.setOnMouseReleased(e -> panFrom = null);
    viewport.addEventFilter(
        ScrollEvent.SCROLL,
        e -> {
          zoomAt(e.getDeltaY() > 0 ? 1.15 : 1 / 1.15, e.getX(), e.getY());
          e.consume();
        });
    setOnKeyPressed(
        e -> {
          KeyCode k = e.getCode();
          if ((k == KeyCode.ENTER || k == KeyCode.SPACE)
              && vm.selectionProperty().get() instanceof ElementRef.FunctionRef f) {
            vm.toggleCollapsed(f.bdf());
            e.consume();
          } else if (k == KeyCode.ESCAPE) {
            vm.cancelDrag();
            dragHint.setVisible(false);
          } else if (k == KeyCode.LEFT
              || k == KeyCode.RIGHT
              || k == KeyCode.UP
              || k == KeyCode.DOWN) {
            double d = 60;
            pan.setX(pan.getX() + (k == KeyCode.LEFT ? d : k == KeyCode.RIGHT ? -d : 0));
            pan.setY(pan.getY() + (k == KeyCode.UP ? d : k == KeyCode.DOWN ? -d : 0));
            movedByUser();
            e.consume();
          }
        });
  }

  /** What the scroll bars show: the part in view of the graph shown, below the tool bar. */
  private Optional<ViewportBars.Shown> barsShown() {
    return shown == null
        ? Optional.empty()
        : Optional.of(
            new ViewportBars.Shown(
                visibleArea(), shown.bounds(), bar.getBoundsInParent().getMaxY()));
  }

  /** Moves the view by graph units, as the user asked (the scroll bars). */
  private void panBy(double gx, double gy) {
    pan.setX(pan.getX() - gx * scale.getX());
    pan.setY(pan.getY() - gy * scale.getY());
    movedByUser();
  }

  /** After the user moved the view: no more re-fits, no framing kept, the map and bars follow. */
  private void movedByUser() {
    userMovedView = true;
    framed = null;
    overview.redrawViewport();
  }

  public void zoomIn() {
    zoomAt(1.25, getWidth() / 2, getHeight() / 2);
  }

  public void zoomOut() {
    zoomAt(1 / 1.25, getWidth() / 2, getHeight() / 2);
  }

  /**
   * Sets the zoom to {@code s}, or a number a unit in the last place from it whose inverse is
   * exact, so that glance words are drawn from the glyph cache ({@link ScreenSizedText}).
   */
  private void setZoom(double s) {
    double z = ScreenSizedText.invertible(s);
    scale.setX(z);
    scale.setY(z);
  }

  private void zoomAt(double factor, double x, double y) {
    double s = Math.max(0.02, Math.min(4, scale.getX() * factor));
    double f = s / scale.getX();
    pan.setX(x - (x - pan.getX()) * f);
    pan.setY(y - (y - pan.getY()) * f);
    setZoom(s);
    movedByUser();
    relevelDetail();
  }

  /** Rebuilds the chips when zooming crosses the detail threshold. */
  private void relevelDetail() {
    if (shown == null) {
      return;
    }
    Detail now = detail(shown);
    boolean glanceResized = now == Detail.GLANCE && glanceStale(glanceFont());
    if (now != builtDetail || glanceResized) {
      rebuild(shown);
    }
  }

  /**
   * Scales and centres the whole graph into the view (zooming in up to 250%). When subtrees opened
   * and closed since left room between the tree and the holders, they are laid out next to it again
   * and the graph is fitted once more when that layout is shown.
   */
  public void fit() {
    userMovedView = false;
    fitTo(vm.modelProperty().get());
    relevelDetail();
    vm.closeUpHolders();
  }

  private void fitTo(GraphModel m) {
    double w = getWidth();
    double h = getHeight();
    if (m == null || w <= 0 || h <= 0) {
      return;
    }
    double s = fitZoom(m.bounds());
    setZoom(s);
    placeAt(m.bounds(), s);
  }

  /**
   * Where the room for the graph begins: the graph's tool bar sits over the view's top edge, and a
   * fitted graph stays below it.
   */
  private double toolbarTop() {
    return Math.min(TOOLBAR_H, getHeight() / 4);
  }

  /** The zoom that fits a graph of {@code b} into the view, below the tool bar. */
  private double fitZoom(Box b) {
    return Math.min(MAX_FIT, Math.min(getWidth() / b.w(), (getHeight() - toolbarTop()) / b.h()));
  }

  /** Pans a graph of {@code b} drawn at zoom {@code s} to the middle of the view, below the bar. */
  private void placeAt(Box b, double s) {
    double w = getWidth();
    double h = getHeight();
    double top = toolbarTop();
    pan.setX((w - b.w() * s) / 2);
    pan.setY(top + Math.max(0, (h - top - b.h() * s) / 2));
    overview.redrawViewport();
  }

  /**
   * After a layout asked for by a selection: keeps the zoom, and pans so that the selected element
   * stays where it was on screen; when it was not drawn before (or would now be off screen), pans
   * just enough to bring it into view. Nothing else moves the view, so a frame repaints only what
   * the selection changed.
   */
  private void keepInView(GraphModel before, GraphModel after) {
    ElementRef sel = vm.selectionProperty().get();
    Optional<Box> now = sel == null ? Optional.empty() : boxOf(after, sel);
    if (now.isPresent()) {
      hold(boxOf(before, sel), now.get(), now.get());
    }
  }

  /**
   * After an expand or a collapse: keeps the zoom; the bridge stays where it was on screen, and the
   * view pans just enough to show the first row of what opened below it. Panning moves (and
   * repaints) everything, so it is kept to what shows that the expand happened.
   */
  private void keepOpenedInView(GraphModel before, GraphModel after, Bdf bridge) {
    Optional<Box> now = after.function(bridge).map(FunctionNode::box);
    if (now.isPresent()) {
      hold(
          before.function(bridge).map(FunctionNode::box),
          now.get(),
          vm.openedArea(after, bridge).orElse(now.get()));
    }
  }

  /**
   * Pans so that {@code anchor} shows where {@code was} showed (when it was drawn), then just
   * enough to bring {@code want} into view (its top left when it is bigger than the view).
   */
  private void hold(Optional<Box> was, Box anchor, Box want) {
    if (getWidth() <= 0) {
      return;
    }
    double s = scale.getX();
    if (was.isPresent()) {
      pan.setX(pan.getX() + (was.get().x() - anchor.x()) * s);
      pan.setY(pan.getY() + (was.get().y() - anchor.y()) * s);
    }
    Box b = want;
    Box v = visibleArea();
    double dx = b.w() > v.w() || b.x() < v.x() ? v.x() - b.x() : Math.min(0, v.right() - b.right());
    double dy =
        b.h() > v.h() || b.y() < v.y() ? v.y() - b.y() : Math.min(0, v.bottom() - b.bottom());
    if (dx != 0 || dy != 0) {
      pan.setX(pan.getX() + dx * s);
      pan.setY(pan.getY() + dy * s);
    }
    overview.redrawViewport();
  }

  /** Whether a graph of {@code bounds} shows whole at the current zoom and pan, below the bar. */
  private boolean showsWhole(Box bounds) {
    double w = getWidth();
    double h = getHeight();
    double s = scale.getX();
    double top = toolbarTop();
    double slack = 0.5;
    return w > 0
        && h > 0
        && pan.getX() >= -slack
        && pan.getY() >= top - slack
        && pan.getX() + bounds.w() * s <= w + slack
        && pan.getY() + bounds.h() * s <= h + slack;
  }

  static final double MAX_FIT = 2.5;
  static final double TOOLBAR_H = 36;

  /** The current zoom (1 = 100%). */
  public double zoom() {
    return scale.getX();
  }

  /** The zoom, as it changes (the tool bar's read-out). */
  public javafx.beans.value.ObservableDoubleValue zoomProperty() {
    return scale.xProperty();
  }

  /** Whether the graph still follows the view's size (the user has not zoomed or panned). */
  public boolean fitting() {
    return !userMovedView;
  }

  /**
   * Centres the view on a function chip, zooming in to a readable size first if the view is zoomed
   * out further: what selecting it in the Explorer, Problems or an outcome table does.
   */
  public void centreOnFunction(Bdf bdf) {
    centreOn(new ElementRef.FunctionRef(bdf));
  }

  /**
   * Centres the view on what a selection names (a function, an fd chip, a holder, a group's hull),
   * as {@link #centreOnFunction} does; once it is drawn, if it is not yet.
   */
  public void centreOn(ElementRef ref) {
    if (shown == null) {
      return;
    }
    Optional<Box> f = boxOf(shown, ref);
    if (f.isEmpty() || getWidth() <= 0) {
      pendingCentre = ref;
      return;
    }
    pendingCentre = null;
    framed = ref;
    Box b = f.get();
    Box v = visibleArea();
    Optional<Focus> focus = focusOf(ref);
    Optional<Box> frame = focusFrame(shown, ref, focus);
    if (frame.isPresent()
        && frame.get().w() * READABLE <= getWidth()
        && frame.get().h() * READABLE <= getHeight()) {
      // The whole focus (scope, dev-set, groups, the holders' lanes) fits at a readable zoom.
      b = frame.get();
      if (scale.getX() < READABLE || !v.contains(b)) {
        double s =
            Math.max(READABLE, Math.min(1.0, Math.min(getWidth() / b.w(), getHeight() / b.h())));
        setZoom(s);
        centreOn(b.centerX(), b.centerY());
        relevelDetail();
      }
      return;
    }
    boolean readable = scale.getX() >= READABLE;
    if (readable && v.contains(b)) {
      return;
    }
    if (!readable) {
      setZoom(READABLE);
    }
    // The focus is bigger than a readable screen. When the nearest holder whose fds it involves
    // (the lanes stand apart from the PCI tree) can share the screen with what is named, show
    // both; otherwise centre on what is named.
    Box named = b;
    double cx = named.centerX();
    double cy = named.centerY();
    Optional<Box> holder = nearestHolder(shown, focus, named);
    if (holder.isPresent()) {
      double hx = towards(holder.get().centerX(), named.x(), named.w(), getWidth());
      double hy = towards(holder.get().centerY(), named.y(), named.h(), getHeight());
      double w = getWidth() / scale.getX();
      double h = getHeight() / scale.getX();
      if (new Box(hx - w / 2, hy - h / 2, w, h).intersects(holder.get())) {
        cx = hx;
        cy = hy;
      }
    }
    centreOn(cx, cy);
    relevelDetail();
  }

  /**
   * The centre, along one axis, nearest to {@code want} that keeps {@code [at, at + size]} on a
   * screen {@code screen} pixels long at the current zoom, a margin inside its edges; the centre of
   * that span when even it does not fit.
   */
  private double towards(double want, double at, double size, double screen) {
    double half = screen / 2 / scale.getX();
    double margin = Math.min(FOCUS_MARGIN, Math.max(0, half - size / 2));
    double least = at + size + margin - half;
    double most = at - margin + half;
    return least > most ? at + size / 2 : Math.max(least, Math.min(most, want));
  }

  /**
   * What a selected function's focus covers in {@code m}: its chip, the drawn chips of its scope,
   * dev-set and groups, and the holders involved that are drawn with their lanes.
   */
  Optional<Box> focusFrame(GraphModel m, ElementRef ref) {
    return focusFrame(m, ref, focusOf(ref));
  }

  private static Optional<Box> focusFrame(GraphModel m, ElementRef ref, Optional<Focus> focus) {
    if (focus.isEmpty() || !(ref instanceof ElementRef.FunctionRef f)) {
      return Optional.empty();
    }
    Optional<Box> u = m.function(f.bdf()).map(FunctionNode::box);
    for (FunctionNode n : m.functions()) {
      if (focus.get().functions().contains(n.bdf())) {
        u = u.map(x -> x.union(n.box()));
      }
    }
    for (Box h : lanedHolders(m, focus.get())) {
      u = u.map(x -> x.union(h));
    }
    return u.map(x -> x.pad(FOCUS_MARGIN));
  }

  /** The focus of a selected function; none for anything else. */
  private Optional<Focus> focusOf(ElementRef ref) {
    return ref instanceof ElementRef.FunctionRef f ? vm.focusOf(f.bdf()) : Optional.empty();
  }

  /** The boxes of the holders {@code focus} involves that {@code m} draws with their lanes. */
  private static List<Box> lanedHolders(GraphModel m, Focus focus) {
    return m.holders().stream()
        .filter(h -> !h.compact() && focus.holders().contains(h.name()))
        .map(GraphModel.HolderNode::box)
        .toList();
  }

  /**
   * The drawn holder (with its lanes) nearest to {@code from} among those {@code focus} involves.
   */
  private static Optional<Box> nearestHolder(GraphModel m, Optional<Focus> focus, Box from) {
    return focus.flatMap(
        x ->
            lanedHolders(m, x).stream()
                .min(
                    java.util.Comparator.comparingDouble(
                        h ->
                            Math.hypot(
                                h.centerX() - from.centerX(), h.centerY() - from.centerY()))));
  }

  /** Graph units kept around a focus, and around a chip framed beside the rest of its focus. */
  private static final double FOCUS_MARGIN = 24;

  /** Where {@code ref} is drawn in {@code m}, if it is. */
  private static Optional<Box> boxOf(GraphModel m, ElementRef ref) {
    if (ref instanceof ElementRef.FunctionRef f) {
      return m.function(f.bdf()).map(FunctionNode::box);
    }
    if (ref instanceof ElementRef.FileRef f) {
      return m.holders().stream()
          .flatMap(h -> java.util.stream.Stream.of(h.groupLane(), h.cdevLane()))
          .flatMap(l -> l.chips().stream())
          .filter(c -> c.fd().equals(f.fd()))
          .map(GraphModel.FdChip::box)
          .findFirst();
    }
    if (ref instanceof ElementRef.HolderRef h) {
      return m.holders().stream()
          .filter(x -> x.name().equals(h.holder()))
          .map(GraphModel.HolderNode::box)
          .findFirst();
    }
    if (ref instanceof ElementRef.GroupRef g) {
      return m.hulls().stream()
          .filter(x -> x.group() == g.group())
          .flatMap(x -> x.boxes().stream())
          .findFirst();
    }
    return Optional.empty();
  }

  /** The zoom selecting a function brings the view to when it is zoomed out further. */
  static final double READABLE = 0.8;

  /**
   * After a size change: re-fits unless the user has moved the view; once they have, the view keeps
   * its zoom and pan, and the map (its marked area, its corner and the Map button's look) follows
   * the new size. Coalesced per pulse, and run after it: placing the map inside the layout pass
   * would leave its look to style one pulse later, which repaints the whole window.
   */
  private void resized() {
    if (!resizePending && getWidth() > 0 && getHeight() > 0) {
      resizePending = true;
      vm.later(
          () -> {
            resizePending = false;
            if (userMovedView) {
              overview.redrawViewport();
            } else {
              fitTo(vm.modelProperty().get());
              relevelDetail();
            }
          });
    }
  }

  /**
   * Shows the overview in the first corner where it covers nothing, unless the graph fits, the Map
   * toggle is off or every corner is taken (the tool bar has the top right, the legend the top left
   * while shown).
   */
  void placeOverview(boolean fits) {
    // called whenever the view moves: the scroll bars follow it too
    bars.update();
    if (!mapToggle.isSelected() || shown == null || getWidth() <= 0) {
      overview.setVisible(false);
      showMapAbsence(MapAbsence.NONE);
      return;
    }
    if (fits) {
      overview.setVisible(false);
      showMapAbsence(MapAbsence.GRAPH_FITS);
      return;
    }
    List<Box> taken = new ArrayList<>(overviewObstacles);
    Box v = visibleArea();
    double s = scale.getX();
    taken.add(keptClearOf(bar, v, s));
    if (legend.isVisible()) {
      taken.add(keptClearOf(legend, v, s));
    }
    Optional<javafx.geometry.Pos> corner =
        OverviewPlacement.corner(
            v, s, OverviewPane.W + 2, OverviewPane.H + 2, OVERVIEW_MARGIN, taken);
    overview.setVisible(corner.isPresent());
    corner.ifPresent(c -> StackPane.setAlignment(overview, c));
    showMapAbsence(corner.isPresent() ? MapAbsence.NONE : MapAbsence.NO_FREE_CORNER);
  }

  /**
   * The room {@code overlay} (the tool bar, the legend: both at the view's top) takes from the map,
   * in graph units of the view {@code v} at zoom {@code s}: its bounds as drawn, {@link
   * #MAP_CLEARANCE} wider on each side and below, from the view's top edge down.
   */
  private static Box keptClearOf(Node overlay, Box v, double s) {
    Bounds b = overlay.getBoundsInParent();
    return new Box(
        v.x() + (b.getMinX() - MAP_CLEARANCE) / s,
        v.y(),
        (b.getWidth() + 2 * MAP_CLEARANCE) / s,
        (b.getMaxY() + MAP_CLEARANCE) / s);
  }

  private MapAbsence mapAbsence = MapAbsence.NONE;

  /**
   * Says on the Map button why the map it has on is not shown: the button looks waiting ({@code
   * :waiting}) and its tooltip gives the reason. Changed only when the reason does (this runs on
   * every pan).
   */
  private void showMapAbsence(MapAbsence now) {
    if (now == mapAbsence) {
      return;
    }
    mapAbsence = now;
    mapToggle.pseudoClassStateChanged(MapAbsence.WAITING, now != MapAbsence.NONE);
    mapToggle.getTooltip().setText(now.tooltip());
  }

  /** Why the map the Map button has on is not shown, if it is not (for tests). */
  MapAbsence mapAbsence() {
    return mapAbsence;
  }

  /** The scroll bars (for tests). */
  ViewportBars scrollBars() {
    return bars;
  }

  /** Whether the overview map is shown, and where. */
  Optional<javafx.geometry.Pos> overviewCorner() {
    return overview.isVisible()
        ? Optional.ofNullable(StackPane.getAlignment(overview))
        : Optional.empty();
  }

  /** Centres the view on a graph point (overview clicks). */
  void centreOn(double gx, double gy) {
    userMovedView = true;
    pan.setX(getWidth() / 2 - gx * scale.getX());
    pan.setY(getHeight() / 2 - gy * scale.getY());
    overview.redrawViewport();
  }

  /**
   * The visible part of the graph, in graph coordinates. Measured on this view, which the viewport
   * fills: the viewport's own size lags a resize by one layout pass.
   */
  Box visibleArea() {
    double s = scale.getX();
    return new Box(-pan.getX() / s, -pan.getY() / s, getWidth() / s, getHeight() / s);
  }

  /** The drawn graph (for PNG export). */
  public Group content() {
    return content;
  }

  /** How many function chips are drawn. */
  public int chipCount() {
    return chips.size();
  }

  /** The drawn chip of a function, if it has one. */
  public Optional<Node> chipNode(Bdf bdf) {
    return chips.skin(bdf).map(Node.class::cast);
  }

  public TopologyGraphViewModel viewModel() {
    return vm;
  }

  /**
   * Where Copy takes the selected element's text from (the facts the Properties view shows for it,
   * so a chip copies what its row in Properties says).
   */
  public void setCopySource(java.util.function.Supplier<String> source) {
    copySource = java.util.Objects.requireNonNull(source, "source");
  }

  @Override
  public String copyText() {
    return copySource.get();
  }
}
