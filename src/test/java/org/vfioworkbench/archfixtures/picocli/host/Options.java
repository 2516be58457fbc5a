package org.vfioworkbench.archfixtures.picocli.host;

import picocli.CommandLine;

/** A host reader that parses options. */
public final class Options {
  public CommandLine line;
}
