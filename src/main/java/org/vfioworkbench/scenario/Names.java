package org.vfioworkbench.scenario;

import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/** Suggestions for mistyped names: the nearest known name by edit distance. */
final class Names {

  private Names() {}

  /** The known name closest to {@code given}, if it is close enough to be a likely typo. */
  static Optional<String> nearest(String given, Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d =
          distance(given.toLowerCase(java.util.Locale.ROOT), k.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, given.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** "; did you mean "bdf"?" or "; expected one of a, b, c". */
  static String hint(String given, Collection<String> known) {
    return nearest(given, known)
        .map(n -> "; did you mean \"" + n + "\"?")
        .orElseGet(() -> "; expected one of " + String.join(", ", known));
  }

  /** Names quoted and joined for messages. */
  static String quoted(Collection<String> names) {
    return names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
