/**
 * The command line (picocli): {@code evaluate}, {@code info}, {@code reset}, {@code check} and
 * {@code compare} over scenario files, each in its own class, all with {@code --profile} and {@code
 * --json}. Exit codes: 0 ok, 1 an expectation or comparison differs, 2 bad input, 3 an internal
 * error. The only package (with the launcher) that writes to standard streams.
 */
package org.vfioworkbench.cli;
