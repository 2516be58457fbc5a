package org.vfioworkbench.ui;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import org.vfioworkbench.ui.graph.skin.EdgeLeg;

/**
 * The bundles' legs rasterised by the probe itself into one image the size of the view, shown in
 * place of the leg nodes (for {@code LayerPaintProbe --raster-legs}): what painting the largest
 * layer as one picture would cost, where the software pipeline otherwise fills each leg as a shape
 * of its own.
 *
 * <p>A leg is an axis-aligned rectangle, so its pixels' coverage is exact (the overlap of the pixel
 * with the rectangle), composited source-over in premultiplied ARGB in the legs' order. A dashed
 * leg is drawn at its dashes' average coverage (dash over dash and gap), which is what a far zoom
 * shows of a dash pattern a pixel or less long; nearer it would need the pattern itself.
 */
final class LegRasterCopy {

  /** One leg in the view's pixels: its rectangle, colour and coverage (opacity × dash share). */
  private record Strip(double x0, double y0, double x1, double y1, Color color, double alpha) {}

  private final Group bundles;
  private final Pane viewport;
  private final List<Strip> strips = new ArrayList<>();
  private int left;
  private int top;
  private int width;
  private int height;
  private int[] pixels;
  private WritableImage image;
  private final ImageView view = new ImageView();
  private final PixelFormat<IntBuffer> format = PixelFormat.getIntArgbPreInstance();

  private LegRasterCopy(Group bundles, Pane viewport) {
    this.bundles = bundles;
    this.viewport = viewport;
    view.setMouseTransparent(true);
  }

  /**
   * Sizes the image to the legs' bounds in the view (a pixel to spare each side, clipped to the
   * view): at a far zoom the graph covers a part of the view, and the image is painted whole.
   */
  private void fitImage() {
    double x0 = Double.MAX_VALUE;
    double y0 = Double.MAX_VALUE;
    double x1 = -Double.MAX_VALUE;
    double y1 = -Double.MAX_VALUE;
    for (Strip s : strips) {
      x0 = Math.min(x0, s.x0());
      y0 = Math.min(y0, s.y0());
      x1 = Math.max(x1, s.x1());
      y1 = Math.max(y1, s.y1());
    }
    left = (int) Math.max(0, Math.floor(x0) - 1);
    top = (int) Math.max(0, Math.floor(y0) - 1);
    width = (int) Math.max(1, Math.min(viewport.getWidth(), Math.ceil(x1) + 2) - left);
    height = (int) Math.max(1, Math.min(viewport.getHeight(), Math.ceil(y1) + 1) - top);
    pixels = new int[width * height];
    image = new WritableImage(width, height);
    view.setImage(image);
    view.setLayoutX(left);
    view.setLayoutY(top);
  }

  static LegRasterCopy of(Group bundleLayer) {
    Pane viewport = (Pane) bundleLayer.getParent().getParent();
    LegRasterCopy c = new LegRasterCopy(bundleLayer, viewport);
    c.collect(bundleLayer);
    c.fitImage();
    return c;
  }

  private void collect(Node n) {
    if (!n.isVisible()) {
      return;
    }
    if (n instanceof Parent p) {
      p.getChildrenUnmodifiable().forEach(this::collect);
      return;
    }
    if (!(n instanceof EdgeLeg leg) || !(leg.legColor() instanceof Color color)) {
      return;
    }
    Transform t =
        ProbeHarness.sceneToLocal(viewport).createConcatenation(leg.getLocalToSceneTransform());
    Point2D a = t.transform(leg.getX(), leg.getY());
    Point2D b = t.transform(leg.getX() + leg.getWidth(), leg.getY() + leg.getHeight());
    double alpha = ProbeHarness.opacityOnScreen(leg) * leg.dashShare();
    strips.add(
        new Strip(
            Math.min(a.getX(), b.getX()),
            Math.min(a.getY(), b.getY()),
            Math.max(a.getX(), b.getX()),
            Math.max(a.getY(), b.getY()),
            color,
            alpha));
  }

  String census() {
    return String.format(
        Locale.ROOT,
        "(raster: %d legs into one %d × %d image at %d, %d)",
        strips.size(),
        width,
        height,
        left,
        top);
  }

  void show(boolean on) {
    bundles.setVisible(!on);
    if (on) {
      viewport.getChildren().add(view);
    } else {
      viewport.getChildren().remove(view);
    }
  }

  /** Rasterises every leg anew, shifted by {@code shift} pixels, and hands the image the pixels. */
  void redraw(double shift) {
    Arrays.fill(pixels, 0);
    for (Strip s : strips) {
      fill(s, shift);
    }
    image.getPixelWriter().setPixels(0, 0, width, height, format, pixels, 0, width);
  }

  private void fill(Strip s, double shift) {
    double x0 = Math.max(0, s.x0() - left + shift);
    double x1 = Math.min(width, s.x1() - left + shift);
    double y0 = Math.max(0, s.y0() - top);
    double y1 = Math.min(height, s.y1() - top);
    if (x1 <= x0 || y1 <= y0) {
      return;
    }
    double r = s.color().getRed();
    double g = s.color().getGreen();
    double b = s.color().getBlue();
    double a = s.color().getOpacity() * s.alpha();
    for (int py = (int) y0; py < y1; py++) {
      double cy = Math.min(y1, py + 1) - Math.max(y0, py);
      int row = py * width;
      for (int px = (int) x0; px < x1; px++) {
        double cov = a * cy * (Math.min(x1, px + 1) - Math.max(x0, px));
        if (cov <= 0) {
          continue;
        }
        int d = pixels[row + px];
        double keep = 1 - cov;
        int da = (int) Math.round(cov * 255 + (d >>> 24) * keep);
        int dr = (int) Math.round(r * cov * 255 + ((d >> 16) & 0xff) * keep);
        int dg = (int) Math.round(g * cov * 255 + ((d >> 8) & 0xff) * keep);
        int db = (int) Math.round(b * cov * 255 + (d & 0xff) * keep);
        pixels[row + px] = da << 24 | dr << 16 | dg << 8 | db;
      }
    }
  }

  ImageView view() {
    return view;
  }
}
