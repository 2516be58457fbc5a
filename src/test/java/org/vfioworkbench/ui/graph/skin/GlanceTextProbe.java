package org.vfioworkbench.ui.graph.skin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * A probe, not a test: what choosing a chip's glance text costs ({@link
 * FunctionChipSkin#glanceText}) on the FX thread, for the address forms of 2,000 made-up functions
 * at four chip widths and three font sizes, so that most of them try several words and sizes.
 * Prints microseconds per glance for each round; read the later rounds (the first ones include the
 * JIT's work).
 *
 * <p>Usage (Xvfb, {@code -Dprism.order=sw}): {@code GlanceTextProbe ROUNDS}.
 */
public final class GlanceTextProbe {
  public static void main(String[] args) throws Exception {
    CompletableFuture<Void> up = new CompletableFuture<>();
    Platform.startup(() -> up.complete(null));
    up.get();
    List<List<String>> words = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String bdf = String.format("%04x:%02x:%02x.%x", i % 3, (i * 7) % 256, (i * 13) % 32, i % 8);
      String noSeg = Integer.toHexString(i % 3) + bdf.substring(4);
      words.add(List.of(bdf, noSeg, bdf.substring(5)));
    }
    double[] widths = {40, 60, 80, 130};
    for (int round = 0; round < Integer.parseInt(args[0]); round++) {
      CompletableFuture<Double> t = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            long t0 = System.nanoTime();
            int n = 0;
            for (double w : widths) {
              for (List<String> ws : words) {
                FunctionChipSkin.glanceText(ws, ws, w, 13 + (n % 3), 10);
                n++;
              }
            }
            t.complete((System.nanoTime() - t0) / 1e3 / n);
          });
      System.out.printf("round %d: %.1f us per glance%n", round, t.get());
    }
    Platform.exit();
  }
}
