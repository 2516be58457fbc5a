package org.vfioworkbench.ui.explorer;

import java.util.List;
import java.util.Objects;
import org.vfioworkbench.ui.state.ElementRef;

/**
 * One row of the Topology Explorer, as data: label, a secondary detail, the element it selects
 * (none for pure headings) and its children.
 */
public record TreeEntry(String label, String detail, ElementRef ref, List<TreeEntry> children) {

  public TreeEntry {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(detail, "detail");
    children = List.copyOf(children);
  }

  public static TreeEntry leaf(String label, String detail, ElementRef ref) {
    return new TreeEntry(label, detail, ref, List.of());
  }

  /**
   * The entry with only the descendants whose label or detail contains {@code text}; an entry that
   * matches keeps all its children. Null when nothing matches.
   */
  public TreeEntry filtered(String text) {
    if (text == null || text.isBlank()) {
      return this;
    }
    String needle = text.toLowerCase(java.util.Locale.ROOT);
    if (label.toLowerCase(java.util.Locale.ROOT).contains(needle)
        || detail.toLowerCase(java.util.Locale.ROOT).contains(needle)) {
      return this;
    }
    List<TreeEntry> kept =
        children.stream().map(c -> c.filtered(text)).filter(Objects::nonNull).toList();
    return kept.isEmpty() ? null : new TreeEntry(label, detail, ref, kept);
  }

  /** Depth-first search for the entry selecting {@code target}. */
  public List<TreeEntry> pathTo(ElementRef target) {
    if (target == null) {
      return List.of();
    }
    if (target.equals(ref)) {
      return List.of(this);
    }
    for (TreeEntry c : children) {
      List<TreeEntry> p = c.pathTo(target);
      if (!p.isEmpty()) {
        java.util.ArrayList<TreeEntry> out = new java.util.ArrayList<>();
        out.add(this);
        out.addAll(p);
        return out;
      }
    }
    return List.of();
  }
}
