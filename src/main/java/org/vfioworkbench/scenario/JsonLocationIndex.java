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
import java.util.regex.Pattern;

/**
 * Where every value of a JSON document starts (line and column), keyed by JSON path ({@code
 * $.holders[1].files[2].group}), built by streaming the document once. Lets checks that run after
 * data binding point at the exact place in the file.
 */
final class JsonLocationIndex {

  /** Where a value starts and what kind of token starts it. */
  record Position(String path, int line, int column, JsonToken token) {}

  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Map<String, Position> byPath = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();
  private final List<Position> inOrder = new ArrayList<>();

  private JsonLocationIndex() {}

  /**
   * Streams {@code content}; a syntax error becomes a {@link Problem} at the path being read, with
   * the parser's location.
   */
  static JsonLocationIndex build(JsonFactory factory, byte[] content) {
    JsonLocationIndex index = new JsonLocationIndex();
    Deque<Frame> frames = new ArrayDeque<>();
    try (JsonParser p = factory.createParser(content)) {
      JsonToken token;
      while ((token = nextToken(p, frames)) != null) {
        switch (token) {
          case FIELD_NAME -> {
            frames.peek().field = p.currentName();
            JsonLocation at = p.currentTokenLocation();
            String path = pathOf(frames);
            index.keys.putIfAbsent(
                path, new Position(path, at.getLineNr(), at.getColumnNr(), token));
          }
          case END_OBJECT, END_ARRAY -> frames.pop();
          default -> {
            Frame top = frames.peek();
            if (top != null && top.array) {
              top.index++;
            }
            index.add(pathOf(frames), p.currentTokenLocation(), token);
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
              frames.push(new Frame(token == JsonToken.START_ARRAY));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
    return index;
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
    return Optional.ofNullable(keys.get(path));
  }

  /** The token that starts the value at exactly {@code path}, if there is one. */
  Optional<JsonToken> tokenAt(String path) {
    return Optional.ofNullable(byPath.get(path)).map(Position::token);
  }

  /** The last value starting at or before {@code line}:{@code column}. */
  Optional<Position> at(int line, int column) {
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
    if (PLAIN_NAME.matcher(field).matches()) {
      return parent + "." + field;
    }
    return parent + "['" + field.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  private static String pathOf(Deque<Frame> frames) {
    String path = "$";
    var it = frames.descendingIterator();
    while (it.hasNext()) {
      Frame f = it.next();
      if (f.array) {
        if (f.index >= 0) {
          path = element(path, f.index);
        }
      } else if (f.field != null) {
        path = child(path, f.field);
      }
    }
    return path;
  }

  /** One open object or array while streaming. */
  private static final class Frame {
    final boolean array;
    int index = -1;
    String field;

    Frame(boolean array) {
      this.array = array;
    }
  }
}
