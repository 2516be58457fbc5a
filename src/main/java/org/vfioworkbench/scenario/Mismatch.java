package org.vfioworkbench.scenario;

import java.util.Objects;

/**
 * One field whose actual value differs from the expected one.
 *
 * @param field the field ("errno", "flags", "devices[0000:02:00.1]")
 * @param expected what the expectation says
 * @param actual what the engine produced
 */
public record Mismatch(String field, String expected, String actual) {

  public Mismatch {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
  }

  @Override
  public String toString() {
    return field + ": expected " + expected + ", got " + actual;
  }
}
