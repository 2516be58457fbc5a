package org.vfioworkbench.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Generates malformed scenario files from the valid samples, one mutation per case, reproducible
 * from its seed. {@link Case#mustFail()} says whether the mutation always yields an invalid file.
 */
final class MalformedScenarios {

  /** The kinds of damage. */
  enum Kind {
    TRUNCATED(true),
    WRONG_TYPE(true),
    UNKNOWN_FIELD(true),
    DUPLICATE(true),
    DANGLING_REFERENCE(true),
    BRIDGE_CYCLE(true),
    ABSURD_NUMBER(true),
    RANDOM_EDIT(false),
    NULL_OR_MISSING(false);

    final boolean mustFail;

    Kind(boolean mustFail) {
      this.mustFail = mustFail;
    }
  }

  /** One generated file. */
  record Case(Kind kind, long seed, String base, String what, String text) {
    boolean mustFail() {
      return kind.mustFail;
    }

    String name() {
      return kind + "-" + seed + ".json";
    }
  }

  /** One spot in a JSON tree: a container and the key or index of a value in it. */
  private record Spot(JsonNode parent, String key, int index, JsonNode value, String path) {
    void set(JsonNode v) {
      if (parent instanceof ObjectNode o) {
        o.set(key, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String GHOST_BDF = "0000:ee:1f.7";

  /** Every field name the format knows; generated unknown names avoid them. */
  private static final Set<String> KNOWN =
      Set.of(
          "format",
          "name",
          "description",
          "profile",
          "host",
          "buses",
          "slots",
          "functions",
          "groups",
          "containers",
          "iommufds",
          "holders",
          "bindOrder",
          "expect",
          "noIommuMode",
          "cdev",
          "bus",
          "bridge",
          "device",
          "reset",
          "bdf",
          "header",
          "driver",
          "vfioVariant",
          "group",
          "noiommu",
          "vendor",
          "class",
          "physfn",
          "quirks",
          "conditions",
          "id",
          "type",
          "pid",
          "capSysRawio",
          "files",
          "fd",
          "container",
          "iommufd",
          "devid",
          "other",
          "inferred",
          "row",
          "about",
          "caller",
          "holder",
          "info",
          "open",
          "result",
          "argsz",
          "fds",
          "empty",
          "natural",
          "flags",
          "failed",
          "ret",
          "errno",
          "count",
          "devices",
          "decidedBy");

  private final List<String> bases;
  private final List<String> names;

  MalformedScenarios(List<String> names, List<String> bases) {
    this.names = names;
    this.bases = bases;
  }

  Case generate(Kind kind, long seed) {
    Random rnd = new Random(seed * 31 + kind.ordinal());
    int pick = rnd.nextInt(bases.size());
    String text = bases.get(pick);
    String[] what = {""};
    String out =
        switch (kind) {
          case TRUNCATED -> {
            int end = text.lastIndexOf('}');
            int cut = rnd.nextInt(end);
            what[0] = "cut at " + cut;
            yield text.substring(0, cut);
          }
          case RANDOM_EDIT -> randomEdit(text, rnd, what);
          default -> mutateTree(kind, text, rnd, what);
        };
    return new Case(kind, seed, names.get(pick), what[0], out);
  }

  private static String randomEdit(String text, Random rnd, String[] what) {
    StringBuilder b = new StringBuilder(text);
    int edits = 1 + rnd.nextInt(3);
    String alphabet = "{}[]:,\"0123456789abcdef.-xyz \n";
    for (int i = 0; i < edits && b.length() > 1; i++) {
      int at = rnd.nextInt(b.length());
      char c = alphabet.charAt(rnd.nextInt(alphabet.length()));
      switch (rnd.nextInt(3)) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, c);
        default -> b.setCharAt(at, c);
      }
      what[0] += "edit@" + at + " ";
    }
    return b.toString();
  }

  private String mutateTree(Kind kind, String text, Random rnd, String[] what) {
    ObjectNode root;
    try {
      root = (ObjectNode) MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("samples are valid JSON", e);
    }
    List<Spot> spots = new ArrayList<>();
    collect(root, "$", spots);
    switch (kind) {
      case WRONG_TYPE -> wrongType(spots, rnd, what);
      case UNKNOWN_FIELD -> unknownField(root, spots, rnd, what);
      case DUPLICATE -> duplicate(root, rnd, what);
      case DANGLING_REFERENCE -> dangling(spots, rnd, what);
      case BRIDGE_CYCLE -> bridgeCycle(root, rnd, what);
      case ABSURD_NUMBER -> absurd(spots, rnd, what);
      case NULL_OR_MISSING -> nullOrMissing(spots, rnd, what);
      default -> throw new IllegalArgumentException(kind.name());
    }
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void wrongType(List<Spot> spots, Random rnd, String[] what) {
    List<Spot> candidates =
        spots.stream().filter(s -> !s.value().isNull() && !"devid".equals(s.key())).toList();
    Spot s = candidates.get(rnd.nextInt(candidates.size()));
    List<JsonNode> pool =
        new ArrayList<>(
            List.of(
                NODES.textNode("x"),
                NODES.numberNode(7),
                NODES.numberNode(1.5),
                NODES.booleanNode(true),
                NODES.objectNode(),
                NODES.arrayNode()));
    pool.removeIf(
        v ->
            v.getNodeType() == s.value().getNodeType()
                && v.isIntegralNumber() == s.value().isIntegralNumber());
    JsonNode v = pool.get(rnd.nextInt(pool.size()));
    what[0] = s.path() + " := " + v;
    s.set(v);
  }

  private static void unknownField(ObjectNode root, List<Spot> spots, Random rnd, String[] what) {
    List<ObjectNode> objects = new ArrayList<>();
    objects.add(root);
    spots.stream()
        .filter(s -> s.value().isObject() && !"devid".equals(s.key()))
        .forEach(s -> objects.add((ObjectNode) s.value()));
    ObjectNode o = objects.get(rnd.nextInt(objects.size()));
    List<String> keys = new ArrayList<>();
    o.fieldNames().forEachRemaining(keys::add);
    if (!keys.isEmpty() && rnd.nextBoolean()) {
      String key = keys.get(rnd.nextInt(keys.size()));
      String typo = typo(key, rnd);
      if (!KNOWN.contains(typo) && !o.has(typo)) {
        JsonNode v = o.remove(key);
        o.set(typo, v);
        what[0] = "renamed " + key + " to " + typo;
        return;
      }
    }
    String name = "zz_" + Integer.toString(rnd.nextInt(1 << 20), 36);
    o.put(name, rnd.nextInt(100));
    what[0] = "added " + name;
  }

  private static String typo(String key, Random rnd) {
    StringBuilder b = new StringBuilder(key);
    int at = rnd.nextInt(b.length());
    switch (rnd.nextInt(3)) {
      case 0 -> b.deleteCharAt(at);
      case 1 -> b.insert(at, (char) ('a' + rnd.nextInt(26)));
      default -> b.setCharAt(at, (char) ('a' + rnd.nextInt(26)));
    }
    return b.toString();
  }

  private static void duplicate(ObjectNode root, Random rnd, String[] what) {
    List<Consumer<String[]>> ways = new ArrayList<>();
    ways.add(w -> duplicateElement(root.withArray("functions"), rnd, w, "function"));
    ways.add(w -> duplicateElement(root.withArray("buses"), rnd, w, "bus"));
    ways.add(w -> duplicateElement(root.withArray("holders"), rnd, w, "holder"));
    for (JsonNode h : root.withArray("holders")) {
      if (h.path("files").size() > 0) {
        ways.add(
            w -> duplicateElement((ArrayNode) h.get("files"), rnd, w, "file of " + h.get("name")));
      }
    }
    if (root.path("slots").size() > 0) {
      ways.add(w -> duplicateElement(root.withArray("slots"), rnd, w, "slot"));
    }
    if (root.path("bindOrder").size() > 0) {
      ways.add(w -> duplicateElement(root.withArray("bindOrder"), rnd, w, "bindOrder entry"));
    }
    ways.get(rnd.nextInt(ways.size())).accept(what);
  }

  private static void duplicateElement(ArrayNode array, Random rnd, String[] what, String label) {
    JsonNode copy = array.get(rnd.nextInt(array.size())).deepCopy();
    array.insert(rnd.nextInt(array.size() + 1), copy);
    what[0] = "duplicated a " + label;
  }

  private static void dangling(List<Spot> spots, Random rnd, String[] what) {
    List<Spot> refs = new ArrayList<>();
    for (Spot s : spots) {
      String p = s.path();
      boolean file = p.matches("\\$\\.holders\\[\\d+]\\.files\\[\\d+]\\.[a-z]+");
      boolean groupFile = file && s.parent().has("group");
      boolean cdevFile = file && s.parent().has("cdev");
      if (file && s.key().equals("group")
          || file && s.key().equals("container") && groupFile
          || file && s.key().equals("iommufd") && (groupFile || cdevFile)
          || file && (s.key().equals("device") || s.key().equals("cdev"))
          || p.matches("\\$\\.buses\\[\\d+]\\.bridge")
          || p.matches("\\$\\.slots\\[\\d+]\\.bus")
          || p.matches("\\$\\.functions\\[\\d+]\\.physfn")
          || p.matches("\\$\\.bindOrder\\[\\d+]")) {
        refs.add(s);
      }
    }
    Spot s = refs.get(rnd.nextInt(refs.size()));
    JsonNode ghost;
    if (s.value().isInt()) {
      ghost = NODES.numberNode(9999);
    } else if (s.key() != null
        && (s.key().equals("container") || s.key().equals("iommufd") || s.key().equals("holder"))) {
      ghost = NODES.textNode("nobody-" + rnd.nextInt(100));
    } else if (s.path().endsWith(".bus")) {
      ghost = NODES.textNode("0000:ee");
    } else {
      ghost = NODES.textNode(GHOST_BDF);
    }
    what[0] = s.path() + " := " + ghost;
    s.set(ghost);
  }

  private static void bridgeCycle(ObjectNode root, Random rnd, String[] what) {
    ArrayNode buses = root.withArray("buses");
    List<ObjectNode> bridged = new ArrayList<>();
    buses.forEach(
        b -> {
          if (b.has("bridge")) {
            bridged.add((ObjectNode) b);
          }
        });
    boolean self = bridged.isEmpty() || rnd.nextBoolean();
    ObjectNode bus =
        self
            ? (ObjectNode) buses.get(rnd.nextInt(buses.size()))
            : bridged.get(rnd.nextInt(bridged.size()));
    String b = bus.get("bus").asText();
    String newBridge = b + ":1f.0";
    ObjectNode f = root.withArray("functions").addObject();
    f.put("bdf", newBridge);
    f.put("header", "bridge");
    if (self) {
      bus.put("bridge", newBridge);
      what[0] = "bus " + b + " behind its own " + newBridge;
      return;
    }
    String parentBus = bus.get("bridge").asText().substring(0, 7);
    for (JsonNode other : buses) {
      if (other.get("bus").asText().equals(parentBus)) {
        ((ObjectNode) other).put("bridge", newBridge);
      }
    }
    what[0] = "bus " + parentBus + " behind " + newBridge + " on bus " + b;
  }

  private static void absurd(List<Spot> spots, Random rnd, String[] what) {
    List<Spot> numbers = spots.stream().filter(s -> s.value().isIntegralNumber()).toList();
    List<Spot> bdfs =
        spots.stream()
            .filter(
                s ->
                    s.value().isTextual()
                        && s.value()
                            .asText()
                            .matches("[0-9a-f]{4}:[0-9a-f]{2}:[0-9a-f]{2}\\.[0-7]"))
            .toList();
    if (rnd.nextBoolean() || bdfs.isEmpty()) {
      Spot s = numbers.get(rnd.nextInt(numbers.size()));
      JsonNode[] pool = {
        NODES.numberNode(new BigInteger("99999999999999999999999")),
        NODES.numberNode(new BigInteger("-99999999999999999999")),
        NODES.numberNode(1e308)
      };
      JsonNode v = pool[rnd.nextInt(pool.length)];
      what[0] = s.path() + " := " + v;
      s.set(v);
    } else {
      Spot s = bdfs.get(rnd.nextInt(bdfs.size()));
      String[] pool = {
        "0000:02:20.0",
        "100000000:00:00.0",
        "0000:100:00.0",
        "0000:02:00.8",
        "0000:02:00",
        "-1:02:00.0"
      };
      String v = pool[rnd.nextInt(pool.length)];
      what[0] = s.path() + " := " + v;
      s.set(NODES.textNode(v));
    }
  }

  private static void nullOrMissing(List<Spot> spots, Random rnd, String[] what) {
    Spot s = spots.get(rnd.nextInt(spots.size()));
    if (s.parent() instanceof ObjectNode o && rnd.nextBoolean()) {
      o.remove(s.key());
      what[0] = "removed " + s.path();
    } else {
      s.set(NODES.nullNode());
      what[0] = s.path() + " := null";
    }
  }

  private static void collect(JsonNode node, String path, List<Spot> out) {
    if (node.isObject()) {
      Iterator<String> it = node.fieldNames();
      while (it.hasNext()) {
        String k = it.next();
        JsonNode v = node.get(k);
        String p = JsonLocationIndex.child(path, k);
        out.add(new Spot(node, k, -1, v, p));
        collect(v, p, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String p = JsonLocationIndex.element(path, i);
        out.add(new Spot(node, null, i, node.get(i), p));
        collect(node.get(i), p, out);
      }
    }
  }
}
