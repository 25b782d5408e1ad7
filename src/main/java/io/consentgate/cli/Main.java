package io.consentgate.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar consentgate-<version>-cli.jar COMMAND [OPTIONS]}: the command-line front end.
 * Bad flags or an unreadable policy print one line on stderr and exit non-zero (2 for usage, 1 for failures).
 */
public final class Main {

    static final String USAGE = """
            usage: consentgate COMMAND [OPTIONS]
              rewrite [--dnt] [--gpc] [--allow CATEGORIES] [--content-type TYPE] [--policy FILE]
                      read HTML on stdin, write what the filter would send on stdout
              scan    [--dnt] [--gpc] [--allow CATEGORIES] [--content-type TYPE] [--policy FILE] [--json] FILE...
                      list every tracker element: file:line:col, tracker, categories, action
              serve   [--port 8080] [--host 127.0.0.1] [--docroot DIR] [--policy FILE]
                      run embedded Jetty with ConsentGate in front of the static files in DIR
              --version
                      print the version of ConsentGate and exit
            CATEGORIES: comma list of functional,analytics,marketing or all; default: no consent.""";

    private Main() {
    }

    public static void main(String[] args) {
        // The CLI's own logging defaults (slf4j-simple): stderr only, never stdout, where rewrite writes the
        // document. Set before any logger is created; -D on the command line still wins.
        System.setProperty("org.slf4j.simpleLogger.logFile",
                System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty",
                System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn"));
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The version in the jar's manifest; {@code unknown} when run from classes rather than a packaged jar. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown (not run from a packaged jar)";
    }

    /** Runs a command; returns the exit code (0 also for a server that was started and keeps running). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    static int run(String[] args, java.io.InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (List.of("--version", "version").contains(args[0])) {
            out.println("consentgate " + version());
            return 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "rewrite" -> RewriteCommand.run(Options.parse(rest, RewriteCommand.FLAGS), in, out, err);
                case "scan" -> ScanCommand.run(Options.parse(rest, ScanCommand.FLAGS), out);
                case "serve" -> ServeCommand.run(Options.parse(rest, ServeCommand.FLAGS), out);
                default -> throw new UsageException("unknown command '" + args[0] + "' (try --help)");
            };
        } catch (UsageException e) {
            err.println("consentgate: " + e.getMessage());
            return 2;
        } catch (CommandException e) {
            err.println("consentgate: " + e.getMessage());
            return 1;
        }
    }
}
