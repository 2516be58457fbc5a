package org.vfioworkbench.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where every value of a JSON document starts (line and column), keyed by JSON path ({@code
 * $.holders[1].files[2].group}), built by streaming the document once. Lets checks that run after
 * data binding point at the exact place in the file.
 *
 * <p>A {@link #lazy} index streams the document only when first asked, so a file without a problem
 * (and without expectations to place) never pays for a path per value: on a 50,000-function file
 * that was most of the loader's allocation.
 */
final class JsonLocationIndex {

  /** Where a value starts and what kind of token starts it. */
  record Position(String path, int line, int column, JsonToken token) {}

  private final Map<String, Position> byPath = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();
  private final List<Position> inOrder = new ArrayList<>();
  private final JsonFactory factory;
  private final byte[] content;
  private boolean built;
  private Problem syntaxError;

  private JsonLocationIndex(JsonFactory factory, byte[] content) {
    this.factory = factory;
    this.content = content;
  }

  /**
   * An index of {@code content} streamed on its first question; a syntax error becomes a {@link
   * Problem} at the path being read, with the parser's location, thrown by that question (and by
   * every later one).
   */
  static JsonLocationIndex lazy(JsonFactory factory, byte[] content) {
    return new JsonLocationIndex(factory, content);
  }

  private void ensureBuilt() {
    if (syntaxError != null) {
      throw syntaxError;
    }
    if (built) {
      return;
    }
    try {
      stream();
      built = true;
    } catch (Problem p) {
      syntaxError = p;
      throw p;
    }
  }

  private void stream() {
    Deque<Frame> frames = new ArrayDeque<>();
    try (JsonParser p = factory.createParser(content)) {
      JsonToken token;
      while ((token = nextToken(p, frames)) != null) {
        switch (token) {
          case FIELD_NAME -> {
            frames.peek().field = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            String path = pathOf(frames);
            keys.putIfAbsent(path, new Position(path, at.getLineNr(), at.getColumnNr(), token));
          }
          case END_OBJECT, END_ARRAY -> frames.pop();
          default -> {
            Frame top = frames.peek();
            if (top != null && top.array) {
              top.index++;
            }
            String path = pathOf(frames);
            add(path, p.currentTokenLocation(), token);
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
              frames.push(new Frame(token == JsonToken.START_ARRAY, path));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
  }

  private static JsonToken nextToken(JsonParser p, Deque<Frame> frames) throws IOException {
    try {
      return p.nextToken();
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new Problem(
          pathOf(frames),
          JacksonProblems.syntaxMessage(e),
          at == null ? 0 : at.getLineNr(),
          at == null ? 0 : at.getColumnNr());
    }
  }

  private void add(String path, JsonLocation at, JsonToken token) {
    Position pos = new Position(path, at.getLineNr(), at.getColumnNr(), token);
    byPath.putIfAbsent(path, pos);
    inOrder.add(pos);
  }

  /** Where the value at {@code path} starts, or the nearest enclosing value that exists. */
  Optional<Position> find(String path) {
    ensureBuilt();
    String p = path;
    while (true) {
      Position pos = byPath.get(p);
      if (pos != null) {
        return Optional.of(pos);
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) {
        return Optional.ofNullable(byPath.get("$"));
      }
      p = p.substring(0, cut);
    }
  }

  /** Where the key of the member at exactly {@code path} starts, if there is one. */
  Optional<Position> key(String path) {
    ensureBuilt();
    return Optional.ofNullable(keys.get(path));
  }

  /** The token that starts the value at exactly {@code path}, if there is one. */
  Optional<JsonToken> tokenAt(String path) {
    ensureBuilt();
    return Optional.ofNullable(byPath.get(path)).map(Position::token);
  }

  /** The last value starting at or before {@code line}:{@code column}. */
  Optional<Position> at(int line, int column) {
    ensureBuilt();
    Position best = null;
    for (Position pos : inOrder) {
      if (pos.line() < line || pos.line() == line && pos.column() <= column) {
        best = pos;
      } else {
        break;
      }
    }
    return Optional.ofNullable(best);
  }

  /** {@code $}, {@code $.a}, {@code $.a[2]}, {@code $['odd key']}. */
  static String child(String parent, String field) {
    if (isPlainName(field)) {
      return parent + "." + field;
    }
    return parent + "['" + field.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** {@code [A-Za-z_][A-Za-z0-9_]*}, checked without a regular expression (once per value). */
  private static boolean isPlainName(String field) {
    if (field.isEmpty()) {
      return false;
    }
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_';
      if (!letter && (i == 0 || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /**
   * The path of the value being read: the innermost open container's own path (kept in its frame,
   * so a token costs one concatenation, not one per level) and the member or element being read.
   */
  private static String pathOf(Deque<Frame> frames) {
    Frame f = frames.peek();
    if (f == null) {
      return "$";
    }
    if (f.array) {
      return f.index >= 0 ? element(f.path, f.index) : f.path;
    }
    return f.field != null ? child(f.path, f.field) : f.path;
  }

  /** One open object or array while streaming, with its own path. */
  private static final class Frame {
    final boolean array;
    final String path;
    int index = -1;
    String field;

    Frame(boolean array, String path) {
      this.array = array;
      this.path = path;
    }
  }
}
