package io.consentgate.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.code(), r.err());
        assertEquals("""
                usage: consentgate COMMAND [OPTIONS]
                  rewrite [--dnt] [--gpc] [--allow CATEGORIES] [--content-type TYPE] [--policy FILE]
                          read HTML on stdin, write what the filter would send on stdout
                  scan    [--dnt] [--gpc] [--allow CATEGORIES] [--content-type TYPE] [--policy FILE] [--json] FILE...
                          list every tracker element: file:line:col, tracker, categories, action
                  serve   [--port 8080] [--host 127.0.0.1] [--docroot DIR] [--policy FILE]
                          run embedded Jetty with ConsentGate in front of the static files in DIR
                  --version
                          print the version of ConsentGate and exit
                CATEGORIES: comma list of functional,analytics,marketing or all, or none; default: no consent.
                """, r.out());
        assertEquals("", r.err());
        assertEquals(Main.USAGE + "\n", run("-h").out());
        Run none = run();
        assertEquals(2, none.code());
        assertEquals(Main.USAGE + System.lineSeparator(), none.err(), "no command: the usage on stderr");
    }

    /**
     * {@code COMMAND --help} (or {@code -h}), anywhere after the command and before a lone {@code --}, and
     * {@code help COMMAND}: its usage on stdout, exit 0.
     */
    @Test
    void helpAfterACommandPrintsThatCommandsUsage() {
        String rewrite = """
                usage: consentgate rewrite [--dnt] [--gpc] [--allow CATEGORIES] [--content-type TYPE] [--policy FILE]
                  read HTML on stdin, write what the filter would send on stdout
                CATEGORIES: comma list of functional,analytics,marketing or all, or none; default: no consent.
                """;
        String scan = """
                usage: consentgate scan [--dnt] [--gpc] [--allow CATEGORIES] [--content-type TYPE] [--policy FILE] \
                [--json] FILE...
                  list every tracker element: file:line:col, tracker, categories, action
                CATEGORIES: comma list of functional,analytics,marketing or all, or none; default: no consent.
                """;
        String serve = """
                usage: consentgate serve [--port 8080] [--host 127.0.0.1] [--docroot DIR] [--policy FILE]
                  run embedded Jetty with ConsentGate in front of the static files in DIR
                """;
        String[][] cases = {
            {rewrite, "rewrite", "--help"}, {rewrite, "rewrite", "-h"}, {rewrite, "rewrite", "--dnt", "--help"},
            {scan, "scan", "--help"}, {scan, "scan", "--json", "page.html", "-h"},
            {serve, "serve", "--help"}, {serve, "serve", "--port", "1", "-h"},
            {scan, "help", "scan"}, {rewrite, "--help", "rewrite"},
        };
        for (String[] c : cases) {
            Run r = run(java.util.Arrays.copyOfRange(c, 1, c.length));
            String why = String.join(" ", java.util.Arrays.copyOfRange(c, 1, c.length)) + ": " + r.err();
            assertEquals(0, r.code(), why);
            assertEquals(c[0], r.out(), why);
            assertEquals("", r.err(), why);
        }
        // after a lone --, --help is a file's name: scan tries to read it
        Run file = run("scan", "--", "--help");
        assertEquals(1, file.code());
        assertTrue(file.err().contains("cannot read '--help'"), file.err());
        Run unknown = run("frobnicate", "--help");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown command 'frobnicate'"), unknown.err());
        Run helpUnknown = run("help", "frobnicate");
        assertEquals(2, helpUnknown.code());
        assertEquals("", helpUnknown.out());
        assertTrue(helpUnknown.err().contains("unknown command 'frobnicate'"), helpUnknown.err());
    }
}
