package org.vfioworkbench.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line's root: {@code vfio-workbench <command> ...}. Each subcommand is its own class;
 * add new ones to {@link #SUBCOMMANDS} and {@link #subcommand}. Exit codes are in {@link
 * ExitCodes}.
 *
 * <p>A run builds only the subcommand it names (picocli's {@code subcommands} attribute would build
 * every command's model, converters and classes up front); usage, {@code help} and a name that is
 * not a command get the whole tree, and {@code --version} alone none.
 */
@Command(
    name = "vfio-workbench",
    mixinStandardHelpOptions = true,
    version = "VFIO Workbench 0.1",
    description = "See how Linux VFIO decides who may hot-reset a PCI device.")
public final class WorkbenchCli implements java.util.concurrent.Callable<Integer> {

  /** Every subcommand's name, in the order usage lists them. */
  static final List<String> SUBCOMMANDS =
      List.of(
          "evaluate",
          "info",
          "reset",
          "check",
          "compare",
          "scan",
          "capture",
          "probe",
          "lab",
          "explain",
          "plan",
          "export",
          "help");

  /** A new subcommand object; only its class is loaded, none of the others'. */
  private static Object subcommand(String name) {
    switch (name) {
      case "evaluate":
        return new EvaluateCommand();
      case "info":
        return new InfoCommand();
      case "reset":
        return new ResetCommand();
      case "check":
        return new CheckCommand();
      case "compare":
        return new CompareCommand();
      case "scan":
        return new ScanCommand();
      case "capture":
        return new CaptureCommand();
      case "probe":
        return new ProbeCommand();
      case "lab":
        return new LabCommand();
      case "explain":
        return new ExplainCommand();
      case "plan":
        return new PlanCommand();
      case "export":
        return new ExportCommand();
      case "help":
        return new CommandLine.HelpCommand();
      default:
        throw new IllegalArgumentException("no subcommand " + name);
    }
  }

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
    CommandLine cli = commandLine(args);
    cli.setOut(SafeText.filter(out));
    cli.setErr(SafeText.filter(err));
    int code = cli.execute(args);
    cli.getOut().flush();
    cli.getErr().flush();
    out.flush();
    err.flush();
    return code;
  }

  /** The configured command tree with every subcommand. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command tree {@code args} needs: only the subcommand named by the first argument that is
   * not an option, or every subcommand when there is none, it is {@code help}, or it names none.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cli = new CommandLine(new WorkbenchCli());
    String named = subcommandNamed(args);
    if (named != null) {
      cli.addSubcommand(named, subcommand(named));
    } else if (asksOnlyForTheVersion(args)) {
      // The version needs no command; a bare `--version` used to build all twelve.
    } else {
      for (String name : SUBCOMMANDS) {
        cli.addSubcommand(name, subcommand(name));
      }
    }
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

  /** Whether {@code args} is just the standard version option. */
  private static boolean asksOnlyForTheVersion(String[] args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /** The subcommand {@code args} names when that is all it needs, else null. */
  private static String subcommandNamed(String[] args) {
    for (String a : args) {
      if (!a.startsWith("-")) {
        return SUBCOMMANDS.contains(a) && !a.equals("help") ? a : null;
      }
    }
    return null;
  }

  /** Without a command: print usage and fail as bad input. */
  @Override
  public Integer call() {
    spec.commandLine().getErr().println("vfio-workbench: a command is required");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.BAD_INPUT;
  }
}
