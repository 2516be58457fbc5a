package org.vfioworkbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutators for the fuzz suite: byte-level damage to any file, and structure-aware damage to
 * scenario files and captures (numbers beyond every range, names no kernel writes, control
 * characters, nulls, wrong types, deleted and duplicated parts). Same seed, same mutation.
 */
final class FuzzMutators {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory N = JsonNodeFactory.instance;

  /** Values a hostile file puts where a number or a name belongs. */
  private static final String[] ODD_TEXT = {
    "99999999999",
    "-1",
    "-5",
    "03",
    "0x10",
    "",
    " 1",
    "1 ",
    "1\u0000",
    "\u001b[31m",
    "..",
    "../../..",
    "/",
    "0000:00:00.0 ",
    " 0000:00:00.0",
    "ffff:ff:1f.7",
    "10000:00:00.0",
    "0000:100:00.0",
    "0000:00:20.0",
    "0000:00:00.8",
    "noiommu-99999999999",
    "vfio",
    "\n",
    "2147483648",
    "4294967296",
    "-2147483649",
    "1e400",
    "NaN",
    "\ud800",
    "é",
    "a".repeat(300)
  };

  private static final long[] ODD_NUMBERS = {
    -1,
    0,
    1,
    255,
    256,
    65535,
    65536,
    Integer.MAX_VALUE,
    Integer.MIN_VALUE,
    99999999999L,
    Long.MAX_VALUE,
    Long.MIN_VALUE
  };

  private final Random random;

  FuzzMutators(long seed) {
    this.random = new Random(seed);
  }

  /** Flips, drops, duplicates or inserts bytes, or truncates. */
  byte[] bytes(byte[] in) {
    byte[] b = in.clone();
    int edits = 1 + random.nextInt(4);
    for (int k = 0; k < edits && b.length > 0; k++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(5)) {
        case 0 -> b[at] = (byte) random.nextInt(256);
        case 1 -> b = splice(b, at, 1 + random.nextInt(Math.min(16, b.length - at)), new byte[0]);
        case 2 -> b = splice(b, at, 0, pick(ODD_TEXT).getBytes(StandardCharsets.UTF_8));
        case 3 -> b = java.util.Arrays.copyOf(b, at);
        default -> b[at] = (byte) "{}[]\",:0-\\n".charAt(random.nextInt(11));
      }
    }
    return b;
  }

  /** A structure-aware mutation of a JSON document (a scenario or a capture). */
  byte[] json(byte[] in) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (Exception e) {
      return bytes(in);
    }
    int edits = 1 + random.nextInt(3);
    for (int k = 0; k < edits; k++) {
      List<JsonNode> containers = new ArrayList<>();
      collect(root, containers);
      JsonNode target = containers.get(random.nextInt(containers.size()));
      mutate(target);
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (Exception e) {
      return in;
    }
  }

  private void collect(JsonNode n, List<JsonNode> out) {
    if (n.isContainerNode()) {
      out.add(n);
      n.forEach(c -> collect(c, out));
    }
  }

  private void mutate(JsonNode container) {
    if (container instanceof ObjectNode o) {
      List<String> keys = new ArrayList<>();
      o.fieldNames().forEachRemaining(keys::add);
      if (keys.isEmpty()) {
        o.set(pick(ODD_TEXT), odd());
        return;
      }
      String key = keys.get(random.nextInt(keys.size()));
      switch (random.nextInt(6)) {
        case 0 -> o.remove(key);
        case 1 -> o.set(key, odd());
        case 2 -> o.set(key, N.nullNode());
        case 3 -> {
          JsonNode v = o.remove(key);
          o.set(oddName(key), v);
        }
        case 4 -> o.set(oddName(key), o.get(key).deepCopy());
        default -> o.set(key, oddValueLike(o.get(key)));
      }
    } else if (container instanceof ArrayNode a) {
      if (a.isEmpty()) {
        a.add(odd());
        return;
      }
      int at = random.nextInt(a.size());
      switch (random.nextInt(5)) {
        case 0 -> a.remove(at);
        case 1 -> a.add(a.get(at).deepCopy());
        case 2 -> a.set(at, odd());
        case 3 -> a.insert(at, N.textNode(pick(ODD_TEXT)));
        default -> a.set(at, oddValueLike(a.get(at)));
      }
    }
  }

  /** A name like {@code key} but odd: a capture path with a hostile last component. */
  private String oddName(String key) {
    if (key.startsWith("/") && random.nextBoolean()) {
      return key.substring(0, key.lastIndexOf('/') + 1) + pick(ODD_TEXT);
    }
    return key + pick(ODD_TEXT);
  }

  private JsonNode oddValueLike(JsonNode v) {
    if (v != null && v.isTextual()) {
      String t = v.asText();
      return switch (random.nextInt(4)) {
        case 0 -> N.textNode(pick(ODD_TEXT));
        case 1 -> N.textNode(t + pick(ODD_TEXT));
        case 2 -> N.textNode(t.isEmpty() ? t : t.substring(0, random.nextInt(t.length())));
        default -> N.numberNode(pick(ODD_NUMBERS));
      };
    }
    if (v != null && v.isNumber()) {
      return random.nextBoolean() ? N.numberNode(pick(ODD_NUMBERS)) : N.textNode(v.asText());
    }
    return odd();
  }

  private JsonNode odd() {
    return switch (random.nextInt(7)) {
      case 0 -> N.textNode(pick(ODD_TEXT));
      case 1 -> N.numberNode(pick(ODD_NUMBERS));
      case 2 -> N.nullNode();
      case 3 -> N.booleanNode(random.nextBoolean());
      case 4 -> N.arrayNode().add(pick(ODD_TEXT));
      case 5 -> N.objectNode().put("dir", pick(ODD_TEXT));
      default -> N.objectNode().set("dir", N.arrayNode().add(pick(ODD_TEXT)));
    };
  }

  /** A capture-specific mutation: one entry renamed, retyped or pointed somewhere odd. */
  byte[] capture(byte[] in) {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (Exception e) {
      return bytes(in);
    }
    ObjectNode entries = (ObjectNode) root.get("entries");
    List<String> paths = new ArrayList<>();
    entries.fieldNames().forEachRemaining(paths::add);
    int edits = 1 + random.nextInt(3);
    for (int k = 0; k < edits; k++) {
      String p = paths.get(random.nextInt(paths.size()));
      JsonNode e = entries.get(p);
      if (e == null) {
        continue;
      }
      switch (random.nextInt(6)) {
        case 0 -> {
          if (e.has("dir")) {
            ((ArrayNode) e.get("dir")).add(pick(ODD_TEXT));
          } else {
            entries.set(p, N.objectNode().set("dir", N.arrayNode().add(pick(ODD_TEXT))));
          }
        }
        case 1 -> entries.set(p, N.objectNode().put("link", oddLink()));
        case 2 -> entries.set(p, N.objectNode().put("text", pick(ODD_TEXT) + "\n"));
        case 3 ->
            entries.set(
                p,
                N.objectNode()
                    .put(
                        "error",
                        new String[] {"EACCES", "ENOENT", "EIO", "ENOTDIR", "EINVAL"}
                            [random.nextInt(5)]));
        case 4 -> entries.remove(p);
        default -> {
          String parent = p.substring(0, Math.max(1, p.lastIndexOf('/')));
          String child = pick(ODD_TEXT);
          JsonNode dir = entries.get(parent);
          if (dir != null && dir.has("dir") && dir.get("dir").isArray()) {
            ((ArrayNode) dir.get("dir")).add(child);
          }
          entries.set(
              parent + "/" + child,
              random.nextBoolean()
                  ? N.objectNode().put("link", oddLink())
                  : N.objectNode().put("text", pick(ODD_TEXT)));
        }
      }
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (Exception ex) {
      return in;
    }
  }

  private String oddLink() {
    String[] targets = {
      "/dev/vfio/" + pick(ODD_TEXT),
      "/dev/vfio/devices/" + pick(ODD_TEXT),
      "/dev/vfio/vfio",
      "/dev/iommu",
      "anon_inode:[vfio-device]",
      "../../../kernel/iommu_groups/" + pick(ODD_TEXT),
      "../" + pick(ODD_TEXT),
      "/",
      ".",
      "..",
      "../../../devices/pci0000:00/" + pick(ODD_TEXT),
      "/sys/bus/pci/devices",
      pick(ODD_TEXT)
    };
    return targets[random.nextInt(targets.length)];
  }

  private String pick(String[] a) {
    return a[random.nextInt(a.length)];
  }

  private long pick(long[] a) {
    return a[random.nextInt(a.length)];
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }
}
