package org.vfioworkbench.cli;

/** Input the command cannot work with; its message is printed as is and the exit code is 2. */
final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  BadInputException(String message) {
    super(message, null, false, false);
  }
}
