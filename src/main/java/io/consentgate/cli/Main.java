package io.consentgate.cli;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code java -jar consentgate-<version>-cli.jar COMMAND [OPTIONS]}: the command-line front end.
 * Bad flags or an unreadable policy print one line on stderr and exit non-zero (2 for usage, 1 for failures).
 */
public final class Main {

    /** One entry of the help texts: a command (or {@code --version}), its flags and operands, what it does. */
    private record Help(String name, String synopsis, String summary) {

        /** The two lines of the top-level usage: name and synopsis, then the summary indented under them. */
        String entry() {
            return ("  " + String.format("%-7s", name) + " " + synopsis).stripTrailing() + "\n" + " ".repeat(10)
                    + summary + "\n";
        }

        /** This command's usage, for {@code consentgate COMMAND --help}. */
        String usage() {
            return "usage: consentgate " + name + " " + synopsis + "\n  " + summary
                    + (synopsis.contains("CATEGORIES") ? "\n" + CATEGORIES : "");
        }
    }

    private static final String CATEGORIES =
            "CATEGORIES: comma list of functional,analytics,marketing or all, or none; default: no consent.";

    private static final Map<String, Help> COMMANDS = helps(
            new Help("rewrite", "[--dnt] [--gpc] [--allow CATEGORIES] [--content-type TYPE] [--policy FILE]",
                    "read HTML on stdin, write what the filter would send on stdout"),
            new Help("scan", "[--dnt] [--gpc] [--allow CATEGORIES] [--content-type TYPE] [--policy FILE] [--json] "
                    + "FILE...", "list every tracker element: file:line:col, tracker, categories, action"),
            new Help("serve", "[--port 8080] [--host 127.0.0.1] [--docroot DIR] [--policy FILE]",
                    "run embedded Jetty with ConsentGate in front of the static files in DIR"));

    private static final Help VERSION = new Help("--version", "", "print the version of ConsentGate and exit");

    /** The top-level usage: every command, then {@code --version}, then what CATEGORIES are. */
    static final String USAGE = "usage: consentgate COMMAND [OPTIONS]\n"
            + COMMANDS.values().stream().map(Help::entry).collect(Collectors.joining()) + VERSION.entry() + CATEGORIES;

    private static Map<String, Help> helps(Help... helps) {
        Map<String, Help> m = new LinkedHashMap<>();
        for (Help h : helps) {
            m.put(h.name(), h);
        }
        return Collections.unmodifiableMap(m);
    }

    private Main() {
    }

    public static void main(String[] args) {
        // The CLI's own logging defaults (slf4j-simple): stderr only, never stdout, where rewrite writes the
        // document. Set before any logger is created; -D on the command line still wins.
        System.setProperty("org.slf4j.simpleLogger.logFile",
                System.getProperty("org.slf4j.simpleLogger.logFile", "System.err"));
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty",
                System.getProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn"));
        int code = run(args, System.in, Stdout.system(), System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The version in the jar's manifest; {@code unknown} when run from classes rather than a packaged jar. */
    static String version() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v != null ? v : "unknown (not run from a packaged jar)";
    }

    /** {@link #run(String[], InputStream, Stdout, PrintStream)} with stdin, lines on {@code out} in UTF-8. */
    static int run(String[] args, OutputStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    /** {@link #run(String[], InputStream, Stdout, PrintStream)} with lines on {@code out} in UTF-8. */
    static int run(String[] args, InputStream in, OutputStream out, PrintStream err) {
        return run(args, in, new Stdout(out, StandardCharsets.UTF_8), err);
    }

    /**
     * Runs a command; returns the exit code (0 also for a server that was started and keeps running). What it wrote
     * on {@code out} is flushed before it returns; a write that fails is exit code 1, as any other failure.
     */
    static int run(String[] args, InputStream in, Stdout out, PrintStream err) {
        try {
            int code = dispatch(args, in, out, err);
            out.flush();
            return code;
        } catch (UsageException e) {
            err.println("consentgate: " + e.getMessage());
            return 2;
        } catch (CommandException | Stdout.Failed e) {
            err.println("consentgate: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            // A bug, not bad input: what the command wrote so far still goes out, then the error and its trace.
            try {
                out.flush();
            } catch (Stdout.Failed ignored) {
                // The error below is the one to report.
            }
            err.println("consentgate: unexpected error: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    private static int dispatch(String[] args, InputStream in, Stdout out, PrintStream err)
            throws UsageException, CommandException, Stdout.Failed {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        if (List.of("-h", "--help", "help").contains(args[0])) {
            Help command = args.length > 1 ? COMMANDS.get(args[1]) : null;
            if (args.length > 1 && command == null && !args[1].startsWith("-")) {
                throw new UsageException("unknown command '" + args[1] + "' (try --help)");
            }
            out.println(command == null ? USAGE : command.usage()); // "help scan" as "scan --help"
            return 0;
        }
        if (List.of("--version", "version").contains(args[0])) {
            out.println("consentgate " + version());
            return 0;
        }
        Help help = COMMANDS.get(args[0]);
        if (help == null) {
            throw new UsageException("unknown command '" + args[0] + "' (try --help)");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        List<String> flags = Arrays.asList(rest);
        flags = flags.contains("--") ? flags.subList(0, flags.indexOf("--")) : flags; // after --, a file's name
        if (flags.contains("--help") || flags.contains("-h")) {
            out.println(help.usage());
            return 0;
        }
        return switch (args[0]) {
            case "rewrite" -> RewriteCommand.run(Options.parse(rest, RewriteCommand.FLAGS), in, out, err);
            case "scan" -> ScanCommand.run(Options.parse(rest, ScanCommand.FLAGS), out, err);
            // serve's one line is a notice, not its output: a server that cannot print it still serves.
            case "serve" -> ServeCommand.run(Options.parse(rest, ServeCommand.FLAGS),
                    new PrintStream(out, true, out.charset()));
            default -> throw new UsageException("unknown command '" + args[0] + "' (try --help)");
        };
    }
}
