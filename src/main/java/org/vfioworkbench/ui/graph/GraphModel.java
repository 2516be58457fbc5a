package org.vfioworkbench.ui.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.vfioworkbench.model.Bdf;
import org.vfioworkbench.model.BusAddress;
import org.vfioworkbench.model.DriverKind;
import org.vfioworkbench.model.FdRef;
import org.vfioworkbench.ui.kernel.DropTarget;

/**
 * The laid-out graph: every element's box and every line, in graph coordinates. The graph view
 * draws it with one skin per element type; the SVG export writes it. Pure data.
 *
 * @param holdersX where the holders' side begins: the corridor of their edges' tracks, right of the
 *     tree (or further right, when a layout keeps the holders where an earlier one had them: {@link
 *     GraphLayout#compute(org.vfioworkbench.engine.Analysis, java.util.Set, java.util.Set,
 *     java.util.function.Predicate, double)})
 * @param holdersApart how much further right {@code holdersX} is than the tree needs: the room an
 *     earlier layout's wider tree left between them (0 when the holders stand next to the tree)
 */
public record GraphModel(
    List<ComplexNode> complexes,
    List<BusNode> buses,
    List<FunctionNode> functions,
    List<Line> treeEdges,
    List<GroupHull> hulls,
    List<ScopeOutline> scopes,
    List<HolderNode> holders,
    List<FdEdge> fdEdges,
    Box unowned,
    Box bounds,
    double holdersX,
    double holdersApart) {

  /**
   * Why a graph leaves functions of a root bus out ({@link GraphLayout#defaultFolded}): they are
   * platform functions, or a big host's overview keeps in view only what is open, or (nobody having
   * anything open) only what is bound to vfio-pci, and they have none of it in or below them.
   */
  public enum Fold {
    PLATFORM,
    NOTHING_OPEN,
    NOTHING_VFIO_BOUND
  }

  /** The root complex of one PCI segment. */
  public record ComplexNode(int segment, Box box) {}

  /**
   * One bus bar (a wrapped bus has one bar per row; {@code continued} marks the later ones).
   *
   * @param folded how many functions on this bus are not drawn ({@link GraphLayout#defaultFolded});
   *     0 on continued bars
   * @param fold why they are not drawn
   */
  public record BusNode(
      BusAddress bus, Box box, boolean root, boolean continued, int folded, Fold fold) {

    /** Room the bar keeps left and right of its caption. */
    static final double CAPTION_PAD = 16;

    /** The bar's whole caption: its address, whether it is a root bus, what it leaves out. */
    public String caption() {
      return captionForms().get(0);
    }

    /** The longest form of {@link #caption} that fits the bar (at least the bus's address). */
    public String fittedCaption() {
      List<String> forms = captionForms();
      for (String f : forms) {
        if (TextMetrics.width(f) <= box.w() - CAPTION_PAD) {
          return f;
        }
      }
      return forms.get(forms.size() - 1);
    }

    /** The caption's forms, longest first. */
    List<String> captionForms() {
      String name = "bus " + bus;
      String more = continued ? " \u22ef" : "";
      List<String> forms = new ArrayList<>();
      String left =
          switch (fold) {
            case PLATFORM -> folded + (folded == 1 ? " platform function" : " platform functions");
            case NOTHING_OPEN -> folded + " with nothing open";
            case NOTHING_VFIO_BOUND -> folded + " with nothing bound to vfio-pci";
          };
      if (folded > 0) {
        forms.add(name + (root ? " (root bus)" : "") + more + " \u00b7 " + left + " not shown");
        forms.add(name + more + " \u00b7 " + left + " not shown");
        forms.add(counted(name + more, folded));
      } else {
        forms.add(name + (root ? " (root bus)" : "") + more);
      }
      forms.add(name + more);
      return forms;
    }

    /**
     * How wide a bar must be to show its caption's shortest form that still counts what it leaves
     * out ({@code bus 0000:7f · 42 not shown}).
     */
    static double countedCaptionWidth(BusAddress bus, int folded) {
      return TextMetrics.width(counted("bus " + bus, folded)) + CAPTION_PAD;
    }

    /** The shortest caption that still counts what a bar leaves out: {@code name · N not shown}. */
    private static String counted(String name, int folded) {
      return name + " \u00b7 " + folded + " not shown";
    }
  }

  /**
   * One function chip.
   *
   * @param name short device name
   * @param driver driver label for the badge
   * @param open whether some holder has it open
   * @param vfio whether it is a vfio device (draggable)
   * @param summary for a bridge whose subtree is collapsed: what the subtree holds
   */
  public record FunctionNode(
      Bdf bdf,
      Box box,
      String name,
      String driver,
      DriverKind driverKind,
      boolean bridge,
      OptionalInt group,
      boolean open,
      boolean vfio,
      Optional<Summary> summary) {}

  /**
   * What a collapsed subtree (everything below a bridge) holds, as its bridge's chip shows it.
   *
   * @param functions how many functions are below
   * @param groups how many IOMMU groups they are in
   * @param holders the holders with a file on one of them
   * @param blocked whether a reset scope below is blocked (the natural hot reset of an open device
   *     in it fails)
   * @param notViable whether a group below is not viable
   * @param blockedScopes the blocked reset scopes below, short ("bus 06", "slot s0-69"; "no reset
   *     for 14:00.6" for an open device that has no reset at all), in PCI order
   */
  public record Summary(
      int functions,
      int groups,
      List<String> holders,
      boolean blocked,
      boolean notViable,
      List<String> blockedScopes) {}

  /**
   * A straight line of the tree.
   *
   * @param from what it starts at, by the key of that element: a segment's number for its root
   *     complex, a bus's address for its bar, a function's BDF for its chip
   * @param to what it ends at, the same way (for the line between two bars of one wrapped bus: the
   *     later bar's row number); together with {@code from} the same for the same line across
   *     layouts, wherever it is drawn
   */
  public record Line(double x1, double y1, double x2, double y2, Object from, Object to) {

    /** What the line joins: the same across layouts while it joins the same elements. */
    public List<Object> ends() {
      return List.of(from, to);
    }
  }

  /**
   * The translucent hull of an IOMMU group, as one or more rectangles.
   *
   * @param label caption text, already clipped to fit {@code labelBox}
   * @param labelBox where the caption goes, below the hull's first chip
   */
  public record GroupHull(int group, List<Box> boxes, boolean viable, String label, Box labelBox) {}

  /**
   * The dashed outline of one reset scope.
   *
   * @param label caption text, clipped to fit; empty when there was no free place for it
   * @param labelBox where the caption goes (inside the outline, below the chips)
   * @param description the whole scope, for tooltips
   * @param blocked whether the natural hot reset of an open device in this scope fails
   * @param functions the functions a reset of this scope touches
   */
  public record ScopeOutline(
      String label,
      Box box,
      Box labelBox,
      String description,
      boolean blocked,
      List<Bdf> functions) {}

  /**
   * A holder: title box and its two lanes.
   *
   * @param summary for a holder drawn as one line (a big host's overview): what it holds, by the
   *     chip its files' bundled edges go to ("5 fds \u2192 01:00.0 \u00d73, 1c.0 \u00d72"); its
   *     lanes are then empty and have no area
   */
  public record HolderNode(
      String name, int pid, Box box, Lane groupLane, Lane cdevLane, Optional<String> summary) {

    /** Whether the holder is drawn as one line, without lanes. */
    public boolean compact() {
      return summary.isPresent();
    }
  }

  /** A lane of a holder: a drop target holding fd chips. */
  public record Lane(DropTarget target, Box box, String title, List<FdChip> chips) {}

  /** What kind of file an fd chip shows. */
  public enum FdKind {
    CONTAINER,
    GROUP,
    DEVICE,
    IOMMUFD,
    CDEV,
    OTHER
  }

  /**
   * One open file in a lane.
   *
   * @param device the function it opens, for device fds and cdevs (these can be dragged)
   */
  public record FdChip(FdRef fd, Box box, String label, FdKind kind, Optional<Bdf> device) {}

  /** A corner of an edge's route. */
  public record Point(double x, double y) {}

  /**
   * An edge from an fd chip to what it holds, routed orthogonally: it leaves the fd chip (for a
   * compact holder: the holder's box, one edge per target chip for all its fds there) at its
   * bottom, runs along its lane's channel, the corridor between tree and holders and the gaps above
   * chip rows, and enters the function (or the group's hull) from above.
   *
   * @param points the route, from the fd chip to the target; consecutive points share x or y
   * @param function the function it ends at (for group files, the group's first member)
   * @param group the group it ends at, for group files
   */
  public record FdEdge(
      FdRef fd, FdKind kind, List<Point> points, Optional<Bdf> function, OptionalInt group) {

    public Point start() {
      return points.get(0);
    }

    public Point end() {
      return points.get(points.size() - 1);
    }
  }

  public Optional<FunctionNode> function(Bdf bdf) {
    return functions.stream().filter(f -> f.bdf().equals(bdf)).findFirst();
  }

  /** The bridges drawn as a summary of their collapsed subtree, in the order they are drawn. */
  public List<Bdf> collapsedBridges() {
    return functions.stream().filter(f -> f.summary().isPresent()).map(FunctionNode::bdf).toList();
  }
}
