package org.vfioworkbench.ui.docking;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The window layout as data: which region each view is docked in (or closed), in order, and the
 * divider positions. Saved as a properties file between runs (written to a temp file, then moved).
 *
 * @param places each view's region, null for a closed view
 * @param order the views in tab order
 * @param dividers divider positions of the horizontal and vertical splits
 */
public record DockLayout(Map<ViewId, ViewId.Region> places, List<ViewId> order, double[] dividers) {

  public static DockLayout defaults() {
    Map<ViewId, ViewId.Region> p = new EnumMap<>(ViewId.class);
    for (ViewId v : ViewId.values()) {
      p.put(v, v.home());
    }
    return new DockLayout(p, List.of(ViewId.values()), new double[] {0.15, 0.78, 0.60, 0.46});
  }

  /** Reads a saved layout; a missing or unreadable file gives the default layout. */
  public static DockLayout load(Path file) {
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
      Map<ViewId, ViewId.Region> places = new EnumMap<>(ViewId.class);
      List<ViewId> order = new ArrayList<>();
      for (String id : p.getProperty("order", "").split(",")) {
        for (ViewId v : ViewId.values()) {
          if (v.id().equals(id)) {
            order.add(v);
          }
        }
      }
      for (ViewId v : ViewId.values()) {
        String where = p.getProperty("view." + v.id(), v.home().name());
        places.put(v, where.equals("CLOSED") ? null : ViewId.Region.valueOf(where));
        if (!order.contains(v)) {
          order.add(v);
        }
      }
      String[] d = p.getProperty("dividers", "0.18,0.76,0.62,0.5").split(",");
      double[] dividers = new double[d.length];
      for (int i = 0; i < d.length; i++) {
        dividers[i] = Double.parseDouble(d[i]);
      }
      return new DockLayout(places, order, dividers);
    } catch (IOException | IllegalArgumentException e) {
      return defaults();
    }
  }

  /** Writes the layout atomically. */
  public void save(Path file) throws IOException {
    Properties p = new Properties();
    List<String> ids = new ArrayList<>();
    order.forEach(v -> ids.add(v.id()));
    p.setProperty("order", String.join(",", ids));
    for (ViewId v : ViewId.values()) {
      ViewId.Region r = places.get(v);
      p.setProperty("view." + v.id(), r == null ? "CLOSED" : r.name());
    }
    StringBuilder d = new StringBuilder();
    for (double x : dividers) {
      d.append(d.length() == 0 ? "" : ",").append(x);
    }
    p.setProperty("dividers", d.toString());
    Files.createDirectories(file.getParent());
    java.io.StringWriter w = new java.io.StringWriter();
    p.store(w, "VFIO Workbench window layout");
    org.vfioworkbench.io.AtomicFiles.write(
        file, w.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
