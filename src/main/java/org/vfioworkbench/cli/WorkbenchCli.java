package org.vfioworkbench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line's root: {@code vfio-workbench <command> ...}. Each subcommand is its own class;
 * add new ones to {@code subcommands}. Exit codes are in {@link ExitCodes}.
 */
@Command(
    name = "vfio-workbench",
    mixinStandardHelpOptions = true,
    version = "VFIO Workbench 0.1",
    description = "See how Linux VFIO decides who may hot-reset a PCI device.",
    subcommands = {
      EvaluateCommand.class,
      InfoCommand.class,
      ResetCommand.class,
      CheckCommand.class,
      CompareCommand.class,
      ScanCommand.class,
      CaptureCommand.class,
      ProbeCommand.class,
      LabCommand.class,
      ExplainCommand.class,
      PlanCommand.class,
      ExportCommand.class,
      CommandLine.HelpCommand.class
    })
public final class WorkbenchCli implements java.util.concurrent.Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs a command line on standard out and standard error; returns the exit code. */
  public static int run(String[] args) {
    PrintWriter out =
        new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    return run(args, out, err);
  }

  /**
   * Runs a command line with the given streams (for tests and embedding); returns the exit code.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = commandLine();
    cli.setOut(SafeText.filter(out));
    cli.setErr(SafeText.filter(err));
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    out.flush();
    err.flush();
    return code;
  }

  /** The configured command tree. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new WorkbenchCli());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof BadInputException) {
            cmd.getErr().println("vfio-workbench " + cmd.getCommandName() + ": " + e.getMessage());
            return ExitCodes.BAD_INPUT;
          }
          cmd.getErr()
              .println(
                  "vfio-workbench "
                      + cmd.getCommandName()
                      + ": internal error: "
                      + e
                      + " (this is a bug in the workbench; please report it with the command and"
                      + " the file)");
          return ExitCodes.INTERNAL;
        });
    return cli;
  }

  /** Without a command: print usage and fail as bad input. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("vfio-workbench: a command is required");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.BAD_INPUT;
  }
}
