package org.vfioworkbench.host;

import java.util.Objects;

/**
 * A fact about a holder's file that the kernel does not show from outside and the scan inferred
 * (which container a group joined, which iommufd a cdev is bound to, which device an anonymous
 * device fd is for).
 *
 * @param fd the descriptor the fact is about
 * @param fact the inferred fact in words ("group 13 joined container c[4242:5]")
 * @param basis why it was inferred ("the process holds exactly one container")
 * @param ambiguous true when several answers were possible and one was picked
 */
public record InferredFact(int fd, String fact, String basis, boolean ambiguous) {

  public InferredFact {
    Objects.requireNonNull(fact, "fact");
    Objects.requireNonNull(basis, "basis");
  }
}
