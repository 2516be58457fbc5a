package org.vfioworkbench.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns Jackson's exceptions into {@link Problem}s with a JSON path and words for users. */
final class JacksonProblems {

  /** A location Jackson writes into its own message, with its "Source: REDACTED …" preamble. */
  private static final Pattern EMBEDDED_SOURCE =
      Pattern.compile("\\[Source: [^;\\]]*; line: (\\d+), column: (\\d+)\\]");

  private JacksonProblems() {}

  /** The words for a syntax error found while streaming. */
  static String syntaxMessage(JsonProcessingException e) {
    String original = clean(e.getOriginalMessage());
    if (e instanceof JsonEOFException) {
      return "the file ends before the JSON document is complete (" + original + ")";
    }
    if (original.startsWith("Duplicate field '")) {
      String name = original.substring("Duplicate field '".length(), original.length() - 1);
      return "the field \"" + name + "\" appears twice in this object";
    }
    return "JSON syntax error: " + original;
  }

  /** A problem for an exception thrown while binding the document to the DTO records. */
  static Problem fromBinding(JsonProcessingException e, JsonLocationIndex index) {
    JsonLocation at = e.getLocation();
    int line = at == null ? 0 : at.getLineNr();
    int column = at == null ? 0 : at.getColumnNr();
    String path =
        e instanceof JsonMappingException m
            ? pathOf(m.getPath())
            : index.at(line, column).map(JsonLocationIndex.Position::path).orElse("$");
    return new Problem(path, bindingMessage(e, path, index), line, column);
  }

  private static String bindingMessage(
      JsonProcessingException e, String path, JsonLocationIndex index) {
    if (e instanceof UnrecognizedPropertyException u) {
      return unknownField(u.getPropertyName(), u.getKnownPropertyIds());
    }
    if (e.getCause() instanceof InputCoercionException c) {
      Class<?> target = c.getTargetType();
      String original = clean(c.getOriginalMessage());
      int open = original.indexOf('(');
      int close = original.indexOf(')');
      String number = open >= 0 && close > open ? " " + original.substring(open + 1, close) : "";
      return "the number"
          + number
          + " is out of range: this field holds a "
          + (target == Long.TYPE || target == Long.class ? "64" : "32")
          + "-bit integer";
    }
    if (e instanceof MismatchedInputException m) {
      String original = clean(m.getOriginalMessage());
      if (original.startsWith("No content to map")) {
        return "the file is empty; a scenario is a JSON object starting with {\"format\": 1";
      }
      Optional<JsonToken> found = index.tokenAt(path);
      return "expected "
          + describeType(m.getTargetType())
          + found.map(t -> ", found " + describeToken(t)).orElse(" (" + original + ")");
    }
    return clean(e.getOriginalMessage());
  }

  static String unknownField(String name, Collection<Object> known) {
    List<String> names = known.stream().map(String::valueOf).toList();
    return "unknown field \"" + name + "\"" + Names.hint(name, names);
  }

  static String pathOf(List<JsonMappingException.Reference> refs) {
    String path = "$";
    for (JsonMappingException.Reference r : refs) {
      if (r.getFieldName() != null) {
        path = JsonLocationIndex.child(path, r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path = JsonLocationIndex.element(path, r.getIndex());
      }
    }
    return path;
  }

  static String describeType(Class<?> type) {
    if (type == null) {
      return "another kind of value";
    }
    if (type == Integer.class || type == Integer.TYPE || type == Long.class || type == Long.TYPE) {
      return "a whole number";
    }
    if (type == Boolean.class || type == Boolean.TYPE) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (JsonNode.class.isAssignableFrom(type)) {
      return "a value";
    }
    return "an object";
  }

  static String describeToken(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "a whole number";
      case VALUE_NUMBER_FLOAT -> "a fractional number";
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> token.asString() == null ? token.name() : token.asString();
    };
  }

  /** Jackson's message without its source excerpt, class names or trailing hints. */
  private static String clean(String message) {
    if (message == null) {
      return "unreadable JSON";
    }
    String m = message;
    int source = m.indexOf("\n at [Source");
    if (source >= 0) {
      m = m.substring(0, source);
    }
    m = EMBEDDED_SOURCE.matcher(m).replaceAll("[line $1, column $2]");
    return m.replace("\n", " ").trim();
  }
}
