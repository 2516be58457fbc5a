package org.vfioworkbench.ui.hostgraph;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.vfioworkbench.engine.Analysis;
import org.vfioworkbench.engine.plan.GraphExport;
import org.vfioworkbench.engine.plan.HostGraph;
import org.vfioworkbench.io.AtomicFiles;

/** Writes the host graph of an analysis as DOT or GraphML, atomically (temp file, then move). */
public final class HostGraphFiles {

  private HostGraphFiles() {}

  /** Writes {@code analysis}'s host graph to {@code file} in {@code format}. */
  public static void write(Analysis analysis, GraphExport.Format format, Path file)
      throws IOException {
    StringWriter out = new StringWriter();
    GraphExport.write(HostGraph.of(analysis), format, out);
    AtomicFiles.write(file, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** "Graphviz DOT" or "GraphML", for file choosers. */
  public static String describe(GraphExport.Format format) {
    return format == GraphExport.Format.DOT ? "Graphviz DOT" : "GraphML";
  }

  /** The usual file extension, without the dot. */
  public static String extension(GraphExport.Format format) {
    return format.name().toLowerCase(Locale.ROOT);
  }
}
