package org.vfioworkbench.ui.graph;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javax.imageio.ImageIO;

/** Writes a node (the graph, or the whole window) as a PNG. Runs on the FX thread. */
public final class PngExport {

  private PngExport() {}

  public static void write(Node node, Path file, double scale) throws IOException {
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.WHITE);
    p.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
    WritableImage img = node.snapshot(p, null);
    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
  }
}
