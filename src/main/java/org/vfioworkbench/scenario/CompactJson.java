package org.vfioworkbench.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * Pretty-prints JSON the way people write scenarios by hand: two-space indentation, one member per
 * line, but small objects and arrays of plain values kept on one line when they fit in 100 columns.
 */
final class CompactJson {

  static final int WIDTH = 100;
  private static final String INDENT = "  ";

  private final ObjectMapper mapper;
  private final StringBuilder out = new StringBuilder();

  private CompactJson(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  static String write(ObjectMapper mapper, JsonNode root) {
    CompactJson w = new CompactJson(mapper);
    w.block(root, 0);
    return w.out.append('\n').toString();
  }

  private void value(JsonNode node, int depth, int used) {
    String inline = inline(node);
    if (inline != null && depth * INDENT.length() + used + inline.length() <= WIDTH) {
      out.append(inline);
    } else {
      block(node, depth);
    }
  }

  private void block(JsonNode node, int depth) {
    if (node.isObject() && node.size() > 0) {
      out.append("{\n");
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = scalar(mapper.getNodeFactory().textNode(e.getKey())) + ": ";
        indent(depth + 1).append(key);
        value(e.getValue(), depth + 1, key.length() + (it.hasNext() ? 1 : 0));
        out.append(it.hasNext() ? ",\n" : "\n");
      }
      indent(depth).append('}');
    } else if (node.isArray() && node.size() > 0) {
      out.append("[\n");
      for (int i = 0; i < node.size(); i++) {
        indent(depth + 1);
        value(node.get(i), depth + 1, i + 1 < node.size() ? 1 : 0);
        out.append(i + 1 < node.size() ? ",\n" : "\n");
      }
      indent(depth).append(']');
    } else {
      out.append(inline(node));
    }
  }

  /** The one-line form, or null when the node holds objects or arrays nested too deep for it. */
  private String inline(JsonNode node) {
    if (node.isObject()) {
      StringBuilder b = new StringBuilder("{");
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode v = e.getValue();
        if (v.isObject() && v.size() > 0 || v.isArray() && !allScalars(v)) {
          return null;
        }
        b.append(scalar(mapper.getNodeFactory().textNode(e.getKey())))
            .append(": ")
            .append(inline(v));
        if (it.hasNext()) {
          b.append(", ");
        }
      }
      return b.append('}').toString();
    }
    if (node.isArray()) {
      if (!allScalars(node)) {
        return null;
      }
      StringBuilder b = new StringBuilder("[");
      for (int i = 0; i < node.size(); i++) {
        b.append(i > 0 ? ", " : "").append(scalar(node.get(i)));
      }
      return b.append(']').toString();
    }
    return scalar(node);
  }

  private static boolean allScalars(JsonNode array) {
    for (JsonNode n : array) {
      if (n.isContainerNode() && n.size() > 0) {
        return false;
      }
    }
    return true;
  }

  private String scalar(JsonNode node) {
    if (node.isContainerNode()) {
      return node.isObject() ? "{}" : "[]";
    }
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON scalar always serialises", e);
    }
  }

  private StringBuilder indent(int depth) {
    return out.append(INDENT.repeat(depth));
  }
}
